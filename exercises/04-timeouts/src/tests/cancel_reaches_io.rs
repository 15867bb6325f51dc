//! Exercise `cancel_reaches_io`: `crate::cancel_reaches_io::{fetch_json,
//! fetch_json_blocking}` against the in-process fake upstream (real sockets, real time,
//! every wait bounded).
//!
//! The fake upstream counts the requests whose client went away before the answer was
//! complete (`abandoned`). That counter is how these tests see a cancellation arrive at
//! the other end of the socket.

use std::time::{Duration, Instant};

use crossbeam_channel::bounded;
use upstream::{Fault, Knobs, Upstream};

use super::support::ms;
use crate::cancel_reaches_io::{FetchError, fetch_json, fetch_json_blocking};

/// The longest any single step of these tests may take before the test gives up.
const BOUND: Duration = Duration::from_secs(5);

fn start_upstream() -> Upstream {
    Upstream::start().expect("the fake upstream should start on 127.0.0.1:0")
}

/// Runs `fetch_json` with an outer bound, so a wrong solution fails instead of hanging.
async fn bounded_fetch(url: &str, limit: Duration) -> Result<serde_json::Value, FetchError> {
    let client = reqwest::Client::new();
    tokio::time::timeout(BOUND, fetch_json(&client, url, limit))
        .await
        .unwrap_or_else(|_| {
            panic!("expected fetch_json to return within its {limit:?} limit; still busy after {BOUND:?}")
        })
}

/// Runs `fetch_json_blocking` on its own thread, and waits for it at most [`BOUND`].
fn bounded_fetch_blocking(url: String, limit: Duration) -> Result<serde_json::Value, FetchError> {
    let (done_tx, done_rx) = bounded(1);
    std::thread::spawn(move || {
        // Reqwest's blocking client waits up to 30 s by default: far past BOUND.
        let client = reqwest::blocking::Client::new();
        let _ = done_tx.send(fetch_json_blocking(&client, &url, limit));
    });
    done_rx.recv_timeout(BOUND).unwrap_or_else(|_| {
        panic!(
            "expected fetch_json_blocking to return within its {limit:?} limit; still \
             blocked after {BOUND:?}. A blocking call stops only if its I/O has a deadline: \
             give the request a timeout."
        )
    })
}

#[tokio::test]
async fn a_fast_upstream_answers_with_its_json() {
    let upstream = start_upstream();
    let body = bounded_fetch(&upstream.url("facebook"), BOUND).await;
    let body = body.unwrap_or_else(|e| panic!("expected the facebook JSON; got the error {e}"));
    assert_eq!(
        body["service"], "facebook",
        "expected the decoded JSON of /facebook; got {body}"
    );
    assert_eq!(
        upstream.abandoned(),
        0,
        "a completed request is not abandoned"
    );
}

#[tokio::test]
async fn an_error_status_is_an_error_not_a_timeout() {
    let upstream = start_upstream();
    let url = upstream.url_with("twitter", &Knobs::fault(Fault::Status500));
    let result = bounded_fetch(&url, BOUND).await;
    assert!(
        matches!(result, Err(FetchError::Http(_))),
        "expected FetchError::Http for an HTTP 500 (use error_for_status); got {result:?}"
    );
}

#[tokio::test]
async fn a_hanging_upstream_times_out_and_sees_the_client_leave() {
    let upstream = start_upstream();
    let url = upstream.url_with("github", &Knobs::fault(Fault::Hang));
    let start = Instant::now();
    let result = bounded_fetch(&url, ms(200)).await;
    let elapsed = start.elapsed();
    assert!(
        matches!(result, Err(FetchError::TimedOut { limit }) if limit == ms(200)),
        "expected FetchError::TimedOut {{ limit: 200ms }} from an upstream that never \
         answers; got {result:?}"
    );
    assert!(
        elapsed >= ms(200) && elapsed < Duration::from_secs(3),
        "expected to give up at the 200 ms limit; took {elapsed:?}"
    );
    assert!(
        upstream.wait_for_abandoned(1, BOUND).await,
        "expected the upstream to see its client leave (abandoned = 1): dropping the \
         request future must close the connection. Did the request run in a spawned task \
         that outlived the timeout? abandoned = {}",
        upstream.abandoned()
    );
}

