//! KNOWN-WRONG SOLUTION (kept so `cargo workshop verify` proves the tests catch it):
//! merges two postings lists by appending one to the other (sorted only when the left ids
//! all come first).
//!
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
    // WRONG: appending is only right when partial results arrive in chunk
    // order.
    if true {
        let mut merged = left;
        merged.extend(right);
        return merged;
    }
    match (left.last(), right.first()) {
        (Some(last), Some(first)) if last < first => {
            let mut merged = left;
            merged.extend(right);
            return merged;
        }
        (_, None) => return left,
        (None, _) => return right,
        _ => {}
    }
    // Otherwise, a two-finger merge, like the last step of merge sort.
    let mut merged = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (0, 0);
    while l < left.len() && r < right.len() {
        if left[l] < right[r] {
            merged.push(left[l]);
            l += 1;
        } else if right[r] < left[l] {
            merged.push(right[r]);
            r += 1;
        } else {
            // In both: keep one.
            merged.push(left[l]);
            l += 1;
            r += 1;
        }
    }
    merged.extend_from_slice(&left[l..]);
    merged.extend_from_slice(&right[r..]);
    merged
}
// ANCHOR_END: merge_postings

impl Index {
    // ANCHOR: merge
    /// Reduce: adds everything `other` knows to `self`, merging the postings
    /// lists of the terms both have with [`merge_postings`].
    pub fn merge(&mut self, other: Index) {
        for (term, ids) in other.postings {
            match self.postings.entry(term) {
                Entry::Vacant(slot) => {
                    slot.insert(ids);
                }
                Entry::Occupied(mut slot) => {
                    // `take` leaves an empty Vec behind for a moment, so both
                    // lists can be moved into the merge instead of copied.
                    let mine = std::mem::take(slot.get_mut());
                    *slot.get_mut() = merge_postings(mine, ids);
                }
            }
        }
    }
    // ANCHOR_END: merge
}
