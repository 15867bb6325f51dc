//! Exercise `fetch_blocking`: one API call from ordinary threaded code.
//!
//! `reqwest::blocking` is the `requests.get(url).json()` of Rust: the calling thread
//! waits until the answer is there. The one idea: every step of the call can fail in its
//! own way, and `?` with `map_err` turns each failure into the right [`FetchError`]
//! variant, with the URL attached, in one line.

use serde::de::DeserializeOwned;

use crate::decode::decode;
use crate::fetch_error::FetchError;

// ANCHOR: fetch_json_blocking
/// `GET url` and decode the JSON body into `T`, blocking the calling thread.
///
/// Takes a `Client` rather than making one: a client keeps a pool of open connections,
/// so a program makes one and reuses it for every call.
pub fn fetch_json_blocking<T: DeserializeOwned>(
    client: &reqwest::blocking::Client,
    url: &str,
) -> Result<T, FetchError> {
    let request_failed = |source| FetchError::Request {
        url: url.to_string(),
        source,
    };
    let response = client.get(url).send().map_err(request_failed)?;
    // A 500 with a JSON error body is still a failure: check the status before the body.
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
