//! `run_all`: Go's RunAsync. Run every job at once; the first error wins and the rest
//! are told to stop.
//!
//! Each job runs on its own thread and reports on one shared channel, so we hear from
//! whichever job finishes *first*, whatever its position in the list. All jobs share one
//! [`StopSignal`], the way Go's jobs share one cancellable `context.Context`.
//!
//! The idea to take away: "return at once on the first error" and "stop the others" are
//! two different things. The first is ours to do (stop listening); the second needs the
//! jobs' co-operation (they check the signal).

use std::sync::mpsc;
use std::thread;

use crate::error::JobError;
use crate::job::Job;
use crate::stop::StopSignal;

// ANCHOR: run_all
/// Runs all `jobs` concurrently, one thread each. Returns `Ok(())` when all succeeded.
/// On the first error (or panic) it stops the other jobs' [`StopSignal`] and returns that
/// error at once, without waiting for them to wind down.
pub fn run_all(jobs: Vec<Job<()>>) -> Result<(), JobError> {
    // TODO: one StopSignal and one mpsc channel for all jobs. Spawn a thread per job that
    // sends `job.run(&stop)` on the channel. Then receive one result per job: on the first
    // Err, call stop.stop() and return it at once (do not join the other threads).
    // Book: book/src/03-jobs.md#exercise-3-run-all-first-error-wins
    todo!()
}
// ANCHOR_END: run_all
