//! Cancellation safety: what a `select!` loses when it drops the branch that lost.
//!
//! Run it: `cargo run -p sol04-timeouts --example cancel_safety` (paused tokio time: the
//! same output every time, instantly).
//!
//! The idea: every turn of a `select!` loop drops the futures of the branches that did
//! not win. That is harmless for a *cancel-safe* future, one that has done nothing
//! irreversible before it completes (`mpsc::Receiver::recv`, `JoinSet::join_next`,
//! `sleep`). It loses data for one that has: below, `recv_then_process` takes a message
//! off the channel and then awaits again; dropped in between, the message is gone.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{interval, sleep};

// ANCHOR: not_cancel_safe
/// NOT cancel-safe: the message leaves the channel at the first `.await`; if the future
/// is dropped during the second one, nobody ever sees that message.
async fn recv_then_process(rx: &mut mpsc::Receiver<u32>) -> Option<u32> {
    let message = rx.recv().await?;
    sleep(Duration::from_millis(30)).await; // "processing"
    Some(message)
}

async fn lossy(mut rx: mpsc::Receiver<u32>) -> Vec<u32> {
    let mut got = Vec::new();
    let mut heartbeat = interval(Duration::from_millis(50));
    loop {
        tokio::select! {
            // `biased`: poll the branches top to bottom (not in random order), so this
            // demo prints the same thing every run.
            biased;
            message = recv_then_process(&mut rx) => match message {
                Some(message) => got.push(message),
                None => return got,
            },
            // Every heartbeat drops the `recv_then_process` future above, maybe
            // halfway through "processing" a message it already took.
            _ = heartbeat.tick() => {}
        }
    }
}
// ANCHOR_END: not_cancel_safe

// ANCHOR: cancel_safe
/// Cancel-safe: `select!` only on `rx.recv()`, which takes a message only when it
/// completes; the slow part runs in the branch body, which is never dropped halfway.
async fn safe(mut rx: mpsc::Receiver<u32>) -> Vec<u32> {
    let mut got = Vec::new();
    let mut heartbeat = interval(Duration::from_millis(50));
    loop {
        tokio::select! {
            biased;
            message = rx.recv() => match message {
                Some(message) => {
                    sleep(Duration::from_millis(30)).await; // "processing"
                    got.push(message);
                }
                None => return got,
            },
            _ = heartbeat.tick() => {}
        }
    }
}
// ANCHOR_END: cancel_safe

/// A channel holding the messages 1..=5, its sender already gone.
fn five_messages() -> mpsc::Receiver<u32> {
    let (tx, rx) = mpsc::channel(5);
    for message in 1..=5 {
        // Room for all five: `try_send` cannot fail here.
        let _ = tx.try_send(message);
    }
    rx
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    println!("sent       [1, 2, 3, 4, 5]");
    println!("lossy got  {:?}", lossy(five_messages()).await);
    println!("safe got   {:?}", safe(five_messages()).await);
}
