//! Exercise 4 (`get_all_joinset`): one tokio task per call in a `JoinSet`.
use std::time::Instant;

use super::support::*;
use crate::joinset::get_all_the_things_joinset;

const WHAT: &str = "get_all_the_things_joinset";

#[tokio::test]
async fn three_calls_overlap_and_cost_one_latency() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let started = Instant::now();
    let things =
        within_deadline_async(WHAT, &up, get_all_the_things_joinset(&urls))
            .await;
    let elapsed = started.elapsed();

    assert_all_three_bodies(&things);
    assert_concurrent(
        &up,
        elapsed,
        "Likely mistake: did you await each task right after spawning it? Then only one \
         call is ever in flight. Spawn every task first, then collect.",
    );
}

#[tokio::test]
async fn things_arrive_in_completion_order() {
    let up = start_upstream();
    let urls = urls_with_latencies(&up, STAGGERED);

    let things =
        within_deadline_async(WHAT, &up, get_all_the_things_joinset(&urls))
            .await;

    assert_all_three_bodies(&things);
    assert_completion_order(
        &up,
        &things,
        "Likely mistake: awaiting the tasks' handles one by one returns them in spawn \
         order; JoinSet::join_next hands back whichever task finishes next.",
    );
}

#[tokio::test]
async fn a_failed_call_is_a_thing_not_a_panic() {
    let up = start_upstream();
    let urls = urls_with_faults(&up);

    let things =
        within_deadline_async(WHAT, &up, get_all_the_things_joinset(&urls))
            .await;

    assert_failures_reported(&things);
}

#[tokio::test]
async fn works_for_any_number_of_urls() {
    let up = start_upstream();
    let three = urls_with_latency(&up, LATENCY);
    let six = [three.clone(), three].concat();

    let things =
        within_deadline_async(WHAT, &up, get_all_the_things_joinset(&six))
            .await;
    let none =
        within_deadline_async(WHAT, &up, get_all_the_things_joinset(&[])).await;

    assert_eq!(
        things.len(),
        6,
        "expected six things for six URLs, because there is one task per URL; got {:?}. \
         Likely mistake: the collecting stops after a fixed number of things.",
        names(&things)
    );
    assert!(
        things.iter().all(|thing| thing.is_ok()),
        "expected all six calls to work"
    );
    assert!(
        none.is_empty(),
        "expected no things for no URLs; got {none:?}"
    );
}
