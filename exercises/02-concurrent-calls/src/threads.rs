//! Exercise 2: GetAllTheThings with one OS thread per call, fanning in over a channel.
//!
//! The idea to take away: the Go version (a goroutine per call, each sending into one
//! channel, the caller receiving `len(urls)` times) translates almost word for word, and
//! the signature does not change. `thread::scope` lets the threads borrow `urls` and the
//! client, because the scope promises they all end before the function returns.
use std::sync::mpsc;
use std::thread;

use crate::fetch::fetch_blocking;
use crate::thing::Thing;

// ANCHOR: threads
/// Fetch every URL at the same time, one thread per URL, and return the things in the
/// order they *finished* (not the order of `urls`).
///
/// Takes about the latency of the slowest service.
pub fn get_all_the_things_threads(urls: &[String]) -> Vec<Thing> {
    // TODO: make one blocking client and an `mpsc::channel()`. Inside `thread::scope`,
    // spawn one thread per URL that sends `fetch_blocking(&client, url)` into its own
    // clone of the sender. Then drop the original sender and collect what the receiver
    // yields: that is completion order.
    // Book: book/src/02-concurrent-calls.md#exercise-2-one-thread-per-call
    todo!("one scoped thread per URL, each sending its Thing into a channel")
}
// ANCHOR_END: threads
