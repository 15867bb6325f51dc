//! Exercise 1 (index_sequential): the inverted index, built on one thread.
//!
//! The idea to take away: map-reduce is two functions. *Map* turns one document into a
//! small index of its own (here `add_document`, into an index being built); *reduce*
//! merges two indexes into one (`merge`, in `merge.rs`). Once those exist, running them on
//! one thread, on scoped threads or on rayon is only a question of *who* calls them.
//!
//! Why the end of a list deserves a look first: documents usually come in id order, so a
//! new id almost always belongs at the end of its term's list. A binary search for every
//! word of every document would cost more than the rest of the work, and make a big index
//! slower per document than a small one. Only an id that does not belong at the end needs
//! its place looked up (and may turn out to be there already: the term repeats).

use std::collections::BTreeMap;

use crate::corpus::{DocId, Document};
use crate::tokenize::tokenize;

// ANCHOR: index
/// An inverted index: for every term, the ids of the documents containing it,
/// sorted and without duplicates.
///
/// A `BTreeMap` keeps the terms sorted, so two indexes compare (and print) the
/// same way however they were built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    pub(crate) postings: BTreeMap<String, Vec<DocId>>,
}
// ANCHOR_END: index

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Index::default()
    }

    /// The documents containing `term` (already lowercase), sorted; empty if none.
    pub fn postings(&self, term: &str) -> &[DocId] {
        self.postings.get(term).map_or(&[], Vec::as_slice)
    }

    /// Every term with its documents, in term order.
    pub fn terms(&self) -> impl Iterator<Item = (&str, &[DocId])> {
        self.postings
            .iter()
            .map(|(term, ids)| (term.as_str(), ids.as_slice()))
    }

    /// How many distinct terms.
    pub fn term_count(&self) -> usize {
        self.postings.len()
    }

    /// How many (term, document) pairs: the sum of every postings list's length.
    pub fn posting_count(&self) -> usize {
        self.postings.values().map(Vec::len).sum()
    }

    // ANCHOR: add_document
    /// Map: records that every term of `doc` occurs in `doc.id`. Each id
    /// appears once per term, however often the term occurs, and every list
    /// stays sorted whatever order documents are added in.
    pub fn add_document(&mut self, doc: &Document) {
        // TODO: Add the document's id to the list of every term in it:
        //       once per term however often it repeats, every list kept
        //       sorted even when documents come out of id order.
        // Book: book/src/06-parallel-cpu.md#exercise-1-the-sequential-index
        todo!()
    }
    // ANCHOR_END: add_document
}

// ANCHOR: index_sequential
/// Builds the index of `docs` on the calling thread: the baseline the parallel
/// versions must match exactly.
pub fn index_sequential(docs: &[Document]) -> Index {
    // TODO: Build the index of all the documents, one after another, on
    //       this thread.
    // Book: book/src/06-parallel-cpu.md#exercise-1-the-sequential-index
    todo!()
}
// ANCHOR_END: index_sequential
