//! Everything that can go wrong with one API call, as one error type.
//!
//! Nothing to do here: both fetch exercises return this. The one idea: the four
//! ways a call fails are different to the caller (retry? report a bug upstream?
//! fix our struct?), so they are four variants — three here, the fourth split
//! in two inside [`DecodeError`] — each printing a message a human can act on.

use crate::decode::DecodeError;

// ANCHOR: fetch_error
/// Why `GET url` did not give us the document we wanted.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// No (complete) answer: connection refused or reset, a timeout, a body cut
    /// off.
    #[error("GET {url} failed: {}", deepest_cause(.source))]
    Request { url: String, source: reqwest::Error },
    /// The server answered, but not with a 2xx status.
    #[error("GET {url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    /// A 2xx answer whose body is not JSON, or not JSON of the shape we asked
    /// for.
    #[error("GET {url}: {source}")]
    Decode { url: String, source: DecodeError },
}
// ANCHOR_END: fetch_error

/// The innermost error of a chain: for a refused connection that is "Connection
/// refused (os error 111)", more useful than reqwest's "error sending request
/// for url (...)".
fn deepest_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = err;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    cause.to_string()
}
