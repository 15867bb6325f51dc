//! Running an attendee's check: on a thread and a runtime of its own, with a
//! deadline, its panics caught.

use std::future::Future;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

/// How long (real time) a check may run before the test gives up on it. A hung
/// check fails here, well within the workshop's 5 s, instead of hanging the
/// test run.
pub const BOUND: Duration = Duration::from_secs(5);

/// How a run of the attendee's check ended.
#[derive(Debug)]
pub enum Verdict {
    /// `Ok(())`.
    Passed,
    /// `Err(message)`.
    Failed(String),
    /// A panic, with its message (an `assert!`, an `unwrap`, a `todo!()`).
    Panicked(String),
    /// Still running at [`BOUND`].
    Hung,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Passed)
    }

    /// What the check said, for a failure message.
    pub fn said(&self) -> String {
        match self {
            Verdict::Passed => "it returned Ok(())".to_string(),
            Verdict::Failed(message) => format!("it returned Err: {message}"),
            Verdict::Panicked(message) => format!("it panicked: {message}"),
            Verdict::Hung => format!(
                "it was still running after {BOUND:?} (real time): does some wait lack a \
                 deadline, or does something block the thread?"
            ),
        }
    }
}

/// Which clock the check's runtime runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// Paused tokio time, as `#[tokio::test(start_paused = true)]`.
    Paused,
    /// Real time, as `#[tokio::test]` (needed with real sockets).
    Real,
}

/// Runs the future `make()` returns on a new current-thread tokio runtime, on a
/// thread of its own, and waits for it at most [`BOUND`].
pub fn run_check<F, Fut>(clock: Clock, make: F) -> Verdict
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), String>>,
{
    let (done_tx, done_rx) = channel();
    let thread = std::thread::Builder::new()
        .name("your check".into())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .start_paused(clock == Clock::Paused)
                .build()
                .expect("a tokio runtime should build");
            let result = runtime.block_on(make());
            // A panic above drops `done_tx` instead: the receiver sees the
            // disconnect.
            let _ = done_tx.send(());
            result
        })
        .expect("the test should be able to start a thread");
    match done_rx.recv_timeout(BOUND) {
        Err(RecvTimeoutError::Timeout) => Verdict::Hung,
        Ok(()) | Err(RecvTimeoutError::Disconnected) => match thread.join() {
            Ok(Ok(())) => Verdict::Passed,
            Ok(Err(message)) => Verdict::Failed(message),
            Err(payload) => Verdict::Panicked(panic_message(payload.as_ref())),
        },
    }
}

/// The text of a panic payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "(a panic without a message)".to_string()
    }
}
