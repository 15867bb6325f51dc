//! Tests for the `select` exercise: `collect_until_quit` with
//! `crossbeam_channel::select!` and its async twin with `tokio::select!`.
//!
//! Each test leaves exactly one way out open (a quit message, a closed quit
//! channel, a closed data channel) and keeps the other channels alive, so a
//! collector that ignores that one way out never returns; the real-time
//! deadline turns that into a failure that names it.

use std::thread;
use std::time::Duration;

use crossbeam_channel::Sender;
use tokio::sync::{mpsc, oneshot};
use tokio::time::sleep;

use super::support::{advice, paused, within};
use crate::select::{collect_until_quit, collect_until_quit_async};

/// How long the test waits for the collector to take each number.
const HAND_OVER: Duration = Duration::from_secs(1);

const QUIT_MESSAGE_IGNORED: &str = "a `select!` without a branch for `quit` (or one that \
    does not leave the loop): a message on quit must end the loop";

const CLOSED_QUIT_IGNORED: &str = "stopping only when a message arrives on `quit`. Dropping \
    the quit sender is Go's `close(quit)`: a closed channel is ready at once, with `Err` \
    (crossbeam) or an `Err` from the oneshot (tokio), and that must stop the loop too";

const CLOSED_DATA_IGNORED: &str = "treating a closed data channel as \"nothing yet\": \
    `Err` from crossbeam's `recv(data)` or `None` from tokio's `recv` means every data \
    sender is gone, so stop there (a closed channel is ready again at once, forever)";

/// Starts `collect_until_quit` on a thread, hands it `1, 2, 3` one at a time
/// (capacity 0: each send returns only once the collector has the number), then
/// runs `stop`. If the collector does not return, the test fails saying
/// `if_stuck`.
fn collect_three_then(
    if_stuck: &str,
    stop: impl FnOnce(Sender<u64>, Sender<()>) + Send + 'static,
) -> Vec<u64> {
    within("collect_until_quit", if_stuck, || {
        let (data_tx, data_rx) = crossbeam_channel::bounded(0);
        let (quit_tx, quit_rx) = crossbeam_channel::bounded(0);
        let collector =
            thread::spawn(move || collect_until_quit(data_rx, quit_rx));
        for n in 1..=3 {
            if data_tx.send_timeout(n, HAND_OVER).is_err() {
                // The collector is gone (an unsolved exercise panics), or is
                // not reading; `join` below tells which.
                break;
            }
        }
        stop(data_tx, quit_tx);
        match collector.join() {
            Ok(collected) => collected,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The numbers 1, 2, 3 came through, in order.
fn check_three(collected: &[u64], stopped_by: &str) {
    assert!(
        collected == [1, 2, 3],
        "{}",
        advice(
            format!("[1, 2, 3], the numbers sent before {stopped_by}"),
            format!("{collected:?}"),
            "leaving the loop too early (a `select!` runs one branch per turn: loop around \
             it), or dropping a number that arrived"
        )
    );
}

#[test]
fn a_quit_message_stops_the_collector() {
    let (keep, kept) = std::sync::mpsc::channel();
    let collected =
        collect_three_then(QUIT_MESSAGE_IGNORED, move |data_tx, quit_tx| {
            let _ = quit_tx.send_timeout((), HAND_OVER);
            // Both senders stay alive (handed out of the test): only the
            // message can stop the collector.
            let _ = keep.send((data_tx, quit_tx));
        });
    drop(kept);
    check_three(&collected, "the quit message");
}

#[test]
fn dropping_the_quit_sender_stops_the_collector() {
    let (keep, kept) = std::sync::mpsc::channel();
    let collected =
        collect_three_then(CLOSED_QUIT_IGNORED, move |data_tx, quit_tx| {
            // Go's `close(quit)`: nobody sends, the sender just goes away. The
            // data sender is kept alive (handed out of the test) so only `quit`
            // can end the loop.
            drop(quit_tx);
            let _ = keep.send(data_tx);
        });
    drop(kept);
    check_three(&collected, "the quit sender was dropped");
}

#[test]
fn a_closed_data_channel_stops_the_collector() {
    let (keep, kept) = std::sync::mpsc::channel();
    let collected =
        collect_three_then(CLOSED_DATA_IGNORED, move |data_tx, quit_tx| {
            drop(data_tx);
            // The quit sender stays alive: the collector must notice the data
            // channel closed.
            let _ = keep.send(quit_tx);
        });
    drop(kept);
    check_three(&collected, "the data channel was closed");
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

#[test]
fn async_quit_after_35ms_keeps_three_ticks() {
    let collected =
        paused("collect_until_quit_async", QUIT_MESSAGE_IGNORED, || async {
            let (data_tx, data_rx) = mpsc::channel(1);
            let (quit_tx, quit_rx) = oneshot::channel();
            tokio::spawn(tick_every_10ms(data_tx));
            tokio::spawn(async move {
                sleep(Duration::from_millis(35)).await;
                let _ = quit_tx.send(());
            });
            collect_until_quit_async(data_rx, quit_rx).await
        });
    assert!(
        collected == vec![1, 2, 3],
        "{}",
        advice(
            "the ticks of 10, 20 and 30 ms, then a stop at 35 ms: [1, 2, 3]",
            format!("{collected:?}"),
            "waiting on one channel at a time instead of both at once in `tokio::select!`"
        )
    );
}

#[test]
fn async_dropped_quit_stops_the_collector() {
    let collected =
        paused("collect_until_quit_async", CLOSED_QUIT_IGNORED, || async {
            let (data_tx, data_rx) = mpsc::channel(1);
            let (quit_tx, quit_rx) = oneshot::channel::<()>();
            drop(quit_tx);
            let collected = collect_until_quit_async(data_rx, quit_rx).await;
            // Alive until now: only the dropped quit sender could stop the
            // collector.
            drop(data_tx);
            collected
        });
    assert!(
        collected.is_empty(),
        "{}",
        advice(
            "nothing collected: the quit sender was gone from the start",
            format!("{collected:?}"),
            CLOSED_QUIT_IGNORED
        )
    );
}

#[test]
fn async_closed_data_stops_the_collector() {
    let collected =
        paused("collect_until_quit_async", CLOSED_DATA_IGNORED, || async {
            let (data_tx, data_rx) = mpsc::channel(4);
            let (quit_tx, quit_rx) = oneshot::channel::<()>();
            for n in [7, 8] {
                let _ = data_tx.send(n).await;
            }
            drop(data_tx);
            let collected = collect_until_quit_async(data_rx, quit_rx).await;
            // Alive until now: only the closed data channel could stop the
            // collector.
            drop(quit_tx);
            collected
        });
    assert!(
        collected == vec![7, 8],
        "{}",
        advice(
            "[7, 8], everything sent before the data channel was closed",
            format!("{collected:?}"),
            "stopping before the buffered numbers are read: `recv` gives `None` only once \
             the channel is closed *and* empty"
        )
    );
}
