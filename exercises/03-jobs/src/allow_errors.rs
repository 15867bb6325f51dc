//! Exercise 4 (allow_errors): Go's RunAsyncAllowErrors. Run every job at once, wait for
//! *all* of them, and say which ones failed.
//!
//! Nobody is stopped here: one job failing is no reason to throw away the others' work.
//! The result has one slot per job, in the order the jobs were given, like Go's
//! `[]error` where `errs[i]` belongs to `fns[i]`: a list of errors without their places
//! would not say which call to retry.
//!
//! The idea to take away: waiting on the handles *in order* is fine when you wait for
//! all of them anyway; the total time is the slowest job's, not the sum, as long as every
//! job was started before the first wait.

use crate::error::JobError;
use crate::job::{Job, JobHandle};

// ANCHOR: allow_errors
/// Runs all `jobs` concurrently and waits for every one of them. Element `i` of the
/// result is `None` if job `i` succeeded and `Some(error)` if it failed or panicked.
pub fn run_all_allow_errors(jobs: Vec<Job<()>>) -> Vec<Option<JobError>> {
    // TODO: Run every job at the same time and wait for all of them, stopping none; slot i
    //       of the result is job i's error (None if it succeeded).
    // Book: book/src/03-jobs.md#exercise-4-run-all-allow-errors
    todo!()
}
// ANCHOR_END: allow_errors
