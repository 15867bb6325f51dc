//! Exercise 4 (worker_pool): W worker threads pulling jobs from one queue.
//!
//! KNOWN WRONG (thread_per_job): starts a thread for every job instead of `workers`
//! threads: all the jobs run at once, and nothing bounds them.
//!
//! A fixed pool of workers is the oldest way to bound concurrency: W threads,
//! one queue of jobs, results sent back (Go by Example's "Worker Pools"). Each
//! worker takes the next job the moment it is free, so fast and slow jobs mix
//! without idle workers.
//!
//! Why it works:
//!
//! - A `crossbeam_channel::Receiver` can be cloned or shared: several threads
//!   receiving from one channel each get *different* messages. That is the
//!   queue. (`std::sync::mpsc` has a single consumer.)
//! - The queue closes when every `Sender` of it is gone; iterating a receiver
//!   then ends, after the last queued job. A worker that stops as soon as the
//!   queue is *empty* for a moment stops too early: more jobs may come while
//!   the queue is open.
//! - A panic unwinds the thread it happens on. Caught with
//!   `std::panic::catch_unwind` around the one job, it becomes a value (a
//!   [`JobPanicked`]) and the worker goes on with the next job. Uncaught, it
//!   ends the worker, and `thread::scope` re-raises it in the caller.
//!
//! `thread::scope` lets the workers borrow `work` and the queue: they have all
//! ended when the scope returns.

use std::panic::{self, AssertUnwindSafe};
use std::thread;

use crossbeam_channel::Receiver;

use crate::panics::JobPanicked;

// ANCHOR: pool
/// Run `work` on every job from `jobs` with `workers` threads (at least 1), and
/// return each job's result, or its panic, in the order they finished.
/// Returns once the queue is closed and every job is done.
pub fn worker_pool<J, R, F>(
    workers: usize,
    jobs: Receiver<J>,
    work: F,
) -> Vec<Result<R, JobPanicked>>
where
    J: Send,
    R: Send,
    F: Fn(J) -> R + Sync,
{
    let (results, finished) = crossbeam_channel::unbounded();
    thread::scope(|scope| {
        // Wrong: one thread per job; `workers` bounds nothing.
        for job in jobs.iter() {
            let (results, work) = (results.clone(), &work);
            scope.spawn(move || {
                let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(job)))
                    .map_err(|payload| JobPanicked::from_payload(&*payload));
                let _ = results.send(outcome);
            });
        }
    });
    drop(results);
    finished.iter().collect()
}
// ANCHOR_END: pool
