//! Helpers shared by the tests of this step: deadlines for anything that might block,
//! and failure messages in one shape (expected, happened, likely mistake).

use std::fmt::Display;
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

/// A failure message: what the test expected, what happened, and the likely mistake, in
/// words a Go or Python programmer would use.
pub fn advice(expected: impl Display, happened: impl Display, mistake: impl Display) -> String {
    format!(
        "\n  expected:       {expected}\n  happened:       {happened}\n  likely mistake: {mistake}\n"
    )
}

/// Is this panic payload the `todo!()` of an exercise not done yet?
pub fn is_todo(payload: &(dyn std::any::Any + Send)) -> bool {
    let text = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
    text.is_some_and(|text| text.starts_with("not yet implemented"))
}

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
            "{}",
            advice(
                format!("{what} to finish within {DEADLINE:?}"),
                "it was still running",
                "something waits for a job that never ends: a thread nobody stopped, or a \
                 join or recv on the wrong thing"
            )
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
        Err(_) => panic!(
            "{}",
            advice(
                format!("{what} to finish"),
                "it was still waiting after 10 minutes of (paused) tokio time",
                "it awaits something that can never happen: a task that was aborted, or a \
                 lock that its holder never gives back"
            )
        ),
    }
}

/// Awaits a spawned task (within [`within_async`]'s deadline) and returns its value. A
/// panic inside the task (a `todo!()`, say) fails the test with that panic.
pub async fn join_task<T>(what: &str, task: tokio::task::JoinHandle<T>) -> T {
    match within_async(what, task).await {
        Ok(value) => value,
        Err(error) if error.is_panic() => panic::resume_unwind(error.into_panic()),
        Err(error) => panic!("{what}: the task was cancelled ({error})"),
    }
}

/// Receives one message from a job, or fails the test after `DEADLINE` with `advice`.
pub fn expect_message<T>(from: &mpsc::Receiver<T>, what: &str, mistake: &str) -> T {
    from.recv_timeout(DEADLINE).unwrap_or_else(|_| {
        panic!(
            "{}",
            advice(
                format!("{what} within {DEADLINE:?}"),
                "it never came",
                mistake
            )
        )
    })
}

/// Compares the slots an allow-errors function returned with the expected ones, and
/// fails with advice that names the likely mistake: too few slots (stopped at the first
/// error), only the errors (no index), or the right errors in the wrong places.
pub fn check_slots(
    got: &[Option<crate::error::JobError>],
    expected: &[Option<crate::error::JobError>],
) {
    if got == expected {
        return;
    }
    let errors_expected = expected.iter().filter(|slot| slot.is_some()).count();
    let mistake = if got.len() == errors_expected && got.iter().all(Option::is_some) {
        "only the errors came back, so nobody can tell which job each belongs to: keep \
         one slot per job, None for a job that succeeded"
    } else if got.len() < expected.len() && got.last().is_some_and(Option::is_some) {
        "it stopped at the first error: allow-errors waits for every job and fills every \
         slot"
    } else if got.len() != expected.len() {
        "keep exactly one slot per job"
    } else {
        "slot i must hold job i's error, whatever order the jobs finished in"
    };
    panic!(
        "{}",
        advice(
            format!(
                "{} slots, one per job in the jobs' order: {expected:?}",
                expected.len()
            ),
            format!("{} slots: {got:?}", got.len()),
            mistake
        )
    );
}
