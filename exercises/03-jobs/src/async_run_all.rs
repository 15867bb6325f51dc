//! RunAsync and RunAsyncAllowErrors on tokio: `run_all_async` (the first error wins, the
//! rest are aborted) and `run_all_allow_errors_async` (everyone runs to the end).
//!
//! A `JoinSet` holds the running tasks and hands back whichever finishes *first*
//! (`join_next`), which is exactly what "first error wins" needs. Unlike threads, tasks
//! can be stopped from outside: `abort_all` drops every other task's future at its next
//! `.await`, so a job sleeping for 30 s simply never wakes up.
//!
//! The idea to take away: in async Rust, stopping the rest is *dropping* their futures.

use std::collections::HashMap;

use tokio::task::JoinSet;

use crate::async_job::{AsyncJob, AsyncJobHandle, from_join_error};
use crate::error::JobError;

// ANCHOR: run_all_async
/// Runs all `jobs` concurrently as tokio tasks. Returns `Ok(())` when all succeeded. On
/// the first error (or panic) it aborts the other tasks and returns that error at once.
pub async fn run_all_async(jobs: Vec<AsyncJob<()>>) -> Result<(), JobError> {
    // TODO: spawn `job.run()` for every job into a tokio::task::JoinSet (remember each task
    // id's job name in a HashMap). Loop on join_next_with_id(): on the first Err outcome
    // (or a JoinError, via from_join_error), call abort_all() and return that error.
    // Book: book/src/03-jobs.md#exercise-6-the-async-twins
    todo!()
}
// ANCHOR_END: run_all_async

// ANCHOR: allow_errors_async
/// Runs all `jobs` concurrently and waits for every one. Element `i` is `None` if job
/// `i` succeeded and `Some(error)` if it failed, panicked or was stopped.
///
/// The same shape as the threaded version: start everything first (each `start` spawns
/// a task that runs right away), then await the handles in order.
pub async fn run_all_allow_errors_async(jobs: Vec<AsyncJob<()>>) -> Vec<Option<JobError>> {
    // TODO: start every job (AsyncJob::start) first, then await each handle's wait() in
    // order and collect `.err()`.
    // Book: book/src/03-jobs.md#exercise-6-the-async-twins
    todo!()
}
// ANCHOR_END: allow_errors_async
