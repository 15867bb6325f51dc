//! Counting what happened to each request: served, or abandoned by its client; and
//! remembering when, in the request log.
//!
//! The one idea: *cancellation is a drop*. When a client gives up (a timeout, a dropped
//! future, a closed socket), hyper drops whatever was still working on its request: the
//! handler future if it was still waiting, or the response body if it was still being
//! sent. So every request carries a [`RequestGuard`]; finishing the response marks it
//! served, and if it is dropped before that, its `Drop` counts the request as abandoned.
//! No code path has to remember to count a cancellation, because there is no code path:
//! the future simply stops being polled and is dropped.
//!
//! The counters, the request log and the in-flight maximum live behind *one* mutex, and
//! every change to them happens in one critical section. That is what makes
//! `max_in_flight` exact rather than sampled: the moment a request is received, the
//! number in flight is computed and compared under the same lock that every ending
//! request takes, so no two updates can interleave and no peak can slip between two
//! readings.
//!
//! Waiting for a count is done on notifications, never by polling: a
//! [`tokio::sync::watch`] channel for async waiters and a [`Condvar`] for threads.

use std::collections::VecDeque;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::log::{REQUEST_LOG_CAPACITY, RequestOutcome, RequestRecord};

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

/// Everything the upstream knows about its requests, behind one lock.
struct State {
    stats: Stats,
    /// The most requests in flight at once since the start.
    max_in_flight: u64,
    /// The last [`REQUEST_LOG_CAPACITY`] requests, oldest first.
    log: VecDeque<RequestRecord>,
    /// The sequence number of `log[0]`: request number `n` (counting from 0 since the
    /// start) sits at `log[n - first]` while it is still in the log.
    first: u64,
}

/// The shared, thread-safe home of one upstream's [`Stats`] and request log.
///
/// The mutex holds the truth; every change also wakes the condvar (threads blocked in
/// `wait_for_blocking`) and publishes a copy of the stats on the watch channel (async
/// waiters).
pub(crate) struct Counters {
    current: Mutex<State>,
    changed: Condvar,
    published: watch::Sender<Stats>,
    /// Time zero of the request log.
    started: Instant,
    /// Set when the upstream is being stopped: requests cut off by our own shutdown were
    /// not abandoned by their client, so they are not counted.
    stopping: AtomicBool,
}

impl Counters {
    pub(crate) fn new() -> Arc<Counters> {
        Arc::new(Counters {
            current: Mutex::new(State {
                stats: Stats::default(),
                max_in_flight: 0,
                log: VecDeque::new(),
                first: 0,
            }),
            changed: Condvar::new(),
            published: watch::Sender::new(Stats::default()),
            started: Instant::now(),
            stopping: AtomicBool::new(false),
        })
    }

    pub(crate) fn snapshot(&self) -> Stats {
        self.lock().stats
    }

    /// The request log, oldest first.
    pub(crate) fn requests(&self) -> Vec<RequestRecord> {
        self.lock().log.iter().cloned().collect()
    }

    /// Requests in flight now, and the most there ever were at once.
    pub(crate) fn in_flight(&self) -> (u64, u64) {
        let state = self.lock();
        (state.stats.in_flight(), state.max_in_flight)
    }

    pub(crate) fn set_stopping(&self) {
        self.stopping.store(true, Ordering::SeqCst);
    }

    /// Counts a new request, logs it, and returns the guard that will record how it
    /// ended.
    pub(crate) fn receive(self: &Arc<Self>, path: &str, query: &str) -> RequestGuard {
        let mut id = 0;
        self.update(|state| {
            // The clock is read under the lock, so that arrival order and start times
            // agree: a later record never starts before an earlier one.
            let start = self.started.elapsed();
            state.stats.received += 1;
            state.max_in_flight = state.max_in_flight.max(state.stats.in_flight());
            if state.log.len() == REQUEST_LOG_CAPACITY {
                // Why a cap: a load test sends hundreds of thousands of requests; the
                // log keeps the recent ones, which are the ones a failure is about.
                state.log.pop_front();
                state.first += 1;
            }
            id = state.first + state.log.len() as u64;
            state.log.push_back(RequestRecord {
                path: path.to_owned(),
                query: query.to_owned(),
                start,
                end: None,
                outcome: RequestOutcome::Running,
            });
        });
        RequestGuard {
            counters: Arc::clone(self),
            id,
            status: 200,
            finished: false,
        }
    }

