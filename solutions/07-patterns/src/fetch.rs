//! One call to a fake upstream: the building block of exercises 1 and 2
//! (given, not an exercise).
//!
//! The patterns of this step are about *how many* calls run, *when* they start
//! and *which* ones are cancelled, never about the call itself. So the call is
//! given, and it is the same for every pattern: GET a URL, and get its body as
//! text, or a message that says what went wrong.
//!
//! A failed call is a value (an `Err` with a message), never a panic: one bad
//! upstream must not crash a batch, and a hedged request must be able to try
//! the next replica.
use std::time::Duration;

/// No call may wait longer than this, whatever the upstream does (a safety net:
/// the patterns decide when to give up long before).
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(10);

// ANCHOR: fetch
/// What one call gives back: the body, or a message saying what went wrong.
pub type Reply = Result<String, String>;

/// A client for one batch of calls: it holds the pool of connections that the
/// calls share. Cloning it is cheap and shares the same pool.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(FETCH_TIMEOUT)
        .build()
        .expect("a client without TLS always builds")
}

/// GET `url` and read the whole body as text. A connection error, a status
/// other than 2xx or a broken body is an `Err` with a readable message.
///
/// Dropping the future before it is done closes its connection: the fake
/// upstream then counts the request as abandoned.
pub async fn fetch(client: &reqwest::Client, url: &str) -> Reply {
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|err| format!("request failed: {err}"))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the service answered {status}"));
    }
    response
        .text()
        .await
        .map_err(|err| format!("reading the body failed: {err}"))
}
// ANCHOR_END: fetch
