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
//! `benches/go/channels` (a `chan`).
//!
//! `cargo bench -p benches --bench channels -- --quick`

use std::sync::mpsc;
use std::thread;
use std::time::Instant;

use benches::{Bench, timed};

const MESSAGES: u64 = 100_000;
const CAPACITY: usize = 1024;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("start a tokio runtime");
    let mut bench = Bench::from_args();
    for producers in [1, 4] {
        let title = format!(
            "channels: {MESSAGES} messages, {producers} producer{} -> 1 consumer, capacity {CAPACITY}",
            if producers == 1 { "" } else { "s" }
        );
        let mut group = bench.group(format!("channels/{producers}-producer").as_str(), &title);
        group.items(MESSAGES, "message");
        group.run("std mpsc", |iters| timed(iters, || std_mpsc(producers)));
        group.run("crossbeam", |iters| timed(iters, || crossbeam(producers)));
        group.run("tokio mpsc", |iters| {
            runtime.block_on(async {
                let started = Instant::now();
                for _ in 0..iters {
                    tokio_mpsc(producers).await;
                }
                started.elapsed()
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
    let mut sum = 0;
    while let Some(n) = receiver.recv().await {
        sum += n;
    }
    assert_eq!(sum, EXPECTED_SUM, "tokio mpsc lost or duplicated messages");
}
// ANCHOR_END: tokio_mpsc
