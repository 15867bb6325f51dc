//! Exercise `run_all`: Go's RunAsync. The first error returns at once, and the other
//! jobs are told to stop.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::error::JobError;
use crate::job::Job;
use crate::run_all::run_all;

use super::support::{PATIENCE, advice, expect_message, within};

#[test]
fn all_jobs_succeed_and_all_of_them_ran() {
    let ran = Arc::new(AtomicUsize::new(0));
    let jobs = (0..5)
        .map(|i| {
            let ran = Arc::clone(&ran);
            Job::new(format!("job-{i}"), move |_stop| {
                ran.fetch_add(1, Ordering::SeqCst);
                Ok(())
            })
        })
        .collect();
    let result = within("run_all", move || run_all(jobs));
    assert_eq!(
        result,
        Ok(()),
        "no job failed, so run_all must return Ok(())"
    );
    assert_eq!(
        ran.load(Ordering::SeqCst),
        5,
        "run_all must run every job before it returns Ok"
    );
}

#[test]
fn no_jobs_is_success() {
    let result = within("run_all of nothing", || run_all(Vec::new()));
    assert_eq!(result, Ok(()), "an empty list has no errors");
}

#[test]
fn the_jobs_run_at_the_same_time() {
    // Each job greets the other and waits for the other's greeting: only possible if
    // both run at once.
    let (to_b, from_a) = mpsc::channel();
    let (to_a, from_b) = mpsc::channel();
    let jobs = vec![
        Job::new("a", move |_stop| {
            to_b.send(())?;
            from_b
                .recv_timeout(PATIENCE)
                .map_err(|_| "never heard from b: are both jobs running at once?")?;
            Ok(())
        }),
        Job::new("b", move |_stop| {
            to_a.send(())?;
            from_a
                .recv_timeout(PATIENCE)
                .map_err(|_| "never heard from a: are both jobs running at once?")?;
            Ok(())
        }),
    ];
    let result = within("run_all", move || run_all(jobs));
    assert_eq!(
        result,
        Ok(()),
        "{}",
        advice(
            "two jobs that greet each other to run at once and succeed",
            format!("{result:?}"),
            "the jobs ran one after the other: start a thread for every job before \
             waiting for any"
        )
    );
}

/// How the slow job of the next test ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlowEnd {
    /// It heard the stop signal: what run_all must make happen.
    Stopped,
    /// It did all its work, and run_all had not returned yet.
    FinishedBeforeRunAllReturned,
    /// It did all its work after run_all had returned: nobody told it to stop.
    FinishedAfterRunAllReturned,
}

#[test]
fn the_first_error_is_returned_and_the_others_are_stopped() {
    let side_effect = Arc::new(AtomicBool::new(false));
    let returned = Arc::new(AtomicBool::new(false));
    let (started, slow_started) = mpsc::channel();
    let (exited, slow_exited) = mpsc::channel();

    // A slow job, first in the list: PATIENCE of "work", unless it is told to stop first.
    let slow = {
        let side_effect = Arc::clone(&side_effect);
        let returned = Arc::clone(&returned);
        Job::new("slow", move |stop| {
            started.send(())?;
            let end = if stop.wait_timeout(PATIENCE) {
                SlowEnd::Stopped
            } else {
                side_effect.store(true, Ordering::SeqCst);
                if returned.load(Ordering::SeqCst) {
                    SlowEnd::FinishedAfterRunAllReturned
                } else {
                    SlowEnd::FinishedBeforeRunAllReturned
                }
            };
            exited.send(end)?;
            Ok(())
        })
    };
    // Second in the list, but the first to end: it fails once the slow job is under way.
    let failing = Job::new("failing", move |_stop| {
        slow_started
            .recv_timeout(PATIENCE)
            .map_err(|_| "the slow job never started")?;
        Err("the upstream said 500".into())
    });

    let result = within("run_all (one job fails, one works for a while)", {
        let returned = Arc::clone(&returned);
        move || {
            let result = run_all(vec![slow, failing]);
            returned.store(true, Ordering::SeqCst);
            result
        }
    });
    assert_eq!(
        result,
        Err(JobError::Failed {
            job: "failing".to_string(),
            message: "the upstream said 500".to_string()
        }),
        "{}",
        advice(
            "the failing job's error",
            format!("{result:?}"),
            "return the first error that arrives"
        )
    );
    let end = expect_message(
        &slow_exited,
        "the slow job to end",
        "the slow job never ended: run_all must not stop the jobs' threads for good",
    );
    let happened = format!("the slow job ended as {end:?}");
    match end {
        SlowEnd::Stopped => {}
        SlowEnd::FinishedBeforeRunAllReturned => panic!(
            "{}",
            advice(
                "run_all to return the failing job's error at once and stop the slow job",
                happened,
                "run_all heard of the error only after the slow job, first in the list, had \
                 ended: it waits for the jobs in the order they were started. Let every job \
                 report on one shared channel, so the first to finish is heard first"
            )
        ),
        SlowEnd::FinishedAfterRunAllReturned => panic!(
            "{}",
            advice(
                "the slow job to be told to stop when the other job failed",
                happened,
                "run_all returned the error, but the other jobs were not stopped: call stop() \
                 on the StopSignal they share before returning"
            )
        ),
    }
    assert!(
        !side_effect.load(Ordering::SeqCst),
        "the slow job was stopped, so its side effect must never happen"
    );
}

