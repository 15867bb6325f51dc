//! KNOWN-WRONG SOLUTION (kept so that `cargo workshop verify` proves the tests catch
//! it): returns on the first error but drops plain `JoinHandle`s, which detaches the other tasks instead of aborting them.
//!
//! Exercise 6 (async_jobs): RunAsync and RunAsyncAllowErrors on tokio: `run_all_async`
//! (the first error wins, the rest are aborted) and `run_all_allow_errors_async`
//! (everyone runs to the end).
//!
//! A `JoinSet` holds running tasks and hands back whichever finishes *first*
//! (`join_next`), which is exactly what "first error wins" needs. Unlike threads, tasks
//! can be stopped from outside: `abort_all` drops every other task's future at its next
//! `.await`, so a job sleeping for 30 s simply never wakes up.
//!
//! Why it looks the way it does:
//!
//! * A `JoinError` (a task that panicked uncaught, or was aborted) knows its task's *id*,
//!   not our job's name. To name the job in the error, remember which id belongs to which
//!   name when you spawn (`spawn` returns an `AbortHandle` whose `id()` is that id), and
//!   use `join_next_with_id`.
//! * Dropping a `JoinSet` aborts every task still in it, so returning from the function
//!   stops the rest even if you forget `abort_all`; calling it says what you mean.
//!   Dropping a plain `JoinHandle` does *not*: the task runs on, detached.
//! * For the allow-errors twin the thread version's shape works unchanged: start every
//!   job first (each `start` spawns a task that begins running at once), then await the
//!   handles in order.
//!
//! The idea to take away: in async Rust, stopping the rest is *dropping* their futures.

#![allow(unused)]

use std::collections::HashMap;

use tokio::task::JoinSet;

use crate::async_job::{AsyncJob, AsyncJobHandle, from_join_error};
use crate::error::JobError;

// ANCHOR: run_all_async
/// Runs all `jobs` concurrently as tokio tasks. Returns `Ok(())` when all succeeded. On
/// the first error (or panic) it aborts the other tasks and returns that error at once.
pub async fn run_all_async(jobs: Vec<AsyncJob<()>>) -> Result<(), JobError> {
    // First finisher through a channel; the tasks themselves are plain JoinHandles.
    let (report, mut reports) = tokio::sync::mpsc::unbounded_channel();
    let mut handles = Vec::new();
    for job in jobs {
        let report = report.clone();
        handles.push(tokio::spawn(async move {
            let _ = report.send(job.run().await);
        }));
    }
    drop(report);
    while let Some(outcome) = reports.recv().await {
        if let Err(error) = outcome {
            return Err(error); // `handles` is dropped here: the tasks run on, detached
        }
    }
    Ok(())
}
// ANCHOR_END: run_all_async

// ANCHOR: allow_errors_async
/// Runs all `jobs` concurrently and waits for every one. Element `i` is `None` if job
/// `i` succeeded and `Some(error)` if it failed, panicked or was stopped.
pub async fn run_all_allow_errors_async(jobs: Vec<AsyncJob<()>>) -> Vec<Option<JobError>> {
    let handles: Vec<AsyncJobHandle<()>> = jobs.into_iter().map(AsyncJob::start).collect();
    let mut errors = Vec::with_capacity(handles.len());
    for handle in handles {
        errors.push(handle.wait().await.err());
    }
    errors
}
// ANCHOR_END: allow_errors_async
