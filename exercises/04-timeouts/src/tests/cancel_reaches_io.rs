//! Exercise `cancel_reaches_io`: `crate::cancel_reaches_io::{fetch_json,
//! fetch_json_blocking}` against the in-process fake upstream (real sockets, real time,
//! every wait bounded).
//!
//! The fake upstream counts the requests whose client went away before the answer was
//! complete (`abandoned`), and logs every request it received. The counter is how these
//! tests see a cancellation arrive at the other end of the socket; the log is what they
//! draw when it does not.

use std::time::{Duration, Instant};

use crossbeam_channel::bounded;
use upstream::{Fault, Knobs, RequestOutcome, Upstream};

use super::support::ms;
use crate::cancel_reaches_io::{FetchError, fetch_json, fetch_json_blocking};

/// How long a test waits for the upstream to see its client leave.
const BOUND: Duration = Duration::from_secs(3);

/// How much longer than its own limit a fetch may take before the test gives up on it.
const SLACK: Duration = Duration::from_secs(2);

/// The likely mistake when the upstream never sees its client leave.
const STILL_WORKING: &str = "Likely mistake: the request runs in a spawned task or a \
     thread of its own, and the timeout dropped only your wait for it: you stopped \
     waiting, but not working.";

fn start_upstream() -> Upstream {
    Upstream::start().expect("the fake upstream should start on 127.0.0.1:0")
}

/// The attendee's calls as the upstream saw them, drawn, and what the drawing shows.
/// `began` is when the test started its call.
fn calls_seen(upstream: &Upstream, began: Instant) -> String {
    let records = upstream.requests();
    let running = |outcome: RequestOutcome| outcome == RequestOutcome::Running;
    let diagnosis = if records.is_empty() {
        "No request reached the upstream.".to_string()
    } else if records.iter().any(|record| running(record.outcome)) {
        format!(
            "Your request is still open at the upstream, {:.1?} after your call began: the \
             caller stopped waiting, but the request did not stop working.",
            began.elapsed()
        )
    } else if records
        .iter()
        .any(|record| record.outcome == RequestOutcome::Abandoned)
    {
        "The upstream saw your client leave.".to_string()
    } else {
        "The upstream answered every request in full.".to_string()
    };
    format!(
        "\n\nYour calls, as the fake upstream saw them:\n{}{diagnosis}",
        upstream::draw_requests(&records)
    )
}

/// Runs `fetch_json` with an outer bound, so a wrong solution fails instead of hanging.
/// `if_stuck` is the likely mistake when the fetch outlives its limit.
async fn bounded_fetch(
    upstream: &Upstream,
    url: &str,
    limit: Duration,
    if_stuck: &str,
) -> Result<serde_json::Value, FetchError> {
    let client = reqwest::Client::new();
    let began = Instant::now();
    match tokio::time::timeout(limit + SLACK, fetch_json(&client, url, limit)).await {
        Ok(result) => result,
        Err(_) => panic!(
            "expected fetch_json to return within its {limit:?} limit; it was still busy \
             {SLACK:?} later. {if_stuck}{}",
            calls_seen(upstream, began)
        ),
    }
}

/// Runs `fetch_json_blocking` on its own thread, and waits for it at most its limit
/// plus [`SLACK`].
fn bounded_fetch_blocking(
    upstream: &Upstream,
    url: String,
    limit: Duration,
) -> Result<serde_json::Value, FetchError> {
    let (done_tx, done_rx) = bounded(1);
    let began = Instant::now();
    std::thread::spawn(move || {
        // Reqwest's blocking client waits up to 30 s by default: far past the bound.
        let client = reqwest::blocking::Client::new();
        let _ = done_tx.send(fetch_json_blocking(&client, &url, limit));
    });
    done_rx.recv_timeout(limit + SLACK).unwrap_or_else(|_| {
        panic!(
            "expected fetch_json_blocking to return within its {limit:?} limit; it was \
             still blocked {SLACK:?} later. Likely mistake: the limit does not reach the \
             request. A blocking call stops only if its I/O has a deadline of its own: give \
             the request a timeout.{}",
            calls_seen(upstream, began)
        )
    })
}

#[tokio::test]
async fn a_fast_upstream_answers_with_its_json() {
    let upstream = start_upstream();
    let url = upstream.url("facebook");
    let began = Instant::now();
    let body = bounded_fetch(&upstream, &url, BOUND, "").await;
    let body = body.unwrap_or_else(|e| panic!("expected the facebook JSON; got the error {e}"));
    assert_eq!(
        body["service"], "facebook",
        "expected the decoded JSON of /facebook; got {body}"
    );
    assert_eq!(
        upstream.abandoned(),
        0,
        "expected a completed request not to be abandoned{}",
        calls_seen(&upstream, began)
    );
}

#[tokio::test]
async fn an_error_status_is_an_error_not_a_timeout() {
    let upstream = start_upstream();
    let url = upstream.url_with("twitter", &Knobs::fault(Fault::Status500));
    let result = bounded_fetch(&upstream, &url, BOUND, "").await;
    assert!(
        matches!(result, Err(FetchError::Http(_))),
        "expected FetchError::Http for an HTTP 500; got {result:?}. Likely mistake: the \
         status is not checked before the body is decoded (error_for_status); the 500's \
         body is JSON too"
    );
}

