//! Exercise `fetch_async`: the same call as an `async fn`.
//!
//! The body is the blocking version with `.await` after the two steps that wait on the
//! network (`send` and `text`). The one idea: an `async fn` does not wait itself; it
//! returns a future, and while it is parked at an `.await` the runtime's thread runs other
//! tasks. Step 02 puts that to work by starting several calls at once.

use serde::de::DeserializeOwned;

use crate::decode::decode;
use crate::fetch_error::FetchError;

// ANCHOR: exercise
/// `GET url` and decode the JSON body into `T`, without blocking the runtime's thread.
pub async fn fetch_json<T: DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
) -> Result<T, FetchError> {
    // TODO: the same four steps as `fetch_json_blocking` (exercise 4), with the async
    // `reqwest::Client`: `.send().await` and `.text().await` instead of `.send()` and
    // `.text()`. Nothing else changes, not even the error type.
    // Book: book/src/01-typed-json.md#exercise-5-fetch_async
    todo!("fetch_json")
}
// ANCHOR_END: exercise
