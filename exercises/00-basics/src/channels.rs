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
    // TODO: Send the `count` numbers from `first` on, in order; once every
    //       receiver is gone, stop and return without panicking.
    // Book: book/src/00-basics.md#exercise-4-channels
    todo!()
}

/// Receives numbers until the channel is closed (every sender dropped) and
/// empty; returns them in the order they arrived.
pub fn collect_all(rx: Receiver<u64>) -> Vec<u64> {
    // TODO: Receive until the channel is closed and empty, and return the
    //       numbers in the order they arrived.
    // Book: book/src/00-basics.md#exercise-4-channels
    todo!()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`produce`]: sends `count` numbers from `first` into
/// `tx`, waiting while the channel is full; stops if the receiver is gone.
pub async fn produce_async(first: u64, count: u64, tx: mpsc::Sender<u64>) {
    // TODO: The same as `produce`, without blocking the thread while the
    //       channel is full; stop quietly once the receiver is gone.
    // Book: book/src/00-basics.md#exercise-4-channels
    todo!()
}

/// The async twin of [`collect_all`].
pub async fn collect_all_async(mut rx: mpsc::Receiver<u64>) -> Vec<u64> {
    // TODO: Receive until every sender is dropped and the buffer is empty,
    //       and return the numbers in the order they arrived.
    // Book: book/src/00-basics.md#exercise-4-channels
    todo!()
}
// ANCHOR_END: tasks
