//! Exercise `index_rayon`: the same map-reduce with rayon: `par_iter`, `fold`, `reduce`.
//!
//! The idea to take away: rayon splits the work for you (recursively, and stealing work
//! from busy threads when idle), on a pool with one thread per core. You supply the same
//! two functions as before: how to add one document to an index (fold) and how to merge
//! two indexes (reduce).

use rayon::prelude::*;

use crate::corpus::Document;
use crate::index::Index;

// ANCHOR: index_rayon
/// Builds the index of `docs` on rayon's thread pool.
pub fn index_rayon(docs: &[Document]) -> Index {
    // TODO: `docs.par_iter()`, then `.fold(Index::new, |mut index, doc| { ... })` adding each
    //       document to its partial index, then `.reduce(Index::new, |mut left, right| { ... })`
    //       merging `right` into `left`.
    // Book: book/src/06-parallel-cpu.md#exercise-4-rayon
    todo!()
}
// ANCHOR_END: index_rayon
