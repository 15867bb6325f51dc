//! Helpers the test groups share: fake upstreams, deadlines so that no test can
//! wait forever (in real time, and on paused time), and the drawings of the
//! upstreams' logs for failure messages.
use std::future::Future;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use upstream::Upstream;

/// No test waits longer than this, in real time, for the code under test (the
/// slowest test needs about one second).
pub const DEADLINE: Duration = Duration::from_secs(4);

/// A wait that is "forever" on paused time: if the code under test still has
/// not finished when every task is waiting, the clock jumps here at once, so
/// such a wait fails in a few microseconds of real time, never a day.
pub const FOREVER: Duration = Duration::from_secs(24 * 3600);

/// How long blocking code under test may take to return once its work is done
/// (the worker pool's jobs take microseconds; a pool that waits for a sender
/// nobody drops is caught here, well within five seconds).
pub const RETURN_GRACE: Duration = Duration::from_secs(2);

/// Shorthand for milliseconds.
pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// `613 ms`: durations in failure messages, rounded to what a reader compares.
pub fn show(duration: Duration) -> String {
    format!("{} ms", duration.as_millis())
}

pub fn start_upstream() -> Upstream {
    Upstream::start().expect("the fake upstream should start on 127.0.0.1:0")
}

/// The upstream's log, drawn: one bar per request.
pub fn draw(up: &Upstream) -> String {
    upstream::draw_requests(&up.requests())
}

/// Await `work`, in real time, for at most [`DEADLINE`]; past it, fail with
/// `what` and whatever `context` draws (the upstreams' logs).
pub async fn within<F: Future>(
    what: &str,
    context: impl Fn() -> String,
    work: F,
) -> F::Output {
    match tokio::time::timeout(DEADLINE, work).await {
        Ok(output) => output,
        Err(_) => panic!(
            "expected {what} to return within {}, because every call in this \
             test ends well before; it is still running.\n\n{}",
            show(DEADLINE),
            context()
        ),
    }
}

/// Run the async `test` on a fresh current-thread runtime with paused time, on
/// its own thread, and fail if it has not finished after [`DEADLINE`] of real
/// time. A panic inside `test` (a failed assertion, a `todo!()`) fails the
/// test with its own message.
///
/// On paused time a test never waits for real: the clock jumps ahead whenever
/// every task is waiting. Only code that never waits (a loop that spins) can
/// keep it from finishing, and that is what the deadline catches.
pub fn paused<F, Fut>(what: &str, test: F) -> Fut::Output
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    let (done, result) = mpsc::channel();
    let worker = thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("a current-thread runtime always builds");
        let _ = done.send(runtime.block_on(test()));
    });
    match result.recv_timeout(DEADLINE) {
        Ok(output) => output,
        Err(RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what}: the test ended without a result"),
        },
        Err(RecvTimeoutError::Timeout) => panic!(
            "expected {what} to finish at once: it runs on paused time, where \
             waiting costs nothing, yet after {} of real time it is still \
             running. Some task never waits: a loop that goes round and round \
             without an .await that sleeps or waits for a message.",
            show(DEADLINE)
        ),
    }
}

/// Run blocking code under test on its own thread, and fail if it has not
/// returned after [`RETURN_GRACE`]: call it once the work itself is done or
/// released. A panic inside `work` is re-raised here.
pub fn within_thread<T, F>(what: &str, work: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (done, result) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(RETURN_GRACE) {
        Ok(output) => output,
        Err(RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what}: ended without a result"),
        },
        Err(RecvTimeoutError::Timeout) => panic!(
            "expected {what} to return within {}, because every job in this \
             test is done long before; it is still running. Likely mistake: \
             it waits for something that never comes. Iterating a channel's \
             receiver ends only once every sender is gone, your own too: was \
             the sender you kept dropped before collecting?",
            show(RETURN_GRACE)
        ),
    }
}

/// The message of a panic payload (`&str` or `String`).
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}
