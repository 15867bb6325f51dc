//! Exercise 5 (fetch_async): the same call as an `async fn`.
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

// ANCHOR: exercise
/// `GET url` and decode the JSON body into `T`, without blocking the runtime's
/// thread.
pub async fn fetch_json<T: DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
) -> Result<T, FetchError> {
    // TODO: The call of `fetch_json_blocking`, with the async client and the
    //       very same errors; the thread must be free for other tasks while the
    //       call waits.
    // Book: book/src/01-typed-json.md#exercise-5-fetch_async
    todo!()
}
// ANCHOR_END: exercise
