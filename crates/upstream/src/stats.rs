//! Counting what happened to each request: served, or abandoned by its client.
//!
//! The one idea: *cancellation is a drop*. When a client gives up (a timeout, a dropped
//! future, a closed socket), hyper drops whatever was still working on its request: the
//! handler future if it was still waiting, or the response body if it was still being
//! sent. So every request carries a [`RequestGuard`]; finishing the response marks it
//! served, and if it is dropped before that, its `Drop` counts the request as abandoned.
//! No code path has to remember to count a cancellation, because there is no code path:
//! the future simply stops being polled and is dropped.
//!
//! Waiting for a count is done on notifications, never by polling: a
//! [`tokio::sync::watch`] channel for async waiters and a [`Condvar`] for threads.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::sync::watch;

// ANCHOR: stats
/// Counters of one running fake upstream.
///
/// Every request to a named endpoint with valid knobs is `received`, and ends as exactly
/// one of `served` or `abandoned` (or is still in flight): see [`Stats::in_flight`].
/// `/healthz`, unknown paths (404) and bad knobs (400) are not counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Requests received.
    pub received: u64,
    /// Responses sent to the end (the last byte handed to the connection), including the
    /// deliberately broken ones (`fault=500`, `fault=invalid_json`, `fault=huge`).
    pub served: u64,
    /// Requests whose client went away before the response was complete: during the
    /// latency, during `fault=hang`, during `fault=stall`, or in the middle of a body.
    pub abandoned: u64,
}
// ANCHOR_END: stats

impl Stats {
    /// Requests received but neither served nor abandoned yet.
    pub fn in_flight(&self) -> u64 {
        self.received
            .saturating_sub(self.served)
            .saturating_sub(self.abandoned)
    }
}

/// `received 3, served 2, abandoned 1`: for demos and log lines.
impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "received {}, served {}, abandoned {}",
            self.received, self.served, self.abandoned
        )
    }
}

/// The shared, thread-safe home of one upstream's [`Stats`].
///
/// The mutex holds the truth; every change also wakes the condvar (threads blocked in
/// `wait_for_blocking`) and publishes a copy on the watch channel (async waiters).
pub(crate) struct Counters {
    current: Mutex<Stats>,
    changed: Condvar,
    published: watch::Sender<Stats>,
    /// Set when the upstream is being stopped: requests cut off by our own shutdown were
    /// not abandoned by their client, so they are not counted.
    stopping: AtomicBool,
}

impl Counters {
    pub(crate) fn new() -> Arc<Counters> {
        Arc::new(Counters {
            current: Mutex::new(Stats::default()),
            changed: Condvar::new(),
            published: watch::Sender::new(Stats::default()),
            stopping: AtomicBool::new(false),
        })
    }

    pub(crate) fn snapshot(&self) -> Stats {
        *self.lock()
    }

    pub(crate) fn set_stopping(&self) {
        self.stopping.store(true, Ordering::SeqCst);
    }

    /// Counts a new request and returns the guard that will count how it ended.
    pub(crate) fn receive(self: &Arc<Self>) -> RequestGuard {
        self.update(|stats| stats.received += 1);
        RequestGuard {
            counters: Arc::clone(self),
            finished: false,
        }
    }

    /// A receiver for async waiters; it sees every later change.
    pub(crate) fn subscribe(&self) -> watch::Receiver<Stats> {
        self.published.subscribe()
    }

    /// Blocks the calling thread until `done(stats)` holds or `timeout` (real time) passes.
    pub(crate) fn wait_blocking(
        &self,
        mut done: impl FnMut(&Stats) -> bool,
        timeout: Duration,
    ) -> bool {
        let (stats, _timed_out) = self
            .changed
            .wait_timeout_while(self.lock(), timeout, |stats| !done(stats))
            .unwrap_or_else(PoisonError::into_inner);
        done(&stats)
    }

    fn update(&self, change: impl FnOnce(&mut Stats)) {
        let mut stats = self.lock();
        change(&mut stats);
        // Publish while still holding the lock, so two concurrent updates cannot publish
        // their snapshots in the wrong order.
        self.published.send_replace(*stats);
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, Stats> {
        // Why not unwrap: the counters are plain numbers, still meaningful after a panic
        // elsewhere; a poisoned lock must not take the whole fake upstream down.
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

// ANCHOR: guard
/// Travels with one request, from the moment it is received until its response is
/// complete. Dropped before [`RequestGuard::served`] means: the client went away.
pub(crate) struct RequestGuard {
    counters: Arc<Counters>,
    finished: bool,
}

impl RequestGuard {
    /// The whole response has been handed to the connection.
    pub(crate) fn served(mut self) {
        self.finished = true;
        self.counters.update(|stats| stats.served += 1);
    }
}

impl Drop for RequestGuard {
    fn drop(&mut self) {
        if !self.finished && !self.counters.stopping.load(Ordering::SeqCst) {
            self.counters.update(|stats| stats.abandoned += 1);
        }
    }
}
// ANCHOR_END: guard
