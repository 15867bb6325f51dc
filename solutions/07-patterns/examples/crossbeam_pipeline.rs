//! A producer thread and a slow consumer joined by a bounded crossbeam channel:
//! `send` blocks while the channel is full (backpressure), and fails once the
//! consumer has dropped its receiver (the signal to stop).
//!
//! `cargo run -p sol07-patterns --example crossbeam_pipeline`
use std::thread;
use std::time::Duration;

use crossbeam_channel::bounded;

fn main() {
    // ANCHOR: pipeline_threads
    let (numbers, inbox) = bounded(2); // room for 2 numbers, no more
    let producer = thread::spawn(move || {
        for n in 0.. {
            // Blocks while the channel is full; Err once the receiver is gone.
            if numbers.send(n).is_err() {
                println!("  producer: nobody listens, stopping after {n}");
                return;
            }
            println!("  producer: sent {n}");
        }
    });
    for _ in 0..3 {
        thread::sleep(Duration::from_millis(100)); // a slow consumer
        println!("consumer: got {:?}", inbox.recv());
    }
    drop(inbox); // leave early: the producer's next send fails
    producer.join().expect("the producer does not panic");
    // ANCHOR_END: pipeline_threads
}
