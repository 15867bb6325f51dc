//! Cancel safety: what a `select!` loop loses when it drops the branch that lost, and
//! how one future can be kept alive across the turns of a loop instead.
//!
//! Run it: `cargo run -p sol04-timeouts --example cancel_safety` (paused tokio time: the
//! same output every time, instantly).
//!
//! The idea: every turn of a `select!` loop creates the futures of its branches anew and
//! drops the ones that did not win. That is harmless for a *cancel-safe* future, one
//! that has done nothing irreversible before it completes (`mpsc::Receiver::recv`,
//! `Interval::tick`). It loses data for one that has: below, `recv_then_process` takes a
//! message off the channel and then awaits again; dropped in between, the message is
//! gone. And a timer of a *duration* made anew on every turn starts over every turn.
//! The cure for both: create the future once, pin it, and let the loop poll it through
//! a `&mut`.

use std::pin::pin;
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
            // Poll top to bottom, so the demo prints the same every run.
            biased;
            // Every turn makes a new `recv_then_process`, and every
            // heartbeat drops it, maybe halfway through a message.
            message = recv_then_process(&mut rx) => match message {
                Some(message) => got.push(message),
                None => return got,
            },
            _ = heartbeat.tick() => {}
        }
    }
}
// ANCHOR_END: not_cancel_safe

// ANCHOR: pinned
/// Receives until one deadline, 120 ms from now, however busy the channel.
async fn until_deadline(mut rx: mpsc::Receiver<u32>) -> Vec<u32> {
    let mut got = Vec::new();
    // Created once, pinned in place; the loop polls it through `&mut`.
    let mut deadline = pin!(sleep(Duration::from_millis(120)));
    loop {
        tokio::select! {
            message = rx.recv() => match message {
                Some(message) => got.push(message),
                None => return got,
            },
            () = &mut deadline => return got,
        }
    }
}
// ANCHOR_END: pinned

/// The same loop with the timer written inside the `select!`: a new 120 ms on every
/// turn, so a message every 50 ms holds it off until the channel closes.
async fn deadline_that_moves(mut rx: mpsc::Receiver<u32>) -> Vec<u32> {
    let mut got = Vec::new();
    loop {
        tokio::select! {
            message = rx.recv() => match message {
                Some(message) => got.push(message),
                None => return got,
            },
            () = sleep(Duration::from_millis(120)) => return got,
        }
    }
}

/// A channel holding the messages 1..=5, its sender already gone.
fn five_messages() -> mpsc::Receiver<u32> {
    let (tx, rx) = mpsc::channel(5);
    for message in 1..=5 {
        // Room for all five: `try_send` cannot fail here.
        let _ = tx.try_send(message);
    }
    rx
}

/// A channel that gets the messages 1..=5 one every 50 ms, from 0 ms on.
fn one_every_50_ms() -> mpsc::Receiver<u32> {
    let (tx, rx) = mpsc::channel(1);
    tokio::spawn(async move {
        for message in 1..=5 {
            if tx.send(message).await.is_err() {
                return;
            }
            sleep(Duration::from_millis(50)).await;
        }
    });
    rx
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    println!("sent                     [1, 2, 3, 4, 5]");
    println!(
        "lossy select! loop got   {:?}",
        lossy(five_messages()).await
    );
    let pinned = until_deadline(one_every_50_ms()).await;
    println!("pinned 120 ms deadline   {pinned:?}");
    let moving = deadline_that_moves(one_every_50_ms()).await;
    println!("sleep made anew per turn {moving:?}");
}