#[tokio::test]
async fn a_hanging_upstream_times_out_and_sees_the_client_leave() {
    let upstream = start_upstream();
    let url = upstream.url_with("github", &Knobs::fault(Fault::Hang));
    let start = Instant::now();
    let result = bounded_fetch(&upstream, &url, ms(200), "").await;
    let elapsed = start.elapsed();
    assert!(
        matches!(result, Err(FetchError::TimedOut { limit }) if limit == ms(200)),
        "expected FetchError::TimedOut {{ limit: 200ms }} from an upstream that never \
         answers; got {result:?}"
    );
    assert!(
        elapsed >= ms(200) && elapsed < Duration::from_secs(2),
        "expected to give up at the 200 ms limit; returned after {elapsed:?}"
    );
    assert!(
        upstream.wait_for_abandoned(1, BOUND).await,
        "expected the upstream to see its client leave (abandoned = 1) once the limit \
         passed: dropping the request future must close the connection. It saw nothing \
         for {BOUND:?}. {STILL_WORKING}{}",
        calls_seen(&upstream, start)
    );
}

#[tokio::test]
async fn a_stalled_body_counts_against_the_limit() {
    let upstream = start_upstream();
    let url = upstream.url_with("facebook", &Knobs::fault(Fault::Stall));
    let began = Instant::now();
    let if_stuck = "Likely mistake: the limit covers the status line but not the body. \
                    The upstream sent its headers at once and then stalled halfway \
                    through the body: decode the body under the same limit.";
    let result = bounded_fetch(&upstream, &url, ms(300), if_stuck).await;
    assert!(
        matches!(result, Err(FetchError::TimedOut { .. })),
        "expected a timeout when the body stalls halfway: the limit covers reading the \
         body too, not just the status line; got {result:?}"
    );
    assert!(
        upstream.wait_for_abandoned(1, BOUND).await,
        "expected the upstream to see its client leave mid-body (abandoned = 1); it saw \
         nothing for {BOUND:?}. {STILL_WORKING}{}",
        calls_seen(&upstream, began)
    );
}

#[tokio::test]
async fn dropping_the_call_from_outside_cancels_the_request_too() {
    let upstream = start_upstream();
    let url = upstream.url_with("github", &Knobs::fault(Fault::Hang));
    let client = reqwest::Client::new();
    let began = Instant::now();
    // A generous limit: here it is the caller who gives up, by dropping the future.
    tokio::select! {
        result = fetch_json(&client, &url, Duration::from_secs(60)) => {
            panic!("expected the hanging upstream never to answer; got {result:?}")
        }
        () = tokio::time::sleep(ms(200)) => {}
    }
    assert!(
        upstream.wait_for_abandoned(1, BOUND).await,
        "expected dropping fetch_json's future (a select! that took another branch) to \
         close the connection (abandoned = 1); the upstream saw nothing for {BOUND:?}. \
         Keep the request inside the future you return. {STILL_WORKING}{}",
        calls_seen(&upstream, began)
    );
}

#[test]
fn blocking_a_fast_upstream_answers_with_its_json() {
    let upstream = start_upstream();
    let body = bounded_fetch_blocking(&upstream, upstream.url("github"), BOUND);
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
    let result = bounded_fetch_blocking(&upstream, url, ms(200));
    let elapsed = start.elapsed();
    assert!(
        matches!(result, Err(FetchError::TimedOut { limit }) if limit == ms(200)),
        "expected FetchError::TimedOut {{ limit: 200ms }}; got {result:?}. Likely mistake, \
         if it is FetchError::Http: reqwest's timeout error (is_timeout) is not turned \
         into TimedOut"
    );
    assert!(
        elapsed >= ms(200) && elapsed < Duration::from_secs(2),
        "expected to give up at the 200 ms limit; returned after {elapsed:?}"
    );
    assert!(
        upstream.wait_for_abandoned_blocking(1, BOUND),
        "expected the upstream to see its client leave (abandoned = 1) when the limit \
         passed; it saw nothing for {BOUND:?}. Likely mistake: the request runs on a \
         thread of its own, raced against a timer, and nobody stops that thread: you \
         stopped waiting, but not working. Give the request itself the limit.{}",
        calls_seen(&upstream, start)
    );
}

#[test]
fn blocking_a_stalled_body_counts_against_the_limit() {
    let upstream = start_upstream();
    let url = upstream.url_with("facebook", &Knobs::fault(Fault::Stall));
    let began = Instant::now();
    let result = bounded_fetch_blocking(&upstream, url, ms(300));
    assert!(
        matches!(result, Err(FetchError::TimedOut { .. })),
        "expected a timeout when the body stalls halfway (the request's limit covers \
         reading the body too); got {result:?}. Likely mistake, if it is \
         FetchError::Http: the body's timeout error is not turned into TimedOut"
    );
    assert!(
        upstream.wait_for_abandoned_blocking(1, BOUND),
        "expected the upstream to see its client leave mid-body; it saw nothing for \
         {BOUND:?}. Likely mistake: the request runs on a thread of its own, raced against \
         a timer; give the request itself the limit.{}",
        calls_seen(&upstream, began)
    );
}
