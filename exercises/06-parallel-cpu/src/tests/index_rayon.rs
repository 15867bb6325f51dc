//! Tests for the `index_rayon` exercise: `par_iter` + `fold` + `reduce`.

use crate::corpus::{Document, generate_corpus};
use crate::index::index_sequential;
use crate::rayon_index::index_rayon;

use super::support::{diagnose_combined, first_difference, small_corpus};

/// Runs `f` on a rayon pool of four threads, so the work is really split even on a
/// one-core machine.
fn on_four_threads<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .expect("a rayon pool of 4 threads")
        .install(f)
}

#[test]
fn agrees_with_the_sequential_index() {
    let docs = small_corpus();
    let expected = index_sequential(&docs);
    let got = on_four_threads(|| index_rayon(&docs));
    assert!(
        got == expected,
        "expected the same index as index_sequential on 300 documents\nhappened: {}\n{}",
        first_difference(&expected, &got),
        diagnose_combined(&expected, &got)
    );
}

#[test]
fn agrees_on_a_bigger_corpus_too() {
    let docs = generate_corpus(2024, 2000, 20);
    let expected = index_sequential(&docs);
    let got = on_four_threads(|| index_rayon(&docs));
    assert!(
        got == expected,
        "expected the same index as index_sequential on 2000 documents\nhappened: {}\n{}",
        first_difference(&expected, &got),
        diagnose_combined(&expected, &got)
    );
}

#[test]
fn no_documents_and_one_document() {
    let none: [Document; 0] = [];
    let one = [Document::new(3, "Rayon, rayon!")];
    let (empty, single) = on_four_threads(|| (index_rayon(&none), index_rayon(&one)));
    assert!(
        empty.term_count() == 0 && single.postings("rayon") == [3] && single.term_count() == 1,
        "expected an empty index for no documents, and rayon: [3] for the single one\n\
         happened: {} terms for no documents, and rayon: {:?}\nlikely mistake: the \
         identity of `fold` and `reduce` must make an *empty* index (`Index::new`)",
        empty.term_count(),
        single.postings("rayon")
    );
}
