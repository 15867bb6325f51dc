//! Helpers shared by the tests of this step: deadlines for anything that might block.

use std::future::Future;
use std::panic;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

/// Generous: everything in these tests takes milliseconds. Hitting it means something
/// waits forever (a job nobody stopped, a handle nobody can join).
pub const DEADLINE: Duration = Duration::from_secs(5);

/// How long a job in these tests waits for another job (or for the test) before it gives
/// up with an error that says why. Shorter than [`DEADLINE`], so that a solution that runs
/// the jobs one after the other fails with the job's advice, not with a bare timeout.
pub const PATIENCE: Duration = Duration::from_secs(2);

/// Runs `work` on a helper thread and returns its result, failing the test if it takes
/// longer than `DEADLINE`. If `work` panics (a `todo!()`, say), the test fails with that
/// panic.
pub fn within<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    let helper = thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(DEADLINE) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => panic!(
            "{what} did not finish within {DEADLINE:?}: something is waiting for a job \
             that never ends (a thread nobody stopped, or a join on the wrong thing)"
        ),
        Err(RecvTimeoutError::Disconnected) => match helper.join() {
            Err(payload) => panic::resume_unwind(payload),
            Ok(()) => unreachable!("the helper thread always sends before it ends"),
        },
    }
}

/// The async twin: awaits `work` for at most 10 minutes of (paused, so instant) tokio
/// time. With a paused clock an idle runtime jumps straight to this deadline, so a future
/// that can never finish fails the test at once instead of hanging it.
pub async fn within_async<F: Future>(what: &str, work: F) -> F::Output {
    match tokio::time::timeout(Duration::from_secs(600), work).await {
        Ok(value) => value,
        Err(_) => panic!("{what} never finished: is it waiting for a task that was aborted?"),
    }
}

/// Receives one message from a job, or fails the test after `DEADLINE`.
pub fn expect_message<T>(from: &mpsc::Receiver<T>, what: &str) -> T {
    from.recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("expected {what} within {DEADLINE:?}, but it never came"))
}
