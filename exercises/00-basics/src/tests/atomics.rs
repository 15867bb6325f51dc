//! Tests for the `atomics` exercise: a shared `AtomicU64` counter, from threads
//! and from tokio tasks.
//!
//! A lost update needs two workers to touch the counter at the same moment. The
//! big runs (8 workers × 100 000 increments) give them many chances, and a
//! counter that can lose updates nearly always does; but "nearly": on a busy
//! laptop the workers may happen not to overlap. A test can make a race likely,
//! not certain (a model checker such as loom tries every interleaving instead).
//! Reading the total too early is caught every time.

use super::support::{advice, multi_thread, within};
use crate::atomics::{count_with_tasks, count_with_threads};

const STUCK: &str = "a worker that never finishes, or waiting for a thread that was never \
    started";

const FEWER: &str = "reading the total before every worker has finished (join every \
    thread, or drain the `JoinSet`, first: Go's `wg.Wait()`); or an increment in two steps \
    (a `load`, then a `store` of that value plus one), where another worker can store in \
    between and one of the two additions is lost: `fetch_add` is one indivisible step";

const WORKERS: usize = 8;
const INCREMENTS: u64 = 100_000;

/// Fails with the usual advice if `total` is not `workers × increments`;
/// `likely` is the mistake that most often gives fewer.
fn check_total(total: u64, workers: usize, increments: u64, likely: &str) {
    let expected = workers as u64 * increments;
    assert!(
        total == expected,
        "{}",
        advice(
            format!("{workers} workers × {increments} increments = {expected}"),
            if total < expected {
                format!("{total}: {} increments were lost", expected - total)
            } else {
                format!("{total}, more than were made")
            },
            if total < expected {
                likely
            } else {
                "counting some increments twice"
            }
        )
    );
}

#[test]
fn five_threads_times_1000_is_5000() {
    let total =
        within("count_with_threads", STUCK, || count_with_threads(5, 1000));
    check_total(total, 5, 1000, FEWER);
}

#[test]
fn no_increment_is_lost_under_contention() {
    let (many, none) = within("count_with_threads", STUCK, || {
        (
            count_with_threads(WORKERS, INCREMENTS),
            count_with_threads(0, 1000),
        )
    });
    check_total(many, WORKERS, INCREMENTS, FEWER);
    check_total(
        none,
        0,
        1000,
        "starting a worker even when there are none to start",
    );
}

#[test]
fn tasks_count_to_5000_too() {
    // Several worker threads, so the tasks really run at the same time and
    // collide.
    let (few, many) = multi_thread("count_with_tasks", STUCK, || async {
        (
            count_with_tasks(5, 1000).await,
            count_with_tasks(WORKERS, INCREMENTS).await,
        )
    });
    check_total(few, 5, 1000, FEWER);
    check_total(many, WORKERS, INCREMENTS, FEWER);
}
