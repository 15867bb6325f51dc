//! Tests for the `index_scoped_threads` exercise: chunks, one scoped thread each, merge.

use crate::corpus::Document;
use crate::index::index_sequential;
use crate::scoped::index_scoped_threads;

use super::support::{first_difference, small_corpus};

#[test]
fn agrees_with_the_sequential_index_for_any_number_of_threads() {
    let docs = small_corpus();
    let expected = index_sequential(&docs);
    for threads in [1, 2, 3, 4, 7, 64, 1000] {
        let got = index_scoped_threads(&docs, threads);
        assert!(
            got == expected,
            "with {threads} threads: expected the same index as index_sequential, because \
             splitting the work must not change the result: {}",
            first_difference(&expected, &got)
        );
    }
}

#[test]
fn zero_threads_means_one_and_no_documents_means_an_empty_index() {
    let docs = small_corpus();
    let one = index_scoped_threads(&docs, 0);
    let none: [Document; 0] = [];
    let empty = index_scoped_threads(&none, 4);
    assert!(
        one == index_sequential(&docs) && empty.term_count() == 0,
        "expected `threads = 0` to work like 1 (use `chunk_len`) and no documents to give \
         an empty index; got {} terms for no documents",
        empty.term_count()
    );
}
