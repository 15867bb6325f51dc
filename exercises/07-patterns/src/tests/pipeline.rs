//! Exercise 3 (`pipeline`): bounded channels, backpressure, closing and
//! stopping. On paused time: a `sleep` in the test returns only once every
//! other task is waiting, so "how far did the producer get?" has one exact
//! answer, and a pipeline that never closes fails at once.
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use tokio::sync::mpsc;
use tokio::time::{sleep, timeout};

use super::support::*;
use crate::pipeline::pipeline;

const WHAT: &str = "the pipeline test";

/// What the test knows about the source: how many items the producer pulled,
/// how many the test has read, the most the producer was ever ahead, and
/// whether the producer has dropped the source (it stopped).
#[derive(Debug, Default)]
struct Probe {
    pulled: AtomicUsize,
    read: AtomicUsize,
    most_ahead: AtomicUsize,
    dropped: AtomicBool,
}

impl Probe {
    fn pulled(&self) -> usize {
        self.pulled.load(Ordering::SeqCst)
    }

    fn read_one(&self) {
        self.read.fetch_add(1, Ordering::SeqCst);
    }
}

/// The numbers `0..end`, counting each pull in the probe.
struct Source {
    next: u64,
    end: u64,
    probe: Arc<Probe>,
}

impl Iterator for Source {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        if self.next == self.end {
            return None;
        }
        let pulled = self.probe.pulled.fetch_add(1, Ordering::SeqCst) + 1;
        let ahead = pulled - self.probe.read.load(Ordering::SeqCst);
        self.probe.most_ahead.fetch_max(ahead, Ordering::SeqCst);
        self.next += 1;
        Some(self.next - 1)
    }
}

impl Drop for Source {
    fn drop(&mut self) {
        self.probe.dropped.store(true, Ordering::SeqCst);
    }
}

fn source(end: u64) -> (Source, Arc<Probe>) {
    let probe = Arc::new(Probe::default());
    let source = Source {
        next: 0,
        end,
        probe: Arc::clone(&probe),
    };
    (source, probe)
}

/// The most items a producer may pull ahead of its reader: both channels
/// full, plus the one item each of the two stages holds while it waits to
/// send it.
fn most_ahead(capacity: usize) -> usize {
    2 * capacity + 2
}

/// The next item, failing if the pipeline goes idle without sending one or
/// closing (on paused time, "idle" is seen at once).
async fn next(output: &mut mpsc::Receiver<u64>, after: usize) -> Option<u64> {
    timeout(FOREVER, output.recv()).await.unwrap_or_else(|_| {
        panic!(
            "expected the next item, or the end of the output, after {after} \
             items; the pipeline is idle and its output is still open. Likely \
             mistake: a Sender of the output channel is still alive somewhere \
             (a clone kept in a task that never ends?), or a stage waits for \
             something that never comes. A channel closes only when its last \
             Sender is dropped."
        )
    })
}

#[test]
fn every_item_arrives_once_and_in_order() {
    paused(WHAT, || async {
        let (numbers, probe) = source(100);
        let mut output = pipeline(numbers, |n| n * n, 3);
        let mut got = Vec::new();
        while let Some(item) = next(&mut output, got.len()).await {
            got.push(item);
        }
        let expected: Vec<u64> = (0..100).map(|n| n * n).collect();
        assert!(
            got == expected,
            "expected the squares of 0..100, each once and in order; got {} \
             items, starting {:?}. Likely mistake: items lost or doubled \
             between the stages, or more than one task per stage (the order \
             is then lost).",
            got.len(),
            &got[..got.len().min(12)]
        );
        assert!(
            probe.dropped.load(Ordering::SeqCst),
            "expected the producer to end (and drop its iterator) once the \
             source was exhausted"
        );
    });
}

#[test]
fn a_slow_reader_holds_the_producer_back() {
    paused(WHAT, || async {
        let capacity = 4;
        let bound = most_ahead(capacity);
        let (numbers, probe) = source(50);
        let mut output = pipeline(numbers, |n| n + 1000, capacity);

        // Read nothing for a while: every task runs until it waits.
        sleep(ms(1000)).await;
        let pulled = probe.pulled();
        assert!(
            pulled <= bound,
            "expected the producer to stop and wait once the channels were \
             full: with two channels of capacity {capacity} it can be at \
             most {bound} items ahead of its reader ({capacity} + \
             {capacity}, plus one in each stage's hands). The reader has \
             read nothing, and the producer has already pulled {pulled} \
             items. Likely mistake: an unbounded channel \
             (mpsc::unbounded_channel) between the stages never makes the \
             sender wait, so the producer runs ahead as far as memory lets \
             it."
        );

        // Now a slow reader: one item every 100 ms.
        let mut got = Vec::new();
        while let Some(item) = next(&mut output, got.len()).await {
            probe.read_one();
            got.push(item);
            sleep(ms(100)).await;
        }
        let most = probe.most_ahead.load(Ordering::SeqCst);
        assert!(
            most <= bound,
            "expected the producer never to be more than {bound} items ahead \
             of a slow reader; it was {most} ahead at one point. Likely \
             mistake: an unbounded channel between two stages."
        );
        let expected: Vec<u64> = (0..50).map(|n| n + 1000).collect();
        assert_eq!(got, expected, "expected every item once, in order");
    });
}

#[test]
fn dropping_the_reader_stops_the_producer() {
    paused(WHAT, || async {
        let capacity = 2;
        let (numbers, probe) = source(10_000);
        let mut output = pipeline(numbers, |n| n * 2, capacity);
        for read in 0..3 {
            next(&mut output, read)
                .await
                .expect("the first three items");
            probe.read_one();
        }
        drop(output);

        // Every task runs until it waits, or ends.
        sleep(ms(1000)).await;
        let pulled = probe.pulled();
        let limit = 3 + most_ahead(capacity) + 1;
        let stopped = probe.dropped.load(Ordering::SeqCst);
        assert!(
            stopped && pulled <= limit,
            "expected the producer to stop soon after the reader was dropped: \
             3 items read, so at most {limit} pulled of the 10,000 it could \
             have; it pulled {pulled} and {}. Likely mistake: a stage ignores \
             a failed send (its Err thrown away, and the loop goes on). send \
             returns Err once the receiver is \
             gone: that is the signal to stop, and returning drops the \
             stage's own receiver, which stops the stage before it. (An \
             unbounded channel lets the producer run far ahead before it \
             can notice.)",
            if stopped {
                "has ended"
            } else {
                "is still running"
            }
        );
    });
}
