//! Exercise 8 (shared_state): several workers update one map, with an
//! `Arc<Mutex<…>>` shared by OS threads and by tokio tasks.
//!
//! KNOWN WRONG (clones_the_map): gives every worker a clone of the map instead
//! of a clone of the `Arc`. It compiles without `Arc` or `Mutex` at all, each
//! worker counts into its own copy, and the map that is returned was never
//! touched.
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
    let views = Views::new();
    let workers: Vec<_> = feeds
        .into_iter()
        .map(|feed| {
            // The mistake: a copy of the map, not a handle to the same one.
            let mut views = views.clone();
            thread::spawn(move || {
                for path in feed {
                    *views.entry(path).or_insert(0) += 1;
                }
            })
        })
        .collect();
    for worker in workers {
        if let Err(panic) = worker.join() {
            std::panic::resume_unwind(panic);
        }
    }
    views
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`count_views`]: each feed is read by a tokio task of
/// its own, and every task counts into the same map.
pub async fn count_views_async(feeds: Vec<mpsc::Receiver<String>>) -> Views {
    let views = Views::new();
    let mut workers = JoinSet::new();
    for mut feed in feeds {
        let mut views = views.clone();
        workers.spawn(async move {
            while let Some(path) = feed.recv().await {
                *views.entry(path).or_insert(0) += 1;
            }
        });
    }
    while let Some(result) = workers.join_next().await {
        task_result(result);
    }
    views
}
// ANCHOR_END: tasks
