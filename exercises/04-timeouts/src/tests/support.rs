//! Helpers shared by the step's tests: fake work, and a [`Probe`] that records what
//! became of it (finished, noticed the cancel, or dropped halfway).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Shorthand for milliseconds.
pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Counters shared between a test and the fake work it hands out.
#[derive(Debug, Default)]
pub struct Probe {
    started: AtomicUsize,
    finished: AtomicUsize,
    noticed_cancel: AtomicUsize,
    dropped: AtomicUsize,
}

impl Probe {
    pub fn new() -> Arc<Probe> {
        Arc::new(Probe::default())
    }

    /// Call at the start of a piece of work; the guard counts the work's drop.
    pub fn start(self: &Arc<Self>) -> DropGuard {
        self.started.fetch_add(1, Ordering::SeqCst);
        DropGuard(Arc::clone(self))
    }

    pub fn finish(&self) {
        self.finished.fetch_add(1, Ordering::SeqCst);
    }

    pub fn notice_cancel(&self) {
        self.noticed_cancel.fetch_add(1, Ordering::SeqCst);
    }

    pub fn started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    pub fn finished(&self) -> usize {
        self.finished.load(Ordering::SeqCst)
    }

    pub fn noticed_cancel(&self) -> usize {
        self.noticed_cancel.load(Ordering::SeqCst)
    }

    /// Work that was started and is gone (finished or dropped halfway).
    pub fn gone(&self) -> usize {
        self.dropped.load(Ordering::SeqCst)
    }

    /// Work that was dropped before it finished, without noticing a cancel: cancelled
    /// from outside (a timeout, a `select!`, an abort).
    pub fn dropped_halfway(&self) -> usize {
        self.gone()
            .saturating_sub(self.finished() + self.noticed_cancel())
    }

    /// Work that was started and is neither finished nor gone.
    pub fn still_running(&self) -> usize {
        self.started().saturating_sub(self.gone())
    }
}

/// Counts a drop in its [`Probe`].
pub struct DropGuard(Arc<Probe>);

impl Drop for DropGuard {
    fn drop(&mut self) {
        self.0.dropped.fetch_add(1, Ordering::SeqCst);
    }
}

/// Fake async work: takes `latency` on the tokio clock, then returns `value`.
pub async fn fake_call<T>(probe: Arc<Probe>, latency: Duration, value: T) -> T {
    let _guard = probe.start();
    tokio::time::sleep(latency).await;
    probe.finish();
    value
}
