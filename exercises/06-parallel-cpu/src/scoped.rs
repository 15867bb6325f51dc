//! Exercise 3 (index_scoped_threads): map-reduce by hand: split the documents into
//! chunks, run the map step on every chunk on its own scoped thread, merge the partial
//! indexes.
//!
//! The idea to take away: this is what the Go version does with goroutines, and what
//! rayon will do for you in the next exercise. The scope lets every thread *borrow* its
//! chunk of the caller's slice, and the map function too: no copying, no `Arc`, because
//! the scope joins every thread before it returns, while the borrowed data still exists.
//!
//! Why a worker's panic must be re-raised by hand: a panicking thread ends alone, and its
//! panic waits in its `JoinHandle`. A join whose `Err` is skipped returns an index with a
//! chunk missing, wrong in silence. A scope that joins a panicked thread itself (one you
//! did not join) panics too, but with its own message, "a scoped thread panicked", and
//! the worker's is lost.
//!
//! Why the map step is a parameter: the tests hand in a map step of their own, one that
//! can tell whether the chunks really run at the same time.

use std::thread;

use crate::corpus::Document;
use crate::index::{Index, index_sequential};

/// How many documents each chunk gets when `len` documents are split into (at most)
/// `chunks` chunks. Given: never 0, and `chunks == 0` counts as one.
pub fn chunk_len(len: usize, chunks: usize) -> usize {
    len.div_ceil(chunks.max(1)).max(1)
}

/// Builds the index of `docs` with at most `threads` scoped threads: the map-reduce of
/// [`map_reduce_scoped`] with [`index_sequential`] as the map step. Given.
pub fn index_scoped_threads(docs: &[Document], threads: usize) -> Index {
    map_reduce_scoped(docs, threads, index_sequential)
}

// ANCHOR: map_reduce_scoped
/// Splits `docs` into chunks of `chunk_len(docs.len(), threads)` documents,
/// runs `map` on every chunk on a scoped thread of its own, all at the same
/// time, and merges the partial indexes in chunk order on the calling thread. A
/// panic in `map` reaches the caller with its own message.
pub fn map_reduce_scoped<F>(docs: &[Document], threads: usize, map: F) -> Index
where
    F: Fn(&[Document]) -> Index + Sync,
{
    // TODO: Run the map step on every chunk at the same time, each on a
    //       scoped thread of its own; merge the partial indexes in chunk
    //       order. A panic in the map step must reach the caller as it was.
    // Book: book/src/06-parallel-cpu.md#exercise-3-scoped-threads
    todo!()
}
// ANCHOR_END: map_reduce_scoped
