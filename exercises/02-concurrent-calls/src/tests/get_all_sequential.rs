//! Exercise 1 (`get_all_sequential`): the naive GetAllTheThings, one call after another.
use std::time::Instant;

use super::support::*;
use crate::sequential::get_all_the_things_sequential;

#[test]
fn returns_all_three_bodies_in_argument_order() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let things = within_deadline("get_all_the_things_sequential", move || {
        get_all_the_things_sequential(&urls)
    });

    assert_all_three_bodies(&things);
    assert_eq!(
        names(&things),
        SERVICES,
        "expected the things in the order of the URLs, because the naive version fetches \
         them one after the other"
    );
}

#[test]
fn takes_at_least_the_sum_of_the_latencies() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let (things, elapsed) = within_deadline("get_all_the_things_sequential", move || {
        let started = Instant::now();
        let things = get_all_the_things_sequential(&urls);
        (things, started.elapsed())
    });

    assert_all_three_bodies(&things);
    assert!(
        elapsed >= SEQUENTIAL_AT_LEAST,
        "expected three calls of {LATENCY:?} made one after the other to take at least \
         {SEQUENTIAL_AT_LEAST:?}, because each waits for the one before; took {elapsed:?}. \
         This exercise is the naive baseline: keep it sequential."
    );
}

#[test]
fn a_failed_call_is_a_thing_not_a_panic() {
    let up = start_upstream();
    let urls = urls_with_faults(&up);

    let things = within_deadline("get_all_the_things_sequential", move || {
        get_all_the_things_sequential(&urls)
    });

    assert_failures_reported(&things);
    assert_eq!(
        names(&things),
        SERVICES,
        "expected the things in the order of the URLs"
    );
}
