//! Exercise `fetch_async`: the same call as an `async fn`.
//!
//! The body is the blocking version with `.await` after the two steps that wait on the
//! network (`send` and `text`). The one idea: an `async fn` does not wait itself; it
//! returns a future, and while it is parked at an `.await` the runtime's thread runs other
//! tasks. Step 02 puts that to work by starting several calls at once.

use serde::de::DeserializeOwned;

use crate::decode::decode;
use crate::fetch_error::FetchError;

// ANCHOR: fetch_json
/// `GET url` and decode the JSON body into `T`, without blocking the runtime's thread.
pub async fn fetch_json<T: DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
) -> Result<T, FetchError> {
    let request_failed = |source| FetchError::Request {
        url: url.to_string(),
        source,
    };
    let response = client.get(url).send().await.map_err(request_failed)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: status.as_u16(),
        });
    }
    let body = response.text().await.map_err(request_failed)?;
    decode(&body).map_err(|source| FetchError::Decode {
        url: url.to_string(),
        source,
    })
}
// ANCHOR_END: fetch_json
