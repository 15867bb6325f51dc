//! Fake upstream JSON APIs on loopback: slow, flaky or broken on demand.
//!
//! Every exercise, test, demo and bench of the workshop talks to these instead of the
//! internet. An [`Upstream`] serves a few named endpoints ([`ENDPOINTS`]: `/facebook`,
//! `/twitter`, `/github`, `/weather`), each a small fixed JSON [`document`]. The query
//! string turns each request slow or broken ([`Knobs`]: latency, jitter, a [`Fault`]),
//! and the upstream counts what happened ([`Stats`]): requests received, served, and
//! *abandoned* by a client that gave up — the number that proves a timeout or a
//! cancellation really reached the network. It also keeps a log of each request
//! ([`Upstream::requests`]: path, start, end, how it ended), counts the requests in
//! flight and their peak ([`Upstream::max_in_flight`], exact), and draws the log as a
//! timeline for test failure messages ([`draw_requests`], [`describe_overlap`]).
//! `/search?q=...` ([`search_document`]) is Rob Pike's fake search backend, for
//! replicas and hedged requests.
//!
//! The one idea to take away: when a client gives up, the server finds out because the
//! connection closes, and the work for that request is *dropped*, not told to stop.
//! A guard object in that work counts the drop (see `stats.rs`).
//!
//! ```
//! use std::time::{Duration, Instant};
//! use upstream::{Fault, Knobs, Upstream};
//!
//! let up = Upstream::start().expect("bind 127.0.0.1:0");
//!
//! // A plain endpoint: http://127.0.0.1:PORT/facebook
//! let body = reqwest::blocking::get(up.url("facebook")).unwrap().text().unwrap();
//! assert_eq!(body, upstream::document("facebook").unwrap());
//!
//! // 100 ms of latency, in real time.
//! let slow = up.url_with("github", &Knobs::latency(Duration::from_millis(100)));
//! let started = Instant::now();
//! reqwest::blocking::get(slow).unwrap().text().unwrap();
//! assert!(started.elapsed() >= Duration::from_millis(100));
//!
//! // A broken one: status 500 with a JSON error.
//! let broken = up.url_with("twitter", &Knobs::fault(Fault::Status500));
//! assert_eq!(reqwest::blocking::get(broken).unwrap().status(), 500);
//!
//! // A client that gives up on a request that never answers...
//! let client = reqwest::blocking::Client::builder()
//!     .timeout(Duration::from_millis(50))
//!     .build()
//!     .unwrap();
//! let hang = up.url_with("weather", &Knobs::fault(Fault::Hang));
//! assert!(client.get(hang).send().is_err());
//! // ...is seen by the upstream as an abandoned request.
//! assert!(up.wait_for_abandoned_blocking(1, Duration::from_secs(5)));
//! assert_eq!(up.stats().served, 3);
//!
//! // The log: one record per request, in order; one at a time, so never two at once.
//! let log = up.requests();
//! assert_eq!(log[3].path, "/weather");
//! assert_eq!(log[3].outcome, upstream::RequestOutcome::Abandoned);
//! assert_eq!(up.max_in_flight(), 1);
//! println!("{}", upstream::draw_requests(&log)); // a timeline, for failure messages
//!
//! up.stop(); // or just drop it
//! ```
//!
//! The server runs on its own thread with its own tokio runtime, so the same `Upstream`
//! works from threaded code, from `#[tokio::test]`, and from tests on paused time (its
//! latency is always real time). Each request is independent: there is no state besides
//! the counters and the log.

mod body;
mod draw;
mod endpoints;
mod faults;
mod knobs;
mod log;
mod search;
mod server;
mod stats;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

pub use draw::{describe_overlap, draw_requests, max_overlap};
pub use endpoints::{ENDPOINTS, HUGE_BODY_MIN_BYTES, document};
pub use knobs::{Fault, Knobs, MAX_DELAY};
pub use log::{REQUEST_LOG_CAPACITY, RequestOutcome, RequestRecord};
pub use search::{SEARCH_ENDPOINT, search_document};
pub use stats::Stats;

use stats::Counters;

