//! Exercise 4 (`get_all_joinset`): one tokio task per call in a `JoinSet`.
use std::time::Instant;

use super::support::*;
use crate::joinset::get_all_the_things_joinset;

#[tokio::test]
async fn returns_all_three_bodies() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let things = within_deadline_async(
        "get_all_the_things_joinset",
        get_all_the_things_joinset(&urls),
    )
    .await;

    assert_all_three_bodies(&things);
}

#[tokio::test]
async fn three_calls_of_100ms_take_well_under_200ms() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let started = Instant::now();
    let things = within_deadline_async(
        "get_all_the_things_joinset",
        get_all_the_things_joinset(&urls),
    )
    .await;
    let elapsed = started.elapsed();

    assert_all_three_bodies(&things);
    assert!(
        elapsed < CONCURRENT_UNDER,
        "expected three calls of {LATENCY:?} in three tasks to take well under \
         {CONCURRENT_UNDER:?}, because the tasks wait at the same time; took {elapsed:?}. \
         Do you await each task right after spawning it?"
    );
}

#[tokio::test]
async fn things_arrive_in_completion_order() {
    let up = start_upstream();
    let urls = urls_with_latencies(&up, STAGGERED);

    let things = within_deadline_async(
        "get_all_the_things_joinset",
        get_all_the_things_joinset(&urls),
    )
    .await;

    assert_all_three_bodies(&things);
    assert_eq!(
        names(&things),
        COMPLETION_ORDER,
        "expected the things in the order the calls finished (github 50 ms, twitter \
         300 ms, facebook 550 ms), because join_next hands back whichever task is done \
         first"
    );
}

#[tokio::test]
async fn a_failed_call_is_a_thing_not_a_panic() {
    let up = start_upstream();
    let urls = urls_with_faults(&up);

    let things = within_deadline_async(
        "get_all_the_things_joinset",
        get_all_the_things_joinset(&urls),
    )
    .await;

    assert_failures_reported(&things);
}

#[tokio::test]
async fn works_for_any_number_of_urls() {
    let up = start_upstream();
    let three = urls_with_latency(&up, LATENCY);
    let six = [three.clone(), three].concat();

    let things = within_deadline_async(
        "get_all_the_things_joinset",
        get_all_the_things_joinset(&six),
    )
    .await;
    let none = within_deadline_async(
        "get_all_the_things_joinset",
        get_all_the_things_joinset(&[]),
    )
    .await;

    assert_eq!(
        things.len(),
        6,
        "expected six things for six URLs, because there is one task per URL; got {:?}",
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
