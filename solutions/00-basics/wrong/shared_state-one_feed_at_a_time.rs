//! Exercise 8 (shared_state): several workers update one map, with an
//! `Arc<Mutex<…>>` shared by OS threads and by tokio tasks.
//!
//! KNOWN WRONG (one_feed_at_a_time): joins each worker right after starting it,
//! so the feeds are read one after the other. The counts come out right when
//! every feed is already complete, but a live feed that nobody reads yet makes
//! its client wait until the feeds before it are closed.
//!
//! Why it works: the map must be *shared* (every worker sees the same one),
//! *mutable*, and reachable from threads or tasks that may outlive the function
//! that started them. Each of those needs one piece. `Mutex<T>` makes mutation
//! safe: the data lives inside it, and the only way in is the guard that `lock`
//! returns, so two workers never change it at once. `Arc<T>` makes sharing
//! safe: every clone is a new owner of the same value (an atomic reference
//! count), so a spawned worker can *own* its handle, which is what `'static`
//! asks for. And `Arc<T>` is `Send` only when `T` is `Send + Sync`, which a
//! `Mutex` around a `Send` value is.
//!
//! The first attempts fail in instructive ways, all at compile time: a borrowed
//! local (the worker may outlive it), a `move` of the map into the first worker
//! (the second one has none left), an `Rc` (its count is not atomic, so it is
//! not `Send`), an `Arc` without a `Mutex` (no `&mut` through an `Arc`). The
//! chapter shows each message.
//!
//! What the compiler cannot check is how long you hold the lock. Read a count
//! under one `lock` and write it back under another, and a second worker can
//! write in between: an update is lost, as with an unsynchronised counter. The
//! whole read-modify-write happens under one guard. And in async code the guard
//! is dropped before the next `.await` (a `std::sync::MutexGuard` held across
//! an `.await` is not `Send`, and `tokio::spawn` refuses the future).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use crossbeam_channel::Receiver;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::tokio_tasks::task_result;

/// How many times each path was viewed.
pub type Views = BTreeMap<String, u64>;

// ANCHOR: threads
/// Counts page views arriving on several feeds (one client each: the paths
/// it visits, in order). Each feed is read on a thread of its own, all at
/// the same time, and every thread counts into the same map. Returns the
/// counts once every feed is closed.
pub fn count_views(feeds: Vec<Receiver<String>>) -> Views {
    // One map, one lock, several owners: each thread gets its own handle (a
    // clone of the `Arc`, not of the map) and keeps it as long as it runs.
    let views = Arc::new(Mutex::new(Views::new()));
    for feed in feeds {
        let views = Arc::clone(&views);
        let worker = thread::spawn(move || {
            for path in feed {
                *views
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .entry(path)
                    .or_insert(0) += 1;
            }
        });
        // The mistake: waiting for this feed to close before reading the next.
        if let Err(panic) = worker.join() {
            std::panic::resume_unwind(panic);
        }
    }
    // Every worker has finished and dropped its handle: ours is the last one,
    // so the map can be taken out of the `Arc` and the `Mutex` without copying
    // it.
    let views = Arc::into_inner(views).expect("every worker has finished");
    views.into_inner().unwrap_or_else(PoisonError::into_inner)
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`count_views`]: each feed is read by a tokio task of
/// its own, and every task counts into the same map.
pub async fn count_views_async(feeds: Vec<mpsc::Receiver<String>>) -> Views {
    let views = Arc::new(Mutex::new(Views::new()));
    let mut workers = JoinSet::new();
    for mut feed in feeds {
        let views = Arc::clone(&views);
        workers.spawn(async move {
            while let Some(path) = feed.recv().await {
                // A std `Mutex` is right here: the guard lives for this one
                // statement and is gone before the next `.await`.
                *views
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .entry(path)
                    .or_insert(0) += 1;
            }
        });
    }
    while let Some(result) = workers.join_next().await {
        task_result(result);
    }
    let views = Arc::into_inner(views).expect("every task has finished");
    views.into_inner().unwrap_or_else(PoisonError::into_inner)
}
// ANCHOR_END: tasks
