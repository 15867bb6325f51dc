//! What `GET /things` answers: one [`UpstreamResult`] per configured upstream.
//!
//! The idea to take away: a partial answer is still an answer. Each upstream gets its own
//! status (`ok`, `error`, `timeout`), so one slow or broken service costs the client one
//! entry, not the whole response.
use std::time::Duration;

use serde::Serialize;
use serde_json::value::RawValue;
use tokio::time::error::Elapsed;

use crate::call::CallError;

/// What became of one upstream call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Answered 2xx with JSON within the deadline: `body` holds it.
    Ok,
    /// Answered, but not with usable JSON (or not at all): `error` says why.
    Error,
    /// Still busy when the deadline passed; the call was cancelled.
    Timeout,
}

// ANCHOR: upstream_result
/// One entry of `"results"`.
#[derive(Debug, Serialize)]
pub struct UpstreamResult {
    /// The configured name of the upstream.
    pub name: String,
    pub status: Status,
    /// From the start of the fan-out to the end of this call.
    pub elapsed_ms: u64,
    /// The upstream's JSON, as-is (only when `status` is `ok`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Box<RawValue>>,
    /// Why there is no body (when `status` is `error` or `timeout`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}
// ANCHOR_END: upstream_result

impl UpstreamResult {
    /// Turns a call raced against the deadline (`tokio::time::timeout_at(deadline, call)`)
    /// into a result: `Err(Elapsed)` is a timeout, `Ok(Err(_))` an error, `Ok(Ok(_))` ok.
    pub fn from_outcome(
        name: &str,
        outcome: Result<Result<Box<RawValue>, CallError>, Elapsed>,
        deadline: Duration,
        elapsed: Duration,
    ) -> UpstreamResult {
        match outcome {
            Ok(Ok(body)) => UpstreamResult::ok(name, body, elapsed),
            Ok(Err(err)) => UpstreamResult::error(name, err.to_string(), elapsed),
            Err(_elapsed) => UpstreamResult::timeout(name, deadline, elapsed),
        }
    }

    pub fn ok(name: &str, body: Box<RawValue>, elapsed: Duration) -> UpstreamResult {
        UpstreamResult {
            name: name.to_owned(),
            status: Status::Ok,
            elapsed_ms: millis(elapsed),
            body: Some(body),
            error: None,
        }
    }

    pub fn error(name: &str, error: String, elapsed: Duration) -> UpstreamResult {
        UpstreamResult {
            name: name.to_owned(),
            status: Status::Error,
            elapsed_ms: millis(elapsed),
            body: None,
            error: Some(error),
        }
    }

    pub fn timeout(name: &str, deadline: Duration, elapsed: Duration) -> UpstreamResult {
        UpstreamResult {
            name: name.to_owned(),
            status: Status::Timeout,
            elapsed_ms: millis(elapsed),
            body: None,
            error: Some(format!(
                "no answer within the deadline of {} ms",
                deadline.as_millis()
            )),
        }
    }
}

/// The whole `200` answer of `GET /things`.
#[derive(Debug, Serialize)]
pub struct ThingsResponse {
    /// From the moment the handler started to the moment the answer was ready.
    pub elapsed_ms: u64,
    /// One entry per configured upstream, in configured order.
    pub results: Vec<UpstreamResult>,
}

/// Whole milliseconds, for the JSON.
pub fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
