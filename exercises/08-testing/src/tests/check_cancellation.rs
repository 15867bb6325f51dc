//! Exercise `check_cancellation`: the attendee's
//! `crate::check_cancellation::check_cancellation`, a test that a cancelled
//! fetch closes its connection, run on real time (real sockets) against the
//! correct fetch (it must pass) and against a leaky one (it must fail).
//!
//! Each fetch is wrapped in a [`Spy`] that records what became of the futures
//! the check got from it (created, polled, finished, dropped halfway), so that
//! a failure can say what the check did with the call.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::support::{Clock, Verdict, run_check};
use crate::check_cancellation::check_cancellation;
use crate::fetch::{Fetch, InFuture};

/// The leaky copy: runs the request in a task of its own and awaits its
/// `JoinHandle`. Dropping the returned future drops only the handle; the task,
/// and its connection, run on. The caller sees exactly what `InFuture` shows
/// it.
#[derive(Clone, Debug, Default)]
struct Spawned {
    client: reqwest::Client,
}

impl Fetch for Spawned {
    fn get(
        &self,
        url: &str,
    ) -> impl Future<Output = Result<String, reqwest::Error>> {
        let request = self.client.get(url);
        async move {
            let task = tokio::spawn(async move {
                request.send().await?.error_for_status()?.text().await
            });
            task.await.expect("the spawned request should not panic")
        }
    }
}

/// What became of the futures a check got from `get`.
#[derive(Debug, Default)]
struct Log {
    created: AtomicU32,
    polled: AtomicU32,
    finished: AtomicU32,
    dropped_halfway: AtomicU32,
}

impl Log {
    fn count(counter: &AtomicU32) -> u32 {
        counter.load(Ordering::SeqCst)
    }

    fn describe(&self) -> String {
        format!(
            "\n\nWhat your check did with the fetch: {} call(s) of get; {} of those futures \
             polled, {} finished, {} dropped before they finished.",
            Log::count(&self.created),
            Log::count(&self.polled),
            Log::count(&self.finished),
            Log::count(&self.dropped_halfway)
        )
    }
}

/// Counts a future dropped before it finished.
struct Unfinished {
    log: Arc<Log>,
    finished: bool,
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if !self.finished {
            self.log.dropped_halfway.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// Wraps a fetch and records what becomes of each future it hands out.
#[derive(Clone)]
struct Spy<F> {
    inner: F,
    log: Arc<Log>,
}

impl<F: Fetch> Fetch for Spy<F> {
    fn get(
        &self,
        url: &str,
    ) -> impl Future<Output = Result<String, reqwest::Error>> {
        self.log.created.fetch_add(1, Ordering::SeqCst);
        let call = self.inner.get(url);
        let log = Arc::clone(&self.log);
        let guard = Unfinished {
            log: Arc::clone(&log),
            finished: false,
        };
        async move {
            let mut guard = guard;
            log.polled.fetch_add(1, Ordering::SeqCst);
            let result = call.await;
            log.finished.fetch_add(1, Ordering::SeqCst);
            guard.finished = true;
            result
        }
    }
}

/// Runs the attendee's check on real time against `fetch`, spied on.
fn check_against<F: Fetch + Clone + Send + 'static>(
    fetch: F,
) -> (Verdict, Arc<Log>) {
    let spy = Spy {
        inner: fetch,
        log: Arc::default(),
    };
    let log = Arc::clone(&spy.log);
    let verdict = run_check(Clock::Real, move || check_cancellation(spy));
    (verdict, log)
}

#[test]
fn passes_on_a_fetch_that_closes_its_connection() {
    let (verdict, log) = check_against(InFuture::new());
    let likely = if Log::count(&log.created) == 0 {
        "Likely mistake: your check never calls fetch.get, so there is no call to cancel."
    } else if Log::count(&log.polled) == 0 {
        "Likely mistake: your check created the fetch's future but never polled it \
         (no .await, no select!, no timeout around it). Futures are lazy: a future never \
         polled sent no request, so there was nothing to cancel. Start the call, and give \
         it up while it waits."
    } else if Log::count(&log.finished) > 0 {
        "Likely mistake: the call finished, so nothing was cancelled: call an endpoint \
         that never answers (Fault::Hang), and give up on it."
    } else if Log::count(&log.dropped_halfway) == 0 {
        "Likely mistake: your check never gave the call up (its future was not dropped \
         while it waited): race it against the gate in a select!, or put it under a \
         timeout."
    } else {
        "The call was started and dropped halfway, and this fetch closes its connection \
         when dropped. Likely mistake: the check looked at the upstream too early, e.g. \
         read abandoned once right after giving up, or gave up before the request had \
         arrived. Wait for each event (wait_for, wait_for_abandoned) with a deadline."
    };
    assert!(
        verdict.passed(),
        "expected your check to pass on InFuture, whose dropped future closes its \
         connection; {}.\n{likely}{}",
        verdict.said(),
        log.describe()
    );
}

#[test]
fn fails_on_a_fetch_that_leaves_its_request_running() {
    // A check that fails on everything "catches" the leaky fetch too: it must
    // pass on the correct one first.
    let (verdict, _) = check_against(InFuture::new());
    assert!(
        verdict.passed(),
        "expected your check to pass on InFuture first: failing on the leaky \
         fetch proves something only then. On InFuture, {} \
         (passes_on_a_fetch_that_closes_its_connection says more)",
        verdict.said()
    );
    let (verdict, log) = check_against(Spawned::default());
    assert!(
        !verdict.passed(),
        "expected your check to fail on a fetch that spawns its request into a task of its \
         own: dropping its future drops only the JoinHandle, and the request runs on, so \
         the upstream never sees the client leave. Your check passed on a fetch that \
         leaves its request running.\nLikely mistake: the check proves only that the \
         caller stopped waiting (the call was given up, or a timeout returned Err), and \
         the caller sees exactly the same with either fetch. Ask the other end: wait, \
         with a deadline, until the upstream counts the request as abandoned.{}",
        log.describe()
    );
}
