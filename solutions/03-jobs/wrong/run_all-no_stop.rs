//! KNOWN-WRONG SOLUTION (kept so that `cargo workshop verify` proves the tests catch
//! it): returns the first error without stopping the other jobs.
//!
//! Exercise 3 (run_all): Go's RunAsync. Run every job at once; the first error wins and
//! the rest are told to stop.
//!
//! "The first error" means the first to *happen*, whatever the job's place in the list:
//! a job that fails after 1 ms must not wait behind one that works for 30 s. Step 02's
//! fan-in does exactly that: every thread reports on one shared channel, and the receiver
//! hears whoever finishes first. All jobs share one [`StopSignal`], the way Go's jobs
//! share one cancellable `context.Context`.
//!
//! Why it looks the way it does:
//!
//! * "Return at once on the first error" and "stop the others" are two different things.
//!   The first is ours to do (stop listening); the second needs the jobs' co-operation
//!   (they check the signal). A thread cannot be killed from outside.
//! * We never join the other threads after the first error: a job that ignores the
//!   signal would keep us waiting for as long as it likes. They end on their own.
//! * Jobs that finish after we returned still send their result, to nobody: that send
//!   fails, and must fail quietly (no `unwrap`), just as Go's buffered channel lets late
//!   goroutines exit instead of blocking forever.
//! * The receiver's loop ends either after one report per job or when every sender is
//!   gone; dropping our own copy of the sender makes the second possible, so a bug can
//!   never leave `recv` waiting for a report that cannot come.
//!
//! The idea to take away: the first finisher comes from one shared channel; stopping is a
//! request, and the jobs do the stopping.

#![allow(unused)]

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
    let stop = StopSignal::new();
    let (report, reports) = mpsc::channel();
    let count = jobs.len();

    for job in jobs {
        let stop = stop.clone();
        let report = report.clone();
        thread::Builder::new()
            .name(job.name().to_string())
            .spawn(move || {
                let _ = report.send(job.run(&stop)); // late reports go to nobody: fine
            })
            .expect("the operating system refused to start a thread");
    }
    drop(report); // only the job threads hold senders now

    for _ in 0..count {
        match reports.recv() {
            Ok(Ok(())) => continue,
            Ok(Err(error)) => {
                return Err(error); // the others are never told to stop
            }
            Err(mpsc::RecvError) => break, // every sender is gone
        }
    }
    Ok(())
}
// ANCHOR_END: run_all
