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
    // The blocking client is cheap to share: threads borrow it, no clone per call.
    let client = reqwest::blocking::Client::new();
    let (sender, receiver) = mpsc::channel();

    thread::scope(|scope| {
        for url in urls {
            // Each thread gets its own handle to the channel, like each goroutine
            // capturing `ch`.
            let sender = sender.clone();
            let client = &client;
            scope.spawn(move || {
                // The receiver outlives the scope, so this send cannot fail; there is
                // nothing useful to do if it somehow did.
                let _ = sender.send(fetch_blocking(client, url));
            });
        }
    });
    // Drop our own sender, so the receiver knows no more things are coming once every
    // thread's sender is gone too: `iter()` below then ends instead of waiting forever.
    drop(sender);

    // Arrival order = completion order. The scope already waited for every thread, but
    // the channel kept the order in which they sent.
    receiver.iter().collect()
}
// ANCHOR_END: threads
