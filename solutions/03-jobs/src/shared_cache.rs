//! Exercise 7 (shared_cache): a cache that many tasks share, and the lock you must not
//! hold across an `.await`.
//!
//! Jobs often need the same thing: ten requests in flight want the same customer's
//! profile. A cache computes each key once and hands the value to everyone who asks.
//! Many tasks share it, so it lives behind an `Arc` and a lock. Which lock, held for how
//! long, is the whole exercise:
//!
//! * `std::sync::Mutex` is the right lock for the *map*: finding or inserting an entry
//!   takes nanoseconds, and nothing in between awaits. Its guard is not `Send` (a std
//!   mutex must be unlocked by the thread that locked it), so a future that keeps the
//!   guard across an `.await` is not `Send` either, and `tokio::spawn` refuses it:
//!   "future cannot be sent between threads safely". The compiler is sparing you a worse
//!   bug: a worker thread blocked on a lock whose holder is parked at an `.await`.
//! * Holding *any* lock across the slow computation (a `tokio::sync::Mutex` guard
//!   compiles fine) serialises the cache: a lookup of key B waits for key A's computation.
//! * Releasing the lock while computing, and inserting afterwards, lets every task that
//!   asks for the same key in the meantime compute it again.
//!
//! The way out is one *slot* per key (given below). The map's lock is held only to find
//! or create the key's slot; the slow part happens on the slot, after the map's lock is
//! gone. `tokio::sync::OnceCell::get_or_init` runs its initialiser once, and every other
//! task that asks meanwhile waits for that one result.
//!
//! Watch the temporaries: a guard that `lock()` returns and that is used within one
//! statement lives until the end of that statement, `.await`s included.
//!
//! The idea to take away: `std::sync::Mutex` for short critical sections with no `.await`
//! inside; where tasks must wait, let them wait on something other than the map's lock.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::OnceCell;

// ANCHOR: cache
/// One key's slot: empty until the first task to ask for the key fills it. Tasks that
/// ask while it is being filled wait on the slot, not on the map.
type Slot<V> = Arc<OnceCell<V>>;

/// Computed values by key, shared by many tasks. Cloning it gives another handle to the
/// *same* cache.
pub struct JobCache<V> {
    slots: Arc<Mutex<HashMap<String, Slot<V>>>>,
}

impl<V> JobCache<V> {
    /// An empty cache.
    pub fn new() -> Self {
        JobCache {
            slots: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// How many keys have a slot: computed, or being computed right now.
    pub fn len(&self) -> usize {
        // A poisoned lock only means a task panicked while holding it; the map of slots
        // is never left half-changed by the short sections that lock it.
        self.slots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// No key at all yet?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<V> Clone for JobCache<V> {
    fn clone(&self) -> Self {
        JobCache {
            slots: Arc::clone(&self.slots),
        }
    }
}

impl<V> Default for JobCache<V> {
    fn default() -> Self {
        Self::new()
    }
}
// ANCHOR_END: cache

impl<V: Clone> JobCache<V> {
    // ANCHOR: get_or_compute
    /// The value for `key`. The first task to ask for `key` computes it by awaiting
    /// `compute()`; every later task, and every task that asks while it is being
    /// computed, gets a clone of that same value.
    pub async fn get_or_compute<F, Fut>(&self, key: &str, compute: F) -> V
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = V>,
    {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(slots.entry(key.to_string()).or_default())
        }; // the map's guard is gone here, before the `.await`
        slot.get_or_init(compute).await.clone()
    }
    // ANCHOR_END: get_or_compute
}
