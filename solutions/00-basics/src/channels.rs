//! Exercise 4 (channels): producers and a consumer connected by a channel, with
//! threads (`crossbeam_channel`) and with tasks (`tokio::sync::mpsc`).
//!
//! Why it works: a channel closes when its *last sender is dropped*; that is
//! Go's `close(ch)`, done by ownership. A producer that returns drops the
//! sender it owns, so a consumer can simply receive until the channel says it
//! is closed and empty (Go's `for n := range ch`). One sender kept alive
//! anywhere, even one nobody will ever send on, keeps the channel open, and the
//! consumer waits for it forever.
//!
//! It works the other way round too: once every receiver is gone, `send`
//! returns `Err` (it hands the value back) instead of blocking forever. Nobody
//! will read what comes next, so a producer stops there; Go has no such signal,
//! and a goroutine that sends on a channel nobody reads any more blocks forever
//! (a goroutine leak).

use crossbeam_channel::{Receiver, Sender};
use tokio::sync::mpsc;

// ANCHOR: threads
/// Sends `first, first + 1, …` (`count` numbers) into `tx`, then returns,
/// which drops `tx`. Stops early, without panicking, if the receiver is gone.
pub fn produce(first: u64, count: u64, tx: Sender<u64>) {
    for n in first..first + count {
        // `send` fails only when every receiver has been dropped: nobody would
        // read the rest, so stop.
        if tx.send(n).is_err() {
            return;
        }
    }
}

/// Receives numbers until the channel is closed (every sender dropped) and
/// empty; returns them in the order they arrived.
pub fn collect_all(rx: Receiver<u64>) -> Vec<u64> {
    // `iter()` blocks for the next message and ends when the channel is closed
    // and empty: Go's `for n := range ch`.
    rx.iter().collect()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`produce`]: sends `count` numbers from `first` into
/// `tx`, waiting while the channel is full; stops if the receiver is gone.
pub async fn produce_async(first: u64, count: u64, tx: mpsc::Sender<u64>) {
    for n in first..first + count {
        // A bounded tokio channel makes `send` wait (asynchronously) while it
        // is full.
        if tx.send(n).await.is_err() {
            return;
        }
    }
}

/// The async twin of [`collect_all`].
pub async fn collect_all_async(mut rx: mpsc::Receiver<u64>) -> Vec<u64> {
    let mut received = Vec::new();
    // `recv` returns `None` once every sender is dropped and the buffer is
    // empty.
    while let Some(n) = rx.recv().await {
        received.push(n);
    }
    received
}
// ANCHOR_END: tasks
