//! Tests for the `tokio_tasks` exercise: `run_all_tasks` (`tokio::spawn`) and
//! `in_completion_order` (`JoinSet`).
//!
//! Time is paused: sleeps finish instantly in real time but exactly on the
//! virtual clock, so "concurrent" can be checked as "took as long as the
//! longest job, not the sum".

use std::collections::HashSet;
use std::time::Duration;

use tokio::time::{Instant, sleep};

use super::support::{advice, paused};
use crate::tokio_tasks::{in_completion_order, run_all_tasks};

const STUCK: &str = "a loop that never ends, or an `.await` on something that never \
                     finishes (the jobs here all finish within 30 ms)";

#[test]
fn results_come_back_in_job_order_and_the_jobs_overlap() {
    let (results, took) = paused("run_all_tasks", STUCK, || async {
        let start = Instant::now();
        let jobs: Vec<_> = [30u64, 10, 20]
            .into_iter()
            .enumerate()
            .map(|(index, ms)| async move {
                sleep(Duration::from_millis(ms)).await;
                index
            })
            .collect();
        let results = run_all_tasks(jobs).await;
        (results, start.elapsed())
    });
    assert!(
        results == vec![0, 1, 2],
        "{}",
        advice(
            "job i's result at index i: [0, 1, 2]",
            format!("{results:?}"),
            "results taken in the order the tasks finished; await the handles in the \
             order you spawned them"
        )
    );
    assert!(
        took >= Duration::from_millis(30) && took < Duration::from_millis(60),
        "{}",
        advice(
            "30 ms of (virtual) time, the longest job, because the jobs run at the same time",
            format!("{took:?}; one after the other takes 30 + 10 + 20 = 60 ms"),
            "did you await each task right after spawning it? That waits for it before \
             the next one starts: spawn them all first, then await the handles"
        )
    );
}

#[test]
fn every_job_is_a_spawned_task() {
    // `tokio::task::try_id()` is `Some` only inside a spawned task.
    let ids = paused("run_all_tasks", STUCK, || async {
        let jobs: Vec<_> =
            (0..3).map(|_| async { tokio::task::try_id() }).collect();
        run_all_tasks(jobs).await
    });
    let distinct: HashSet<_> = ids.iter().flatten().collect();
    assert!(
        distinct.len() == 3,
        "{}",
        advice(
            "each job in a task of its own (3 different task ids)",
            format!("the jobs saw these task ids: {ids:?}"),
            "awaiting the futures directly: that runs them inside your own task, one after \
             the other; give each its own `tokio::spawn`"
        )
    );
}

#[test]
fn join_set_hands_back_results_as_tasks_finish() {
    let (finished, took) = paused("in_completion_order", STUCK, || async {
        let start = Instant::now();
        let finished = in_completion_order(vec![30, 10, 20]).await;
        (finished, start.elapsed())
    });
    assert!(
        finished == vec![10, 20, 30],
        "{}",
        advice(
            "the delays in the order the tasks finished: [10, 20, 30]",
            format!("{finished:?}"),
            "awaiting the tasks in the order you started them; a `JoinSet` hands back \
             whichever task finishes next (`join_next`)"
        )
    );
    assert!(
        took >= Duration::from_millis(30) && took < Duration::from_millis(60),
        "{}",
        advice(
            "30 ms of (virtual) time, because the three sleeps overlap",
            format!("{took:?}"),
            "sleeping in your own task instead of in the spawned ones, or waiting for each \
             task before starting the next"
        )
    );
}
