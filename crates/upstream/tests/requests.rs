//! The request log and the in-flight counts, as seen over real HTTP.
//!
//! Nothing here sleeps to synchronise: the tests wait on the upstream's own notifications
//! (`wait_for`, `wait_for_abandoned`), each with a deadline. The requests that must be in
//! flight at a known moment use `fault=hang`, which stays in flight until the test
//! itself lets go of it: a gate, not a race against a latency.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{PROMPTLY, client, client_with_timeout};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use upstream::{Fault, Knobs, RequestOutcome, Upstream, describe_overlap, draw_requests};

/// The log, drawn, for failure messages.
fn drawn(up: &Upstream) -> String {
    draw_requests(&up.requests())
}

#[test]
fn the_log_holds_every_counted_request_in_arrival_order() {
    let up = Upstream::start().unwrap();
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let slow = up.url_with("facebook", &Knobs::latency(Duration::from_millis(50)));
    assert_eq!(client.get(slow).send().unwrap().status(), 200);
    let broken = up.url_with("twitter", &Knobs::fault(Fault::Status500));
    assert_eq!(client.get(broken).send().unwrap().status(), 500);
    // Not counted, so not logged either: /healthz, a 404, a 400.
    for url in [
        up.url("healthz"),
        up.url("echo"),
        format!("{}?latency_ms=abc", up.url("github")),
    ] {
        client.get(url).send().unwrap();
    }
    let hang = up.url_with("weather", &Knobs::fault(Fault::Hang));
    assert!(client.get(hang).send().is_err(), "a hang never answers");
    assert!(
        up.wait_for_abandoned_blocking(1, PROMPTLY),
        "the client's timeout should abandon the hang; stats {:?}",
        up.stats()
    );

    let log = up.requests();
    let seen: Vec<(&str, &str, RequestOutcome)> = log
        .iter()
        .map(|r| (r.path.as_str(), r.query.as_str(), r.outcome))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "/facebook",
                "latency_ms=50",
                RequestOutcome::Served { status: 200 }
            ),
            (
                "/twitter",
                "fault=500",
                RequestOutcome::Served { status: 500 }
            ),
            ("/weather", "fault=hang", RequestOutcome::Abandoned),
        ],
        "expected the three counted requests, in order, with how they ended:\n{}",
        drawn(&up)
    );
    for pair in log.windows(2) {
        assert!(
            pair[0].end.is_some_and(|end| end <= pair[1].start),
            "one request after the other, so each record should end before the next \
             starts:\n{}",
            drawn(&up)
        );
    }
    assert!(
        log[0].elapsed() >= Some(Duration::from_millis(50)),
        "the 50 ms latency should show in the log: {}",
        log[0]
    );
    assert!(
        log[2].elapsed() >= Some(Duration::from_millis(50)),
        "the hang lasted until the client's 100 ms timeout: {}",
        log[2]
    );
    assert_eq!(
        describe_overlap(&log),
        "one after another (the wait is the sum)"
    );
    assert_eq!((up.in_flight(), up.max_in_flight()), (0, 1));
}

#[tokio::test]
async fn a_request_is_running_until_it_ends() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("github", &Knobs::fault(Fault::Hang));
    let request = tokio::spawn(client().get(url).send());
    assert!(
        up.wait_for(|s| s.received == 1, PROMPTLY).await,
        "the request never arrived"
    );
    let log = up.requests();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].outcome, RequestOutcome::Running);
    assert_eq!(log[0].end, None, "a running request has no end yet");
    assert_eq!((up.in_flight(), up.max_in_flight()), (1, 1));
    assert!(drawn(&up).contains("running"), "{}", drawn(&up));

    request.abort();
    assert!(up.wait_for_abandoned(1, PROMPTLY).await, "{:?}", up.stats());
    let log = up.requests();
    assert_eq!(log[0].outcome, RequestOutcome::Abandoned);
    assert!(log[0].end.is_some_and(|end| end >= log[0].start));
    assert_eq!((up.in_flight(), up.max_in_flight()), (0, 1));
}