#[test]
fn run_all_does_not_wait_for_a_job_that_ignores_stop() {
    // This job ignores the stop signal and stays blocked until the test opens its gate
    // (or PATIENCE runs out). If run_all waited for every job after the first error, it
    // would return only after this job.
    let finished = Arc::new(AtomicBool::new(false));
    let (gate, gate_closed) = mpsc::channel::<()>();
    let stubborn = {
        let finished = Arc::clone(&finished);
        Job::new("stubborn", move |_stop| {
            let _ = gate_closed.recv_timeout(PATIENCE);
            finished.store(true, Ordering::SeqCst);
            Ok(())
        })
    };
    let failing = Job::new("failing", |_stop| Err("bad request".into()));

    let result = within("run_all (while one job is blocked)", move || {
        run_all(vec![stubborn, failing])
    });
    assert!(
        matches!(&result, Err(JobError::Failed { job, .. }) if job == "failing"),
        "expected the failing job's error; got {result:?}"
    );
    assert!(
        !finished.load(Ordering::SeqCst),
        "{}",
        advice(
            "run_all to return on the first error, while the stubborn job is still blocked",
            format!("run_all returned only after the stubborn job ended ({PATIENCE:?} later)"),
            "run_all joins (or waits for) the other threads after the first error; a job \
             that ignores the stop signal then keeps it waiting. Stop them, and return"
        )
    );
    drop(gate); // let the stubborn job go home
}

#[test]
fn a_panic_counts_as_the_first_error_and_stops_the_rest() {
    let (exited, looper_exited) = mpsc::channel();
    let (warmed_up, looper_warm) = mpsc::channel();

    // Loops in small steps until told to stop, or at the latest for twice PATIENCE (less
    // than DEADLINE: a forgotten stop must not leave it looping for ever); says how it left.
    let looper = Job::new("looper", move |stop| {
        let since = std::time::Instant::now();
        let mut steps = 0_u32;
        let mut stopped = false;
        while since.elapsed() < 2 * PATIENCE {
            if stop.wait_timeout(Duration::from_millis(1)) {
                stopped = true;
                break;
            }
            steps += 1;
            if steps == 3 {
                warmed_up.send(())?;
            }
        }
        exited.send(stopped)?;
        Ok(())
    });
    let line = line!() + 5;
    let panicky = Job::new("panicky", move |_stop| {
        looper_warm
            .recv_timeout(PATIENCE)
            .map_err(|_| "the looper never got going")?;
        panic!("a deliberate panic: the test checks that run_all stops the other jobs");
    });

    let result = within("run_all (a job panics)", move || {
        run_all(vec![looper, panicky])
    });
    match &result {
        Err(JobError::Panicked { job, location, .. }) => {
            assert_eq!(job, "panicky");
            assert_eq!(
                *location,
                format!("{}:{}", file!(), line),
                "the location must be the line of the panic!"
            );
        }
        other => panic!(
            "{}",
            advice(
                "Err(JobError::Panicked) from the panicking job: a panic is an error too",
                format!("{other:?}"),
                "run each job through Job::run, which catches its panic"
            )
        ),
    }
    let not_stopped = "run_all returned the panic as an error, but the other jobs were not \
                       stopped: call stop() on the StopSignal they share before returning";
    let stopped = expect_message(
        &looper_exited,
        "the looping job to leave its loop after the panic",
        not_stopped,
    );
    assert!(
        stopped,
        "{}",
        advice(
            "the looping job to be told to stop after the panic",
            format!("it looped on for {:?}, to its own limit", 2 * PATIENCE),
            not_stopped
        )
    );
}
