//! When a channel's receiver stops waiting: only once every sender is gone, the
//! first one included. No threads needed to see it.
//!
//! `cargo run -p sol02-concurrent-calls --example channel_ends`

use std::sync::mpsc;
use std::time::Duration;

fn main() {
    // ANCHOR: ends
    let (sender, receiver) = mpsc::channel();
    let second = sender.clone();
    sender.send("sent first").unwrap();
    second.send("sent second").unwrap();
    drop(second);

    // The values come out in the order they were sent.
    let got: Vec<&str> = receiver.try_iter().collect();
    println!("{got:?}");

    // `second` is gone but `sender` is not: the channel is still open, so
    // waiting for the next value would wait forever (`recv_timeout` gives up;
    // `iter()` would not).
    println!("{:?}", receiver.recv_timeout(Duration::from_millis(50)));

    drop(sender);
    // Every sender is gone: `recv` fails at once and `iter()` ends.
    println!("{:?}", receiver.recv());
    // ANCHOR_END: ends
}