#[tokio::test]
async fn a_stalled_body_counts_against_the_limit() {
    let upstream = start_upstream();
    let url = upstream.url_with("facebook", &Knobs::fault(Fault::Stall));
    let result = bounded_fetch(&url, ms(300)).await;
    assert!(
        matches!(result, Err(FetchError::TimedOut { .. })),
        "expected a timeout when the body stalls halfway: the limit covers reading the \
         body too, not just the status line; got {result:?}"
    );
    assert!(
        upstream.wait_for_abandoned(1, BOUND).await,
        "expected the upstream to see its client leave mid-body (abandoned = 1); \
         abandoned = {}",
        upstream.abandoned()
    );
}

#[tokio::test]
async fn dropping_the_call_from_outside_cancels_the_request_too() {
    let upstream = start_upstream();
    let url = upstream.url_with("github", &Knobs::fault(Fault::Hang));
    let client = reqwest::Client::new();
    // A generous limit: here it is the caller who gives up, by dropping the future.
    tokio::select! {
        result = fetch_json(&client, &url, Duration::from_secs(60)) => {
            panic!("expected the hanging upstream never to answer; got {result:?}")
        }
        () = tokio::time::sleep(ms(200)) => {}
    }
    assert!(
        upstream.wait_for_abandoned(1, BOUND).await,
        "expected dropping fetch_json's future to close the connection (abandoned = 1): \
         keep the request inside the future you return, don't spawn it; abandoned = {}",
        upstream.abandoned()
    );
}

#[test]
fn blocking_a_fast_upstream_answers_with_its_json() {
    let upstream = start_upstream();
    let body = bounded_fetch_blocking(upstream.url("github"), BOUND);
    let body = body.unwrap_or_else(|e| panic!("expected the github JSON; got the error {e}"));
    assert_eq!(
        body["service"], "github",
        "expected the decoded JSON of /github; got {body}"
    );
}

#[test]
fn blocking_a_hanging_upstream_times_out_and_sees_the_client_leave() {
    let upstream = start_upstream();
    let url = upstream.url_with("github", &Knobs::fault(Fault::Hang));
    let start = Instant::now();
    let result = bounded_fetch_blocking(url, ms(200));
    let elapsed = start.elapsed();
    assert!(
        matches!(result, Err(FetchError::TimedOut { limit }) if limit == ms(200)),
        "expected FetchError::TimedOut {{ limit: 200ms }} (reqwest's error.is_timeout()); \
         got {result:?}"
    );
    assert!(
        elapsed >= ms(200) && elapsed < Duration::from_secs(3),
        "expected to give up at the 200 ms limit; took {elapsed:?}"
    );
    assert!(
        upstream.wait_for_abandoned_blocking(1, BOUND),
        "expected the upstream to see its client leave (abandoned = 1) when the \
         request's own timeout fired; abandoned = {}",
        upstream.abandoned()
    );
}

#[test]
fn blocking_a_stalled_body_counts_against_the_limit() {
    let upstream = start_upstream();
    let url = upstream.url_with("facebook", &Knobs::fault(Fault::Stall));
    let result = bounded_fetch_blocking(url, ms(300));
    assert!(
        matches!(result, Err(FetchError::TimedOut { .. })),
        "expected a timeout when the body stalls halfway (the request timeout covers \
         reading the body too); got {result:?}"
    );
    assert!(
        upstream.wait_for_abandoned_blocking(1, BOUND),
        "expected the upstream to see its client leave mid-body; abandoned = {}",
        upstream.abandoned()
    );
}
