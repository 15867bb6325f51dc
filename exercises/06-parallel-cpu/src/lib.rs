//! Step 06: parallel CPU work: map-reduce over a document index.
//!
//! A small inverted index (term → sorted list of the documents that contain it), the
//! seed book's distributed document indexing at laptop scale. Built three ways that must
//! agree: one thread ([`index::index_sequential`]), one scoped thread per chunk
//! ([`scoped::index_scoped_threads`]) and rayon ([`rayon_index::index_rayon`]). Then the
//! async pitfall: CPU work inside a tokio task starves the runtime, and
//! [`blocking::run_blocking`] (`spawn_blocking`) moves it off.
//!
//! Replace each `todo!()` following its `// TODO:` comment, in order (the later exercises
//! use the earlier ones), then run `cargo workshop check NAME`.
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

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
