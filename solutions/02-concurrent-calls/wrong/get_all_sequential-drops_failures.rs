//! Exercise 1 (get_all_sequential): GetAllTheThings, the naive way: one call
//! after the other.
//!
//! KNOWN WRONG (drops_failures): keeps only the calls that worked, as the Go
//! article does "for readability": a batch with two bad upstreams comes back
//! with one thing.
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
    let client = reqwest::blocking::Client::new();
    urls.iter()
        .map(|url| fetch_blocking(&client, url))
        .filter(Thing::is_ok)
        .collect()
}
// ANCHOR_END: sequential
