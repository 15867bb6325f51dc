//! Exercise 2 (`hedged`): one replica first, the next after the hedge delay
//! (or at once after a failure), the first good answer wins, the losers are
//! cancelled.
//!
//! Each replica is its own fake upstream, as Pike's replicas are separate
//! servers: each counts only its own requests, so "replica 2 was never asked"
//! and "replica 0's request was abandoned" are plain facts to assert.
use std::time::{Duration, Instant};

use upstream::{Fault, Knobs, Upstream};

use super::support::*;
use crate::hedge::hedged;

const WHAT: &str = "hedged";
const QUERY: &str = "golang";

fn replicas(count: usize) -> Vec<Upstream> {
    (0..count).map(|_| start_upstream()).collect()
}

/// Replica `i`'s search URL with `knobs`.
fn url(ups: &[Upstream], i: usize, knobs: &Knobs) -> String {
    ups[i].replica_search_url(&i.to_string(), QUERY, knobs)
}

/// The body replica `i` answers.
fn answer(i: usize) -> String {
    upstream::search_document(QUERY, Some(&i.to_string()))
}

/// Which replica a result came from, in words.
fn describe(result: &Result<String, Vec<String>>) -> String {
    match result {
        Ok(body) => (0..8).find(|&i| *body == answer(i)).map_or_else(
            || format!("Ok({body:.40})"),
            |i| format!("replica {i}'s answer"),
        ),
        Err(errors) => format!("Err({errors:?})"),
    }
}

/// Every replica's requests on one timeline. Each upstream's log counts from
/// its own start, and the replicas started within a few milliseconds of each
/// other: close enough to draw them on one axis.
fn draw_all(ups: &[Upstream]) -> String {
    let mut log: Vec<_> = ups.iter().flat_map(Upstream::requests).collect();
    log.sort_by_key(|record| record.start);
    format!(
        "All replicas (each row says which, in `replica=N`):\n{}",
        upstream::draw_requests(&log)
    )
}

async fn run(
    ups: &[Upstream],
    urls: &[String],
    delay: Duration,
) -> (Result<String, Vec<String>>, Duration) {
    let started = Instant::now();
    let result = within(WHAT, || draw_all(ups), hedged(urls, delay)).await;
    (result, started.elapsed())
}

fn received(up: &Upstream) -> u64 {
    up.stats().received
}

/// The likely mistake when a replica got a request it should not have.
const ALL_AT_ONCE: &str = "Likely mistake: did you ask every replica at \
    once? That is Pike's First: fast, but it multiplies the load. A hedge asks \
    the next replica only when the hedge delay passes without an answer, or \
    the last one failed.";

#[tokio::test]
async fn an_answer_before_the_hedge_delay_sends_no_second_request() {
    let ups = replicas(3);
    let fast = Knobs::latency(ms(50));
    let urls: Vec<String> = (0..3).map(|i| url(&ups, i, &fast)).collect();

    let (result, _) = run(&ups, &urls, ms(500)).await;

    let (second, third) = (received(&ups[1]), received(&ups[2]));
    assert!(
        second == 0 && third == 0,
        "expected no request to replicas 1 and 2, because replica 0 answered \
         after 50 ms, well before the hedge delay of 500 ms; replica 1 \
         received {second}, replica 2 received {third}.\n\n{}\n{ALL_AT_ONCE}",
        draw_all(&ups)
    );
    assert_eq!(
        describe(&result),
        "replica 0's answer",
        "expected replica 0's answer: it answers after 50 ms, before the \
         hedge delay of 500 ms.\n\n{}",
        draw_all(&ups)
    );
}

#[tokio::test]
async fn a_slow_replica_is_hedged_and_the_loser_cancelled() {
    let ups = replicas(3);
    let urls = vec![
        url(&ups, 0, &Knobs::fault(Fault::Hang)),
        url(&ups, 1, &Knobs::latency(ms(50))),
        url(&ups, 2, &Knobs::latency(ms(50))),
    ];

    let (result, elapsed) = run(&ups, &urls, ms(300)).await;

    assert_eq!(
        received(&ups[2]),
        0,
        "expected no request to replica 2: replica 1 answered 50 ms after it \
         was asked (at the hedge delay, 300 ms), before a second hedge delay \
         had passed.\n\n{}\n{ALL_AT_ONCE}",
        draw_all(&ups)
    );
    assert_eq!(
        describe(&result),
        "replica 1's answer",
        "expected replica 1's answer: replica 0 never answers, so replica 1 \
         is asked after the hedge delay (300 ms) and answers 50 ms \
         later.\n\n{}",
        draw_all(&ups)
    );
    assert!(
        elapsed >= ms(350),
        "expected the answer no sooner than 300 ms (the hedge delay) + 50 ms \
         (replica 1's latency); it came after {}.\n\n{}\nLikely mistake: \
         replica 1 was asked before the hedge delay had passed.",
        show(elapsed),
        draw_all(&ups)
    );
    assert!(
        ups[0].wait_for_abandoned(1, ms(2000)).await,
        "expected replica 0's request, which never answers, to be cancelled \
         once replica 1 had won: the fake upstream should count it as \
         abandoned; it still counts it as running.\n\n{}\nLikely mistake: \
         the request runs in a task you spawned and never aborted: a dropped \
         JoinHandle does not cancel its task. Keep the requests as futures \
         in your own task (FuturesUnordered), or in a JoinSet, which aborts \
         its tasks when it is dropped.",
        draw_all(&ups)
    );
}

