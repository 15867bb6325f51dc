//! Exercise `allow_errors`: Go's RunAsyncAllowErrors. Everyone runs to the end; the
//! errors come back in a list indexed like the jobs.

use std::sync::mpsc;
use std::time::Duration;

use crate::allow_errors::run_all_allow_errors;
use crate::error::JobError;
use crate::job::Job;

use super::support::{PATIENCE, advice, check_slots, within};

fn failed(job: &str, message: &str) -> Option<JobError> {
    Some(JobError::Failed {
        job: job.to_string(),
        message: message.to_string(),
    })
}

#[test]
fn errors_come_back_at_the_index_of_their_job() {
    let line = line!() + 5;
    let jobs = vec![
        Job::new("ok-0", |_stop| Ok(())),
        Job::new("bad-1", |_stop| Err("timeout talking to maps".into())),
        Job::new("ok-2", |_stop| Ok(())),
        Job::new("boom-3", |_stop| panic!("unexpected null")),
        Job::new("bad-4", |_stop| Err("quota exceeded".into())),
    ];
    let errors = within("run_all_allow_errors", move || run_all_allow_errors(jobs));
    let expected = vec![
        None,
        failed("bad-1", "timeout talking to maps"),
        None,
        Some(JobError::Panicked {
            job: "boom-3".to_string(),
            message: "unexpected null".to_string(),
            location: format!("{}:{}", file!(), line),
        }),
        failed("bad-4", "quota exceeded"),
    ];
    check_slots(&errors, &expected);
}

#[test]
fn no_jobs_no_errors() {
    let errors = within("run_all_allow_errors of nothing", || {
        run_all_allow_errors(Vec::new())
    });
    assert!(errors.is_empty(), "no jobs, no slots; got {errors:?}");
}

#[test]
fn it_waits_for_jobs_that_finish_after_an_error() {
    // "early" fails at once; "late" fails only after hearing that "early" is done, and
    // after a further pause. The list can hold late's error only if we waited for it.
    let (early_done, heard_early) = mpsc::channel();
    let jobs = vec![
        Job::new("early", move |_stop| {
            early_done.send(())?;
            Err("early failure".into())
        }),
        Job::new("late", move |stop| {
            heard_early
                .recv_timeout(PATIENCE)
                .map_err(|_| "never heard from early")?;
            if stop.wait_timeout(Duration::from_millis(50)) {
                return Err("stopped, but allow_errors must not stop anyone".into());
            }
            Err("late failure".into())
        }),
    ];
    let errors = within("run_all_allow_errors", move || run_all_allow_errors(jobs));
    check_slots(
        &errors,
        &[
            failed("early", "early failure"),
            failed("late", "late failure"),
        ],
    );
}

#[test]
fn the_jobs_run_at_the_same_time() {
    // The first job in the list can only finish after the last one has started: they
    // must all be started before we wait for any.
    let (last_started, first_waits) = mpsc::channel();
    let jobs = vec![
        Job::new("first", move |_stop| {
            first_waits
                .recv_timeout(PATIENCE)
                .map_err(|_| "the last job never started: start them all, then wait")?;
            Ok(())
        }),
        Job::new("middle", |_stop| Ok(())),
        Job::new("last", move |_stop| {
            last_started.send(())?;
            Ok(())
        }),
    ];
    let errors = within("run_all_allow_errors", move || run_all_allow_errors(jobs));
    assert_eq!(
        errors,
        vec![None, None, None],
        "{}",
        advice(
            "three jobs started together: the first finishes once the last has started",
            format!("the first job waited {PATIENCE:?} for the last one to start, in vain"),
            "starting and waiting in the same loop runs the jobs one after the other: \
             start every job first, then wait"
        )
    );
}
