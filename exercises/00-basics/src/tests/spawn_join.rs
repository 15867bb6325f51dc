//! Tests for the `spawn_join` exercise: `run_all` with `std::thread::spawn` +
//! `join`.

use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::thread;

use super::support::{Gate, advice, panic_message, reraise_todo, within};
use crate::spawn_join::run_all;

const STUCK: &str =
    "a job that never returns? (the jobs in these tests return at once)";

#[test]
fn returns_every_result_in_job_order() {
    let jobs: Vec<_> = (0..6u64).map(|i| move || i * i).collect();
    let results = within("run_all", STUCK, move || run_all(jobs));
    assert!(
        results == vec![0, 1, 4, 9, 16, 25],
        "{}",
        advice(
            "job i's result at index i: [0, 1, 4, 9, 16, 25]",
            format!("{results:?}"),
            "collecting results in the order the threads finish; join the handles in the \
             order you spawned them"
        )
    );
}

#[test]
fn every_job_runs_on_a_thread_of_its_own() {
    let (caller, workers) = within("run_all", STUCK, || {
        let jobs: Vec<_> = (0..4).map(|_| || thread::current().id()).collect();
        (thread::current().id(), run_all(jobs))
    });
    let distinct: HashSet<_> = workers.iter().collect();
    assert!(
        distinct.len() == 4 && !workers.contains(&caller),
        "{}",
        advice(
            "4 jobs on 4 different threads, none of them the caller's",
            format!("the caller ran on {caller:?}, the jobs on {workers:?}"),
            "calling the jobs directly; each job needs a `thread::spawn` of its own"
        )
    );
}

#[test]
fn all_jobs_run_at_the_same_time() {
    // Each job waits at the gate until all four are there (or gives up after
    // `support::MEET`). Run one after the other, the first job is alone at the
    // gate.
    let gate = Arc::new(Gate::new(4));
    let jobs: Vec<_> = (0..4)
        .map(|_| {
            let gate = Arc::clone(&gate);
            move || gate.arrive_and_wait()
        })
        .collect();
    let met = within("run_all", STUCK, move || run_all(jobs));
    assert!(
        met.len() == 4 && met.iter().all(|&m| m),
        "{}",
        advice(
            "all 4 jobs running at once (each waits at a gate until the 4 are there)",
            format!(
                "they never were all there together (per job, met the others: {met:?})"
            ),
            "did you join each thread right after spawning it? That waits for each job \
             before the next one starts: spawn them all first, then join"
        )
    );
}

#[test]
fn a_panicking_job_panics_the_caller() {
    let outcome = within("run_all", STUCK, || {
        let jobs: Vec<Box<dyn FnOnce() -> u32 + Send>> =
            vec![Box::new(|| 1), Box::new(|| panic!("job 1 failed"))];
        panic::catch_unwind(AssertUnwindSafe(|| run_all(jobs)))
    });
    let message = match outcome {
        Ok(values) => {
            panic!(
                "{}",
                advice(
                    "run_all to panic with the job's message \"job 1 failed\"",
                    format!("it returned {values:?}"),
                    "dropping the `Err` that `join` returned for the job that panicked"
                )
            )
        }
        Err(payload) => panic_message(reraise_todo(payload).as_ref()),
    };
    assert!(
        message == "job 1 failed",
        "{}",
        advice(
            "run_all to panic with the job's own message \"job 1 failed\"",
            format!("it panicked with: {message}"),
            "`join().unwrap()` (or `expect`): that starts a new panic around the payload; \
             re-raise the payload itself with `std::panic::resume_unwind`"
        )
    );
}
