// Two tasks appending to one log behind a `Mutex`, borrowed from the caller.
// This program does NOT compile (see the 00-basics chapter, "Sharing state").
use std::sync::Mutex;

#[tokio::main]
async fn main() {
    // ANCHOR: main
    let log = Mutex::new(Vec::new());
    let mut workers = Vec::new();
    for _ in 0..2 {
        workers.push(tokio::spawn(async {
            log.lock().unwrap().push("hi");
        }));
    }
    // ANCHOR_END: main
    for worker in workers {
        worker.await.unwrap();
    }
}
