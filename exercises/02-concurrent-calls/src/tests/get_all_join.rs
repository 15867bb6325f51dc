//! Exercise 3 (`get_all_join`): `tokio::join!` over the three fixed services.
use std::time::Instant;

use super::support::*;
use crate::join::get_all_the_things_join;
use crate::thing::Thing;

/// Call the exercise with facebook, twitter and github (in that order), under a deadline.
async fn join_all(urls: &[String]) -> Vec<Thing> {
    within_deadline_async(
        "get_all_the_things_join",
        get_all_the_things_join(&urls[0], &urls[1], &urls[2]),
    )
    .await
    .into()
}

#[tokio::test]
async fn returns_the_things_in_argument_order() {
    let up = start_upstream();
    // facebook finishes last and github first, yet join! hands them back as written.
    let urls = urls_with_latencies(&up, STAGGERED);

    let things = join_all(&urls).await;

    assert_all_three_bodies(&things);
    assert_eq!(
        names(&things),
        SERVICES,
        "expected [facebook, twitter, github] in argument order even though github \
         finished first, because join! returns its futures' outputs in the order they are \
         written"
    );
}

#[tokio::test]
async fn three_calls_of_100ms_take_well_under_200ms() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let started = Instant::now();
    let things = join_all(&urls).await;
    let elapsed = started.elapsed();

    assert_all_three_bodies(&things);
    assert!(
        elapsed < CONCURRENT_UNDER,
        "expected three calls of {LATENCY:?} under join! to take well under \
         {CONCURRENT_UNDER:?}, because join! waits for all three at the same time; took \
         {elapsed:?}. Did you `.await` each fetch one after the other?"
    );
}

#[tokio::test]
async fn a_failed_call_is_a_thing_not_a_panic() {
    let up = start_upstream();
    let urls = urls_with_faults(&up);

    let things = join_all(&urls).await;

    assert_failures_reported(&things);
    assert_eq!(
        names(&things),
        SERVICES,
        "expected the things in argument order"
    );
}
