//! Tests for the `index_sequential` exercise: `Index::add_document` and
//! `index_sequential`.

use crate::corpus::{DocId, Document, VOCABULARY};
use crate::index::index_sequential;

use super::support::{listing, small_corpus};

#[test]
fn every_term_points_to_the_documents_that_contain_it() {
    let docs = vec![
        Document::new(0, "The channel, the goroutine."),
        Document::new(1, "A channel is a pipe"),
        Document::new(2, "Goroutine goroutine GOROUTINE"),
    ];
    let got = listing(&index_sequential(&docs));
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
    assert_eq!(
        got, expected,
        "expected each lowercase term of `tokenize` to list the ids of its documents, each \
         id once even when the term repeats (\"goroutine\" is three times in document 2)"
    );
}

#[test]
fn postings_stay_sorted_when_documents_come_out_of_order() {
    let docs = vec![
        Document::new(9, "x y"),
        Document::new(2, "y"),
        Document::new(5, "x"),
    ];
    let index = index_sequential(&docs);
    assert!(
        index.postings("x") == [5, 9] && index.postings("y") == [2, 9],
        "expected sorted postings x: [5, 9] and y: [2, 9] whatever the order of the \
         documents (insert at the position `binary_search` gives); got x: {:?}, y: {:?}",
        index.postings("x"),
        index.postings("y")
    );
}

#[test]
fn a_generated_corpus_gives_sorted_unique_postings_of_vocabulary_words() {
    let docs = small_corpus();
    let index = index_sequential(&docs);
    assert!(
        index.term_count() > 0 && index.term_count() <= VOCABULARY.len(),
        "expected between 1 and {} terms (the vocabulary); got {}",
        VOCABULARY.len(),
        index.term_count()
    );
    for (term, ids) in index.terms() {
        assert!(
            VOCABULARY.contains(&term),
            "expected only vocabulary words, lowercase; got the term {term:?}"
        );
        assert!(
            ids.windows(2).all(|pair| pair[0] < pair[1]),
            "expected the postings of {term:?} strictly increasing (sorted, no repeats); \
             got {ids:?}"
        );
    }
    assert!(
        index.postings("the").len() > docs.len() / 2,
        "expected \"the\", the most frequent word, in most of the {} documents; got {}",
        docs.len(),
        index.postings("the").len()
    );
}
