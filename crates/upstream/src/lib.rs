//! Fake upstream JSON APIs (API STUB: being implemented; signatures are the contract).
//!
//! ```no_run
//! use std::time::Duration;
//! use upstream::{Fault, Knobs, Upstream};
//!
//! let up = Upstream::start().expect("bind 127.0.0.1:0");
//! let fast = up.url("facebook");                                   // http://127.0.0.1:PORT/facebook
//! let slow = up.url_with("github", &Knobs::latency(Duration::from_millis(100)));
//! let broken = up.url_with("twitter", &Knobs::fault(Fault::Status500));
//! // ... make requests ...
//! assert!(up.wait_for_abandoned_blocking(1, Duration::from_secs(5)));
//! up.stop();
//! ```
use std::net::SocketAddr;
use std::time::Duration;

/// The named endpoints every fake upstream serves, each returning a small JSON document.
pub const ENDPOINTS: &[&str] = &["facebook", "twitter", "github"];

/// A misbehaviour an endpoint can be asked for (query string `fault=...`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// `fault=500`: answers HTTP 500 with a JSON error body.
    Status500,
    /// `fault=hang`: never answers; waits until the client gives up.
    Hang,
    /// `fault=invalid_json`: 200 with a body that is not JSON.
    InvalidJson,
    /// `fault=stall`: 200, sends half the body, then stalls forever.
    Stall,
    /// `fault=huge`: 200 with a valid JSON body over 1 MiB.
    TooLarge,
}

/// Per-request knobs, turned into a query string by [`Knobs::query`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Knobs {
    /// `latency_ms=N`: wait this long before answering.
    pub latency: Duration,
    /// `jitter_ms=N`: add a random extra wait in `0..=jitter`.
    pub jitter: Duration,
    /// `fault=...`
    pub fault: Option<Fault>,
}

impl Knobs {
    pub fn latency(latency: Duration) -> Knobs {
        Knobs { latency, ..Knobs::default() }
    }
    pub fn fault(fault: Fault) -> Knobs {
        Knobs { fault: Some(fault), ..Knobs::default() }
    }
    pub fn with_jitter(self, jitter: Duration) -> Knobs {
        Knobs { jitter, ..self }
    }
    pub fn with_fault(self, fault: Fault) -> Knobs {
        Knobs { fault: Some(fault), ..self }
    }
    /// `"latency_ms=100&jitter_ms=0&fault=hang"` style query (no leading `?`).
    pub fn query(&self) -> String {
        todo!("upstream is being implemented")
    }
}

/// Counters of one running fake upstream.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Requests received.
    pub received: u64,
    /// Responses sent to the end.
    pub served: u64,
    /// Requests whose client went away before the response was complete.
    pub abandoned: u64,
}

/// A running fake upstream on loopback, with its own thread and tokio runtime (so it
/// works the same from threaded code, async code and paused-time tests).
pub struct Upstream {
    _private: (),
}

impl Upstream {
    /// Start on `127.0.0.1:0`.
    pub fn start() -> std::io::Result<Upstream> {
        todo!("upstream is being implemented")
    }
    /// Start on a given address (the binary uses this).
    pub fn start_on(addr: SocketAddr) -> std::io::Result<Upstream> {
        todo!("upstream is being implemented")
    }
    pub fn addr(&self) -> SocketAddr {
        todo!()
    }
    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        todo!()
    }
    /// `http://127.0.0.1:PORT/NAME`
    pub fn url(&self, name: &str) -> String {
        todo!()
    }
    /// `http://127.0.0.1:PORT/NAME?QUERY`
    pub fn url_with(&self, name: &str, knobs: &Knobs) -> String {
        todo!()
    }
    pub fn stats(&self) -> Stats {
        todo!()
    }
    pub fn served(&self) -> u64 {
        self.stats().served
    }
    pub fn abandoned(&self) -> u64 {
        self.stats().abandoned
    }
    /// Wait (from async code) until at least `n` requests were abandoned, or `timeout`.
    pub async fn wait_for_abandoned(&self, n: u64, timeout: Duration) -> bool {
        todo!()
    }
    /// Wait (from threaded code) until at least `n` requests were abandoned, or `timeout`.
    pub fn wait_for_abandoned_blocking(&self, n: u64, timeout: Duration) -> bool {
        todo!()
    }
    /// Stop serving and join the upstream's thread. Dropping an `Upstream` does the same.
    pub fn stop(self) {}
}
