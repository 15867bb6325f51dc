//! Exercise 1: GetAllTheThings, the naive way: one call after the other.
//!
//! The idea to take away: this is correct and easy to read, and it costs the *sum* of the
//! latencies, because the thread sits idle waiting for each answer before it even asks the
//! next service. Every concurrent version below keeps this exact signature.
use crate::fetch::fetch_blocking;
use crate::thing::Thing;

// ANCHOR: sequential
/// Fetch every URL, one after the other, and return the things in the order of `urls`.
///
/// Takes about the sum of the services' latencies.
pub fn get_all_the_things_sequential(urls: &[String]) -> Vec<Thing> {
    // TODO: make one `reqwest::blocking::Client::new()` for the whole batch, then call
    // `fetch_blocking(&client, url)` for each URL in turn and collect the things in order.
    // Book: book/src/02-concurrent-calls.md#exercise-1-the-naive-version
    todo!("fetch each URL with fetch_blocking, one after the other")
}
// ANCHOR_END: sequential
