//! Exercise 4 (fetch_blocking): one API call from ordinary threaded code.
//!
//! `reqwest::blocking` is the `requests.get(url)` of Rust: the calling thread
//! waits until the answer is there. The one idea: every step of the call can
//! fail in its own way, and each failure becomes the right [`FetchError`]
//! variant, with the URL attached, at the step where it happens (`?` after
//! `map_err`, where Go writes `if err != nil`).
//!
//! Why the status comes before the body: an HTTP 500 can carry a perfectly good
//! JSON body (`{"error":"…"}`, as the fake upstream's does). Decode it first
//! and the caller reads "missing field `user`", which sends them looking in the
//! wrong place.

use serde::de::DeserializeOwned;

use crate::decode::decode;
use crate::fetch_error::FetchError;

// ANCHOR: fetch_json_blocking
/// `GET url` and decode the JSON body into `T`, blocking the calling thread.
///
/// Takes a `Client` rather than making one: a client keeps a pool of open
/// connections, so a program makes one and reuses it for every call.
pub fn fetch_json_blocking<T: DeserializeOwned>(
    client: &reqwest::blocking::Client,
    url: &str,
) -> Result<T, FetchError> {
    let request_failed = |source| FetchError::Request {
        url: url.to_string(),
        source,
    };
    let response = client.get(url).send().map_err(request_failed)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: status.as_u16(),
        });
    }
    let body = response.text().map_err(request_failed)?;
    decode(&body).map_err(|source| FetchError::Decode {
        url: url.to_string(),
        source,
    })
}
// ANCHOR_END: fetch_json_blocking