#[tokio::test]
async fn max_in_flight_is_the_most_at_once_not_the_total() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("facebook", &Knobs::fault(Fault::Hang));
    let mut requests: Vec<_> = (0..3)
        .map(|_| tokio::spawn(client().get(&url).send()))
        .collect();
    assert!(
        up.wait_for(|s| s.received == 3, PROMPTLY).await,
        "{:?}",
        up.stats()
    );
    assert_eq!((up.in_flight(), up.max_in_flight()), (3, 3));
    assert_eq!(
        describe_overlap(&up.requests()),
        "all at once (the wait is the slowest)",
        "{}",
        drawn(&up)
    );

    // One leaves, another comes: three in flight again, never four.
    requests.remove(0).abort();
    assert!(up.wait_for_abandoned(1, PROMPTLY).await);
    assert_eq!(up.in_flight(), 2);
    requests.push(tokio::spawn(client().get(&url).send()));
    assert!(up.wait_for(|s| s.received == 4, PROMPTLY).await);
    assert_eq!(
        (up.in_flight(), up.max_in_flight()),
        (3, 3),
        "four requests, but never more than three at once:\n{}",
        drawn(&up)
    );
    assert_eq!(upstream::max_overlap(&up.requests()), 3);
    assert_eq!(
        describe_overlap(&up.requests()),
        "partly overlapping (neither all at once nor one after another)"
    );

    for request in &requests {
        request.abort();
    }
    assert!(up.wait_for_abandoned(4, PROMPTLY).await);
    assert_eq!((up.in_flight(), up.max_in_flight()), (0, 3));
}

/// What step 07's bounded-concurrency tests rely on: a client that never has more than K
/// requests open is never *seen* with more than K in flight. It holds because a request
/// is counted as served when its last byte is handed to the connection, before the
/// client can have read it, so the client's next request always finds the slot free.
#[tokio::test]
async fn a_client_limited_to_k_at_once_is_never_seen_with_more() {
    const K: usize = 3;
    let up = Upstream::start().unwrap();
    let client = client();
    let permits = Arc::new(Semaphore::new(K));
    let mut calls = JoinSet::new();
    for i in 0..12u64 {
        let permit = Arc::clone(&permits).acquire_owned().await.unwrap();
        let latency = Knobs::latency(Duration::from_millis(5 + i % 3 * 5));
        let url = up.url_with("github", &latency);
        let client = client.clone();
        calls.spawn(async move {
            let body = client.get(url).send().await?.text().await;
            drop(permit);
            body
        });
    }
    while let Some(call) = calls.join_next().await {
        call.unwrap().expect("every call succeeds");
    }
    let log = up.requests();
    assert_eq!(log.len(), 12);
    assert!(
        up.max_in_flight() <= K as u64,
        "the client never had more than {K} requests open, yet the upstream saw {} at \
         once:\n{}",
        up.max_in_flight(),
        drawn(&up)
    );
    assert!(up.max_in_flight() >= 1);
    assert!(
        upstream::max_overlap(&log) as u64 <= up.max_in_flight(),
        "the log can never show more overlap than the exact count:\n{}",
        drawn(&up)
    );
    assert_eq!(up.in_flight(), 0);
}

#[tokio::test]
async fn many_requests_at_once_are_all_logged_and_all_end() {
    let up = Upstream::start().unwrap();
    let client = client_with_timeout(Duration::from_secs(10));
    let mut calls = JoinSet::new();
    for i in 0..40 {
        let url = up.url(upstream::ENDPOINTS[i % upstream::ENDPOINTS.len()]);
        calls.spawn(client.get(url).send());
    }
    while let Some(call) = calls.join_next().await {
        assert_eq!(call.unwrap().unwrap().status(), 200);
    }
    assert!(up.wait_for(|s| s.served == 40, PROMPTLY).await);
    let log = up.requests();
    assert_eq!(log.len(), 40);
    assert!(
        log.iter()
            .all(|r| r.outcome == RequestOutcome::Served { status: 200 }),
        "{}",
        drawn(&up)
    );
    assert!(
        log.windows(2).all(|pair| pair[0].start <= pair[1].start),
        "records come in arrival order, so their starts never go backwards"
    );
    let peak = up.max_in_flight();
    assert!((1..=40).contains(&peak), "{peak}");
    assert!(upstream::max_overlap(&log) as u64 <= peak);
    assert_eq!(up.in_flight(), 0);
}

/// The pattern the workshop's tests use: when a timing assertion fails, show the
/// attendee's own calls. Here the "attendee" calls one after another on purpose, and
/// the test checks the message it would print.
#[tokio::test]
async fn a_failure_message_draws_the_calls() {
    let up = Upstream::start().unwrap();
    let client = client();
    let latency = Knobs::latency(Duration::from_millis(20));
    for name in ["facebook", "twitter", "github"] {
        let url = up.url_with(name, &latency);
        client.get(url).send().await.unwrap().text().await.unwrap();
    }

    // ANCHOR: failure_message
    let log = up.requests();
    let message = format!(
        "expected the 3 calls to take about one latency (20 ms), not three.\n\
         Your calls ran {}:\n{}",
        describe_overlap(&log),
        draw_requests(&log),
    );
    // ANCHOR_END: failure_message
    assert!(
        message.contains("Your calls ran one after another (the wait is the sum):\n"),
        "{message}"
    );
    for name in ["/facebook 20ms", "/twitter 20ms", "/github 20ms"] {
        assert!(message.contains(name), "{message}");
    }
}
