//! Tests for the `shared_state` exercise: `count_views` (threads) and
//! `count_views_async` (tasks) counting into one shared map.
//!
//! Two kinds of test. The *hand-over* tests feed the feeds in turn, one view at
//! a time, through channels with no room to spare: a feed that nobody is
//! reading yet stops the test, so they prove that every feed is read at the
//! same time. The *contention* tests fill every feed in advance with the same
//! path, so that all workers hammer the same entry of the map at once: an
//! update made under two separate locks nearly always gets lost there. Nearly:
//! the loss needs two workers in the same few instructions at the same moment,
//! and on a busy laptop that may not happen in a given run. A test makes a race
//! likely, not certain; counting into copies, or reading too early, is caught
//! every time.

use std::thread;
use std::time::Duration;

use crossbeam_channel::SendTimeoutError;
use tokio::sync::mpsc;

use super::support::{advice, multi_thread, paused, within};
use crate::shared_state::{Views, count_views, count_views_async};

const FEEDS: usize = 3;
const ROUNDS: usize = 5;
/// How long the test waits for a feed to take a view: a worker reading it takes
/// it at once; no worker at all, never.
const HAND_OVER: Duration = Duration::from_secs(1);

const STUCK: &str = "waiting for something that never ends: a worker must stop when its \
    feed is closed, and the counts are returned once every worker has stopped";

const NOT_READ: &str = "reading the feeds one after the other (or joining each worker \
    right after starting it): every feed needs its own thread or task, all running at \
    the same time";

/// The path sent `ROUNDS` times on every feed, and the path each feed sends
/// once at the end (`/from-0`, `/from-1`, …).
const HOME: &str = "/";

fn from(feed: usize) -> String {
    format!("/from-{feed}")
}

/// What the hand-over tests send, in total.
fn handed_over() -> Views {
    let mut views = Views::from([(HOME.to_string(), (FEEDS * ROUNDS) as u64)]);
    views.extend((0..FEEDS).map(|feed| (from(feed), 1)));
    views
}

/// Compares the counts with what was sent, and explains the difference.
fn check_views(got: &Views, expected: &Views) {
    if got == expected {
        return;
    }
    let sent: u64 = expected.values().sum();
    let counted: u64 = got.values().sum();
    let likely = if got.is_empty() {
        "every worker counted into its own copy of the map (a clone of the map, where it \
         takes a clone of the `Arc`: a new handle to the same map); or the map was read \
         before any worker had counted"
            .to_string()
    } else if counted < sent {
        format!(
            "{} views were lost. Reading a count under one `lock` and writing it back \
             under another lets a second worker write in between: do the whole update \
             under one guard. (Or the map was read before every worker had finished.)",
            sent - counted
        )
    } else {
        "counting views that were never sent, or counting some twice"
            .to_string()
    };
    panic!(
        "{}",
        advice(
            format!("{sent} views in all: {expected:?}"),
            format!("{counted} counted: {got:?}"),
            likely
        )
    );
}

