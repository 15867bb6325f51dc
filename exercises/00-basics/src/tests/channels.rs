//! Tests for the `channels` exercise: `produce` / `collect_all` over a
//! crossbeam channel and their async twins over `tokio::sync::mpsc`.
//!
//! A consumer that never stops is the classic failure here, and it must fail
//! fast: every test runs under a real-time deadline (`support::LIMIT`), async
//! ones included (a loop on a closed tokio channel never waits, so paused time
//! alone would never time out).

use std::panic::{self, AssertUnwindSafe};
use std::thread;

use tokio::sync::mpsc;

use super::support::{advice, panic_message, paused, reraise_todo, within};
use crate::channels::{collect_all, collect_all_async, produce, produce_async};

const CONSUMER_STUCK: &str = "a consumer that does not stop when the channel is closed: \
    receiving `Err` (crossbeam) or `None` (tokio) means closed and empty, so return there; \
    treating it as \"nothing yet\" loops forever";

const PRODUCER_STUCK: &str = "a producer that keeps going after `send` failed: `Err` means \
    every receiver is gone and nobody will ever read the rest, so return";

const UNWRAPPED: &str = "`unwrap()` (or `expect`) on `send`: it fails once the receiver \
    is gone, and that is a normal way for a producer's work to end; return instead";

#[test]
fn one_producer_one_consumer_in_order() {
    let received = within("produce + collect_all", CONSUMER_STUCK, || {
        // Capacity 0: every send waits until the consumer takes the value.
        let (tx, rx) = crossbeam_channel::bounded(0);
        let producer = thread::spawn(move || produce(10, 5, tx));
        let received = collect_all(rx);
        if let Err(panic) = producer.join() {
            panic::resume_unwind(panic);
        }
        received
    });
    assert!(
        received == vec![10, 11, 12, 13, 14],
        "{}",
        advice(
            "the 5 numbers from 10, in order: [10, 11, 12, 13, 14]",
            format!("{received:?}"),
            "a range that is off by one (`first..first + count` has `count` numbers)"
        )
    );
}

#[test]
fn the_channel_closes_when_the_last_of_many_producers_is_done() {
    let mut received =
        within("three producers + collect_all", CONSUMER_STUCK, || {
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
    assert!(
        received == expected,
        "{}",
        advice(
            "all 150 numbers of the three producers",
            format!("{} numbers: {received:?}", received.len()),
            "returning before the channel is closed, e.g. at the first moment it is empty \
             (`try_recv`); wait until every sender is gone"
        )
    );
}

#[test]
fn a_producer_stops_when_nobody_listens() {
    let outcome = within("produce with no receiver", PRODUCER_STUCK, || {
        let (tx, rx) = crossbeam_channel::bounded(0);
        drop(rx);
        // Far more numbers than anyone could send in the time limit: only
        // stopping at the first failed `send` finishes in time.
        panic::catch_unwind(AssertUnwindSafe(|| produce(0, u64::MAX, tx)))
    });
    if let Err(payload) = outcome {
        let message = panic_message(reraise_todo(payload).as_ref());
        panic!(
            "{}",
            advice(
                "produce to return quietly when nobody listens",
                format!("it panicked: {message}"),
                UNWRAPPED
            )
        );
    }
}

#[test]
fn async_producers_and_consumer() {
    let mut received = paused(
        "produce_async + collect_all_async",
        CONSUMER_STUCK,
        || async {
            let (tx, rx) = mpsc::channel(1);
            for first in [0, 100] {
                tokio::spawn(produce_async(first, 20, tx.clone()));
            }
            drop(tx);
            collect_all_async(rx).await
        },
    );
    received.sort_unstable();
    let expected: Vec<u64> = (0..20).chain(100..120).collect();
    assert!(
        received == expected,
        "{}",
        advice(
            "all 40 numbers of both producers",
            format!("{} numbers: {received:?}", received.len()),
            "returning before every sender is dropped, e.g. when the buffer is empty for a \
             moment (`try_recv`); loop on `recv` until it gives `None`"
        )
    );
}

#[test]
fn an_async_producer_stops_when_nobody_listens() {
    let outcome =
        paused("produce_async with no receiver", PRODUCER_STUCK, || async {
            let (tx, rx) = mpsc::channel(1);
            drop(rx);
            // Spawned, so that a panic comes back as a `JoinError` we can read.
            tokio::spawn(produce_async(0, u64::MAX, tx)).await
        });
    if let Err(error) = outcome {
        let payload = reraise_todo(error.into_panic());
        panic!(
            "{}",
            advice(
                "produce_async to return quietly when nobody listens",
                format!("it panicked: {}", panic_message(payload.as_ref())),
                UNWRAPPED
            )
        );
    }
}
