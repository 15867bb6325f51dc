//! Bench `channels`: moving 100 000 numbers from producers to one consumer through a
//! bounded channel (capacity 1024): `std::sync::mpsc`, `crossbeam-channel`, and
//! `tokio::sync::mpsc`. First one producer, then four.
//!
//! What to look for: every one of them moves a message in tens to hundreds of
//! nanoseconds, so a channel is rarely the bottleneck of a program that does real work
//! per message. `std::sync::mpsc` has been built on crossbeam's code since Rust 1.67,
//! so the first two are close relatives; crossbeam adds `select!`, several consumers and
//! timeouts. tokio's channel wakes *tasks* instead of threads and is the one to use
//! between tasks (a blocking `recv` inside a task would stall its runtime thread).
//! With four producers, they contend for the one channel. Go twin:
//! `benches/go/channels` (a `chan` with a buffer of 1024, and an unbuffered one, which
//! no Rust row copies).
//!
//! How the figures are taken: the threads' rows spawn the producers with
//! `thread::scope` and consume on the bench's thread; the tokio rows run the consumer
//! in a task on the runtime (timed inside it, see `benches::timed_in`) and spawn one
//! task per producer: on the multi-thread runtime producer and consumer run on two
//! workers in parallel, like the threads and like Go's goroutines on two cores; on
//! the current-thread runtime they take turns on one thread (compare with Go's
//! `GOMAXPROCS=1` row), and a full or empty channel is a task switch, not a thread
//! wake-up. The tokio consumer takes everything waiting at once with `recv_many`: the
//! channel then hands the freed capacity back to the senders once per batch, where
//! `recv` does it once per message, under a lock (the "recv one by one" row: the same
//! channel, about twice the cost). Each figure includes starting the producers (a few
//! µs, next to milliseconds of messages).
//!
//! What they do not show: a message that carries more than a `u64` (moving a big value
//! costs a copy, the same on every channel), or a consumer that does work per message
//! (then the channel disappears from the profile).
//!
//! `cargo bench -p benches --bench channels -- --quick`

use std::sync::mpsc;
use std::thread;

use benches::{Bench, timed, timed_in};

const MESSAGES: u64 = 100_000;
const CAPACITY: usize = 1024;

fn main() {
    let multi_thread = tokio::runtime::Builder::new_multi_thread()
        .build()
        .expect("start a multi-thread tokio runtime");
    let current_thread = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("start a current-thread tokio runtime");
    let mut bench = Bench::from_args();
    for producers in [1, 4] {
        let title = format!(
            "channels: {MESSAGES} messages, {producers} producer{} -> 1 consumer, capacity {CAPACITY}",
            if producers == 1 { "" } else { "s" }
        );
        let mut group = bench.group(format!("channels/{producers}-producer").as_str(), &title);
        group.items(MESSAGES, "message");
        // The Go rows these are compared with (benches/go/channels).
        let chan = format!("chan, buffer {CAPACITY}");
        let chan_one_thread = format!("chan, buffer {CAPACITY}, GOMAXPROCS=1");
        group
            .vs_go(&chan)
            .run("std mpsc", |iters| timed(iters, || std_mpsc(producers)));
        group
            .vs_go(&chan)
            .run("crossbeam", |iters| timed(iters, || crossbeam(producers)));
        group.vs_go(&chan).run("tokio mpsc, multi-thread", |iters| {
            timed_in(&multi_thread, iters, move || tokio_mpsc(producers))
        });
        group
            .vs_go(&chan_one_thread)
            .run("tokio mpsc, current-thread", |iters| {
                timed_in(&current_thread, iters, move || tokio_mpsc(producers))
            });
        group
            .vs_go(&chan)
            .run("tokio mpsc, recv one by one", |iters| {
                timed_in(&multi_thread, iters, move || {
                    tokio_mpsc_one_by_one(producers)
                })
            });
        group.finish();
    }
    bench.finish();
}

/// The sum the consumer must see: 0 + 1 + ... + (MESSAGES - 1). Checked every time, so
/// a channel that lost a message would fail the bench instead of looking fast.
const EXPECTED_SUM: u64 = MESSAGES * (MESSAGES - 1) / 2;

/// The numbers producer `p` of `producers` sends: every `producers`-th one from `p`.
fn share(p: u64, producers: u64) -> impl Iterator<Item = u64> {
    (p..MESSAGES).step_by(producers as usize)
}

// ANCHOR: std_mpsc
fn std_mpsc(producers: u64) {
    let (sender, receiver) = mpsc::sync_channel(CAPACITY);
    thread::scope(|scope| {
        for p in 0..producers {
            let sender = sender.clone();
            scope.spawn(move || {
                for n in share(p, producers) {
                    sender.send(n).expect("the consumer outlives the producers");
                }
            });
        }
        // Only the producers' clones remain: the loop below ends when they are done.
        drop(sender);
        let sum: u64 = receiver.iter().sum();
        assert_eq!(sum, EXPECTED_SUM, "std mpsc lost or duplicated messages");
    });
}
// ANCHOR_END: std_mpsc

// ANCHOR: crossbeam
fn crossbeam(producers: u64) {
    let (sender, receiver) = crossbeam_channel::bounded(CAPACITY);
    thread::scope(|scope| {
        for p in 0..producers {
            let sender = sender.clone();
            scope.spawn(move || {
                for n in share(p, producers) {
                    sender.send(n).expect("the consumer outlives the producers");
                }
            });
        }
        drop(sender);
        let sum: u64 = receiver.iter().sum();
        assert_eq!(sum, EXPECTED_SUM, "crossbeam lost or duplicated messages");
    });
}
// ANCHOR_END: crossbeam

// ANCHOR: tokio_mpsc
async fn tokio_mpsc(producers: u64) {
    let (sender, mut receiver) = tokio::sync::mpsc::channel(CAPACITY);
    for p in 0..producers {
        let sender = sender.clone();
        tokio::spawn(async move {
            for n in share(p, producers) {
                sender
                    .send(n)
                    .await
                    .expect("the consumer outlives the producers");
            }
        });
    }
    drop(sender);
    // Everything waiting, up to a buffer's worth, per call: the channel hands back the
    // freed capacity once per batch instead of once per message.
    let mut batch = Vec::with_capacity(CAPACITY);
    let mut sum = 0;
    while receiver.recv_many(&mut batch, CAPACITY).await > 0 {
        sum += batch.drain(..).sum::<u64>();
    }
    assert_eq!(sum, EXPECTED_SUM, "tokio mpsc lost or duplicated messages");
}
// ANCHOR_END: tokio_mpsc

/// [`tokio_mpsc`] with the consumer taking one message per `recv`.
async fn tokio_mpsc_one_by_one(producers: u64) {
    let (sender, mut receiver) = tokio::sync::mpsc::channel(CAPACITY);
    for p in 0..producers {
        let sender = sender.clone();
        tokio::spawn(async move {
            for n in share(p, producers) {
                sender
                    .send(n)
                    .await
                    .expect("the consumer outlives the producers");
            }
        });
    }
    drop(sender);
    let mut sum = 0;
    while let Some(n) = receiver.recv().await {
        sum += n;
    }
    assert_eq!(sum, EXPECTED_SUM, "tokio mpsc lost or duplicated messages");
}
