// Two threads appending to one log, fourth attempt: an `Arc`, without a lock.
// This program does NOT compile (see the 00-basics chapter, "Sharing state").
use std::sync::Arc;
use std::thread;

fn main() {
    // ANCHOR: main
    let log = Arc::new(Vec::new());
    let mut workers = Vec::new();
    for _ in 0..2 {
        let log = Arc::clone(&log);
        let worker = thread::spawn(move || log.push("hi"));
        workers.push(worker);
    }
    // ANCHOR_END: main
    for worker in workers {
        worker.join().unwrap();
    }
}
