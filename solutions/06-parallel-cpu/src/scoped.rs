//! Exercise `index_scoped_threads`: map-reduce by hand: split the documents into chunks,
//! index every chunk on its own scoped thread, merge the partial indexes.
//!
//! The idea to take away: this is what the Go version does with goroutines and a
//! channel, and what rayon will do for you in the next exercise. The scope lets every
//! thread *borrow* its chunk of the caller's slice: no copying, no `Arc`.

use std::thread;

use crate::corpus::Document;
use crate::index::{Index, index_sequential};

/// How many documents each chunk gets when `len` documents are split into (at most)
/// `chunks` chunks. Given: never 0, and `chunks == 0` counts as one.
pub fn chunk_len(len: usize, chunks: usize) -> usize {
    len.div_ceil(chunks.max(1)).max(1)
}

// ANCHOR: index_scoped_threads
/// Builds the index of `docs` with `threads` scoped threads, each indexing one chunk of
/// `chunk_len(docs.len(), threads)` documents; merges the partial indexes in chunk order.
pub fn index_scoped_threads(docs: &[Document], threads: usize) -> Index {
    thread::scope(|scope| {
        // Map: start every chunk's thread before joining any of them.
        let handles: Vec<_> = docs
            .chunks(chunk_len(docs.len(), threads))
            .map(|chunk| scope.spawn(move || index_sequential(chunk)))
            .collect();
        // Reduce: merge on this thread, as the partial indexes come back.
        let mut index = Index::new();
        for handle in handles {
            match handle.join() {
                Ok(partial) => index.merge(partial),
                // A worker panicked: its panic surfaces here, at `join`, on the caller's
                // thread. Re-raise it; a half-built index would be wrong silently.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        index
    })
}
// ANCHOR_END: index_scoped_threads
