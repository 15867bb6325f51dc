//! Helpers shared by this step's tests: corpora and a way to write an index by hand.

use crate::corpus::{DocId, Document, generate_corpus};
use crate::index::Index;

/// A corpus big enough to be split many ways, small enough for a debug build: 300
/// documents of 40 words.
pub fn small_corpus() -> Vec<Document> {
    generate_corpus(7, 300, 40)
}

/// An index written out by hand: `[("term", &[ids]), …]`.
pub fn index_of(entries: &[(&str, &[DocId])]) -> Index {
    let mut index = Index::new();
    for (term, ids) in entries {
        index.postings.insert(term.to_string(), ids.to_vec());
    }
    index
}

/// An index as plain data, for readable assertion messages.
pub fn listing(index: &Index) -> Vec<(String, Vec<DocId>)> {
    index
        .terms()
        .map(|(term, ids)| (term.to_string(), ids.to_vec()))
        .collect()
}

/// A short description of where two indexes differ (the first differing term).
pub fn first_difference(expected: &Index, got: &Index) -> String {
    let (expected, got) = (listing(expected), listing(got));
    for (e, g) in expected.iter().zip(&got) {
        if e != g {
            return format!("expected {e:?}, got {g:?}");
        }
    }
    format!("expected {} terms, got {}", expected.len(), got.len())
}
