//! Tests for the `channels` exercise: `produce` / `collect_all` over a crossbeam channel
//! and their async twins over `tokio::sync::mpsc`.

use std::thread;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::timeout;

use super::support::{LIMIT, within};
use crate::channels::{collect_all, collect_all_async, produce, produce_async};

#[test]
fn one_producer_one_consumer_in_order() {
    let received = within(LIMIT, "produce + collect_all", || {
        // Capacity 0: every send waits until the consumer takes the value.
        let (tx, rx) = crossbeam_channel::bounded(0);
        let producer = thread::spawn(move || produce(10, 5, tx));
        let received = collect_all(rx);
        let _ = producer.join();
        received
    });
    assert_eq!(
        received,
        vec![10, 11, 12, 13, 14],
        "expected 5 numbers from 10, in order, and collect_all to return once the producer \
         is done (its `tx` dropped)"
    );
}

#[test]
fn the_channel_closes_when_the_last_of_many_producers_is_done() {
    let mut received = within(LIMIT, "three producers + collect_all", || {
        let (tx, rx) = crossbeam_channel::bounded(4);
        for first in [0, 100, 200] {
            let tx = tx.clone();
            thread::spawn(move || produce(first, 50, tx));
        }
        // Our own sender must go too, or the channel never closes.
        drop(tx);
        collect_all(rx)
    });
    received.sort_unstable();
    let expected: Vec<u64> = (0..50).chain(100..150).chain(200..250).collect();
    assert_eq!(
        received, expected,
        "expected every number of all three producers, and collect_all to stop when the \
         last sender is dropped"
    );
}

#[test]
fn a_producer_stops_when_nobody_listens() {
    within(LIMIT, "produce with no receiver", || {
        let (tx, rx) = crossbeam_channel::bounded(0);
        drop(rx);
        // With capacity 0 and no receiver, a producer that ignored `send`'s error would
        // panic on `unwrap`, and one that retried would spin forever.
        produce(0, 1_000_000, tx);
    });
}

#[tokio::test(start_paused = true)]
async fn async_producers_and_consumer() {
    let (tx, rx) = mpsc::channel(1);
    for first in [0, 100] {
        tokio::spawn(produce_async(first, 20, tx.clone()));
    }
    drop(tx);
    let mut received = timeout(LIMIT, collect_all_async(rx))
        .await
        .expect("collect_all_async never returned: loop on `recv()` until it gives `None`");
    received.sort_unstable();
    let expected: Vec<u64> = (0..20).chain(100..120).collect();
    assert_eq!(
        received, expected,
        "expected every number of both producers, and collect_all_async to stop when both \
         senders are dropped"
    );
}

#[tokio::test(start_paused = true)]
async fn an_async_producer_stops_when_nobody_listens() {
    let (tx, rx) = mpsc::channel(1);
    drop(rx);
    timeout(Duration::from_secs(1), produce_async(0, 1_000_000, tx))
        .await
        .expect("produce_async kept going with no receiver: stop when `send` returns Err");
}
