//! The request log: what each request was, when it came, when and how it ended.
//!
//! The counters in [`Stats`](crate::Stats) say *how many*; the log says *which, and
//! when*. That is what a failing test needs to show the attendee: not "took 300 ms,
//! expected about 100", but three bars one after another, drawn from the upstream's own
//! records by [`draw_requests`](crate::draw_requests).
//!
//! Every time is a [`Duration`] since the upstream started, read on the upstream's own
//! clock: real time, even in a test on paused time. A record is written when the request
//! is received (the same moment `received` is counted) and completed by the request's
//! guard when it is served or abandoned (the same moment those are counted), so the log
//! and the counters always agree.

use std::fmt;
use std::time::Duration;

/// How many records the log keeps: the most recent 10,000. Older ones are dropped, so a
/// load test cannot grow it without limit (the counters keep counting all of them).
pub const REQUEST_LOG_CAPACITY: usize = 10_000;

// ANCHOR: record
/// One request, as the fake upstream saw it.
///
/// Only requests that the counters count are logged: a named endpoint with
/// valid knobs (not `/healthz`, a 404, a 405 or a 400).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestRecord {
    /// The path, e.g. `/facebook`.
    pub path: String,
    /// The query string as received, without the `?`, e.g. `latency_ms=100`
    /// (empty if none).
    pub query: String,
    /// When it was received, since the upstream started.
    pub start: Duration,
    /// When it was served or abandoned, since the upstream started; `None`
    /// while it is still running.
    pub end: Option<Duration>,
    /// How it ended, or that it has not yet.
    pub outcome: RequestOutcome,
}

/// How a logged request ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RequestOutcome {
    /// Still in flight: waiting out its latency, hanging, or sending its body.
    Running,
    /// The whole response was handed to the connection (counted in `served`),
    /// with this status: 200, or 500 for `fault=500`.
    Served { status: u16 },
    /// The client went away before the response was complete (counted in
    /// `abandoned`). Noticed when the connection closes: a few milliseconds
    /// after the client gave up, at most.
    Abandoned,
}
// ANCHOR_END: record

impl RequestRecord {
    /// How long it took, or `None` while it is still running.
    pub fn elapsed(&self) -> Option<Duration> {
        self.end.map(|end| end.saturating_sub(self.start))
    }

    /// The endpoint's name: `facebook` for `/facebook`.
    pub fn name(&self) -> &str {
        self.path.trim_start_matches('/')
    }

    /// The path and query as they were requested: `/facebook?latency_ms=100`.
    pub fn target(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }
}

/// `/facebook?latency_ms=100 at 3 ms, served 200 after 101 ms`: for failure messages.
impl fmt::Display for RequestRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {} ms", self.target(), self.start.as_millis())?;
        match self.elapsed() {
            Some(elapsed) => write!(f, ", {} after {} ms", self.outcome, elapsed.as_millis()),
            None => write!(f, ", {}", self.outcome),
        }
    }
}

/// `running`, `served 200`, `abandoned`.
impl fmt::Display for RequestOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestOutcome::Running => f.write_str("running"),
            RequestOutcome::Served { status } => write!(f, "served {status}"),
            RequestOutcome::Abandoned => f.write_str("abandoned"),
        }
    }
}
