//! Exercise 1 (`get_all_sequential`): the naive GetAllTheThings, one call after
//! another.
use super::support::*;
use crate::sequential::get_all_the_things_sequential;

const WHAT: &str = "get_all_the_things_sequential";

#[test]
fn returns_all_three_bodies_in_argument_order() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let things = within_deadline(WHAT, &up, move || {
        get_all_the_things_sequential(&urls)
    });

    assert_all_three_bodies(&things);
    assert_eq!(
        names(&things),
        SERVICES,
        "expected the things in the order of the URLs, because the naive version fetches \
         them one after the other. Likely mistake: the things are collected in another \
         order than the URLs'."
    );
}

#[test]
fn takes_at_least_the_sum_of_the_latencies() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let (things, elapsed) = within_deadline(WHAT, &up, move || {
        timed(|| get_all_the_things_sequential(&urls))
    });

    assert_all_three_bodies(&things);
    assert_sequential(&up, elapsed);
}

#[test]
fn a_failed_call_is_a_thing_not_a_panic() {
    let up = start_upstream();
    let urls = urls_with_faults(&up);

    let things = within_deadline(WHAT, &up, move || {
        get_all_the_things_sequential(&urls)
    });

    assert_failures_reported(&things);
    assert_eq!(
        names(&things),
        SERVICES,
        "expected the things in the order of the URLs, failed ones included"
    );
}
