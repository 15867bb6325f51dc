//! Exercise 3 (`get_all_join`): `tokio::join!` over the three fixed services.
use upstream::Upstream;

use super::support::*;
use crate::join::get_all_the_things_join;
use crate::thing::Thing;

/// Call the exercise with facebook, twitter and github (in that order), under a
/// deadline.
async fn join_all(up: &Upstream, urls: &[String]) -> Vec<Thing> {
    within_deadline_async(
        "get_all_the_things_join",
        up,
        get_all_the_things_join(&urls[0], &urls[1], &urls[2]),
    )
    .await
    .into()
}

#[tokio::test]
async fn returns_the_things_in_argument_order() {
    let up = start_upstream();
    // facebook finishes last and github first, yet join! hands them back as
    // written.
    let urls = urls_with_latencies(&up, STAGGERED);

    let things = join_all(&up, &urls).await;

    assert_all_three_bodies(&things);
    assert_eq!(
        names(&things),
        SERVICES,
        "expected [facebook, twitter, github] in argument order even though github \
         finished first, because join! returns its futures' outputs in the order they are \
         written. Likely mistake: the things were collected as they finished (spawned \
         tasks, a JoinSet) instead of with join!."
    );
}

#[tokio::test]
async fn three_calls_overlap_and_cost_one_latency() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let (things, elapsed) = {
        let started = std::time::Instant::now();
        let things = join_all(&up, &urls).await;
        (things, started.elapsed())
    };

    assert_all_three_bodies(&things);
    assert_concurrent(
        &up,
        elapsed,
        "Likely mistake: did you await each fetch before starting the next? An .await \
         finishes one call before the next is even created; join! waits for all three \
         together.",
    );
}

#[tokio::test]
async fn a_failed_call_is_a_thing_not_a_panic() {
    let up = start_upstream();
    let urls = urls_with_faults(&up);

    let things = join_all(&up, &urls).await;

    assert_failures_reported(&things);
    assert_eq!(
        names(&things),
        SERVICES,
        "expected the things in argument order, failed ones included"
    );
}
