//! Exercise `fetch_blocking`: one API call from ordinary threaded code.
//!
//! `reqwest::blocking` is the `requests.get(url).json()` of Rust: the calling thread
//! waits until the answer is there. The one idea: every step of the call can fail in its
//! own way, and `?` with `map_err` turns each failure into the right [`FetchError`]
//! variant, with the URL attached, in one line.

use serde::de::DeserializeOwned;

use crate::decode::decode;
use crate::fetch_error::FetchError;

// ANCHOR: exercise
/// `GET url` and decode the JSON body into `T`, blocking the calling thread.
///
/// Takes a `Client` rather than making one: a client keeps a pool of open connections,
/// so a program makes one and reuses it for every call.
pub fn fetch_json_blocking<T: DeserializeOwned>(
    client: &reqwest::blocking::Client,
    url: &str,
) -> Result<T, FetchError> {
    // TODO: four steps, each with its own error (see `FetchError` in src/fetch_error.rs):
    // 1. `client.get(url).send()`; a failure is `FetchError::Request`.
    // 2. If `response.status()` is not a success, return `FetchError::Status` with
    //    `status.as_u16()` (before reading the body: a 500 may have a JSON body too).
    // 3. `response.text()` reads the body; a failure is `FetchError::Request` again.
    // 4. `decode(&body)` (exercise 3); wrap its error in `FetchError::Decode`.
    // Every variant carries `url: url.to_string()`.
    // Book: book/src/01-typed-json.md#exercise-4-fetch_blocking
    todo!("fetch_json_blocking")
}
// ANCHOR_END: exercise
