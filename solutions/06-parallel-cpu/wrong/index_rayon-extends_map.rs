//! KNOWN-WRONG SOLUTION (kept so `cargo workshop verify` proves the tests catch it):
//! combines partial indexes by extending one map with the other, so a term both have
//! keeps only one side's ids.
//!
//! Exercise 4 (index_rayon): the same map-reduce with rayon: `par_iter`, `fold`,
//! `reduce`.
//!
//! The idea to take away: rayon splits the work for you (recursively, and stealing work
//! from busy threads when idle), on a pool with one thread per core. You supply the same
//! two functions as before: how to add one document to an index (fold) and how to merge
//! two indexes (reduce).
//!
//! Why both take a function that makes an empty index, and not an index: rayon decides at
//! run time how many pieces to cut, and every piece starts from a fresh one. And why no
//! lock is needed: every piece folds into an index of its own, so no two threads ever
//! touch the same index; they meet only in the reduce, where rayon pairs partial indexes
//! in whatever grouping the split produced. Your merge does not mind (exercise 2).

use rayon::prelude::*;

use crate::corpus::Document;
use crate::index::Index;

// ANCHOR: index_rayon
/// Builds the index of `docs` on rayon's thread pool.
pub fn index_rayon(docs: &[Document]) -> Index {
    docs.par_iter()
        // Each rayon job folds a run of documents into an index of its own, so
        // no two threads ever touch the same index: no locks.
        .fold(Index::new, |mut index, doc| {
            index.add_document(doc);
            index
        })
        // Then pairs of partial indexes are merged until one is left.
        .reduce(Index::new, |mut left, right| {
            // WRONG: `extend` replaces the list of a term both sides have.
            left.postings.extend(right.postings);
            left
        })
}
// ANCHOR_END: index_rayon
