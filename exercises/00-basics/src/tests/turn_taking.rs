//! Tests for the `turn_taking` exercise: `Turns::take_turn` (`Mutex` +
//! `Condvar`) and `AsyncTurns::take_turn` (`Mutex` + `Notify`).
//!
//! A turn-taking bug shows up as players who all wait and nobody plays: the run
//! stops part-way. Each test records who played, so the failure can show how
//! far it got.
//!
//! One bug these tests cannot promise to catch: an async player that checks the
//! turn before it creates its `Notified` future. The wake-up is lost only if it
//! lands in the few nanoseconds between the two steps; on the single-threaded
//! test runtime nothing can run there at all. The chapter explains the order; a
//! model checker (loom) finds the interleaving that a test run almost never
//! hits.

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use super::support::{advice, paused, within};
use crate::turn_taking::{AsyncTurns, Turns};

const PLAYERS: usize = 3;
const ROUNDS: usize = 10;

const WRONG_ONE_WOKEN: &str = "with three players, waking a single waiter (`notify_one`, \
    Go's `Signal`) may wake a player whose turn it is not: it goes back to sleep and the \
    right one is never woken; wake every waiter (`notify_all`, Go's `Broadcast`)";

const LOST_WAKE_UP: &str = "a wake-up that nobody received. Either a single waiter was \
    woken (`notify_one`) and it was the wrong player: wake all of them \
    (`notify_waiters`); or a task checked the turn *before* creating its `notified()` \
    future, and the wake-up landed in between: create it first, then check, then await";

/// 0, 1, 2, 0, 1, 2, …: the order the players must have played in.
fn expected_order(players: usize, rounds: usize) -> Vec<usize> {
    (0..rounds).flat_map(|_| 0..players).collect()
}

/// Runs `players` threads (started in reverse order, so the order cannot come
/// from the spawn order), each taking `rounds` turns, and returns who played in
/// which order, or how far they got if they got stuck.
fn play_with_threads(
    players: usize,
    rounds: usize,
    if_stuck: &str,
) -> Vec<usize> {
    let played = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&played);
    let finished = std::panic::catch_unwind(move || {
        within("Turns::take_turn", if_stuck, move || {
            let turns = Turns::new(players);
            thread::scope(|scope| {
                for me in (0..players).rev() {
                    let (turns, log) = (&turns, &log);
                    scope.spawn(move || {
                        for _ in 0..rounds {
                            turns
                                .take_turn(me, || log.lock().unwrap().push(me));
                        }
                    });
                }
            });
        })
    });
    let played = played.lock().unwrap().clone();
    if let Err(panic) = finished {
        let message = super::support::panic_message(panic.as_ref());
        if message.starts_with("not yet implemented") {
            std::panic::resume_unwind(panic);
        }
        panic!("{message}  played before it stopped: {played:?}\n");
    }
    played
}

#[test]
fn two_players_alternate_like_the_go_program() {
    let played =
        play_with_threads(2, 5, "the turn never passed to the other player");
    assert!(
        played == expected_order(2, 5),
        "{}",
        advice(
            "players 0 and 1 alternating, player 0 first: [0, 1, 0, 1, …] (10 turns)",
            format!("{played:?}"),
            "running `f` before it is your turn: wait while the turn is someone else's, \
             and re-check after every wake-up"
        )
    );
}

#[test]
fn three_players_take_turns_in_order() {
    let played = play_with_threads(PLAYERS, ROUNDS, WRONG_ONE_WOKEN);
    assert!(
        played == expected_order(PLAYERS, ROUNDS),
        "{}",
        advice(
            "players 0, 1, 2 in turn, every round",
            format!("{played:?}"),
            "passing the turn to the wrong player: the next one is `(me + 1) % players`"
        )
    );
}

#[test]
fn take_turn_returns_what_the_closure_returns() {
    let answer = within("Turns::take_turn", "player 0 goes first", || {
        Turns::new(1).take_turn(0, || 42)
    });
    assert!(
        answer == 42,
        "{}",
        advice(
            "42, what f returned",
            answer,
            "returning something else than f's result"
        )
    );
}

/// Plays `players` tasks (spawned in reverse order) for `rounds` rounds each.
/// Returns who played in which order; if they have not all finished after
/// `give_up` (on the runtime's clock), fails the test showing how far they got.
async fn play_with_tasks(
    players: usize,
    rounds: usize,
    give_up: Duration,
) -> Vec<usize> {
    let turns = Arc::new(AsyncTurns::new(players));
    let played = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for me in (0..players).rev() {
        let (turns, played) = (Arc::clone(&turns), Arc::clone(&played));
        tasks.push(tokio::spawn(async move {
            for _ in 0..rounds {
                turns
                    .take_turn(me, || played.lock().unwrap().push(me))
                    .await;
            }
        }));
    }
    let all_done = tokio::time::timeout(give_up, async {
        for task in tasks {
            if let Err(error) = task.await {
                std::panic::resume_unwind(error.into_panic());
            }
        }
    })
    .await;
    let played = played.lock().unwrap().clone();
    if all_done.is_err() {
        let total = players * rounds;
        let last: Vec<_> = played.iter().rev().take(6).rev().collect();
        panic!(
            "{}",
            advice(
                format!("{players} players to play {total} turns in order"),
                format!(
                    "they got stuck after {} turns (the last ones: {last:?}): every player \
                     is waiting and nobody plays",
                    played.len()
                ),
                LOST_WAKE_UP
            )
        );
    }
    played
}

#[test]
fn async_players_take_turns_in_order() {
    // Paused time: if every task waits for a wake-up that never comes, the
    // runtime is idle, the clock jumps, and `give_up` passes at once.
    let played = paused("AsyncTurns::take_turn", LOST_WAKE_UP, || {
        play_with_tasks(PLAYERS, ROUNDS, Duration::from_secs(60))
    });
    assert!(
        played == expected_order(PLAYERS, ROUNDS),
        "{}",
        advice(
            "players 0, 1, 2 in turn, every round",
            format!("{played:?}"),
            "passing the turn to the wrong player: the next one is `(me + 1) % players`"
        )
    );
}

#[test]
fn async_take_turn_returns_what_the_closure_returns() {
    let answer =
        paused("AsyncTurns::take_turn", "player 0 goes first", || async {
            AsyncTurns::new(1).take_turn(0, || 42).await
        });
    assert!(
        answer == 42,
        "{}",
        advice(
            "42, what f returned",
            answer,
            "returning something else than f's result"
        )
    );
}
