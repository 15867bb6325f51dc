//! The small examples of chapter 03 (`book/src/03-jobs.md` includes them by anchor).
//! They teach the tools the exercises need, on other problems than the exercises', and
//! run as tests, so the book cannot drift from what Rust really does.

use std::any::Any;
use std::collections::HashMap;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use tokio::sync::OnceCell;
use tokio::task::JoinSet;
use tokio::time::sleep;

#[test]
fn a_named_thread() {
    // ANCHOR: named_thread
    let worker = thread::Builder::new()
        .name("resize-images".to_string())
        .spawn(|| thread::current().name().map(str::to_string))
        .expect("the operating system refused to start a thread");
    let name = worker.join().expect("the worker did not panic");
    assert_eq!(name.as_deref(), Some("resize-images"));
    // ANCHOR_END: named_thread
}

#[test]
fn catch_unwind_stops_a_panic() {
    // ANCHOR: catch_unwind
    let shelf: Vec<u32> = Vec::new();
    let result = panic::catch_unwind(|| shelf[3]); // index out of bounds: a panic
    assert!(result.is_err()); // ...that stopped here: Err holds its payload
    println!("still running");
    // ANCHOR_END: catch_unwind
}

#[test]
fn asking_any_what_it_is() {
    // ANCHOR: downcast
    let payload: Box<dyn Any + Send> = Box::new(404_u16);
    let inside: &(dyn Any + Send) = &*payload; // the value in the box, not the box
    assert_eq!(inside.downcast_ref::<u16>(), Some(&404));
    assert_eq!(inside.downcast_ref::<i32>(), None); // a wrong guess is None
    // ANCHOR_END: downcast
}

#[tokio::test(start_paused = true)]
async fn dropping_a_handle_detaches_dropping_a_set_aborts() {
    // ANCHOR: detach_vs_abort
    let finished = Arc::new(AtomicUsize::new(0));
    let work = |finished: Arc<AtomicUsize>| async move {
        sleep(Duration::from_secs(1)).await;
        finished.fetch_add(1, Ordering::SeqCst);
    };
    drop(tokio::spawn(work(Arc::clone(&finished)))); // detached: runs on
    let mut set = JoinSet::new();
    set.spawn(work(Arc::clone(&finished)));
    drop(set); // every task in the set is aborted

    sleep(Duration::from_secs(2)).await;
    assert_eq!(finished.load(Ordering::SeqCst), 1); // only the detached one
    // ANCHOR_END: detach_vs_abort
}

#[tokio::test(start_paused = true)]
async fn a_join_error_names_its_task_by_id() {
    // ANCHOR: task_ids
    let mut set: JoinSet<()> = JoinSet::new();
    let id = set.spawn(async { panic!("boom") }).id();
    let joined = set.join_next_with_id().await.expect("the set had one task");
    let error = joined.expect_err("the task panicked");
    assert_eq!(error.id(), id); // which task: its id, not any name of ours
    assert!(error.is_panic());
    // ANCHOR_END: task_ids
}

#[test]
fn a_guard_lives_as_long_as_its_scope() {
    // ANCHOR: guard_scope
    let stock = Mutex::new(HashMap::from([("tea", 3), ("cocoa", 0)]));
    // A temporary guard: unlocked at the end of this statement.
    let tea = stock.lock().unwrap().get("tea").copied();
    // A named guard: unlocked at the end of its block.
    let total: u32 = {
        let stock = stock.lock().unwrap();
        stock.values().sum()
    };
    assert_eq!((tea, total), (Some(3), 3));
    // ANCHOR_END: guard_scope
}

#[tokio::test(start_paused = true)]
async fn once_cell_runs_its_initialiser_once() {
    // ANCHOR: once_cell
    let cell: Arc<OnceCell<String>> = Arc::new(OnceCell::new());
    let runs = Arc::new(AtomicUsize::new(0));
    let mut tasks = JoinSet::new();
    for _ in 0..3 {
        let (cell, runs) = (Arc::clone(&cell), Arc::clone(&runs));
        tasks.spawn(async move {
            let value = cell
                .get_or_init(|| async {
                    runs.fetch_add(1, Ordering::SeqCst);
                    sleep(Duration::from_secs(1)).await; // the others wait
                    "the forecast".to_string()
                })
                .await;
            value.clone()
        });
    }
    while let Some(value) = tasks.join_next().await {
        assert_eq!(value.expect("no panic"), "the forecast");
    }
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    // ANCHOR_END: once_cell
}
