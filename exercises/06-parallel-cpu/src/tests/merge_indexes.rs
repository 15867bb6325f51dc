//! Tests for the `merge_indexes` exercise: `merge_postings` and `Index::merge`.

use crate::corpus::DocId;
use crate::index::{Index, index_sequential};
use crate::merge::merge_postings;

use super::support::{first_difference, index_of, small_corpus};

#[test]
fn merging_sorted_lists() {
    let cases: [(&[DocId], &[DocId], &[DocId]); 6] = [
        (&[1, 2], &[3, 4], &[1, 2, 3, 4]),
        (&[3, 4], &[1, 2], &[1, 2, 3, 4]),
        (&[1, 3, 5], &[2, 3, 6], &[1, 2, 3, 5, 6]),
        (&[], &[7], &[7]),
        (&[7], &[], &[7]),
        (&[1, 2, 3], &[1, 2, 3], &[1, 2, 3]),
    ];
    for (left, right, expected) in cases {
        let got = merge_postings(left.to_vec(), right.to_vec());
        assert_eq!(
            got, expected,
            "expected merge_postings({left:?}, {right:?}) sorted with no repeats"
        );
    }
}

#[test]
fn merging_adds_new_terms_and_merges_shared_ones() {
    let mut left = index_of(&[("crab", &[1, 4]), ("gopher", &[2])]);
    let right = index_of(&[("crab", &[3]), ("rayon", &[5])]);
    left.merge(right);
    let expected = index_of(&[("crab", &[1, 3, 4]), ("gopher", &[2]), ("rayon", &[5])]);
    assert!(
        left == expected,
        "expected terms of both sides, shared ones merged in order: {}",
        first_difference(&expected, &left)
    );
}

#[test]
fn the_halves_of_a_corpus_merge_into_the_index_of_the_whole() {
    let docs = small_corpus();
    let whole = index_sequential(&docs);
    let (first, second) = docs.split_at(docs.len() / 2);
    let mut in_order = index_sequential(first);
    in_order.merge(index_sequential(second));
    let mut reversed = index_sequential(second);
    reversed.merge(index_sequential(first));
    assert!(
        in_order == whole,
        "expected first.merge(second) == the index of all documents: {}",
        first_difference(&whole, &in_order)
    );
    assert!(
        reversed == whole,
        "expected second.merge(first) == the index of all documents too, because partial \
         results may arrive in any order (appending is not enough): {}",
        first_difference(&whole, &reversed)
    );
}

#[test]
fn overlapping_parts_do_not_repeat_ids() {
    let docs = small_corpus();
    let whole = index_sequential(&docs);
    let mut merged = index_sequential(&docs[..200]);
    merged.merge(index_sequential(&docs[100..]));
    merged.merge(Index::new());
    assert!(
        merged == whole,
        "expected documents 100..200, indexed on both sides, to appear once each: {}",
        first_difference(&whole, &merged)
    );
}
