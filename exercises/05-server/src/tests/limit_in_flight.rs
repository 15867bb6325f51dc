//! Exercise 4: `limit_in_flight` lets `max_in_flight` requests in at once and answers any
//! more with `503` at once, never a queue.
//!
//! These tests serve test-only routes through `harden` (the real middleware stack): a
//! route that waits until the test lets it go, and one that panics.
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use tokio::sync::Semaphore;
use tokio::time::timeout;

use super::support::{
    TestServer, client, config, get as http_get, ms, panicking_handler, timing_sensitive,
};
use crate::app::harden;

/// Requests inside `/wait` add a permit to `entered`, then wait for one from `release`.
struct Gate {
    entered: Arc<Semaphore>,
    release: Arc<Semaphore>,
}

async fn start(max_in_flight: usize) -> (TestServer, Gate) {
    let gate = Gate {
        entered: Arc::new(Semaphore::new(0)),
        release: Arc::new(Semaphore::new(0)),
    };
    let (entered, release) = (Arc::clone(&gate.entered), Arc::clone(&gate.release));
    let routes = Router::new()
        .route(
            "/wait",
            get(move || async move {
                entered.add_permits(1);
                let _permit = release.acquire().await;
                "released"
            }),
        )
        .route("/ping", get(|| async { "pong" }))
        .route("/boom", get(panicking_handler));
    let mut config = config(&[]);
    config.max_in_flight = max_in_flight;
    let router = harden(routes, &config);
    (TestServer::start_router(router, config).await, gate)
}

#[tokio::test]
async fn requests_under_the_limit_pass_through() {
    let (server, _gate) = start(2).await;
    let client = client();
    for round in 1..=5 {
        let reply = http_get(&client, &server.url("/ping")).await;
        assert_eq!(
            (reply.status, reply.text.as_str()),
            (200, "pong"),
            "request {round}, with nothing else in flight, should reach the handler \
             (call `next.run(request).await` when a permit is free, and let the permit \
             go afterwards)"
        );
    }
}

#[tokio::test]
async fn one_request_too_many_gets_503_at_once() {
    let _cpu = timing_sensitive().await;
    let (server, gate) = start(2).await;
    let client = client();
    // Quick sanity check, so an unsolved middleware fails here rather than below.
    let first = http_get(&client, &server.url("/ping")).await;
    assert_eq!(
        first.status, 200,
        "under the limit, requests pass; got {first:?}"
    );

    // Fill both slots with requests that wait inside the handler.
    let mut waiting = Vec::new();
    for _ in 0..2 {
        let (client, url) = (client.clone(), server.url("/wait"));
        waiting.push(tokio::spawn(async move { http_get(&client, &url).await }));
    }
    let both_inside = timeout(Duration::from_secs(5), gate.entered.acquire_many(2)).await;
    assert!(
        both_inside.is_ok(),
        "two requests (max_in_flight = 2) should both get into the handler"
    );

    // A third one must be refused at once, not queued.
    let third = http_get(&client, &server.url("/ping")).await;
    assert_eq!(
        third.status, 503,
        "with max_in_flight = 2 requests already in flight, a third one should get 503 \
         (use `try_acquire`, which fails at once, not `acquire`, which waits); got {third:?}"
    );
    assert!(
        third.elapsed < Duration::from_millis(500),
        "the 503 should come at once, not after waiting for a slot; took {:.0} ms",
        ms(third.elapsed)
    );
    assert!(
        third.json["error"].is_string(),
        "the 503 should carry a JSON error (return `overloaded()`); got {:?}",
        third.text
    );

    // Let the two waiting requests finish: their permits come back.
    gate.release.add_permits(2);
    for request in waiting {
        let reply = request.await.expect("the waiting request's task");
        assert_eq!(
            reply.status, 200,
            "the requests in flight finish normally; got {reply:?}"
        );
    }
    let after = http_get(&client, &server.url("/ping")).await;
    assert_eq!(
        after.status, 200,
        "once the requests in flight are done, their permits must be free again (hold \
         the permit in a named variable like `_permit` until the response is ready); \
         got {after:?}"
    );
}

#[tokio::test]
async fn a_panicking_request_gives_its_permit_back() {
    let (server, _gate) = start(1).await;
    let client = client();
    for round in 1..=3 {
        let reply = http_get(&client, &server.url("/boom")).await;
        assert_eq!(
            reply.status, 500,
            "round {round}: a panic in the handler is a 500 (not a 503: the permit of the \
             previous panicking request must have been released); got {reply:?}"
        );
    }
    let reply = http_get(&client, &server.url("/ping")).await;
    assert_eq!(
        reply.status, 200,
        "after the panics, the only permit (max_in_flight = 1) must be free again; \
         got {reply:?}"
    );
}
