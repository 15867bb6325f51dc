// Two threads appending to one log, first attempt: borrow a local.
// This program does NOT compile (see the 00-basics chapter, "Sharing state").
use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: main
    let log = Mutex::new(Vec::new());
    let mut workers = Vec::new();
    for _ in 0..2 {
        let worker = thread::spawn(|| log.lock().unwrap().push("hi"));
        workers.push(worker);
    }
    // ANCHOR_END: main
    for worker in workers {
        worker.join().unwrap();
    }
}
