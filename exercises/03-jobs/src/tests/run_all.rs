//! Exercise `run_all`: Go's RunAsync. The first error returns at once, and the other
//! jobs are told to stop.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::error::JobError;
use crate::job::Job;
use crate::run_all::run_all;

use super::support::{PATIENCE, expect_message, within};

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
        "run_all must start every job on its own thread before waiting for any"
    );
}

#[test]
fn the_first_error_is_returned_and_the_others_are_stopped() {
    let side_effect = Arc::new(AtomicBool::new(false));
    let (started, slow_started) = mpsc::channel();
    let (exited, slow_exited) = mpsc::channel();

    // A slow job: 30 seconds of "work", unless it is told to stop first.
    let slow = {
        let side_effect = Arc::clone(&side_effect);
        Job::new("slow", move |stop| {
            started.send(())?;
            if stop.wait_timeout(Duration::from_secs(30)) {
                exited.send("stopped")?;
                return Ok(());
            }
            side_effect.store(true, Ordering::SeqCst);
            exited.send("finished all its work")?;
            Ok(())
        })
    };
    // Fails, but only once the slow job is under way.
    let failing = Job::new("failing", move |_stop| {
        slow_started
            .recv_timeout(PATIENCE)
            .map_err(|_| "the slow job never started")?;
        Err("the upstream said 500".into())
    });

    let result = within("run_all (one job fails, one takes 30 s)", move || {
        run_all(vec![slow, failing])
    });
    assert_eq!(
        result,
        Err(JobError::Failed {
            job: "failing".to_string(),
            message: "the upstream said 500".to_string()
        }),
        "run_all must return the first error as soon as it arrives"
    );
    assert_eq!(
        expect_message(&slow_exited, "the slow job to end after the error"),
        "stopped",
        "after the first error, run_all must stop() the StopSignal the other jobs share"
    );
    assert!(
        !side_effect.load(Ordering::SeqCst),
        "the slow job was stopped, so its side effect must never happen"
    );
}

#[test]
fn run_all_does_not_wait_for_a_job_that_ignores_stop() {
    // This job ignores the stop signal and stays blocked until the test opens its gate,
    // which happens only *after* run_all has returned. If run_all waited for every job
    // after the first error, it would never return.
    let finished = Arc::new(AtomicBool::new(false));
    let (gate, gate_closed) = mpsc::channel::<()>();
    let stubborn = {
        let finished = Arc::clone(&finished);
        Job::new("stubborn", move |_stop| {
            let _ = gate_closed.recv_timeout(Duration::from_secs(30));
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
        "run_all returned only after the blocked job finished: it must return on the \
         first error without joining the others"
    );
    drop(gate); // let the stubborn job go home
}

#[test]
fn a_panic_counts_as_the_first_error_and_stops_the_rest() {
    let (exited, looper_exited) = mpsc::channel();
    let (warmed_up, looper_warm) = mpsc::channel();
    let iterations = Arc::new(AtomicUsize::new(0));

    // Loops in small steps until told to stop; counts its steps.
    let looper = {
        let iterations = Arc::clone(&iterations);
        Job::new("looper", move |stop| {
            while !stop.wait_timeout(Duration::from_millis(1)) {
                if iterations.fetch_add(1, Ordering::SeqCst) == 3 {
                    warmed_up.send(())?;
                }
            }
            exited.send(())?;
            Ok(())
        })
    };
    let line = line!() + 6;
    let panicky = Job::new("panicky", move |_stop| {
        looper_warm
            .recv_timeout(PATIENCE)
            .map_err(|_| "the looper never got going")?;
        let shelf: Vec<u32> = Vec::new();
        let _third = shelf[3];
        Ok(())
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
                "the location must be the line of the out-of-bounds index"
            );
        }
        other => panic!("expected Err(Panicked) from the panicking job; got {other:?}"),
    }
    // The looper's thread has left its loop (it told us so): its count stops growing.
    expect_message(
        &looper_exited,
        "the looping job to leave its loop after the panic (run_all must stop the others)",
    );
}
