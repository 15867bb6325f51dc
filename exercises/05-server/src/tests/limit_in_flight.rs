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
            "expected: request {round}, with nothing else in flight, reaches the handler; \
             happened: {reply:?}; likely mistake: {}",
            if reply.status == 503 && round > 1 {
                "the permits of earlier requests never came back: keep the permit in a \
                 variable that is dropped when the response is ready (never forget it)"
            } else {
                "the request is not passed on to the next layer when a permit is free"
            }
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
        "expected: under the limit, requests pass; happened: {first:?}"
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
        "expected: two requests (max_in_flight = 2) both get into the handler; happened: \
         they did not within 5 s; likely mistake: a permit is held longer than its request"
    );

    // A third one must be refused at once, not queued.
    let limit = Duration::from_secs(2);
    let Ok(third) = timeout(limit, http_get(&client, &server.url("/ping"))).await else {
        panic!(
            "expected: with max_in_flight = 2 requests already in flight, a third one gets \
             503 at once; happened: no answer after {limit:?}, it is waiting in line for a \
             permit; likely mistake: Semaphore::acquire (which waits until a permit is \
             free) instead of try_acquire (which fails at once)"
        );
    };
    match third.status {
        503 => {}
        200 => panic!(
            "expected: with max_in_flight = 2 requests already in flight, a third one gets \
             503; happened: 200, it went through, so the semaphore counted nothing; likely \
             mistake: the permit is dropped at once. A pattern of _ (as in `let Ok(_) = \
             ...` or `let _ = ...`) is not a variable: it drops the permit on the spot. \
             Bind it to a name such as _permit, alive until the response is ready"
        ),
        other => panic!(
            "expected: a third request over max_in_flight = 2 gets 503 from `overloaded`; \
             happened: {other} ({third:?})"
        ),
    }
    assert!(
        third.elapsed < Duration::from_millis(500),
        "expected: the 503 comes at once; happened: after {:.0} ms; likely mistake: \
         waiting for a permit before giving up",
        ms(third.elapsed)
    );
    assert!(
        third.json["error"].is_string(),
        "expected: the 503 carries a JSON error; happened: {:?}; likely mistake: a 503 of \
         your own instead of `overloaded`",
        third.text
    );

    // Let the two waiting requests finish: their permits come back.
    gate.release.add_permits(2);
    for request in waiting {
        let reply = request.await.expect("the waiting request's task");
        assert_eq!(
            reply.status, 200,
            "expected: the requests in flight finish normally; happened: {reply:?}"
        );
    }
    let after = http_get(&client, &server.url("/ping")).await;
    assert_eq!(
        after.status, 200,
        "expected: once the requests in flight are done, their permits are free again; \
         happened: {after:?}; likely mistake: the permits are never given back (forgotten \
         instead of dropped with the response)"
    );
}

#[tokio::test]
async fn a_panicking_request_gives_its_permit_back() {
    let (server, _gate) = start(1).await;
    let client = client();
    for round in 1..=3 {
        let reply = http_get(&client, &server.url("/boom")).await;
        assert_eq!(
            reply.status,
            500,
            "expected: round {round}, a panic in the handler is a 500; happened: {reply:?}; \
             likely mistake: {}",
            if reply.status == 503 {
                "the permit of the previous, panicking request was never given back; a \
                 guard held in a variable is dropped by the unwinding panic too"
            } else {
                "the request is not passed on to the next layer"
            }
        );
    }
    let reply = http_get(&client, &server.url("/ping")).await;
    assert_eq!(
        reply.status, 200,
        "expected: after the panics, the only permit (max_in_flight = 1) is free again; \
         happened: {reply:?}; likely mistake: a permit not given back by a panic"
    );
}
