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
    let stop = StopSignal::new();
    let (report, reports) = mpsc::channel();
    let count = jobs.len();

    for job in jobs {
        let stop = stop.clone();
        let report = report.clone();
        thread::Builder::new()
            .name(job.name().to_string())
            .spawn(move || {
                let result = job.run(&stop);
                // After the first error nobody listens any more; that is fine.
                let _ = report.send(result);
            })
            .expect("the operating system refused to start a thread");
    }
    // Drop our own sender, so that `recv` fails instead of hanging if every job thread
    // were somehow gone without reporting.
    drop(report);

    for _ in 0..count {
        match reports.recv() {
            Ok(Ok(())) => continue,
            Ok(Err(error)) => {
                stop.stop();
                // We do not join the other threads: a job that ignores the signal would
                // keep us here. They finish (or notice the signal) on their own.
                return Err(error);
            }
            // Every sender is gone: no job is left to report.
            Err(mpsc::RecvError) => break,
        }
    }
    Ok(())
}
// ANCHOR_END: run_all
