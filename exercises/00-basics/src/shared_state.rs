//! Exercise 8 (shared_state): several workers update one map, with an
//! `Arc<Mutex<…>>` shared by OS threads and by tokio tasks.
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

use crossbeam_channel::Receiver;
use tokio::sync::mpsc;

/// How many times each path was viewed.
pub type Views = BTreeMap<String, u64>;

// ANCHOR: threads
/// Counts page views arriving on several feeds (one client each: the paths
/// it visits, in order). Each feed is read on a thread of its own, all at
/// the same time, and every thread counts into the same map. Returns the
/// counts once every feed is closed.
pub fn count_views(feeds: Vec<Receiver<String>>) -> Views {
    // TODO: Read every feed on its own thread, all at the same time, each
    //       counting into one shared map; once every feed is closed, return
    //       the counts. No view may be lost, however the threads collide.
    // Book: book/src/00-basics.md#exercise-8-shared-state
    todo!()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin of [`count_views`]: each feed is read by a tokio task of
/// its own, and every task counts into the same map.
pub async fn count_views_async(feeds: Vec<mpsc::Receiver<String>>) -> Views {
    // TODO: The same with one tokio task per feed, all counting into one
    //       shared map; return the counts once every feed is closed.
    // Book: book/src/00-basics.md#exercise-8-shared-state
    todo!()
}
// ANCHOR_END: tasks
