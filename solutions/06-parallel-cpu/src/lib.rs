//! Step 06: parallel CPU work: map-reduce over a document index: the finished crate.
//!
//! A small inverted index (term → sorted list of the documents that contain it), the
//! seed book's distributed document indexing at laptop scale. Built three ways that must
//! agree: one thread ([`index::index_sequential`]), one scoped thread per chunk
//! ([`scoped::index_scoped_threads`]) and rayon ([`rayon_index::index_rayon`]). Then the
//! async pitfall: CPU work inside a tokio task starves the runtime, and
//! [`blocking::run_blocking`] (`spawn_blocking`) moves it off.
//!
//! The idea to take away: concurrency is about *waiting* for many things at once;
//! parallelism is about *computing* on many cores at once. CPU work wants threads (or
//! rayon), never the async runtime's own threads.

pub mod blocking;
pub mod corpus;
pub mod index;
pub mod merge;
pub mod rayon_index;
pub mod scoped;
pub mod tokenize;

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/06-parallel-cpu/src/tests/mod.rs"]
mod tests;