#[test]
fn every_feed_is_read_at_the_same_time() {
    let views = within("count_views", STUCK, || {
        // Capacity 0: a send returns only once a worker has taken the view.
        let (senders, feeds): (Vec<_>, Vec<_>) =
            (0..FEEDS).map(|_| crossbeam_channel::bounded(0)).unzip();
        let counter = thread::spawn(move || count_views(feeds));
        let mut gone = false;
        // One view per feed in turn: feed 1 gets its first view while feed 0 is
        // still open and waiting for more.
        let sends = (0..ROUNDS)
            .flat_map(|_| (0..FEEDS).map(|feed| (feed, HOME.to_string())))
            .chain((0..FEEDS).map(|feed| (feed, from(feed))));
        for (feed, path) in sends {
            match senders[feed].send_timeout(path, HAND_OVER) {
                Ok(()) => {}
                Err(SendTimeoutError::Timeout(_)) => panic!(
                    "{}",
                    advice(
                        format!(
                            "feed {feed} to be read while the others are still open"
                        ),
                        format!(
                            "nobody took a view from feed {feed} within {HAND_OVER:?}"
                        ),
                        NOT_READ
                    )
                ),
                // Every receiver of this feed is gone: the exercise is
                // unfinished or has panicked. Its own panic, below, says which.
                Err(SendTimeoutError::Disconnected(_)) => {
                    gone = true;
                    break;
                }
            }
        }
        drop(senders);
        let views = match counter.join() {
            Ok(views) => views,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        assert!(
            !gone,
            "{}",
            advice(
                "every feed read until it is closed",
                "count_views returned, and dropped a feed, while views were still coming",
                "a worker that stops before its feed is closed"
            )
        );
        views
    });
    check_views(&views, &handed_over());
}

/// `feeds` feeds of `views` views of [`HOME`] each, all sent in advance and
/// closed.
fn filled_feeds(
    feeds: usize,
    views: usize,
) -> Vec<crossbeam_channel::Receiver<String>> {
    (0..feeds)
        .map(|_| {
            let (tx, rx) = crossbeam_channel::unbounded();
            for _ in 0..views {
                tx.send(HOME.to_string())
                    .expect("the receiver is right here");
            }
            rx
        })
        .collect()
}

const CONTENDED_FEEDS: usize = 4;
const CONTENDED_VIEWS: usize = 50_000;

#[test]
fn no_view_is_lost_under_contention() {
    // Filled before the clock starts: only the counting is timed.
    let feeds = filled_feeds(CONTENDED_FEEDS, CONTENDED_VIEWS);
    let views = within("count_views", STUCK, || count_views(feeds));
    let expected = Views::from([(
        HOME.to_string(),
        (CONTENDED_FEEDS * CONTENDED_VIEWS) as u64,
    )]);
    check_views(&views, &expected);
}

#[test]
fn async_every_feed_is_read_at_the_same_time() {
    let views = paused("count_views_async", STUCK, || async {
        // Capacity 1 (tokio's least): the second view waits until the first is
        // taken.
        let (senders, feeds): (Vec<_>, Vec<_>) =
            (0..FEEDS).map(|_| mpsc::channel(1)).unzip();
        let feeding = async move {
            let sends = (0..ROUNDS)
                .flat_map(|_| (0..FEEDS).map(|feed| (feed, HOME.to_string())))
                .chain((0..FEEDS).map(|feed| (feed, from(feed))));
            for (feed, path) in sends {
                // Paused time: if nothing else can run, this limit passes at
                // once.
                match tokio::time::timeout(HAND_OVER, senders[feed].send(path))
                    .await
                {
                    Ok(Ok(())) => {}
                    Err(_) => panic!(
                        "{}",
                        advice(
                            format!(
                                "feed {feed} to be read while the others are still open"
                            ),
                            format!("feed {feed} was full, and nobody read it"),
                            NOT_READ
                        )
                    ),
                    // The receiver is gone: the exercise is unfinished or has
                    // panicked, and says so itself.
                    Ok(Err(_)) => return,
                }
            }
        };
        let (views, ()) = tokio::join!(count_views_async(feeds), feeding);
        views
    });
    check_views(&views, &handed_over());
}

#[test]
fn async_no_view_is_lost_under_contention() {
    // Several worker threads, so the tasks really run at the same time and
    // collide. Filled before the clock starts: only the counting is timed.
    let feeds = (0..CONTENDED_FEEDS)
        .map(|_| {
            let (tx, rx) = mpsc::channel(CONTENDED_VIEWS);
            for _ in 0..CONTENDED_VIEWS {
                tx.try_send(HOME.to_string())
                    .expect("there is room for every view");
            }
            rx
        })
        .collect();
    let views =
        multi_thread("count_views_async", STUCK, || count_views_async(feeds));
    let expected = Views::from([(
        HOME.to_string(),
        (CONTENDED_FEEDS * CONTENDED_VIEWS) as u64,
    )]);
    check_views(&views, &expected);
}
