//! Tests for the `select` exercise: `collect_until_quit` with `crossbeam_channel::select!`
//! and its async twin with `tokio::select!`.

use std::thread;
use std::time::Duration;

use crossbeam_channel::Sender;
use tokio::sync::{mpsc, oneshot};
use tokio::time::{sleep, timeout};

use super::support::{LIMIT, within};
use crate::select::{collect_until_quit, collect_until_quit_async};

/// Starts `collect_until_quit` on a thread, hands it `1, 2, 3` one at a time (capacity 0:
/// each send returns only once the collector has the number), then runs `stop`.
fn collect_three_then(stop: impl FnOnce(Sender<u64>, Sender<()>) + Send + 'static) -> Vec<u64> {
    within(LIMIT, "collect_until_quit", || {
        let (data_tx, data_rx) = crossbeam_channel::bounded(0);
        let (quit_tx, quit_rx) = crossbeam_channel::bounded(0);
        let collector = thread::spawn(move || collect_until_quit(data_rx, quit_rx));
        for n in 1..=3 {
            if data_tx.send_timeout(n, LIMIT).is_err() {
                break; // the collector is gone (an unsolved exercise panics)
            }
        }
        stop(data_tx, quit_tx);
        match collector.join() {
            Ok(collected) => collected,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

#[test]
fn a_quit_message_stops_the_collector() {
    let collected = collect_three_then(|data_tx, quit_tx| {
        // The data channel is still open: only `quit` can stop the collector here.
        let _ = quit_tx.send_timeout((), LIMIT);
        drop(data_tx);
    });
    assert_eq!(
        collected,
        vec![1, 2, 3],
        "expected the numbers sent before quit, because a message on `quit` ends the loop"
    );
}

#[test]
fn dropping_the_quit_sender_stops_the_collector() {
    let (tx, rx) = std::sync::mpsc::channel();
    let collected = collect_three_then(move |data_tx, quit_tx| {
        // Go's `close(quit)`: nobody sends, the sender just goes away. The data sender is
        // kept alive (handed out of the test) so only `quit` can end the loop.
        drop(quit_tx);
        let _ = tx.send(data_tx);
    });
    drop(rx);
    assert_eq!(
        collected,
        vec![1, 2, 3],
        "expected a closed quit channel to stop the loop like a message does \
         (`recv(quit) -> _` fires with Err on a closed channel)"
    );
}

#[test]
fn a_closed_data_channel_stops_the_collector() {
    let (tx, rx) = std::sync::mpsc::channel();
    let collected = collect_three_then(move |data_tx, quit_tx| {
        drop(data_tx);
        // The quit sender stays alive: the collector must notice the data channel closed.
        let _ = tx.send(quit_tx);
    });
    drop(rx);
    assert_eq!(
        collected,
        vec![1, 2, 3],
        "expected collect_until_quit to return when `data` is closed (recv gives Err)"
    );
}

/// Sends 1, 2, 3, … every 10 ms of virtual time until the receiver is gone.
async fn tick_every_10ms(tx: mpsc::Sender<u64>) {
    for n in 1.. {
        sleep(Duration::from_millis(10)).await;
        if tx.send(n).await.is_err() {
            return;
        }
    }
}

#[tokio::test(start_paused = true)]
async fn async_quit_after_35ms_keeps_three_ticks() {
    let (data_tx, data_rx) = mpsc::channel(1);
    let (quit_tx, quit_rx) = oneshot::channel();
    tokio::spawn(tick_every_10ms(data_tx));
    tokio::spawn(async move {
        sleep(Duration::from_millis(35)).await;
        let _ = quit_tx.send(());
    });
    let collected = timeout(LIMIT, collect_until_quit_async(data_rx, quit_rx))
        .await
        .expect("collect_until_quit_async ignored quit");
    assert_eq!(
        collected,
        vec![1, 2, 3],
        "expected the ticks at 10, 20 and 30 ms and then a stop at 35 ms, because \
         `tokio::select!` takes whichever branch is ready first"
    );
}

#[tokio::test(start_paused = true)]
async fn async_dropped_quit_or_closed_data_stops_too() {
    // The quit sender is dropped: that counts as quit.
    let (data_tx, data_rx) = mpsc::channel(1);
    let (quit_tx, quit_rx) = oneshot::channel::<()>();
    drop(quit_tx);
    let after_dropped_quit = timeout(LIMIT, collect_until_quit_async(data_rx, quit_rx))
        .await
        .expect("collect_until_quit_async ignored a dropped quit sender");
    drop(data_tx);

    // The data senders are gone: nothing more can come.
    let (data_tx, data_rx) = mpsc::channel(4);
    let (quit_tx, quit_rx) = oneshot::channel::<()>();
    for n in [7, 8] {
        let _ = data_tx.send(n).await;
    }
    drop(data_tx);
    let after_closed_data = timeout(LIMIT, collect_until_quit_async(data_rx, quit_rx))
        .await
        .expect("collect_until_quit_async kept waiting after data was closed");
    drop(quit_tx);

    assert!(
        after_dropped_quit.is_empty() && after_closed_data == vec![7, 8],
        "expected a dropped quit sender to stop at once, and a closed data channel to stop \
         after its last value; got {after_dropped_quit:?} and {after_closed_data:?}"
    );
}
