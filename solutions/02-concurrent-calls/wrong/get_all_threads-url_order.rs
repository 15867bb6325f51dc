//! Exercise 2 (get_all_threads): GetAllTheThings with one OS thread per call,
//! fanning in over a channel.
//!
//! KNOWN WRONG (url_order): returns each thread's Thing through its join
//! handle, joined in the order the threads were spawned: concurrent, but in URL
//! order, not completion order.
//!
//! The idea to take away: the Go version (a goroutine per call, each sending
//! into one channel, the caller receiving as they come) translates almost word
//! for word, and the signature does not change. Why it works the way it does:
//!
//! - `thread::scope` lets the threads *borrow* the URLs and one blocking
//!   client, because the scope promises that every thread it started has ended
//!   before it returns. No clones, no `Arc`: a `reqwest::blocking::Client` is
//!   `Sync`, meant to be shared.
//! - A channel's receiver knows no more values are coming only when *every*
//!   sender is gone. Each thread's clone goes when the thread ends; the sender
//!   you made first lives in your function until you drop it. Iterating the
//!   receiver before that waits forever.
//! - The channel keeps the order in which the threads *sent*: completion order.
//!   That order survives even when you read the channel after the scope has
//!   already waited for every thread.

use std::thread;

use crate::fetch::fetch_blocking;
use crate::thing::Thing;

// ANCHOR: threads
/// Fetch every URL at the same time, one thread per URL, and return the things
/// in the order they *finished* (not the order of `urls`).
///
/// Takes about the latency of the slowest service.
pub fn get_all_the_things_threads(urls: &[String]) -> Vec<Thing> {
    let client = reqwest::blocking::Client::new();
    thread::scope(|scope| {
        let client = &client;
        let handles: Vec<_> = urls
            .iter()
            .map(|url| scope.spawn(move || fetch_blocking(client, url)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("fetch_blocking never panics"))
            .collect()
    })
}
// ANCHOR_END: threads
