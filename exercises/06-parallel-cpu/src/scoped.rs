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
    // TODO: in `thread::scope(|scope| { ... })`: for every chunk of
    //       `docs.chunks(chunk_len(docs.len(), threads))`, start
    //       `scope.spawn(move || index_sequential(chunk))` and keep the handles; then,
    //       starting from `Index::new()`, `join()` each handle in order and `merge` its
    //       partial index (re-raise a panic with `std::panic::resume_unwind`).
    // Book: book/src/06-parallel-cpu.md#exercise-3-scoped-threads
    todo!()
}
// ANCHOR_END: index_scoped_threads
