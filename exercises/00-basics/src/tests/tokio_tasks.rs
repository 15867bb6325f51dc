//! Tests for the `tokio_tasks` exercise: `run_all_tasks` (`tokio::spawn`) and
//! `in_completion_order` (`JoinSet`).
//!
//! Time is paused: sleeps finish instantly in real time but exactly on the virtual clock,
//! so "concurrent" can be checked as "took as long as the longest job, not the sum".

use std::collections::HashSet;
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};

use crate::tokio_tasks::{in_completion_order, run_all_tasks};

const LIMIT: Duration = Duration::from_secs(10);

#[tokio::test(start_paused = true)]
async fn results_come_back_in_job_order_and_the_jobs_overlap() {
    let start = Instant::now();
    let jobs: Vec<_> = [30u64, 10, 20]
        .into_iter()
        .enumerate()
        .map(|(index, ms)| async move {
            sleep(Duration::from_millis(ms)).await;
            index
        })
        .collect();
    let results = timeout(LIMIT, run_all_tasks(jobs))
        .await
        .expect("run_all_tasks did not finish: is it awaiting something that never ends?");
    let took = start.elapsed();
    assert_eq!(
        results,
        vec![0, 1, 2],
        "expected job i's result at index i (await the handles in spawn order)"
    );
    assert!(
        took >= Duration::from_millis(30) && took < Duration::from_millis(60),
        "expected 30 ms of (virtual) time, the longest job, because the jobs run at the same \
         time; one after the other takes 60 ms; took {took:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn every_job_is_a_spawned_task() {
    // `tokio::task::try_id()` is `Some` only inside a spawned task.
    let jobs: Vec<_> = (0..3).map(|_| async { tokio::task::try_id() }).collect();
    let ids = timeout(LIMIT, run_all_tasks(jobs))
        .await
        .expect("run_all_tasks did not finish");
    let distinct: HashSet<_> = ids.iter().flatten().collect();
    assert!(
        distinct.len() == 3,
        "expected each job to run in a task of its own, because each should get its own \
         `tokio::spawn` (awaiting the futures directly runs them inside the caller); got \
         task ids {ids:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn join_set_hands_back_results_as_tasks_finish() {
    let start = Instant::now();
    let finished = timeout(LIMIT, in_completion_order(vec![30, 10, 20]))
        .await
        .expect("in_completion_order did not finish: does the loop end when the set is empty?");
    let took = start.elapsed();
    assert_eq!(
        finished,
        vec![10, 20, 30],
        "expected the shortest sleep first, because `JoinSet::join_next` returns tasks in the \
         order they finish"
    );
    assert!(
        took >= Duration::from_millis(30) && took < Duration::from_millis(60),
        "expected 30 ms of (virtual) time, because the three sleeps overlap; took {took:?}"
    );
}
