//! Exercise `channels`: producers and a consumer connected by a channel, with threads
//! (`crossbeam_channel`) and with tasks (`tokio::sync::mpsc`).
//!
//! The idea to take away: a channel closes when its *last sender is dropped*; that is
//! Go's `close(ch)`, done by ownership. A consumer loops until the channel is closed and
//! empty, and a producer stops when nobody is listening any more (`send` returns `Err`).

use crossbeam_channel::{Receiver, Sender};
use tokio::sync::mpsc;

// ANCHOR: threads
/// Sends `first, first + 1, …` (`count` numbers) into `tx`, then returns, which drops
/// `tx`. Stops early, without panicking, if the receiver is gone.
pub fn produce(first: u64, count: u64, tx: Sender<u64>) {
    // TODO: for each `n` in `first..first + count`, `tx.send(n)`; if it returns `Err`
    //       (every receiver is gone), return instead of panicking.
    // Book: book/src/00-basics.md#exercise-4-channels
    todo!()
}

/// Receives numbers until the channel is closed (every sender dropped) and empty; returns
/// them in the order they arrived.
pub fn collect_all(rx: Receiver<u64>) -> Vec<u64> {
    // TODO: receive until the channel is closed: `rx.iter()` blocks for each message and
    //       ends when every sender is gone (Go's `for n := range ch`). Collect into a Vec.
    // Book: book/src/00-basics.md#exercise-4-channels
    todo!()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`produce`]: sends `count` numbers from `first` into `tx`.
pub async fn produce_async(first: u64, count: u64, tx: mpsc::Sender<u64>) {
    // TODO: like `produce`, with `tx.send(n).await`; return when it gives `Err`.
    // Book: book/src/00-basics.md#exercise-4-channels
    todo!()
}

/// The async twin of [`collect_all`].
pub async fn collect_all_async(mut rx: mpsc::Receiver<u64>) -> Vec<u64> {
    // TODO: `while let Some(n) = rx.recv().await`, push `n`; `recv` gives `None` once
    //       every sender is dropped and the buffer is empty.
    // Book: book/src/00-basics.md#exercise-4-channels
    todo!()
}
// ANCHOR_END: tasks
