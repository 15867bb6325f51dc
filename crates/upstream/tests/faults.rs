//! Each fault does what it says, and is counted.

mod common;

use std::time::Duration;

use common::{PROMPTLY, client, client_with_timeout};
use upstream::{Fault, HUGE_BODY_MIN_BYTES, Knobs, Upstream};

#[tokio::test]
async fn fault_500_answers_500_with_a_json_error() {
    let up = Upstream::start().unwrap();
    let response = client()
        .get(up.url_with("github", &Knobs::fault(Fault::Status500)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 500);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(
        body["error"].as_str().is_some_and(|m| m.contains("github")),
        "{body}"
    );
    assert_eq!(
        up.stats().served,
        1,
        "a deliberate 500 is still a response sent"
    );
}

#[tokio::test]
async fn fault_hang_never_answers() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("facebook", &Knobs::fault(Fault::Hang));
    let result = client_with_timeout(Duration::from_millis(300))
        .get(url)
        .send()
        .await;
    assert!(
        result.as_ref().is_err_and(|e| e.is_timeout()),
        "expected no answer before the client's timeout; got {result:?}"
    );
    assert!(up.wait_for_abandoned(1, PROMPTLY).await, "{:?}", up.stats());
}

#[tokio::test]
async fn fault_invalid_json_answers_200_with_a_body_that_is_not_json() {
    let up = Upstream::start().unwrap();
    let response = client()
        .get(up.url_with("weather", &Knobs::fault(Fault::InvalidJson)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body = response.bytes().await.unwrap();
    let document = upstream::document("weather").unwrap();
    assert!(
        !body.is_empty() && document.as_bytes().starts_with(&body) && body.len() < document.len()
    );
    assert!(
        serde_json::from_slice::<serde_json::Value>(&body).is_err(),
        "expected invalid JSON, got {:?}",
        String::from_utf8_lossy(&body)
    );
    assert_eq!(up.stats().served, 1);
}

#[tokio::test]
async fn fault_stall_promises_the_whole_body_sends_half_and_stops() {
    let up = Upstream::start().unwrap();
    let document = upstream::document("facebook").unwrap();
    let mut response = client()
        .get(up.url_with("facebook", &Knobs::fault(Fault::Stall)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.content_length(), Some(document.len() as u64));
    let first = response
        .chunk()
        .await
        .unwrap()
        .expect("the first half arrives");
    assert_eq!(&first[..], &document.as_bytes()[..document.len() / 2]);
    // The rest never comes. (A deadline on an event that must not happen: the only way
    // to test "never" is "not within a while".)
    let rest = tokio::time::timeout(Duration::from_millis(300), response.chunk()).await;
    assert!(rest.is_err(), "expected the body to stall; got {rest:?}");
    assert_eq!(up.stats().served, 0);
}

#[tokio::test]
async fn fault_huge_streams_valid_json_over_1_mib() {
    let up = Upstream::start().unwrap();
    let mut response = client()
        .get(up.url_with("twitter", &Knobs::fault(Fault::TooLarge)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let mut body = Vec::new();
    let mut chunks = 0;
    while let Some(chunk) = response.chunk().await.unwrap() {
        body.extend_from_slice(&chunk);
        chunks += 1;
    }
    assert!(
        body.len() >= HUGE_BODY_MIN_BYTES && body.len() > 1024 * 1024,
        "{} bytes",
        body.len()
    );
    assert!(chunks > 1, "a body this size arrives in pieces");
    let value: serde_json::Value = serde_json::from_slice(&body).expect("valid JSON");
    assert_eq!(value["service"], "twitter");
    assert_eq!(up.stats().served, 1);
}

#[tokio::test]
async fn latency_comes_before_the_fault() {
    let up = Upstream::start().unwrap();
    let knobs = Knobs::latency(Duration::from_millis(100)).with_fault(Fault::Status500);
    let started = std::time::Instant::now();
    let response = client()
        .get(up.url_with("github", &knobs))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 500);
    assert!(started.elapsed() >= Duration::from_millis(100));
}
