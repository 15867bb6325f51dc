//! Exercise 3 (tokio_tasks): the async twin of `spawn_join`. Start tokio tasks
//! with `tokio::spawn` and await their `JoinHandle`s; or put them in a
//! `JoinSet` and take results as they finish.
//!
//! KNOWN WRONG (awaits_in_spawn_order): `in_completion_order` keeps the
//! `JoinHandle`s in a Vec and awaits them in the order they were spawned. The
//! tasks do run at the same time, but the delays come back in start order, not
//! in the order the tasks finished.
//!
//! Why it works: a task is a future handed to the runtime, which polls it
//! beside yours, as the Go scheduler runs a goroutine. `tokio::spawn` starts
//! the task at once; its `JoinHandle` is only the way to its result, and
//! awaiting a handle waits for that one task. A future you `.await` *without*
//! spawning it is not a task: it runs inside your own task, and the next line
//! runs only once it has finished.
//!
//! Dropping a `JoinHandle` does not stop its task: the task runs on, detached
//! (only `abort` stops it). A `JoinSet` is different: it owns its tasks, and
//! dropping the set aborts every task still in it. Its `join_next` returns
//! whichever task finishes next, and `None` once the set is empty.

use std::future::Future;
use std::time::Duration;

use tokio::task::JoinError;

/// Unwraps a finished task's result: its value, or its panic re-raised in the
/// caller.
///
/// Given, not an exercise. A `JoinError` is either a panic inside the task or a
/// cancellation (`abort()`, or the runtime shutting down); this module never
/// aborts a task, so a cancellation here means the program is already going
/// down.
pub fn task_result<T>(result: Result<T, JoinError>) -> T {
    match result {
        Ok(value) => value,
        Err(error) => match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => {
                panic!("a task was cancelled before it finished: {error}")
            }
        },
    }
}

// ANCHOR: run_all_tasks
/// Runs every job as its own tokio task, all at the same time, and returns
/// their results in the order of `jobs`.
pub async fn run_all_tasks<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    // Spawn them all first: each `tokio::spawn` starts its task right away.
    let handles: Vec<_> = jobs.into_iter().map(tokio::spawn).collect();
    let mut results = Vec::with_capacity(handles.len());
    // Awaiting in spawn order gives job order; meanwhile every task keeps
    // running.
    for handle in handles {
        results.push(task_result(handle.await));
    }
    results
}
// ANCHOR_END: run_all_tasks

// ANCHOR: in_completion_order
/// Starts one task per delay; each sleeps for its delay (in milliseconds)
/// and returns it. Returns the delays in the order the tasks finished.
pub async fn in_completion_order(delays_ms: Vec<u64>) -> Vec<u64> {
    let handles: Vec<_> = delays_ms
        .into_iter()
        .map(|delay| {
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(delay)).await;
                delay
            })
        })
        .collect();
    // The mistake: awaiting the handles in spawn order gives spawn order back.
    let mut finished = Vec::new();
    for handle in handles {
        finished.push(task_result(handle.await));
    }
    finished
}
// ANCHOR_END: in_completion_order
