//! Tests for the `merge_indexes` exercise: `merge_postings` and `Index::merge`.

use crate::corpus::DocId;
use crate::index::{Index, index_sequential};
use crate::merge::merge_postings;

use super::support::{diagnose_combined, first_difference, index_of, small_corpus};

/// Why `merge_postings(left, right)` gave `got` instead of `expected`.
fn likely_list_mistake(left: &[DocId], right: &[DocId], got: &[DocId]) -> &'static str {
    let appended: Vec<DocId> = left.iter().chain(right).copied().collect();
    if got == appended {
        "did you append one list to the other? That is sorted only when every id on the \
         left is smaller than every id on the right; walk both lists and take the smaller \
         id each time, like the last step of merge sort"
    } else if got.windows(2).any(|pair| pair[0] == pair[1]) {
        "an id that is in both lists must be in the result once"
    } else if got.len() < appended.len() - left.iter().filter(|id| right.contains(id)).count() {
        "ids were lost: once one list is used up, the rest of the other list still belongs \
         in the result"
    } else {
        "walk both lists with one position in each, and push the smaller id"
    }
}

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
        assert!(
            got == expected,
            "expected merge_postings({left:?}, {right:?}) == {expected:?} (sorted, each id \
             once)\nhappened: {got:?}\nlikely mistake: {}",
            likely_list_mistake(left, right, &got)
        );
    }
}

#[test]
fn merging_adds_new_terms_and_merges_shared_ones() {
    let mut left = index_of(&[("crab", &[1, 4]), ("gopher", &[2])]);
    let right = index_of(&[("crab", &[3]), ("rayon", &[5])]);
    left.merge(right);
    let expected = index_of(&[("crab", &[1, 3, 4]), ("gopher", &[2]), ("rayon", &[5])]);
    let likely = if left.postings("crab") == [3] {
        "the shared term \"crab\" kept only the other index's list: inserting a list \
         replaces the one already there; merge the two with `merge_postings`"
    } else if left.postings("rayon").is_empty() {
        "a term only the other index has (\"rayon\") must move in with its list"
    } else {
        "a term both indexes have gets the two lists merged with `merge_postings`"
    };
    assert!(
        left == expected,
        "expected the terms of both indexes, the shared one (\"crab\") with both lists \
         merged in order\nhappened: {}\nlikely mistake: {likely}",
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
        "expected first_half.merge(second_half) to be the index of all 300 documents\n\
         happened: {}\n{}",
        first_difference(&whole, &in_order),
        diagnose_combined(&whole, &in_order)
    );
    assert!(
        reversed == whole,
        "expected second_half.merge(first_half) to be the index of all 300 documents too, \
         because partial results may arrive in any order\nhappened: {}\n{}",
        first_difference(&whole, &reversed),
        diagnose_combined(&whole, &reversed)
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
        "expected documents 100..200, indexed in both parts, to be listed once each, and \
         merging an empty index to change nothing\nhappened: {}\n{}",
        first_difference(&whole, &merged),
        diagnose_combined(&whole, &merged)
    );
}
