//! Exercise `merge_indexes`: the *reduce* step, merging two partial indexes into one.
//!
//! The idea to take away: a parallel map-reduce is only correct if the reduce step does
//! not care how the work was split: merging must give the same index whatever the chunks
//! were, and in whichever order partial results arrive (it is associative and
//! commutative). Here that means merging sorted postings lists, not just appending them.

use std::collections::btree_map::Entry;

use crate::corpus::DocId;
use crate::index::Index;

// ANCHOR: merge_postings
/// Merges two sorted, duplicate-free lists of ids into one sorted, duplicate-free list.
pub fn merge_postings(left: Vec<DocId>, right: Vec<DocId>) -> Vec<DocId> {
    // TODO: merge like the last step of merge sort: walk both lists with two indexes, push
    //       the smaller id (an id in both: push it once, advance both), then append what is
    //       left of either list. Optional fast path: if `left`'s last id < `right`'s first,
    //       just append `right` to `left`.
    // Book: book/src/06-parallel-cpu.md#exercise-2-merging-two-indexes
    todo!()
}
// ANCHOR_END: merge_postings

impl Index {
    // ANCHOR: merge
    /// Reduce: adds everything `other` knows to `self`, merging the postings lists of the
    /// terms both have with [`merge_postings`].
    pub fn merge(&mut self, other: Index) {
        // TODO: for each `(term, ids)` of `other.postings`, match `self.postings.entry(term)`:
        //       `Entry::Vacant(slot)` → `slot.insert(ids)`; `Entry::Occupied(mut slot)` → replace
        //       its list with `merge_postings(std::mem::take(slot.get_mut()), ids)`.
        // Book: book/src/06-parallel-cpu.md#exercise-2-merging-two-indexes
        todo!()
    }
    // ANCHOR_END: merge
}
