//! Exercise `shared_cache`: a cache of computed values shared by many tasks. Different
//! keys are computed at the same time, a cached key never waits for another key, and each
//! key is computed once, however many tasks ask for it at once.
//!
//! Every lookup runs in its own `tokio::spawn`ed task, as in a server: a lookup whose
//! future keeps a `std::sync::MutexGuard` across an `.await` does not compile here.
//! All on a paused clock: a "1 s computation" takes no real time, and time moves only
//! when every task is waiting, so each run sees the same timeline.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep};

use crate::shared_cache::JobCache;

use super::support::{advice, join_task, within_async};

/// When each computation started, in seconds since the test began: the timeline that the
/// failure messages show.
type Log = Arc<Mutex<Vec<(String, Duration)>>>;

fn value_of(key: &str) -> String {
    format!("profile of {key}")
}

/// Looks `key` up in its own task. If the cache asks for it, the value is "computed" in
/// `work` (paused) time; every computation is counted and logged.
fn spawn_lookup(
    cache: &JobCache<String>,
    key: &str,
    work: Duration,
    computed: &Arc<AtomicUsize>,
    log: &Log,
    t0: Instant,
) -> JoinHandle<String> {
    let (cache, key) = (cache.clone(), key.to_string());
    let (computed, log) = (Arc::clone(computed), Arc::clone(log));
    tokio::spawn(async move {
        let (value, name) = (value_of(&key), key.clone());
        cache
            .get_or_compute(&key, || async move {
                computed.fetch_add(1, Ordering::SeqCst);
                let at = t0.elapsed();
                log.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push((name, at));
                sleep(work).await;
                value
            })
            .await
    })
}

fn timeline(log: &Log) -> String {
    let log = log.lock().unwrap_or_else(PoisonError::into_inner);
    let starts: Vec<String> = log
        .iter()
        .map(|(key, at)| format!("{key} at {:.1} s", at.as_secs_f64()))
        .collect();
    format!("the computations started: {}", starts.join(", "))
}

#[tokio::test(start_paused = true)]
async fn different_keys_are_computed_at_the_same_time() {
    let cache = JobCache::new();
    let (computed, log) = (Arc::new(AtomicUsize::new(0)), Log::default());
    let t0 = Instant::now();
    let keys = ["ada", "grace", "linus"];
    let tasks: Vec<_> = keys
        .iter()
        .map(|key| spawn_lookup(&cache, key, Duration::from_secs(1), &computed, &log, t0))
        .collect();
    for (key, task) in keys.iter().zip(tasks) {
        let value = join_task("a lookup", task).await;
        assert_eq!(
            value,
            value_of(key),
            "the lookup of {key} got another key's value"
        );
    }
    let elapsed = t0.elapsed();
    assert!(
        elapsed < Duration::from_millis(1500),
        "{}",
        advice(
            "three lookups of three different keys, each computed in 1 s, to take 1 s",
            format!("they took {elapsed:?}; {}", timeline(&log)),
            "a lock is held while computing (a tokio::sync::Mutex guard kept across the \
             .await), so each key waits for the one before. Hold the map's lock only to \
             find or create the key's slot, and compute after it is released"
        )
    );
}