/// A running fake upstream on loopback, with its own thread and tokio runtime (so it
/// works the same from threaded code, async code and paused-time tests).
///
/// Stop it with [`Upstream::stop`] or by dropping it; both cancel every request still in
/// flight and free the port.
pub struct Upstream {
    counters: Arc<Counters>,
    server: server::Server,
}

// ANCHOR: api
impl Upstream {
    /// Start on `127.0.0.1:0` (a free port). Returns once the socket is listening.
    pub fn start() -> io::Result<Upstream> {
        Upstream::start_on(SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Start on a given address (the binary uses this).
    pub fn start_on(addr: SocketAddr) -> io::Result<Upstream> {
        let counters = Counters::new();
        let server = server::spawn(addr, Arc::clone(&counters))?;
        Ok(Upstream { counters, server })
    }

    /// The address it listens on, e.g. `127.0.0.1:39417`.
    pub fn addr(&self) -> SocketAddr {
        self.server.addr
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr())
    }

    /// `http://127.0.0.1:PORT/NAME` (a leading `/` on `name` is ignored).
    pub fn url(&self, name: &str) -> String {
        format!("{}/{}", self.base_url(), name.trim_start_matches('/'))
    }

    /// `http://127.0.0.1:PORT/NAME?QUERY`, or just the [`url`](Upstream::url) when no
    /// knob is set.
    pub fn url_with(&self, name: &str, knobs: &Knobs) -> String {
        let query = knobs.query();
        if query.is_empty() {
            self.url(name)
        } else {
            format!("{}?{query}", self.url(name))
        }
    }

    /// `http://127.0.0.1:PORT/search?q=QUERY&KNOBS`, `query` percent-encoded.
    pub fn search_url(&self, query: &str, knobs: &Knobs) -> String {
        self.search_url_on(None, query, knobs)
    }

    /// The same, as replica `replica`: the answer says which replica it came
    /// from (`"replica": "b"`), so a hedged-request test can tell who won.
    pub fn replica_search_url(&self, replica: &str, query: &str, knobs: &Knobs) -> String {
        self.search_url_on(Some(replica), query, knobs)
    }

    fn search_url_on(&self, replica: Option<&str>, query: &str, knobs: &Knobs) -> String {
        let mut url = format!(
            "{}?{}",
            self.url(SEARCH_ENDPOINT),
            search::encode_param("q", query)
        );
        if let Some(replica) = replica {
            url.push('&');
            url.push_str(&search::encode_param("replica", replica));
        }
        let knobs = knobs.query();
        if !knobs.is_empty() {
            url.push('&');
            url.push_str(&knobs);
        }
        url
    }

    /// The counters right now.
    pub fn stats(&self) -> Stats {
        self.counters.snapshot()
    }

    /// Responses sent to the end so far.
    pub fn served(&self) -> u64 {
        self.stats().served
    }

    /// Requests abandoned by their client so far.
    pub fn abandoned(&self) -> u64 {
        self.stats().abandoned
    }

    /// Every request received so far, in arrival order, with when and how it
    /// ended (the last [`REQUEST_LOG_CAPACITY`] of them). Draw them with
    /// [`draw_requests`].
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.counters.requests()
    }

    /// Requests in flight now: received, neither served nor abandoned yet.
    pub fn in_flight(&self) -> u64 {
        self.counters.in_flight().0
    }

    /// The most requests there ever were in flight at once, since the start.
    /// Exact, not sampled: it is updated under the counters' lock each time a
    /// request arrives.
    pub fn max_in_flight(&self) -> u64 {
        self.counters.in_flight().1
    }

    /// Wait (from async code) until at least `n` requests were abandoned, or `timeout`.
    /// Returns whether they were.
    pub async fn wait_for_abandoned(&self, n: u64, timeout: Duration) -> bool {
        self.wait_for(move |stats| stats.abandoned >= n, timeout)
            .await
    }

    /// Wait (from threaded code) until at least `n` requests were abandoned, or `timeout`.
    /// Returns whether they were.
    pub fn wait_for_abandoned_blocking(&self, n: u64, timeout: Duration) -> bool {
        self.wait_for_blocking(move |stats| stats.abandoned >= n, timeout)
    }

