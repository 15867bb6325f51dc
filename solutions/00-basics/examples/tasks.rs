//! The async building blocks of chapter 00, one small program: spawn and await,
//! the first of several tasks to finish, a `select!` between a channel and a
//! timer, and a `Notify` that says "ready" without losing the wake-up. Run:
//! `cargo run -p sol00-basics --example tasks`.
//!
//! These teach the pieces the exercises need; none of them is an exercise's
//! answer.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::{Notify, mpsc};
use tokio::task::JoinSet;
use tokio::time::sleep;

async fn spawn_and_await() {
    // ANCHOR: spawn
    // The task starts now, on the runtime, beside this one.
    let handle = tokio::spawn(async {
        sleep(Duration::from_millis(20)).await;
        "done"
    });
    // Awaiting the handle waits for that task: `Ok` with its value, or a
    // `JoinError` if it panicked (or was aborted).
    let answer = handle.await.expect("the task panicked");
    println!("the task says: {answer}");
    // ANCHOR_END: spawn
}

async fn first_to_finish() {
    // ANCHOR: join_set
    let mut set = JoinSet::new();
    for (name, ms) in [("slow", 30), ("fast", 10)] {
        set.spawn(async move {
            sleep(Duration::from_millis(ms)).await;
            name
        });
    }
    // `join_next` returns whichever task finishes next, not the first one
    // spawned; `None` once the set is empty.
    if let Some(first) = set.join_next().await {
        println!("first to finish: {}", first.expect("it panicked"));
    }
    // Dropping the set aborts the tasks still in it ("slow" never ends).
    drop(set);
    // ANCHOR_END: join_set
}

async fn select_a_message_or_a_timeout() {
    // ANCHOR: select
    let (tx, mut rx) = mpsc::channel::<&str>(1);
    tokio::spawn(async move {
        sleep(Duration::from_millis(50)).await;
        let _ = tx.send("too late").await;
    });
    // Both branches start waiting; the first one ready runs, and the other
    // future is dropped. Go: select { case m := <-ch: …; case <-timer: … }
    tokio::select! {
        message = rx.recv() => println!("got {message:?}"),
        _ = sleep(Duration::from_millis(10)) => println!("gave up waiting"),
    }
    // ANCHOR_END: select
}

async fn wait_until_ready() {
    // ANCHOR: notify
    let ready = Arc::new(AtomicBool::new(false));
    let changed = Arc::new(Notify::new());
    let waiter = {
        let (ready, changed) = (Arc::clone(&ready), Arc::clone(&changed));
        tokio::spawn(async move {
            loop {
                // 1. Register first: a `notify_waiters` from now on reaches
                //    this future, even before it is awaited.
                let notified = changed.notified();
                // 2. Then look.
                if ready.load(Ordering::Acquire) {
                    break;
                }
                // 3. Then wait. Looking before registering could miss a
                //    wake-up that lands between the two: lost for good.
                notified.await;
            }
            println!("waiter: ready!");
        })
    };
    sleep(Duration::from_millis(10)).await;
    ready.store(true, Ordering::Release);
    changed.notify_waiters(); // Go's cond.Broadcast()
    waiter.await.expect("the waiter panicked");
    // ANCHOR_END: notify
}

#[tokio::main]
async fn main() {
    spawn_and_await().await;
    first_to_finish().await;
    select_a_message_or_a_timeout().await;
    wait_until_ready().await;
}
