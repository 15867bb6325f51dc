//! Exercise `select`: wait on two channels at once, a data channel and a quit channel,
//! with `crossbeam_channel::select!` (threads) and `tokio::select!` (tasks).
//!
//! The idea to take away: `select` waits for whichever operation can go first, exactly
//! like Go's `select`. Dropping the quit sender is Go's `close(quit)`: every receiver
//! sees it at once, so "quit" works even when nobody sends a value.

use crossbeam_channel::{Receiver, select};
use tokio::sync::{mpsc, oneshot};

// ANCHOR: threads
/// Collects numbers from `data` until `quit` receives a message or is closed (its sender
/// dropped), or until `data` is closed. Returns what it collected, in order.
pub fn collect_until_quit(data: Receiver<u64>, quit: Receiver<()>) -> Vec<u64> {
    let mut collected = Vec::new();
    loop {
        select! {
            recv(data) -> message => match message {
                Ok(n) => collected.push(n),
                // Every data sender is gone: nothing more will come.
                Err(_) => break,
            },
            // A message or a closed channel: both mean "stop".
            recv(quit) -> _ => break,
        }
    }
    collected
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`collect_until_quit`], with a `oneshot` channel as the quit signal:
/// stop when it fires or its sender is dropped, or when `data` is closed.
pub async fn collect_until_quit_async(
    mut data: mpsc::Receiver<u64>,
    mut quit: oneshot::Receiver<()>,
) -> Vec<u64> {
    let mut collected = Vec::new();
    loop {
        tokio::select! {
            message = data.recv() => match message {
                Some(n) => collected.push(n),
                None => break,
            },
            // `&mut quit`: borrow the receiver, so the same one is polled again on the
            // next turn of the loop instead of being moved into the first `select!`.
            _ = &mut quit => break,
        }
    }
    collected
}
// ANCHOR_END: tasks
