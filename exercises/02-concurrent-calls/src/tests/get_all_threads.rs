//! Exercise 2 (`get_all_threads`): one OS thread per call, results over a
//! channel.
use super::support::*;
use crate::threads::get_all_the_things_threads;

const WHAT: &str = "get_all_the_things_threads";

#[test]
fn three_calls_overlap_and_cost_one_latency() {
    let up = start_upstream();
    let urls = urls_with_latency(&up, LATENCY);

    let (things, elapsed) = within_deadline(WHAT, &up, move || {
        timed(|| get_all_the_things_threads(&urls))
    });

    assert_all_three_bodies(&things);
    assert_concurrent(
        &up,
        elapsed,
        "Likely mistake: did you join each thread right after spawning it, inside the loop? \
         Then the next call starts only when the one before has ended. Spawn them all, \
         then collect.",
    );
}

#[test]
fn things_arrive_in_completion_order() {
    let up = start_upstream();
    let urls = urls_with_latencies(&up, STAGGERED);

    let things =
        within_deadline(WHAT, &up, move || get_all_the_things_threads(&urls));

    assert_all_three_bodies(&things);
    assert_completion_order(
        &up,
        &things,
        "Likely mistake: joining the threads' handles one by one returns their results in \
         spawn order; let each thread send its Thing into a channel the moment it has it, \
         and collect from the receiver.",
    );
}

#[test]
fn a_failed_call_is_a_thing_not_a_panic() {
    let up = start_upstream();
    let urls = urls_with_faults(&up);

    let things =
        within_deadline(WHAT, &up, move || get_all_the_things_threads(&urls));

    assert_failures_reported(&things);
}

#[test]
fn works_for_any_number_of_urls() {
    let up = start_upstream();
    let three = urls_with_latency(&up, LATENCY);
    let six = [three.clone(), three].concat();

    let things =
        within_deadline(WHAT, &up, move || get_all_the_things_threads(&six));
    let none = within_deadline(WHAT, &up, || get_all_the_things_threads(&[]));

    assert_eq!(
        things.len(),
        6,
        "expected six things for six URLs, because there is one thread per URL; got {:?}. \
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
