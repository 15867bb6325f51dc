//! Tests for the `scoped_threads` exercise: `map_chunks` with `std::thread::scope`.

use std::collections::HashSet;
use std::thread;
use std::time::Duration;

use super::support::{Gate, LIMIT, within};
use crate::scoped_threads::map_chunks;

#[test]
fn sums_each_chunk_in_chunk_order() {
    let sums = within(LIMIT, "map_chunks", || {
        let numbers: Vec<u64> = (1..=10).collect();
        map_chunks(&numbers, 3, |chunk| chunk.iter().sum::<u64>())
    });
    assert_eq!(
        sums,
        vec![10, 26, 19],
        "expected 1..=10 in 3 chunks of chunk_len(10, 3) = 4 ([1..4], [5..8], [9, 10]) \
         summed in chunk order"
    );
}

#[test]
fn no_items_means_no_chunks_and_zero_chunks_means_one() {
    let (empty, one) = within(LIMIT, "map_chunks", || {
        let none: [u64; 0] = [];
        let empty = map_chunks(&none, 4, |chunk| chunk.len());
        let one = map_chunks(&[1u64, 2, 3], 0, |chunk| chunk.len());
        (empty, one)
    });
    assert!(
        empty.is_empty() && one == vec![3],
        "expected no results for an empty slice, and a single chunk of 3 for `chunks = 0` \
         (use `slice::chunks(chunk_len(..))`); got {empty:?} and {one:?}"
    );
}

#[test]
fn every_chunk_runs_on_its_own_thread_at_the_same_time() {
    let (caller, workers, met) = within(LIMIT, "map_chunks", || {
        // The gate lives on this stack frame and the threads borrow it: that is what a
        // scope allows and `thread::spawn` does not.
        let gate = Gate::new(4);
        let letters = ['a', 'b', 'c', 'd'];
        let results = map_chunks(&letters, 4, |_chunk| {
            let met = gate.arrive_and_wait(Duration::from_secs(2));
            (thread::current().id(), met)
        });
        let (workers, met): (Vec<_>, Vec<_>) = results.into_iter().unzip();
        (thread::current().id(), workers, met)
    });
    let distinct: HashSet<_> = workers.iter().collect();
    assert!(
        distinct.len() == 4 && !workers.contains(&caller),
        "expected each of the 4 chunks on a thread of its own (`scope.spawn` per chunk); \
         got caller {caller:?} and workers {workers:?}"
    );
    assert!(
        met.iter().all(|&m| m),
        "expected all 4 chunk threads to run at the same time, because all are spawned \
         before any is joined; got {met:?}"
    );
}
