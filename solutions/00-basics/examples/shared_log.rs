//! Sharing mutable state between threads and between tasks: `Arc<Mutex<T>>`,
//! and its scoped cousin, a borrowed `Mutex<T>`. Chapter 00, "Sharing state".
//! Run: `cargo run -p sol00-basics --example shared_log`.

use std::sync::{Arc, Mutex};
use std::thread;

fn with_threads() {
    // ANCHOR: threads
    // One log, one lock, several owners.
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut workers = Vec::new();
    for id in 0..2 {
        // A new handle to the same log (the count goes up; the Vec is
        // not copied), moved into the thread, which owns it from now on.
        let log = Arc::clone(&log);
        workers.push(thread::spawn(move || {
            // The guard is the only way in; the lock is released when it
            // is dropped, here at the end of the statement.
            log.lock().unwrap().push(format!("thread {id}"));
        }));
    }
    for worker in workers {
        worker.join().unwrap();
    }
    println!("{:?}", log.lock().unwrap());
    // ANCHOR_END: threads
}

fn with_a_scope() {
    // ANCHOR: scope
    // Scoped threads may borrow: no `Arc` needed, the `Mutex` is enough.
    let log = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for id in 0..2 {
            // `move` takes `id`, and a copy of this reference to the log.
            let log = &log;
            scope.spawn(move || {
                log.lock().unwrap().push(format!("scoped {id}"));
            });
        }
    });
    // Every thread is joined: the log is ours alone again.
    println!("{:?}", log.into_inner().unwrap());
    // ANCHOR_END: scope
}

#[tokio::main]
async fn main() {
    with_threads();
    with_a_scope();
    // ANCHOR: tasks
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for id in 0..2 {
        let log = Arc::clone(&log);
        tasks.push(tokio::spawn(async move {
            tokio::task::yield_now().await; // an .await before...
            log.lock().unwrap().push(format!("task {id}"));
            // ...and none while the guard is alive: it is gone at the `;`.
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    println!("{:?}", log.lock().unwrap());
    // ANCHOR_END: tasks
}
