//! Exercise 2: `call_upstream` returns the upstream's JSON as-is, and a readable error
//! for every way an upstream can let us down, reading at most 1 MiB.
use std::time::Duration;

use tokio::time::timeout;
use upstream::{Fault, Knobs, Upstream};

use super::support::{RawUpstream, refused_url};
use crate::call::{CallError, call_upstream};
use crate::config::build_client;

fn start_upstream() -> Upstream {
    Upstream::start().expect("starting the fake upstream on 127.0.0.1:0")
}

/// Calls, but gives up after 5 s so an unsolved exercise cannot hang the test.
async fn call(url: &str) -> Result<String, CallError> {
    let client = build_client().expect("client");
    let limit = Duration::from_secs(5);
    match timeout(limit, call_upstream(&client, url)).await {
        Ok(result) => result.map(|raw| raw.get().to_owned()),
        Err(_) => panic!(
            "expected: call_upstream({url}) to return at once against this fast upstream on \
             loopback; happened: no result after {limit:?}; likely mistake: waiting for a \
             body that never ends (read it chunk by chunk and stop at MAX_BODY_BYTES)"
        ),
    }
}

#[tokio::test]
async fn returns_the_json_body_as_is() {
    let up = start_upstream();
    let body = call(&up.url("facebook")).await;
    let expected = upstream::document("facebook").expect("facebook is an endpoint");
    match body {
        Ok(body) => assert_eq!(
            body, expected,
            "expected: the upstream's JSON byte for byte; happened: a different text; \
             likely mistake: decoding into a serde_json::Value (it re-encodes, keys sorted) \
             instead of a Box<RawValue>, which keeps the bytes"
        ),
        Err(err) => panic!(
            "expected: a healthy upstream gives Ok(its JSON); happened: Err({err:?}); \
             likely mistake: {}",
            match err {
                CallError::TooLarge { .. } => "the size check counts wrong (the limit is 1 MiB)",
                CallError::Status { .. } => "a 200 is a success: check for 2xx",
                _ => "the body is decoded as something else than JSON text",
            }
        ),
    }
}

#[tokio::test]
async fn a_500_is_a_status_error() {
    let up = start_upstream();
    let result = call(&up.url_with("twitter", &Knobs::fault(Fault::Status500))).await;
    assert!(
        matches!(result, Err(CallError::Status { status: 500 })),
        "expected: an upstream answering 500 gives Err(CallError::Status {{ status: 500 }}), \
         even though its body is valid JSON; happened: {result:?}; likely mistake: {}",
        if result.is_ok() {
            "the status is never checked: look at it before reading the body"
        } else {
            "the status is checked too late, or reported as another error"
        }
    );
}

#[tokio::test]
async fn invalid_json_is_an_error() {
    let up = start_upstream();
    let result = call(&up.url_with("github", &Knobs::fault(Fault::InvalidJson))).await;
    assert!(
        matches!(result, Err(CallError::InvalidJson(_))),
        "expected: a 200 whose body is not JSON gives Err(CallError::InvalidJson(..)); \
         happened: {result:?}; likely mistake: the decode error is not mapped to InvalidJson"
    );
}

#[tokio::test]
async fn a_body_over_1_mib_is_refused() {
    let up = start_upstream();
    let result = call(&up.url_with("weather", &Knobs::fault(Fault::TooLarge))).await;
    assert!(
        matches!(result, Err(CallError::TooLarge { .. })),
        "expected: a 2 MiB body gives Err(CallError::TooLarge {{ .. }}); happened: \
         {result:?}; likely mistake: the body's size is never compared to MAX_BODY_BYTES"
    );
}

#[tokio::test]
async fn an_endless_body_is_cut_off_at_the_limit() {
    let endless = RawUpstream::endless_body().await;
    let client = build_client().expect("client");
    // Generous: the right answer comes after reading about 1 MiB, in milliseconds.
    let limit = Duration::from_secs(3);
    let result = timeout(limit, call_upstream(&client, &endless.url())).await;
    let Ok(result) = result else {
        panic!(
            "expected: Err(CallError::TooLarge {{ .. }}) as soon as more than MAX_BODY_BYTES \
             of a body that never ends had arrived; happened: no result after {limit:?} \
             (the upstream sent {} MiB, then waited); likely mistake: buffering the whole \
             body before checking the 1 MiB cap (bytes, text and json wait for the end, \
             which never comes): read it chunk by chunk and count",
            RawUpstream::ENDLESS_CAP / (1024 * 1024)
        );
    };
    assert!(
        matches!(result, Err(CallError::TooLarge { .. })),
        "expected: Err(CallError::TooLarge {{ .. }}) for a body that never ends; happened: \
         {:?}; likely mistake: the running count is not compared to MAX_BODY_BYTES",
        result.map(|raw| raw.get().len())
    );
}

#[tokio::test]
async fn a_refused_connection_is_a_readable_transport_error() {
    let result = call(&refused_url()).await;
    match result {
        Err(CallError::Transport(message)) => assert!(
            message.to_lowercase().contains("refused"),
            "expected: a message that says what happened (connection refused), for whoever \
             reads the /things response; happened: {message:?}; likely mistake: a message \
             of your own instead of the given From<reqwest::Error>"
        ),
        other => panic!(
            "expected: Err(CallError::Transport(..)), since nothing listens at that \
             address; happened: {other:?}; likely mistake: the reqwest::Error is not \
             converted with ? (the given From impl builds Transport)"
        ),
    }
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let redirecting = RawUpstream::redirect().await;
    let result = call(&redirecting.url()).await;
    assert!(
        matches!(result, Err(CallError::Status { status: 302 })),
        "expected: Err(CallError::Status {{ status: 302 }}), since a 302 is not a 2xx \
         answer; happened: {result:?}; likely mistake: {}",
        if result.is_ok() {
            "the status is never checked (a redirect's body may well be JSON)"
        } else {
            "only 4xx and 5xx are treated as errors; anything outside 200..=299 is one"
        }
    );
}
