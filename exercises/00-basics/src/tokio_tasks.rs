//! Exercise `tokio_tasks`: the async twin of `spawn_join`. Start tokio tasks with
//! `tokio::spawn` and await their `JoinHandle`s; or put them in a `JoinSet` and take
//! results as they finish.
//!
//! The idea to take away: a task is a future handed to the runtime, which polls it beside
//! yours, like the Go scheduler runs a goroutine. Awaiting a future *without* spawning it
//! runs it inside your own task, one after the other.

use std::future::Future;
use std::time::Duration;

use tokio::task::{JoinError, JoinSet};

/// Unwraps a finished task's result: its value, or its panic re-raised in the caller.
///
/// Given, not an exercise. A `JoinError` is either a panic inside the task or a
/// cancellation (`abort()`, or the runtime shutting down); this module never aborts a
/// task, so a cancellation here means the program is already going down.
pub fn task_result<T>(result: Result<T, JoinError>) -> T {
    match result {
        Ok(value) => value,
        Err(error) => match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("a task was cancelled before it finished: {error}"),
        },
    }
}

// ANCHOR: run_all_tasks
/// Runs every job as its own tokio task, all at the same time, and returns their results
/// in the order of `jobs`.
pub async fn run_all_tasks<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    // TODO: `tokio::spawn` every job first (keep the `JoinHandle`s in a Vec), then
    //       `.await` each handle in order and unwrap it with `task_result(...)`.
    // Book: book/src/00-basics.md#exercise-3-tokio-tasks
    todo!()
}
// ANCHOR_END: run_all_tasks

// ANCHOR: in_completion_order
/// Starts one task per delay; each sleeps for its delay (in milliseconds) and returns it.
/// Returns the delays in the order the tasks finished.
pub async fn in_completion_order(delays_ms: Vec<u64>) -> Vec<u64> {
    // TODO: make a `JoinSet::new()`; for each delay `tasks.spawn(async move { ... })` a
    //       task that does `tokio::time::sleep(Duration::from_millis(delay)).await` and
    //       returns `delay`; then `while let Some(result) = tasks.join_next().await`,
    //       push `task_result(result)`.
    // Book: book/src/00-basics.md#exercise-3-tokio-tasks
    todo!()
}
// ANCHOR_END: in_completion_order