    /// Records how request number `id` ended, in the counters and in the log.
    fn end(&self, id: u64, outcome: RequestOutcome) {
        self.update(|state| {
            match outcome {
                RequestOutcome::Served { .. } => state.stats.served += 1,
                RequestOutcome::Abandoned => state.stats.abandoned += 1,
                RequestOutcome::Running => {}
            }
            let end = self.started.elapsed();
            // Gone from the log if over REQUEST_LOG_CAPACITY requests came after it.
            let index = id.checked_sub(state.first).map(|i| i as usize);
            if let Some(record) = index.and_then(|i| state.log.get_mut(i)) {
                record.end = Some(end.max(record.start));
                record.outcome = outcome;
            }
        });
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
        let (state, _timed_out) = self
            .changed
            .wait_timeout_while(self.lock(), timeout, |state| !done(&state.stats))
            .unwrap_or_else(PoisonError::into_inner);
        done(&state.stats)
    }

    fn update(&self, change: impl FnOnce(&mut State)) {
        let mut state = self.lock();
        change(&mut state);
        // Publish while still holding the lock, so two concurrent updates cannot publish
        // their snapshots in the wrong order.
        self.published.send_replace(state.stats);
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, State> {
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
    /// Its place in the request log.
    id: u64,
    /// The status its response carries, for the log (200 unless told otherwise).
    status: u16,
    finished: bool,
}

impl RequestGuard {
    /// The response will carry `status` (the log shows it once the request is served).
    pub(crate) fn answering(mut self, status: u16) -> RequestGuard {
        self.status = status;
        self
    }

    /// The whole response has been handed to the connection.
    pub(crate) fn served(mut self) {
        self.finished = true;
        let outcome = RequestOutcome::Served {
            status: self.status,
        };
        self.counters.end(self.id, outcome);
    }
}

impl Drop for RequestGuard {
    fn drop(&mut self) {
        if !self.finished && !self.counters.stopping.load(Ordering::SeqCst) {
            self.counters.end(self.id, RequestOutcome::Abandoned);
        }
    }
}
// ANCHOR_END: guard

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_the_last_records_and_the_counters_keep_counting() {
        let counters = Counters::new();
        let extra = 5;
        let guards: Vec<RequestGuard> = (0..REQUEST_LOG_CAPACITY + extra)
            .map(|n| counters.receive("/github", &format!("n={n}")))
            .collect();
        let log = counters.requests();
        assert_eq!(log.len(), REQUEST_LOG_CAPACITY, "the log must stay capped");
        assert_eq!(
            log[0].query,
            format!("n={extra}"),
            "the oldest records go first"
        );
        assert_eq!(
            counters.in_flight(),
            (guards.len() as u64, guards.len() as u64)
        );

        // Requests that left the log still end in the counters, and the ones still in
        // the log find their own record, not a neighbour's.
        for (n, guard) in guards.into_iter().enumerate() {
            if n.is_multiple_of(2) {
                guard.answering(500).served();
            } else {
                drop(guard);
            }
        }
        let stats = counters.snapshot();
        let total = (REQUEST_LOG_CAPACITY + extra) as u64;
        assert_eq!(stats.received, total);
        assert_eq!(stats.served + stats.abandoned, total);
        assert_eq!(counters.in_flight(), (0, total));
        for record in counters.requests() {
            let n: usize = record.query["n=".len()..].parse().unwrap();
            let expected = if n.is_multiple_of(2) {
                RequestOutcome::Served { status: 500 }
            } else {
                RequestOutcome::Abandoned
            };
            assert_eq!(record.outcome, expected, "{record}");
            assert!(
                record.end.is_some_and(|end| end >= record.start),
                "{record}"
            );
        }
    }

    #[test]
    fn the_peak_counts_requests_at_once_not_requests_in_total() {
        let counters = Counters::new();
        let a = counters.receive("/a", "");
        let b = counters.receive("/b", "");
        b.served();
        let c = counters.receive("/c", "");
        assert_eq!(counters.in_flight(), (2, 2));
        drop(a);
        c.served();
        let d = counters.receive("/d", "");
        d.served();
        assert_eq!(counters.in_flight(), (0, 2));
    }

    #[test]
    fn requests_cut_off_by_our_own_shutdown_stay_running() {
        let counters = Counters::new();
        let guard = counters.receive("/weather", "fault=hang");
        counters.set_stopping();
        drop(guard);
        let log = counters.requests();
        assert_eq!(log[0].outcome, RequestOutcome::Running);
        assert_eq!(counters.snapshot().abandoned, 0);
    }
}
