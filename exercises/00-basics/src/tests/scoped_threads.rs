//! Tests for the `scoped_threads` exercise: `map_chunks` with
//! `std::thread::scope`.

use std::collections::HashSet;
use std::thread;

use super::support::{Gate, advice, within};
use crate::scoped_threads::map_chunks;

const STUCK: &str =
    "a thread that is never joined? (the scope joins them all for you)";

#[test]
fn sums_each_chunk_in_chunk_order() {
    let sums = within("map_chunks", STUCK, || {
        let numbers: Vec<u64> = (1..=10).collect();
        map_chunks(&numbers, 3, |chunk| chunk.iter().sum::<u64>())
    });
    assert!(
        sums == vec![10, 26, 19],
        "{}",
        advice(
            "1..=10 in 3 chunks of chunk_len(10, 3) = 4 items ([1..=4], [5..=8], [9, 10]), \
             summed in chunk order: [10, 26, 19]",
            format!("{sums:?}"),
            "chunks of another size (use `slice::chunks` with `chunk_len`), or results \
             taken in the order the threads finished instead of chunk order"
        )
    );
}

#[test]
fn no_items_means_no_chunks_and_zero_chunks_means_one() {
    let (empty, one) = within("map_chunks", STUCK, || {
        let none: [u64; 0] = [];
        let empty = map_chunks(&none, 4, |chunk| chunk.len());
        let one = map_chunks(&[1u64, 2, 3], 0, |chunk| chunk.len());
        (empty, one)
    });
    assert!(
        empty.is_empty() && one == vec![3],
        "{}",
        advice(
            "no results for an empty slice, and one chunk of 3 for `chunks = 0`",
            format!("{empty:?} and {one:?}"),
            "computing the chunk size yourself; `slice::chunks(chunk_len(..))` gets both \
             edge cases right"
        )
    );
}

#[test]
fn every_chunk_runs_on_its_own_thread_at_the_same_time() {
    let (caller, workers, met) = within("map_chunks", STUCK, || {
        // The gate lives on this stack frame and the threads borrow it: that is
        // what a scope allows and `thread::spawn` does not.
        let gate = Gate::new(4);
        let letters = ['a', 'b', 'c', 'd'];
        let results = map_chunks(&letters, 4, |_chunk| {
            (thread::current().id(), gate.arrive_and_wait())
        });
        let (workers, met): (Vec<_>, Vec<_>) = results.into_iter().unzip();
        (thread::current().id(), workers, met)
    });
    let distinct: HashSet<_> = workers.iter().collect();
    assert!(
        distinct.len() == 4 && !workers.contains(&caller),
        "{}",
        advice(
            "each of the 4 chunks on a scoped thread of its own",
            format!("the caller ran on {caller:?}, the chunks on {workers:?}"),
            "calling `f` directly; each chunk needs its own `scope.spawn`"
        )
    );
    assert!(
        met.iter().all(|&m| m),
        "{}",
        advice(
            "all 4 chunk threads running at once (each waits at a gate for the others)",
            format!(
                "they never were all there together (per chunk, met the others: {met:?})"
            ),
            "joining each thread before spawning the next. A lazy iterator does that too: \
             `map` to spawn, then `map` to join, spawns each thread only when the join \
             asks for it; collect the handles into a Vec before you join any"
        )
    );
}
