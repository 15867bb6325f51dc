//! Exercise 5 (select): wait on two channels at once, a data channel and a quit
//! channel, with `crossbeam_channel::select!` (threads) and `tokio::select!`
//! (tasks).
//!
//! KNOWN WRONG (ignores_closed_data): treats a closed data channel as "nothing
//! yet". Once every data sender is gone, that branch is ready at once, every
//! time, and the loop spins until someone sends on `quit`, which may never
//! happen.
//!
//! Why it works: `select` waits until one of several operations can go, runs
//! that branch, and forgets the others, exactly like Go's `select`; a loop
//! around it keeps listening. Dropping the quit sender is Go's `close(quit)`: a
//! receive on a closed channel is ready at once, in every `select` that waits
//! on it, so "quit" reaches everyone even though nobody sends a value. The same
//! goes for a closed data channel: it is ready at once, forever, so a branch
//! that treats "closed" as "nothing yet" spins.
//!
//! When several branches are ready at the same time, both macros pick one at
//! random (as Go does), so no branch can starve the others. In `tokio::select!`
//! each branch is a future; one that is not chosen is dropped, so a future you
//! need again next time round the loop (the `oneshot` receiver) is borrowed
//! with `&mut`, not moved in.

use crossbeam_channel::{Receiver, select};
use tokio::sync::{mpsc, oneshot};

// ANCHOR: threads
/// Collects numbers from `data` until `quit` receives a message or is closed
/// (its sender dropped), or until `data` is closed. Returns what it
/// collected, in order.
pub fn collect_until_quit(data: Receiver<u64>, quit: Receiver<()>) -> Vec<u64> {
    let mut collected = Vec::new();
    loop {
        select! {
            recv(data) -> message => {
                // The mistake: `Err` (data closed) is skipped instead of ending
                // the loop.
                if let Ok(n) = message {
                    collected.push(n);
                }
            }
            // A message or a closed channel: both mean "stop".
            recv(quit) -> _ => break,
        }
    }
    collected
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`collect_until_quit`], with a `oneshot` channel as the
/// quit signal: stop when it fires or its sender is dropped, or when `data`
/// is closed.
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
            // `&mut quit`: borrow the receiver, so the same one is polled again
            // on the next turn of the loop instead of being moved into the
            // first `select!`. `Ok` (a message) and `Err` (the sender dropped)
            // both mean "stop".
            _ = &mut quit => break,
        }
    }
    collected
}
// ANCHOR_END: tasks
