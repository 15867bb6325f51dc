//! Helpers shared by this step's tests: corpora, a way to write an index by hand, words
//! for what is wrong with an index, a deadline for blocking code, and a gate that shows
//! whether several threads were running at the same time.

use std::any::Any;
use std::sync::{Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

use crate::corpus::{DocId, Document, generate_corpus};
use crate::index::Index;

/// Generous: a correct solution needs milliseconds; this only catches hangs.
pub const LIMIT: Duration = Duration::from_secs(5);

/// A corpus big enough to be split many ways, small enough for a debug build: 300
/// documents of 40 words.
pub fn small_corpus() -> Vec<Document> {
    generate_corpus(7, 300, 40)
}

/// An index written out by hand: `[("term", &[ids]), …]`.
pub fn index_of(entries: &[(&str, &[DocId])]) -> Index {
    let mut index = Index::new();
    for (term, ids) in entries {
        index.postings.insert(term.to_string(), ids.to_vec());
    }
    index
}

/// An index as plain data, for readable assertion messages.
pub fn listing(index: &Index) -> Vec<(String, Vec<DocId>)> {
    index
        .terms()
        .map(|(term, ids)| (term.to_string(), ids.to_vec()))
        .collect()
}

/// A short description of where two indexes differ (the first differing term).
pub fn first_difference(expected: &Index, got: &Index) -> String {
    let (expected, got) = (listing(expected), listing(got));
    for (e, g) in expected.iter().zip(&got) {
        if e != g {
            return format!("expected {e:?}, got {g:?}");
        }
    }
    format!("expected {} terms, got {}", expected.len(), got.len())
}

/// A list that breaks the index's promise (sorted, each id once), if any: the term, the
/// list (cut short), and which promise it breaks.
pub fn broken_list(index: &Index) -> Option<(String, String, &'static str)> {
    index.terms().find_map(|(term, ids)| {
        let shown = format!("{:?}", &ids[..ids.len().min(12)]);
        if ids.windows(2).any(|pair| pair[0] == pair[1]) {
            Some((term.to_string(), shown, "repeats an id"))
        } else if ids.windows(2).any(|pair| pair[0] > pair[1]) {
            Some((term.to_string(), shown, "is out of order"))
        } else {
            None
        }
    })
}

/// What went wrong between `expected` and `got`, in terms of its likely cause, for an
/// index put together from partial indexes (merge, scoped threads, rayon).
pub fn diagnose_combined(expected: &Index, got: &Index) -> String {
    let (want, have) = (expected.posting_count(), got.posting_count());
    if let Some((term, ids, what)) = broken_list(got) {
        format!(
            "the list of {term:?} {what} ({ids}): likely mistake: partial lists were appended \
             or extended instead of merged, so ids from two parts end up unsorted, or twice \
             where the parts overlap"
        )
    } else if have < want {
        format!(
            "{} of the {want} (term, document) pairs are missing: likely mistake: a partial \
             index was dropped, or a term's list was replaced instead of merged (inserting \
             or extending a map keeps only one side's list for a term both sides have)",
            want - have
        )
    } else if got.term_count() != expected.term_count() {
        format!(
            "{} terms instead of {}: likely mistake: a partial index was not merged in",
            got.term_count(),
            expected.term_count()
        )
    } else {
        "the lists hold the wrong ids: compare with the sequential index".to_string()
    }
}

/// Runs `f` on a helper thread and returns its result; fails the test if `f` takes longer
/// than `limit` (a hang) and re-raises its panic if it panics (for example the `todo!()`
/// of an unsolved exercise).
pub fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what} finished without a result"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "expected {what} to finish within {limit:?}, because a correct solution takes \
             milliseconds; it is still running: is a thread waiting for something that never \
             comes?"
        ),
    }
}

/// The text of a panic payload (`panic!("...")` carries a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "<a panic without a message>".to_string())
}

/// A meeting point for `expected` threads, with a deadline: like `std::sync::Barrier`,
/// except that nobody waits forever. Tells each arriving thread whether all `expected`
/// threads were there together.
pub struct Gate {
    expected: usize,
    state: Mutex<GateState>,
    changed: Condvar,
}

struct GateState {
    arrived: usize,
    /// Someone gave up waiting: everyone after them gives up at once.
    broken: bool,
}

impl Gate {
    pub fn new(expected: usize) -> Self {
        Gate {
            expected,
            state: Mutex::new(GateState {
                arrived: 0,
                broken: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Arrives and waits up to `limit` for the others. True if all `expected` threads
    /// arrived in time (so they ran at the same time), false otherwise.
    pub fn arrive_and_wait(&self, limit: Duration) -> bool {
        let mut state = self.state.lock().unwrap();
        state.arrived += 1;
        self.changed.notify_all();
        let (mut state, _) = self
            .changed
            .wait_timeout_while(state, limit, |s| s.arrived < self.expected && !s.broken)
            .unwrap();
        if state.arrived >= self.expected && !state.broken {
            true
        } else {
            state.broken = true;
            self.changed.notify_all();
            false
        }
    }
}
