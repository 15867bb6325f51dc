//! Exercise 3 (pipeline): two stages joined by bounded channels, where a slow
//! consumer holds the producer back.
//!
//! KNOWN WRONG (unbounded): joins the stages with unbounded channels, so `send`
//! never waits: the producer runs as far ahead of a slow reader as memory allows.
//!
//! A pipeline is stages that run at the same time, each reading the one before
//! it from a channel: here a *producer* that pulls items from an iterator, and a
//! *stage* that transforms them. The caller reads the results from the last
//! channel. Go builds it with goroutines and channels (the Go blog's
//! "Pipelines and cancellation"); here it is tokio tasks and
//! `tokio::sync::mpsc`.
//!
//! Why it works:
//!
//! - **Backpressure.** A bounded channel holds at most its capacity; `send`
//!   waits while it is full. So a stage can never run more than the channels'
//!   capacities ahead of a slow reader: memory stays bounded whatever the
//!   speeds. An unbounded channel never makes anyone wait.
//! - **Closing.** There is no `close`: a channel closes when its last `Sender`
//!   is dropped, and `recv` then returns `None`. A stage whose input ends
//!   returns, which drops its own `Sender`, which closes the next channel, and
//!   so on down the line.
//! - **Stopping.** The other way round, `send` returns `Err` once the receiver
//!   is gone. That is the signal to stop: a stage that returns drops its
//!   receiver, and the stage before it learns the same way. Ignore the error
//!   and the producer goes on pulling items for nobody.
//!
//! The stages are spawned tasks, so they must own what they use (`'static`):
//! the iterator, the function, their ends of the channels.

use tokio::sync::mpsc;

// ANCHOR: pipeline
/// Start the pipeline `source → stage → returned receiver`, each stage a tokio
/// task, the two channels bounded to `capacity` items (at least 1). Must be
/// called from inside a tokio runtime.
///
/// The receiver yields `stage(item)` for every item of `source`, in order, and
/// then `None`. Dropping it stops the pipeline.
pub fn pipeline<T, U, I, F>(
    source: I,
    stage: F,
    capacity: usize,
) -> mpsc::Receiver<U>
where
    I: Iterator<Item = T> + Send + 'static,
    F: FnMut(T) -> U + Send + 'static,
    T: Send + 'static,
    U: Send + 'static,
{
    // Wrong: unbounded channels never make a sender wait.
    let (items, mut inbox) = mpsc::unbounded_channel();
    let (results, mut unbounded_output) = mpsc::unbounded_channel();
    // The signature wants a bounded receiver at the end: forward into one.
    let (forward, output) = mpsc::channel(capacity);
    tokio::spawn(async move {
        while let Some(item) = unbounded_output.recv().await {
            if forward.send(item).await.is_err() {
                return;
            }
        }
    });
    // The producer pulls the next item only once the channel has room for
    // the last one: `send` waits while the channel is full.
    tokio::spawn(async move {
        for item in source {
            if items.send(item).is_err() {
                return; // the stage is gone: nobody wants the rest
            }
        }
        // Returning drops `items`: the stage's `recv` then gives `None`.
    });
    tokio::spawn(async move {
        let mut stage = stage;
        while let Some(item) = inbox.recv().await {
            if results.send(stage(item)).is_err() {
                return; // the reader is gone; dropping `inbox` tells the producer
            }
        }
        // The source ended: dropping `results` closes the output.
    });
    output
}
// ANCHOR_END: pipeline
