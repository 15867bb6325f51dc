//! Cancellation that reaches the I/O: giving up on an HTTP call must close its socket.
//!
//! The idea: a timeout is only half done if the request keeps running. In async Rust the
//! request *is* a future: when `tokio::time::timeout` (or a `select!`, or an aborted
//! task) drops it, reqwest drops the connection, the upstream sees its client go away,
//! and stops working for nobody. No context to thread through, nothing to remember.
//!
//! A blocking call cannot be dropped halfway: the thread is inside `read()`, and nothing
//! from outside can make it return. The only way to bound it is to give the I/O itself
//! a deadline: `RequestBuilder::timeout`. (Go's answer is the same as Rust async's, by
//! a different road: `http.NewRequestWithContext(ctx, …)` makes the transport watch
//! `ctx.Done()` and close the connection.)

use std::time::Duration;

use serde_json::Value;

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// No complete answer (headers and body) within the limit; the request was cancelled.
    #[error("no answer within {limit:?}; the request was cancelled")]
    TimedOut { limit: Duration },
    /// Connection refused, a non-2xx status, a body that is not JSON, …
    #[error("request failed: {0}")]
    Http(#[from] reqwest::Error),
}

// ANCHOR: fetch_json
/// GETs `url` and decodes its JSON body, all within `limit`.
///
/// The limit covers the whole call: connecting, the status line, and reading the body.
/// When it passes, the request future is dropped, which closes the connection: the
/// upstream sees the client leave.
// Book: book/src/04-timeouts.md#exercise-6-cancellation-that-reaches-the-socket
pub async fn fetch_json(
    client: &reqwest::Client,
    url: &str,
    limit: Duration,
) -> Result<Value, FetchError> {
    // TODO: write the whole call as one `async { ... }` block: `client.get(url).send()`,
    // `.error_for_status()`, `.json::<Value>()` (`?` turns a reqwest::Error into
    // `FetchError::Http`). Await that block inside `tokio::time::timeout(limit, ...)`;
    // an elapsed timer is `FetchError::TimedOut { limit }`.
    todo!("cancel_reaches_io: one async block for send + body, inside tokio::time::timeout")
}
// ANCHOR_END: fetch_json

// ANCHOR: fetch_json_blocking
/// The blocking twin of [`fetch_json`]: GETs `url` and decodes its JSON, within `limit`.
///
/// The deadline is given to the request itself (`.timeout(limit)`), because nothing can
/// interrupt a thread that is blocked reading a socket. When it passes, reqwest closes
/// the connection and returns an error whose `is_timeout()` is true.
// Book: book/src/04-timeouts.md#exercise-6-cancellation-that-reaches-the-socket
pub fn fetch_json_blocking(
    client: &reqwest::blocking::Client,
    url: &str,
    limit: Duration,
) -> Result<Value, FetchError> {
    // TODO: `client.get(url).timeout(limit).send()`, then `.error_for_status()`, then
    // `.json::<Value>()`. Map a reqwest error whose `is_timeout()` is true to
    // `FetchError::TimedOut { limit }`, any other to `FetchError::Http`.
    todo!("cancel_reaches_io: give the blocking request its own timeout")
}
// ANCHOR_END: fetch_json_blocking
