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

/// Calls, but gives up after 10 s so an unsolved exercise cannot hang the test.
async fn call(url: &str) -> Result<String, CallError> {
    let client = build_client().expect("client");
    match timeout(Duration::from_secs(10), call_upstream(&client, url)).await {
        Ok(result) => result.map(|raw| raw.get().to_owned()),
        Err(_) => panic!(
            "call_upstream({url}) took more than 10 s: it should stop reading at \
             MAX_BODY_BYTES instead of waiting for the whole body"
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
            "the body should be the upstream's JSON byte for byte (parse it into a \
             `Box<RawValue>`, which keeps the text; a `serde_json::Value` would reorder keys)"
        ),
        Err(err) => panic!("a healthy upstream should give Ok(json); got Err({err:?})"),
    }
}

#[tokio::test]
async fn a_500_is_a_status_error() {
    let up = start_upstream();
    let result = call(&up.url_with("twitter", &Knobs::fault(Fault::Status500))).await;
    assert!(
        matches!(result, Err(CallError::Status { status: 500 })),
        "an upstream answering 500 should give Err(CallError::Status {{ status: 500 }}), \
         even though its body is valid JSON; got {result:?}"
    );
}

#[tokio::test]
async fn invalid_json_is_an_error() {
    let up = start_upstream();
    let result = call(&up.url_with("github", &Knobs::fault(Fault::InvalidJson))).await;
    assert!(
        matches!(result, Err(CallError::InvalidJson(_))),
        "a 200 whose body is not JSON should give Err(CallError::InvalidJson(..)); \
         got {result:?}"
    );
}

#[tokio::test]
async fn a_body_over_1_mib_is_refused() {
    let up = start_upstream();
    let result = call(&up.url_with("weather", &Knobs::fault(Fault::TooLarge))).await;
    assert!(
        matches!(result, Err(CallError::TooLarge { .. })),
        "a body over MAX_BODY_BYTES should give Err(CallError::TooLarge {{ .. }}); \
         got {result:?}"
    );
}

#[tokio::test]
async fn an_endless_body_is_cut_off_at_the_limit() {
    let endless = RawUpstream::endless_body().await;
    let result = call(&endless.url()).await;
    assert!(
        matches!(result, Err(CallError::TooLarge { .. })),
        "a body that never ends should give Err(CallError::TooLarge {{ .. }}) as soon as \
         more than MAX_BODY_BYTES arrived (read it chunk by chunk with \
         `response.chunk().await?` and count); got {result:?}"
    );
}

#[tokio::test]
async fn a_refused_connection_is_a_readable_transport_error() {
    let result = call(&refused_url()).await;
    match result {
        Err(CallError::Transport(message)) => assert!(
            message.to_lowercase().contains("refused"),
            "the message should say what happened (connection refused), so it helps \
             whoever reads the /things response; got {message:?}"
        ),
        other => panic!(
            "nothing listens at that address: expected Err(CallError::Transport(..)) \
             (let `?` convert the reqwest::Error); got {other:?}"
        ),
    }
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let redirecting = RawUpstream::redirect().await;
    let result = call(&redirecting.url()).await;
    assert!(
        matches!(result, Err(CallError::Status { status: 302 })),
        "a 302 is not a 2xx answer: it should be Err(CallError::Status {{ status: 302 }}), \
         and the shared client must not follow it to an address nobody configured; \
         got {result:?}"
    );
}
