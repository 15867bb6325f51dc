//! Tests for the `index_sequential` exercise: `Index::add_document` and
//! `index_sequential`.

use crate::corpus::{DocId, Document, VOCABULARY};
use crate::index::index_sequential;

use super::support::{broken_list, listing, small_corpus};

#[test]
fn every_term_points_to_the_documents_that_contain_it() {
    let docs = vec![
        Document::new(0, "The channel, the goroutine."),
        Document::new(1, "A channel is a pipe"),
        Document::new(2, "Goroutine goroutine GOROUTINE"),
    ];
    let index = index_sequential(&docs);
    let got = listing(&index);
    let expected: Vec<(String, Vec<DocId>)> = [
        ("a", vec![1]),
        ("channel", vec![0, 1]),
        ("goroutine", vec![0, 2]),
        ("is", vec![1]),
        ("pipe", vec![1]),
        ("the", vec![0]),
    ]
    .into_iter()
    .map(|(term, ids)| (term.to_string(), ids))
    .collect();
    let likely = match broken_list(&index) {
        Some((term, ids, "repeats an id")) => format!(
            "the list of {term:?} repeats an id ({ids}): did you add the id once per \
             *occurrence*? \"goroutine\" is three times in document 2, and document 2 must \
             be listed once"
        ),
        _ => "are the terms those of `tokenize` (lowercase, no punctuation), one list per \
              term, and each list the documents that contain the term?"
            .to_string(),
    };
    assert!(
        got == expected,
        "expected: {expected:?}\nhappened: {got:?}\nlikely mistake: {likely}"
    );
}

#[test]
fn postings_stay_sorted_when_documents_come_out_of_order() {
    let docs = vec![
        Document::new(9, "x y"),
        Document::new(2, "y"),
        Document::new(5, "x x"),
    ];
    let index = index_sequential(&docs);
    let (x, y) = (index.postings("x"), index.postings("y"));
    assert!(
        x == [5, 9] && y == [2, 9],
        "expected x: [5, 9] and y: [2, 9] after adding documents 9, 2 and 5 in that order \
         (every list sorted, each id once)\nhappened: x: {x:?}, y: {y:?}\nlikely mistake: {}",
        if x == [9, 5] || y == [9, 2] {
            "did you push every id at the end of its list? That keeps the list sorted only \
             while documents come in id order; a smaller id must go in at its place \
             (`binary_search` says where)"
        } else if x.len() > 2 {
            "the id of a term that repeats in one document (x in document 5) was added \
             twice: when the id is already in the list, leave the list as it is"
        } else {
            "look at where an out-of-order id goes: `binary_search` gives `Ok` when the id \
             is already there and `Err(position)` where it would go"
        }
    );
}

#[test]
fn a_generated_corpus_gives_sorted_unique_postings_of_vocabulary_words() {
    let docs = small_corpus();
    let index = index_sequential(&docs);
    assert!(
        index.term_count() > 0 && index.term_count() <= VOCABULARY.len(),
        "expected between 1 and {} terms (the vocabulary) for 300 generated documents\n\
         happened: {} terms\nlikely mistake: {}",
        VOCABULARY.len(),
        index.term_count(),
        if index.term_count() == 0 {
            "no document was added: does `index_sequential` call `add_document` for each?"
        } else {
            "terms that are not lowercase words: take them from `tokenize`"
        }
    );
    for (term, _) in index.terms() {
        assert!(
            VOCABULARY.contains(&term),
            "expected only vocabulary words, lowercase\nhappened: the term {term:?}\n\
             likely mistake: the terms must come from `tokenize(&doc.text)`"
        );
    }
    if let Some((term, ids, what)) = broken_list(&index) {
        panic!(
            "expected every list strictly increasing (sorted, each id once)\nhappened: the \
             list of {term:?} {what}: {ids}\nlikely mistake: an id added once per occurrence \
             of the term, or pushed without a look at the list's last id"
        );
    }
    let the = index.postings("the").len();
    assert!(
        the > docs.len() / 2,
        "expected \"the\", the most frequent word, in most of the {} documents\n\
         happened: in {the}\nlikely mistake: some documents were not added",
        docs.len()
    );
}
