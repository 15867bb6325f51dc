//! Fetch one service: the building block every GetAllTheThings uses (given, not
//! an exercise).
//!
//! Two flavours with the same behaviour: [`fetch_blocking`] parks the calling
//! thread until the answer is in (use it from plain threads), [`fetch`] is a
//! future that yields to the runtime while it waits (use it from tokio tasks).
//! The idea to take away: the *single* call does not change when we make the
//! *batch* concurrent, exactly like the Go article's `naive.Get` stays as it
//! is.
//!
//! Both take the client as a parameter so that one batch shares one client (and
//! its pool of connections) instead of building a new one per call.
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::thing::Thing;

/// No call may wait longer than this, whatever the upstream does: an upstream
/// that hangs becomes a failed `Thing`, not a stuck program.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(10);

// ANCHOR: fetch_blocking
/// GET `url` and decode its JSON body, blocking this thread until done.
///
/// Never panics: every failure becomes a `Thing` whose status says what went
/// wrong. Do not call it from async code: `reqwest::blocking` panics inside a
/// tokio runtime.
pub fn fetch_blocking(client: &reqwest::blocking::Client, url: &str) -> Thing {
    let started = Instant::now();
    let outcome = get_json_blocking(client, url);
    into_thing(url, outcome, started.elapsed())
}

fn get_json_blocking(
    client: &reqwest::blocking::Client,
    url: &str,
) -> Result<Value, String> {
    let response = client
        .get(url)
        .timeout(FETCH_TIMEOUT)
        .send()
        .map_err(|err| format!("request failed: {err}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the service answered {status}"));
    }
    response
        .json::<Value>()
        .map_err(|err| format!("the body is not JSON: {err}"))
}
// ANCHOR_END: fetch_blocking

// ANCHOR: fetch_async
/// GET `url` and decode its JSON body; the async twin of [`fetch_blocking`].
///
/// While the request is in flight this future is parked and the runtime's
/// thread is free to drive other tasks. Never panics: failures become a `Thing`
/// with an error status.
pub async fn fetch(client: &reqwest::Client, url: &str) -> Thing {
    let started = Instant::now();
    let outcome = get_json(client, url).await;
    into_thing(url, outcome, started.elapsed())
}

async fn get_json(
    client: &reqwest::Client,
    url: &str,
) -> Result<Value, String> {
    let response = client
        .get(url)
        .timeout(FETCH_TIMEOUT)
        .send()
        .await
        .map_err(|err| format!("request failed: {err}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the service answered {status}"));
    }
    response
        .json::<Value>()
        .await
        .map_err(|err| format!("the body is not JSON: {err}"))
}
// ANCHOR_END: fetch_async

/// Name the result after the service and record how the call went.
fn into_thing(
    url: &str,
    outcome: Result<Value, String>,
    elapsed: Duration,
) -> Thing {
    let name = service_name(url);
    match outcome {
        Ok(body) => Thing::ok(name, body, elapsed),
        Err(message) => Thing::failed(name, message, elapsed),
    }
}

/// `"http://127.0.0.1:8080/github?latency_ms=100"` → `"github"`.
///
/// Falls back to the whole string when the URL has no path to take a name from,
/// so even a bad URL yields a `Thing` that says which URL it was.
pub fn service_name(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|parsed| {
            let last = parsed
                .path_segments()?
                .rfind(|segment| !segment.is_empty())?;
            Some(last.to_string())
        })
        .unwrap_or_else(|| url.to_string())
}
