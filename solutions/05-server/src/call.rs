//! Exercise 2 (call_upstream): one upstream call, its body capped at 1 MiB while reading.
//!
//! The idea to take away: an upstream is input you do not control. Check its status, and
//! read its body *chunk by chunk*, counting, so that a body that never ends costs you
//! 1 MiB and an error, not all your memory. `Response::bytes`, `text` and `json` buffer
//! the whole body before you can look at its size: on an endless body they never return.
//!
//! A `content-length` header is a claim; the stream is the truth. Refusing a declared
//! length over the limit saves reading, but only counting while you read protects you (a
//! chunked body declares no length at all). `Box<RawValue>` checks that the bytes are JSON
//! and keeps them as they came, so the upstream's document goes out untouched; a
//! `serde_json::Value` would be re-encoded, with its keys sorted.
use serde_json::value::RawValue;

/// The largest upstream body we accept. One byte more is [`CallError::TooLarge`].
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Why an upstream call produced no JSON. Its `Display` is the `error` text in the
/// `/things` response, so it is written for a person.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// No usable answer: connection refused or reset, the body broke off, ...
    #[error("request failed: {0}")]
    Transport(String),
    /// The upstream answered with a status outside `200..=299` (redirects included:
    /// the client does not follow them).
    #[error("upstream answered HTTP {status}")]
    Status { status: u16 },
    /// The body grew past [`MAX_BODY_BYTES`].
    #[error("upstream body is larger than the {limit}-byte limit (1 MiB)")]
    TooLarge { limit: usize },
    /// The body is not JSON.
    #[error("upstream body is not valid JSON: {0}")]
    InvalidJson(String),
}

/// Lets `?` turn a `reqwest::Error` into [`CallError::Transport`].
impl From<reqwest::Error> for CallError {
    fn from(err: reqwest::Error) -> CallError {
        // Leave the URL out: the client of *our* server need not learn internal addresses.
        // Then walk the error's sources: the useful part ("Connection refused") is
        // usually a few levels down.
        let err = err.without_url();
        let mut text = err.to_string();
        let mut source = std::error::Error::source(&err);
        while let Some(cause) = source {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        CallError::Transport(text)
    }
}

// ANCHOR: call_upstream
/// `GET url` with the shared `client`, and return the body as JSON, untouched.
///
/// - a status outside `200..=299` is [`CallError::Status`];
/// - a body over [`MAX_BODY_BYTES`] is [`CallError::TooLarge`], found out while reading,
///   never by buffering the whole body first;
/// - a body that is not JSON is [`CallError::InvalidJson`];
/// - any `reqwest::Error` becomes [`CallError::Transport`] through `?`.
///
/// There is no timeout in here: the caller races this call against the request's
/// deadline, and dropping this future closes the connection.
pub async fn call_upstream(
    client: &reqwest::Client,
    url: &str,
) -> Result<Box<RawValue>, CallError> {
    let mut response = client.get(url).send().await?;

    let status = response.status();
    if !status.is_success() {
        return Err(CallError::Status {
            status: status.as_u16(),
        });
    }

    // A declared length over the limit: no need to read a single byte.
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY_BYTES as u64)
    {
        return Err(CallError::TooLarge {
            limit: MAX_BODY_BYTES,
        });
    }

    // The declared length is a claim, the stream is the truth: count as we read.
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(CallError::TooLarge {
                limit: MAX_BODY_BYTES,
            });
        }
        body.extend_from_slice(&chunk);
    }

    // `RawValue` checks that the bytes are JSON and keeps them as they are: the upstream's
    // document goes into our response as-is, not re-encoded.
    serde_json::from_slice(&body).map_err(|err| CallError::InvalidJson(err.to_string()))
}
// ANCHOR_END: call_upstream
