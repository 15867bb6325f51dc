//! Exercise 1 (get_all_sequential): GetAllTheThings, the naive way: one call
//! after the other.
//!
//! The idea to take away: this is correct and easy to read, and it costs the
//! *sum* of the latencies, because the thread sits idle waiting for each answer
//! before it even asks the next service. Every concurrent version of this step
//! keeps this exact signature, and is measured against this one.
//!
//! One client serves the whole batch: a `reqwest` client holds a pool of open
//! connections, so the second call to the same host can reuse the first one's
//! connection instead of opening a new one.

use crate::fetch::fetch_blocking;
use crate::thing::Thing;

// ANCHOR: sequential
/// Fetch every URL, one after the other, and return the things in the order of
/// `urls`.
///
/// Takes about the sum of the services' latencies.
pub fn get_all_the_things_sequential(urls: &[String]) -> Vec<Thing> {
    // TODO: Fetch every URL, one after the other, with one client for the whole
    //       batch, and return the things in URL order. Slow on purpose: the
    //       tests time this baseline, and a failed call is a Thing too.
    // Book: book/src/02-concurrent-calls.md#exercise-1-the-naive-version
    todo!()
}
// ANCHOR_END: sequential
