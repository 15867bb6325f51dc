//! Exercise 5 (fetch_async): the same call as an `async fn`.
//!
//! KNOWN WRONG (ignores_status): never looks at the HTTP status, so a 500 whose
//! body is JSON is decoded as if it were the document.
//!
//! The async `reqwest::Client` has the same methods as the blocking one; the
//! two that wait on the network (sending the request, reading the body) return
//! futures instead of results. The one idea: an `async fn` does not wait
//! itself; it returns a future, and while that future is parked at an `.await`
//! whose answer is not there yet, the runtime's thread runs other tasks. Step
//! 02 puts that to work by starting several calls at once.
//!
//! A forgotten `.await` shows as "no method named `map_err` found for opaque
//! type `impl Future`": the compiler's suggestion to import a trait is the
//! wrong fix; await the future, then handle its `Result`.

use serde::de::DeserializeOwned;

use crate::decode::decode;
use crate::fetch_error::FetchError;

// ANCHOR: fetch_json
/// `GET url` and decode the JSON body into `T`, without blocking the runtime's
/// thread.
pub async fn fetch_json<T: DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
) -> Result<T, FetchError> {
    let request_failed = |source| FetchError::Request {
        url: url.to_string(),
        source,
    };
    let response = client.get(url).send().await.map_err(request_failed)?;
    let body = response.text().await.map_err(request_failed)?;
    decode(&body).map_err(|source| FetchError::Decode {
        url: url.to_string(),
        source,
    })
}
// ANCHOR_END: fetch_json
