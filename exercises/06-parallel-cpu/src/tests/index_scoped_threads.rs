//! Tests for the `index_scoped_threads` exercise: `map_reduce_scoped`, through the given
//! `index_scoped_threads` and with map steps of the tests' own that watch how they are
//! called: on which thread, with which chunk, and whether the chunks overlap in time.

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::thread::{self, ThreadId};
use std::time::Duration;

use crate::corpus::{DocId, Document};
use crate::index::index_sequential;
use crate::scoped::{index_scoped_threads, map_reduce_scoped};

use super::support::{
    Gate, LIMIT, diagnose_combined, first_difference, panic_message, small_corpus, within,
};

#[test]
fn agrees_with_the_sequential_index_for_any_number_of_threads() {
    let docs = small_corpus();
    let expected = index_sequential(&docs);
    for threads in [1, 2, 3, 4, 7, 64, 1000] {
        let got = within(LIMIT, "index_scoped_threads", {
            let docs = docs.clone();
            move || index_scoped_threads(&docs, threads)
        });
        assert!(
            got == expected,
            "with {threads} threads: expected the same index as index_sequential, because \
             splitting the work must not change the result\nhappened: {}\n{}",
            first_difference(&expected, &got),
            diagnose_combined(&expected, &got)
        );
    }
}

#[test]
fn zero_threads_means_one_and_no_documents_means_an_empty_index() {
    let (one, empty) = within(LIMIT, "index_scoped_threads", || {
        let none: [Document; 0] = [];
        (
            index_scoped_threads(&small_corpus(), 0),
            index_scoped_threads(&none, 4),
        )
    });
    assert!(
        one == index_sequential(&small_corpus()) && empty.term_count() == 0,
        "expected `threads = 0` to work like 1, and no documents to give an empty index\n\
         happened: {} terms for 300 documents on 0 threads, {} terms for no documents\n\
         likely mistake: chunk sizes computed by hand; `chunk_len` copes with both cases",
        one.term_count(),
        empty.term_count()
    );
}

/// What the test's map step saw of one call: the chunk's first id and length, the
/// thread it ran on, and whether all four chunks were in progress at the same time.
struct Call {
    first: DocId,
    len: usize,
    thread: ThreadId,
    met: bool,
}

#[test]
fn every_chunk_runs_on_its_own_thread_at_the_same_time() {
    let (caller, mut calls, index_ok) = within(LIMIT, "map_reduce_scoped", || {
        let docs = small_corpus();
        // The gate and the log live on this stack frame, and the map step borrows them:
        // that is what a scope allows.
        let gate = Gate::new(4);
        let calls = Mutex::new(Vec::new());
        let index = map_reduce_scoped(&docs, 4, |chunk: &[Document]| {
            let met = gate.arrive_and_wait(Duration::from_secs(2));
            calls.lock().unwrap().push(Call {
                first: chunk.first().map_or(0, |doc| doc.id),
                len: chunk.len(),
                thread: thread::current().id(),
                met,
            });
            index_sequential(chunk)
        });
        let index_ok = index == index_sequential(&docs);
        (
            thread::current().id(),
            calls.into_inner().unwrap(),
            index_ok,
        )
    });
    calls.sort_by_key(|call| call.first);
    let chunks: Vec<(DocId, usize)> = calls.iter().map(|c| (c.first, c.len)).collect();
    assert!(
        chunks == [(0, 75), (75, 75), (150, 75), (225, 75)],
        "expected 300 documents on 4 threads to make 4 chunks of chunk_len(300, 4) = 75, \
         starting at documents 0, 75, 150 and 225\nhappened: {} chunks (first id, \
         length): {chunks:?}\nlikely mistake: {}",
        chunks.len(),
        if chunks.len() == 75 {
            "`slice::chunks` takes the *length* of a chunk, not how many chunks to make: \
             give it `chunk_len(docs.len(), threads)`"
        } else {
            "split with `docs.chunks(chunk_len(docs.len(), threads))`"
        }
    );
    let threads: HashSet<ThreadId> = calls.iter().map(|c| c.thread).collect();
    assert!(
        threads.len() == 4 && !threads.contains(&caller),
        "expected each of the 4 chunks mapped on a thread of its own, none on the calling \
         thread\nhappened: {} distinct threads{}\nlikely mistake: one `scope.spawn` per \
         chunk, and the map step called inside the spawned closure",
        threads.len(),
        if threads.contains(&caller) {
            ", one of them the caller's"
        } else {
            ""
        }
    );
    let together = calls.iter().filter(|c| c.met).count();
    assert!(
        together == 4,
        "expected the 4 chunks to be mapped at the same time (each waited up to 2 s for \
         the others)\nhappened: {} of 4 met the others; the chunks ran one after another\n\
         likely mistake: did you join each thread right after spawning it? A join waits \
         for that thread to end, so the next one starts only then. Spawn them all first \
         (collect the handles), then join them",
        together
    );
    assert!(
        index_ok,
        "expected the merged result to be the sequential index\nhappened: it differs\n\
         likely mistake: a partial index was dropped or merged wrongly"
    );
}

#[test]
fn a_panic_in_the_map_step_reaches_the_caller_with_its_message() {
    let outcome = within(LIMIT, "map_reduce_scoped", || {
        let docs = small_corpus();
        let result = catch_unwind(AssertUnwindSafe(|| {
            map_reduce_scoped(&docs, 4, |chunk: &[Document]| {
                if chunk.iter().any(|doc| doc.id == 150) {
                    panic!("bad document 150 (a panic the test makes on purpose)");
                }
                index_sequential(chunk)
            })
        }));
        result
            .map(|index| index.term_count())
            .map_err(|panic| panic_message(&*panic))
    });
    match outcome {
        Err(message) if message.contains("bad document 150") => {}
        Err(message) => panic!(
            "expected the map step's panic to reach the caller with its own message, \
             \"bad document 150 …\"\nhappened: map_reduce_scoped panicked with {message:?}\n\
             likely mistake: {}",
            if message.contains("scoped thread panicked") {
                "the panicked thread was never joined, so the scope reported it with its \
                 own words; join every handle, and re-raise an `Err` with \
                 `std::panic::resume_unwind`, which keeps the original message"
            } else {
                "did you `unwrap` or `expect` the join's result? That panics with a new \
                 message; `std::panic::resume_unwind` re-raises the original panic"
            }
        ),
        Ok(terms) => panic!(
            "expected the map step's panic (\"bad document 150\", made by the test on \
             purpose) to reach the caller\nhappened: map_reduce_scoped returned an index of \
             {terms} terms, built without the chunk that panicked\nlikely mistake: did you \
             skip a join's `Err`? A half-built index is wrong in silence: re-raise it with \
             `std::panic::resume_unwind`"
        ),
    }
}
