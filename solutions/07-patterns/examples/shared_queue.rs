//! One crossbeam channel, three threads receiving from it: each message goes to
//! exactly one of them, whichever is free. That is a work queue.
//!
//! `cargo run -p sol07-patterns --example shared_queue`
use std::thread;
use std::time::Duration;

use crossbeam_channel::unbounded;

fn main() {
    // ANCHOR: shared_queue
    let (queue, jobs) = unbounded();
    for word in ["tokio", "rayon", "crossbeam", "serde", "axum", "loom"] {
        queue.send(word).expect("the receiver is alive");
    }
    drop(queue); // closed: each `iter` below ends once the queue is empty

    thread::scope(|scope| {
        for id in 0..3 {
            let jobs = jobs.clone(); // another handle on the same queue
            scope.spawn(move || {
                for word in jobs.iter() {
                    thread::sleep(Duration::from_millis(
                        10 * word.len() as u64,
                    ));
                    println!("thread {id} took {word}");
                }
            });
        }
    });
    // ANCHOR_END: shared_queue
}
