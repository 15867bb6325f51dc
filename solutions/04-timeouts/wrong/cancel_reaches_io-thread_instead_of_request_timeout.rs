//! KNOWN WRONG (cancel_reaches_io): bounds the blocking call with a thread and a timer
//! instead of a timeout on the request: the caller stops waiting, the thread keeps the
//! connection open.
//!
//! Exercise 6 (cancel_reaches_io): giving up on an HTTP call must close its socket, or
//! the upstream keeps working for nobody.
//!
//! Why async gets it for free: a timeout is only half done if the request keeps
//! running. In async Rust the request *is* a future: when `tokio::time::timeout` (or a
//! `select!`, or an aborted task) drops it, reqwest drops the connection, the upstream
//! sees its client go away, and stops. No context to thread through, nothing to
//! remember, as long as the request stays inside the future that gets dropped. Spawn it
//! into a task of its own and the timeout drops only your wait for it.
//!
//! Why the limit must cover the body: the status line can arrive at once and the body
//! stall halfway. A limit that ends when the headers arrive does not bound the call.
//!
//! Why blocking needs another road: a blocking call cannot be dropped halfway. The
//! thread sits inside `read()`, and nothing from outside can make it return. The only
//! way to bound it is to give the I/O itself a deadline (`RequestBuilder::timeout`), so
//! that reqwest gives up, closes the connection, and returns an error whose
//! `is_timeout()` is true. (Go's answer matches Rust async's, by a different road:
//! `http.NewRequestWithContext` makes the transport watch `ctx.Done()` and close the
//! connection.)

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
pub async fn fetch_json(
    client: &reqwest::Client,
    url: &str,
    limit: Duration,
) -> Result<Value, FetchError> {
    let call = async {
        let response = client.get(url).send().await?.error_for_status()?;
        Ok(response.json::<Value>().await?)
    };
    match tokio::time::timeout(limit, call).await {
        Ok(result) => result,
        Err(_elapsed) => Err(FetchError::TimedOut { limit }),
    }
}
// ANCHOR_END: fetch_json

// ANCHOR: fetch_json_blocking
/// The blocking twin of [`fetch_json`]: GETs `url` and decodes its JSON, within `limit`.
///
/// The deadline is given to the request itself, because nothing can interrupt a thread
/// that is blocked reading a socket. When it passes, reqwest closes the connection and
/// returns an error whose `is_timeout()` is true.
pub fn fetch_json_blocking(
    client: &reqwest::blocking::Client,
    url: &str,
    limit: Duration,
) -> Result<Value, FetchError> {
    // WRONG: the request runs on a thread of its own, without a limit, raced against a
    // timer. The caller stops waiting at the limit; the thread stays inside the request.
    let client = client.clone();
    let url = url.to_string();
    let (result_tx, result_rx) = crossbeam_channel::bounded(1);
    std::thread::spawn(move || {
        let fetch = || -> Result<Value, reqwest::Error> {
            client.get(&url).send()?.error_for_status()?.json::<Value>()
        };
        let _ = result_tx.send(fetch());
    });
    crossbeam_channel::select! {
        recv(result_rx) -> message => match message {
            Ok(result) => Ok(result?),
            Err(_) => panic!("the fetching thread died"),
        },
        recv(crossbeam_channel::after(limit)) -> _ => Err(FetchError::TimedOut { limit }),
    }
}
// ANCHOR_END: fetch_json_blocking