    /// Wait (from async code) until `done(&stats)` holds, or `timeout`. Returns whether
    /// it held. Wakes on every change of the counters; never polls.
    ///
    /// The timeout is real time, even in a test on paused time (see the comment inside).
    pub async fn wait_for(&self, done: impl FnMut(&Stats) -> bool, timeout: Duration) -> bool {
        let mut changes = self.counters.subscribe();
        // Why the timer runs on the upstream's runtime: on a paused clock, the caller's
        // runtime jumps straight to its next timer whenever it has nothing else to do,
        // and "waiting for the upstream's thread" looks exactly like nothing to do. Our
        // own runtime's clock is never paused, so this timer means real seconds. (The
        // `sleep` must be created inside the spawned task: a `Sleep` belongs to the clock
        // of the runtime it is created on.)
        let mut timer = AbortOnDrop(self.server.runtime.spawn(async move {
            tokio::time::sleep(timeout).await;
        }));
        tokio::select! {
            biased;
            reached = changes.wait_for(done) => reached.is_ok(),
            _ = &mut timer.0 => false,
        }
    }

    /// Wait (from threaded code) until `done(&stats)` holds, or `timeout`. Returns
    /// whether it held. Blocks the calling thread: do not call it from async code.
    pub fn wait_for_blocking(&self, done: impl FnMut(&Stats) -> bool, timeout: Duration) -> bool {
        self.counters.wait_blocking(done, timeout)
    }

    /// Stop serving and join the upstream's thread. Dropping an `Upstream` does the same.
    ///
    /// Requests still in flight are cut off (and not counted as abandoned: their client
    /// did not give up). Waits at most a few seconds, never forever.
    pub fn stop(self) {
        drop(self);
    }
}
// ANCHOR_END: api

impl Drop for Upstream {
    fn drop(&mut self) {
        self.counters.set_stopping();
        self.server.stop();
    }
}

impl Upstream {
    /// What the binary prints: the URLs to try and the knobs.
    pub fn banner(&self) -> String {
        let mut text = format!(
            "fake upstream listening on {}\n\nendpoints:\n",
            self.base_url()
        );
        for name in ENDPOINTS {
            text.push_str(&format!("  {}\n", self.url(name)));
        }
        text.push_str(&format!(
            "  {}   (q and replica are echoed back)\n",
            self.replica_search_url("b", "golang", &Knobs::default())
        ));
        text.push_str(&format!(
            "  {}   (always 200 {{\"ok\":true}})\n",
            self.url("healthz")
        ));
        text.push_str(&format!(
            "\nknobs (query string, on every endpoint):\n\
             \x20 latency_ms=N   wait N ms before answering (N <= {max})\n\
             \x20 jitter_ms=N    plus a random 0..=N ms (N <= {max})\n\
             \x20 fault=500|hang|invalid_json|stall|huge\n\
             \nexamples:\n  {}\n  {}\n  {}\n",
            self.url_with("facebook", &Knobs::latency(Duration::from_millis(500))),
            self.url_with(
                "github",
                &Knobs::latency(Duration::from_millis(200)).with_jitter(Duration::from_millis(100))
            ),
            self.url_with("twitter", &Knobs::fault(Fault::Stall)),
            max = MAX_DELAY.as_millis(),
        ));
        text
    }
}

// ANCHOR: run_blocking
/// Starts a fake upstream on `addr`, prints its [`banner`](Upstream::banner), and serves
/// until Ctrl-C. For binaries and the `cargo workshop` runner; call it from a plain thread
/// (such as `main`), not from inside a tokio runtime.
pub fn run_blocking_until_ctrl_c(addr: SocketAddr) -> io::Result<()> {
    let up = Upstream::start_on(addr)?;
    println!("{}", up.banner());
    println!("press Ctrl-C to stop");
    server::wait_for_ctrl_c(&up.server.runtime)?;
    println!("\nstopping ({})", up.stats());
    up.stop();
    Ok(())
}
// ANCHOR_END: run_blocking

/// A task handle that cancels its task when dropped (a dropped `JoinHandle` does not):
/// an abandoned `wait_for` must not leave its timer behind.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
