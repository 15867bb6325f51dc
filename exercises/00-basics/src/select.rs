//! Exercise 5 (select): wait on two channels at once, a data channel and a quit
//! channel, with `crossbeam_channel::select!` (threads) and `tokio::select!`
//! (tasks).
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
    // TODO: Collect numbers from `data` until `quit` gets a message or is
    //       closed, or `data` is closed, whichever comes first; return them
    //       in the order they came.
    // Book: book/src/00-basics.md#exercise-5-select
    todo!()
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
    // TODO: The same with tasks: collect from `data` until `quit` fires or
    //       its sender is dropped, or `data` is closed; return them in order.
    // Book: book/src/00-basics.md#exercise-5-select
    todo!()
}
// ANCHOR_END: tasks
