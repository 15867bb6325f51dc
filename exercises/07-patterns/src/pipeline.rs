//! Exercise 3 (pipeline): two stages joined by bounded channels, where a slow
//! consumer holds the producer back.
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
    // TODO: Run the producer and the stage as two tasks joined by bounded
    //       channels, so that a slow reader holds the producer back; close the
    //       output when the source ends, and stop both when the reader leaves.
    // Book: book/src/07-patterns.md#exercise-3-a-pipeline-with-backpressure
    todo!()
}
// ANCHOR_END: pipeline
