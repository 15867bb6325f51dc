//! The small examples of chapter 05 (`book/src/05-server.md` includes them by anchor),
//! run as tests so that the book cannot show code that does not work. Each one shows a
//! tool the exercises need, on its own; none of them is an exercise's answer.
//!
//! `cargo test -p sol05-server --test ideas` runs them.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::value::RawValue;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout, timeout_at};
use tokio_util::sync::CancellationToken;

#[test]
fn what_parses_as_a_number() {
    // ANCHOR: lenient_parsers
    // Each of these calls succeeds, on input a strict server should refuse.
    assert_eq!("+5".parse::<u64>(), Ok(5)); // a sign
    assert_eq!("1e3".parse::<f64>(), Ok(1000.0)); // an exponent
    assert!("inf".parse::<f64>().is_ok()); // infinity
    assert!("５".chars().all(char::is_numeric)); // a full-width digit
    assert_eq!(" 7".trim().parse::<u64>(), Ok(7)); // a trim hides a space
    // What a u64 parse refuses on its own, besides letters: overflow.
    assert!("99999999999999999999".parse::<u64>().is_err());
    // ANCHOR_END: lenient_parsers
}

#[test]
fn raw_json_is_kept_as_sent() {
    // ANCHOR: raw_value
    let sent = r#"{"name":"gopher","age":13}"#;
    // A `Value` is rebuilt from a map: the keys come back sorted.
    let value: serde_json::Value = serde_json::from_str(sent).unwrap();
    assert_eq!(value.to_string(), r#"{"age":13,"name":"gopher"}"#);
    // A `RawValue` is checked to be JSON, then kept as the bytes that came.
    let raw: Box<RawValue> = serde_json::from_str(sent).unwrap();
    assert_eq!(raw.get(), sent);
    assert!(serde_json::from_str::<Box<RawValue>>("{\"cut").is_err());
    // ANCHOR_END: raw_value
}

#[tokio::test]
async fn a_body_piece_by_piece() {
    let up = upstream::Upstream::start().unwrap();
    let url = up.url_with(
        "weather",
        &upstream::Knobs::fault(upstream::Fault::TooLarge),
    );
    // ANCHOR: chunks
    // How big is this body, and in how many pieces did it come?
    let client = reqwest::Client::new();
    let mut response = client.get(&url).send().await.unwrap();
    assert!(response.status().is_success()); // the status comes first
    let (mut pieces, mut bytes) = (0, 0);
    // `chunk` waits for the next piece of the body: `None` at its end.
    while let Some(piece) = response.chunk().await.unwrap() {
        pieces += 1;
        bytes += piece.len();
    }
    println!("{bytes} bytes in {pieces} pieces");
    // ANCHOR_END: chunks
    assert!(bytes > 1024 * 1024 && pieces > 1);
}

#[tokio::test(start_paused = true)]
async fn one_deadline_or_one_timeout_each() {
    // ANCHOR: deadline_instant
    let slow = || sleep(Duration::from_millis(150));

    // A timeout each: every wait gets its own 200 ms, so both succeed (300 ms).
    let started = Instant::now();
    assert!(timeout(Duration::from_millis(200), slow()).await.is_ok());
    assert!(timeout(Duration::from_millis(200), slow()).await.is_ok());
    assert_eq!(started.elapsed(), Duration::from_millis(300));

    // One deadline: an instant, fixed once; later waits get what is left.
    let started = Instant::now();
    let deadline_at = started + Duration::from_millis(200);
    assert!(timeout_at(deadline_at, slow()).await.is_ok());
    assert!(timeout_at(deadline_at, slow()).await.is_err()); // 50 ms left
    assert_eq!(started.elapsed(), Duration::from_millis(200));
    // ANCHOR_END: deadline_instant
}

#[tokio::test(start_paused = true)]
async fn dropping_a_join_set_stops_its_tasks() {
    // ANCHOR: drop_cancels
    let done = |flag: &Arc<AtomicBool>| {
        let flag = Arc::clone(flag);
        async move {
            sleep(Duration::from_secs(1)).await;
            flag.store(true, Ordering::SeqCst);
        }
    };
    let (detached, in_set) = (Arc::default(), Arc::default());

    let handle = tokio::spawn(done(&detached));
    drop(handle); // a dropped JoinHandle detaches: the task runs on
    let mut set = JoinSet::new();
    set.spawn(done(&in_set));
    drop(set); // a dropped JoinSet aborts every task in it

    sleep(Duration::from_secs(2)).await;
    assert!(detached.load(Ordering::SeqCst));
    assert!(!in_set.load(Ordering::SeqCst));
    // ANCHOR_END: drop_cancels
}

#[test]
fn permits_are_guards() {
    // ANCHOR: permits
    let slots = Semaphore::new(2);
    let first = slots.try_acquire().unwrap();
    let second = slots.try_acquire().unwrap();
    assert!(slots.try_acquire().is_err()); // none left: fails at once
    drop(first); // a permit goes back when its guard is dropped
    assert_eq!(slots.available_permits(), 1);

    // `_` is a pattern, not a variable: the permit is dropped at once.
    let _ = slots.try_acquire().unwrap();
    assert_eq!(slots.available_permits(), 1);
    // A name (even one starting with `_`) keeps it to the end of the scope.
    let _held = slots.try_acquire().unwrap();
    assert_eq!(slots.available_permits(), 0);
    drop(second);
    // ANCHOR_END: permits
}

#[tokio::test(start_paused = true)]
async fn telling_and_cutting() {
    // ANCHOR: cancel_and_abort
    let stop = CancellationToken::new();
    let mut tasks = JoinSet::new();
    let told = stop.clone();
    tasks.spawn(async move { told.cancelled().await }); // ends when told
    tasks.spawn(std::future::pending::<()>()); // never ends by itself

    stop.cancel(); // every clone's `cancelled()` completes
    let first = tasks.join_next().await;
    assert!(first.is_some_and(|joined| joined.is_ok()));

    tasks.abort_all(); // asks: the task goes at its next poll...
    assert_eq!(tasks.len(), 1); // ...so it is still in the set
    tasks.shutdown().await; // aborts and waits until each one is gone
    assert!(tasks.is_empty());
    // ANCHOR_END: cancel_and_abort
}