#[tokio::test(start_paused = true)]
async fn a_cached_key_does_not_wait_for_another_keys_computation() {
    let cache = JobCache::new();
    let (computed, log) = (Arc::new(AtomicUsize::new(0)), Log::default());
    let t0 = Instant::now();
    let fast = spawn_lookup(&cache, "fast", Duration::ZERO, &computed, &log, t0);
    join_task("the first lookup of fast", fast).await;

    // A 10 s computation of another key, under way before we look "fast" up again.
    let (started, slow_started) = oneshot::channel();
    let slow = {
        let cache = cache.clone();
        tokio::spawn(async move {
            cache
                .get_or_compute("slow", || async move {
                    let _ = started.send(());
                    sleep(Duration::from_secs(10)).await;
                    value_of("slow")
                })
                .await
        })
    };
    within_async("the slow computation to start", slow_started)
        .await
        .expect("the cache must run the computation of a key nobody asked for before");

    let asked = Instant::now();
    let again = spawn_lookup(&cache, "fast", Duration::ZERO, &computed, &log, t0);
    let value = join_task("the second lookup of fast", again).await;
    let waited = asked.elapsed();
    assert_eq!(value, value_of("fast"));
    assert!(
        waited < Duration::from_secs(1),
        "{}",
        advice(
            "a lookup of the cached key \"fast\" to return at once",
            format!("it waited {waited:?}, while key \"slow\" was being computed (10 s)"),
            "the map's lock is held across the slow computation (a tokio::sync::Mutex lets \
             you do that): every lookup of every key then waits for it"
        )
    );
    assert_eq!(join_task("the slow lookup", slow).await, value_of("slow"));
    assert_eq!(
        computed.load(Ordering::SeqCst),
        1,
        "\"fast\" was cached: its second lookup must not compute it again"
    );
}

#[tokio::test(start_paused = true)]
async fn each_key_is_computed_once_however_many_ask_at_once() {
    let cache = JobCache::new();
    let (computed, log) = (Arc::new(AtomicUsize::new(0)), Log::default());
    let t0 = Instant::now();
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            spawn_lookup(
                &cache,
                "user:7",
                Duration::from_secs(1),
                &computed,
                &log,
                t0,
            )
        })
        .collect();
    for task in tasks {
        assert_eq!(join_task("a lookup", task).await, value_of("user:7"));
    }
    let elapsed = t0.elapsed();
    let computations = computed.load(Ordering::SeqCst);
    assert_eq!(
        computations,
        1,
        "{}",
        advice(
            "10 tasks asking for \"user:7\" at once to cause 1 computation; the other 9 \
             wait for its value",
            format!("{computations} computations; {}", timeline(&log)),
            "the map is checked, the lock released, and the value computed and inserted \
             afterwards: every task that asks before the first one has finished computes \
             too. Give each key one slot that latecomers wait on"
        )
    );
    assert!(
        elapsed < Duration::from_millis(1500),
        "{}",
        advice(
            "10 lookups of one key, computed once in 1 s, to take 1 s",
            format!("they took {elapsed:?}"),
            "the tasks that wait for the value must wait together, not one after another"
        )
    );
}

#[tokio::test(start_paused = true)]
async fn a_cached_value_is_not_computed_again() {
    let cache = JobCache::new();
    let (computed, log) = (Arc::new(AtomicUsize::new(0)), Log::default());
    let t0 = Instant::now();
    let one_second = Duration::from_secs(1);
    let first = spawn_lookup(&cache, "ada", one_second, &computed, &log, t0);
    assert_eq!(join_task("the first lookup", first).await, value_of("ada"));

    // A clone of the cache is the same cache.
    let other_handle = cache.clone();
    let asked = Instant::now();
    let second = spawn_lookup(&other_handle, "ada", one_second, &computed, &log, t0);
    assert_eq!(
        join_task("the second lookup", second).await,
        value_of("ada")
    );
    assert_eq!(
        computed.load(Ordering::SeqCst),
        1,
        "{}",
        advice(
            "the second lookup of \"ada\" to be served from the cache",
            format!("\"ada\" was computed again; {}", timeline(&log)),
            "the computed value must be stored under its key, in the map every clone shares"
        )
    );
    assert!(
        asked.elapsed() < one_second,
        "a cached value is returned at once"
    );

    let third = spawn_lookup(&cache, "grace", one_second, &computed, &log, t0);
    assert_eq!(
        join_task("a lookup of another key", third).await,
        value_of("grace"),
        "a new key gets its own value, never a value cached under another key"
    );
    assert_eq!(cache.len(), 2, "two keys asked for, two keys cached");
}
