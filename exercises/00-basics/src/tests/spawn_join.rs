//! Tests for the `spawn_join` exercise: `run_all` with `std::thread::spawn` + `join`.

use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::support::{Gate, LIMIT, panic_message, within};
use crate::spawn_join::run_all;

#[test]
fn returns_every_result_in_job_order() {
    let jobs: Vec<_> = (0..6u64).map(|i| move || i * i).collect();
    let results = within(LIMIT, "run_all", move || run_all(jobs));
    assert_eq!(
        results,
        vec![0, 1, 4, 9, 16, 25],
        "expected job i's result at index i, because `join` on the handles in spawn order \
         gives them back in that order"
    );
}

#[test]
fn every_job_runs_on_a_thread_of_its_own() {
    let (caller, workers) = within(LIMIT, "run_all", || {
        let jobs: Vec<_> = (0..4).map(|_| || thread::current().id()).collect();
        (thread::current().id(), run_all(jobs))
    });
    let distinct: HashSet<_> = workers.iter().collect();
    assert!(
        distinct.len() == 4 && !workers.contains(&caller),
        "expected 4 different threads, none of them the caller's, because each job should \
         get its own `thread::spawn`; got caller {caller:?} and workers {workers:?}"
    );
}

#[test]
fn all_jobs_run_at_the_same_time() {
    // Each job waits at the gate until all four are there (or gives up after 2 s). Run
    // one after the other, the first job is alone at the gate.
    let gate = Arc::new(Gate::new(4));
    let jobs: Vec<_> = (0..4)
        .map(|_| {
            let gate = Arc::clone(&gate);
            move || gate.arrive_and_wait(Duration::from_secs(2))
        })
        .collect();
    let met = within(LIMIT, "run_all", move || run_all(jobs));
    assert!(
        met.len() == 4 && met.iter().all(|&m| m),
        "expected all 4 jobs to be running at once, because every thread is spawned before \
         any is joined; got {met:?}: did you join each thread right after spawning it?"
    );
}

#[test]
fn a_panicking_job_panics_the_caller() {
    let outcome = within(LIMIT, "run_all", || {
        let jobs: Vec<Box<dyn FnOnce() -> u32 + Send>> =
            vec![Box::new(|| 1), Box::new(|| panic!("job 1 failed"))];
        panic::catch_unwind(AssertUnwindSafe(|| run_all(jobs)))
    });
    let message = match &outcome {
        Ok(values) => format!("no panic, values {values:?}"),
        Err(payload) => panic_message(payload.as_ref()),
    };
    assert!(
        message == "job 1 failed",
        "expected run_all to panic with the job's own message \"job 1 failed\", because \
         `join` returns the panic and `std::panic::resume_unwind` re-raises it; got: {message}"
    );
}