#[tokio::test]
async fn the_first_replica_can_still_win_after_the_hedge() {
    let ups = replicas(3);
    let urls = vec![
        url(&ups, 0, &Knobs::latency(ms(500))),
        url(&ups, 1, &Knobs::fault(Fault::Hang)),
        url(&ups, 2, &Knobs::fault(Fault::Hang)),
    ];

    let (result, elapsed) = run(&ups, &urls, ms(100)).await;

    assert_eq!(
        describe(&result),
        "replica 0's answer",
        "expected replica 0's answer: it arrives after 500 ms, and hedging \
         leaves the first request running while it asks the others (which \
         never answer here).\n\n{}\nLikely mistake: the first request was \
         cancelled when you asked the next replica. A timeout per replica is \
         failover, not hedging: the slow request may still be the first to \
         answer.",
        draw_all(&ups)
    );
    assert!(
        elapsed >= ms(500),
        "replica 0 answers after 500 ms, yet the answer came after {}",
        show(elapsed)
    );
    for (i, up) in ups.iter().enumerate().skip(1) {
        assert!(
            up.wait_for_abandoned(1, ms(2000)).await,
            "expected replica {i}'s request (asked at the hedge, never \
             answering) to be cancelled once replica 0 had won: the fake \
             upstream still counts it as running, or never got it.\n\n{}\n\
             Likely mistake: a hedge after 100 ms and another after 200 ms \
             should both have been sent before replica 0 answered at 500 ms; \
             and a task you spawned is not cancelled by dropping its \
             JoinHandle.",
            draw_all(&ups)
        );
    }
}

#[tokio::test]
async fn a_failure_asks_the_next_replica_at_once() {
    let ups = replicas(3);
    let urls = vec![
        url(&ups, 0, &Knobs::fault(Fault::Status500)),
        url(&ups, 1, &Knobs::latency(ms(50))),
        url(&ups, 2, &Knobs::latency(ms(50))),
    ];

    let (result, elapsed) = run(&ups, &urls, ms(1000)).await;

    assert_eq!(
        received(&ups[2]),
        0,
        "expected no request to replica 2: replica 1 answers 50 ms after it \
         is asked, long before the hedge delay of 1000 ms.\n\n{}\n\
         {ALL_AT_ONCE}",
        draw_all(&ups)
    );
    assert_eq!(
        describe(&result),
        "replica 1's answer",
        "expected replica 1's answer: replica 0 answers 500, which is not an \
         answer, and replica 1 is asked next.\n\n{}\n{}",
        draw_all(&ups),
        if result.is_err() {
            "Likely mistake: the first reply was taken whether it was good \
             or not."
        } else {
            "Likely mistake: the replicas were not asked in their order."
        }
    );
    assert!(
        elapsed < ms(600),
        "expected replica 1's answer well before the hedge delay of 1000 ms, \
         because replica 0 failed at once and a failure should not make \
         anyone wait; it took {}.\n\n{}\nLikely mistake: after a failed \
         reply, the code still waits for the hedge delay before it asks the \
         next replica.",
        show(elapsed),
        draw_all(&ups)
    );
}

#[tokio::test]
async fn when_every_replica_fails_you_get_every_error() {
    let ups = replicas(3);
    // Three different failures, arriving in the opposite order: replica 0
    // answers 500 after 200 ms; replica 1 (asked after the 50 ms hedge) and
    // replica 2 (asked at once after that) are refused at once with 404 (no
    // such endpoint) and 400 (a bad knob).
    let urls = vec![
        url(
            &ups,
            0,
            &Knobs::latency(ms(200)).with_fault(Fault::Status500),
        ),
        ups[1].url("no-such-endpoint"),
        format!("{}?q={QUERY}&latency_ms=soon", ups[2].url("search")),
    ];

    let (result, _) = run(&ups, &urls, ms(50)).await;
    let (none, _) = run(&ups, &[], ms(50)).await;

    let statuses = ["500", "404", "400"];
    let in_order = match &result {
        Err(errors) => {
            errors.len() == 3
                && errors.iter().zip(statuses).all(|(e, s)| e.contains(s))
        }
        Ok(_) => false,
    };
    assert!(
        in_order,
        "expected every replica's error, in replica order: {statuses:?} \
         (they arrive as 404, 400, 500); got {}.\n\n{}\nLikely mistake: the \
         errors are kept in the order they arrived, or only the last one is \
         kept, or the function stopped before every replica had failed. \
         Carry each replica's index with its request.",
        describe(&result),
        draw_all(&ups)
    );
    assert_eq!(
        none,
        Err(Vec::new()),
        "expected no replicas to give no answer and no error"
    );
}
