//! Tests for the `atomics` exercise: a shared `AtomicU64` counter, from threads and from
//! tokio tasks.

use tokio::time::timeout;

use super::support::{LIMIT, within};
use crate::atomics::{count_with_tasks, count_with_threads};

#[test]
fn five_threads_times_1000_is_5000() {
    let total = within(LIMIT, "count_with_threads", || count_with_threads(5, 1000));
    assert_eq!(
        total, 5000,
        "expected 5 workers × 1000 increments = 5000, the seed program's answer"
    );
}

#[test]
fn no_increment_is_lost_under_contention() {
    let (many, none) = within(LIMIT, "count_with_threads", || {
        (count_with_threads(8, 50_000), count_with_threads(0, 1000))
    });
    assert!(
        many == 400_000 && none == 0,
        "expected 8 × 50 000 = 400 000 (every `fetch_add` counts, even when threads collide) \
         and 0 with no workers; got {many} and {none}"
    );
}

// Several worker threads, so the tasks really run in parallel and collide.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tasks_count_to_5000_too() {
    let total = timeout(LIMIT, count_with_tasks(5, 1000))
        .await
        .expect("count_with_tasks did not finish: wait for every task in the JoinSet");
    assert_eq!(total, 5000, "expected 5 tasks × 1000 increments = 5000");
    let many = timeout(LIMIT, count_with_tasks(8, 50_000))
        .await
        .expect("count_with_tasks did not finish");
    assert_eq!(
        many, 400_000,
        "expected 8 tasks × 50 000 increments, none lost"
    );
}
