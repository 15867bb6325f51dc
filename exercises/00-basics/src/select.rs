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
    // TODO: loop over `select! { recv(data) -> message => ..., recv(quit) -> _ => ... }`:
    //       `Ok(n)` from data is pushed, `Err(_)` (data closed) ends the loop; anything on
    //       quit, a message or `Err` (closed), ends the loop. Return what you collected.
    // Book: book/src/00-basics.md#exercise-5-select
    todo!()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`collect_until_quit`], with a `oneshot` channel as the quit signal:
/// stop when it fires or its sender is dropped, or when `data` is closed.
pub async fn collect_until_quit_async(
    mut data: mpsc::Receiver<u64>,
    mut quit: oneshot::Receiver<()>,
) -> Vec<u64> {
    // TODO: loop over `tokio::select! { message = data.recv() => ..., _ = &mut quit => ... }`:
    //       `Some(n)` is pushed, `None` ends the loop; quit (`Ok` or `Err`) ends the loop.
    //       Why `&mut quit`: the loop must poll the same receiver again next time round.
    // Book: book/src/00-basics.md#exercise-5-select
    todo!()
}
// ANCHOR_END: tasks
