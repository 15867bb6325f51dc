//! Exercise 2 (merge_indexes): the *reduce* step, merging two partial indexes into one.
//!
//! The idea to take away: a parallel map-reduce is only correct if the reduce step does
//! not care how the work was split: merging must give the same index whatever the chunks
//! were, and in whichever order partial results arrive (it is associative and
//! commutative). Here that means merging sorted postings lists, not just appending them.
//!
//! Why `merge` takes `other` by value: its lists can then *move* into `self` instead of
//! being copied, and with a big index the copies would be most of the work. Merging two
//! sorted lists is linear, like the last step of merge sort; sorting the two lists glued
//! together would be correct too, and slower.

use std::collections::btree_map::Entry;

use crate::corpus::DocId;
use crate::index::Index;

// ANCHOR: merge_postings
/// Merges two sorted, duplicate-free lists of ids into one sorted,
/// duplicate-free list.
pub fn merge_postings(left: Vec<DocId>, right: Vec<DocId>) -> Vec<DocId> {
    // TODO: Merge two sorted lists without repeats into one sorted list
    //       without repeats, whichever list holds the smaller ids
    //       (appending is not enough).
    // Book: book/src/06-parallel-cpu.md#exercise-2-merging-two-indexes
    todo!()
}
// ANCHOR_END: merge_postings

impl Index {
    // ANCHOR: merge
    /// Reduce: adds everything `other` knows to `self`, merging the postings
    /// lists of the terms both have with [`merge_postings`].
    pub fn merge(&mut self, other: Index) {
        // TODO: Add every term of the other index to this one: a new term
        //       moves in with its list; a term both have ends up with the
        //       two lists merged by `merge_postings`.
        // Book: book/src/06-parallel-cpu.md#exercise-2-merging-two-indexes
        todo!()
    }
    // ANCHOR_END: merge
}
