//! Exercise 2 (`get_all_threads`): one OS thread per call, results over a channel.
use std::time::Instant;

use super::support::*;
use crate::threads::get_all_the_things_threads;

#[test]
fn returns_all_three_bodies() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let things = within_deadline("get_all_the_things_threads", move || {
        get_all_the_things_threads(&urls)
    });

    assert_all_three_bodies(&things);
}

#[test]
fn three_calls_of_100ms_take_well_under_200ms() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let (things, elapsed) = within_deadline("get_all_the_things_threads", move || {
        let started = Instant::now();
        let things = get_all_the_things_threads(&urls);
        (things, started.elapsed())
    });

    assert_all_three_bodies(&things);
    assert!(
        elapsed < CONCURRENT_UNDER,
        "expected three calls of {LATENCY:?} on three threads to take well under \
         {CONCURRENT_UNDER:?}, because they wait at the same time (the batch costs the \
         slowest call, not the sum); took {elapsed:?}. Do you join each thread before \
         spawning the next one?"
    );
}

#[test]
fn things_arrive_in_completion_order() {
    let up = start_upstream();
    let urls = urls_with_latencies(&up, STAGGERED);

    let things = within_deadline("get_all_the_things_threads", move || {
        get_all_the_things_threads(&urls)
    });

    assert_all_three_bodies(&things);
    assert_eq!(
        names(&things),
        COMPLETION_ORDER,
        "expected the things in the order the calls finished (github 50 ms, twitter \
         300 ms, facebook 550 ms), because each thread sends its Thing the moment it has \
         it and the caller collects from the channel"
    );
}

#[test]
fn a_failed_call_is_a_thing_not_a_panic() {
    let up = start_upstream();
    let urls = urls_with_faults(&up);

    let things = within_deadline("get_all_the_things_threads", move || {
        get_all_the_things_threads(&urls)
    });

    assert_failures_reported(&things);
}

#[test]
fn works_for_any_number_of_urls() {
    let up = start_upstream();
    let three = urls_with_latency(&up, LATENCY);
    let six = [three.clone(), three].concat();

    let things = within_deadline("get_all_the_things_threads", move || {
        get_all_the_things_threads(&six)
    });
    let none = within_deadline("get_all_the_things_threads", || {
        get_all_the_things_threads(&[])
    });

    assert_eq!(
        things.len(),
        6,
        "expected six things for six URLs, because there is one thread per URL; got {:?}",
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
