//! Tests for the `turn_taking` exercise: `Turns::take_turn` (`Mutex` + `Condvar`) and
//! `AsyncTurns::take_turn` (`Mutex` + `Notify`).

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use tokio::time::timeout;

use super::support::{LIMIT, within};
use crate::turn_taking::{AsyncTurns, Turns};

const PLAYERS: usize = 3;
const ROUNDS: usize = 4;

/// 0, 1, 2, 0, 1, 2, …: the order the players must have played in.
fn expected_order() -> Vec<usize> {
    (0..ROUNDS).flat_map(|_| 0..PLAYERS).collect()
}

#[test]
fn two_players_alternate_like_the_go_program() {
    let played = within(LIMIT, "Turns::take_turn", || {
        let turns = Turns::new(2);
        let played = Mutex::new(Vec::new());
        thread::scope(|scope| {
            // Player 1 starts first, so the order cannot come from the spawn order.
            for me in [1, 0] {
                let (turns, played) = (&turns, &played);
                scope.spawn(move || {
                    for _ in 0..5 {
                        turns.take_turn(me, || played.lock().unwrap().push(me));
                    }
                });
            }
        });
        played.into_inner().unwrap()
    });
    assert_eq!(
        played,
        vec![0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
        "expected players 0 and 1 to alternate, player 0 first"
    );
}

#[test]
fn three_players_take_turns_in_order() {
    let played = within(LIMIT, "Turns::take_turn with 3 players", || {
        let turns = Turns::new(PLAYERS);
        let played = Mutex::new(Vec::new());
        thread::scope(|scope| {
            for me in (0..PLAYERS).rev() {
                let (turns, played) = (&turns, &played);
                scope.spawn(move || {
                    for _ in 0..ROUNDS {
                        turns.take_turn(me, || played.lock().unwrap().push(me));
                    }
                });
            }
        });
        played.into_inner().unwrap()
    });
    assert_eq!(
        played,
        expected_order(),
        "expected players 0, 1, 2 in turn, every round. (If this test timed out instead, \
         a wake-up went to the wrong player: with more than two, use `notify_all`.)"
    );
}

#[test]
fn take_turn_returns_what_the_closure_returns() {
    let answer = within(LIMIT, "Turns::take_turn", || {
        Turns::new(1).take_turn(0, || 42)
    });
    assert_eq!(answer, 42, "expected take_turn to return f's result");
}

#[tokio::test(start_paused = true)]
async fn async_players_take_turns_in_order() {
    let turns = Arc::new(AsyncTurns::new(PLAYERS));
    let played = Arc::new(Mutex::new(Vec::new()));
    let mut players = Vec::new();
    for me in (0..PLAYERS).rev() {
        let (turns, played) = (Arc::clone(&turns), Arc::clone(&played));
        players.push(tokio::spawn(async move {
            for _ in 0..ROUNDS {
                turns
                    .take_turn(me, || played.lock().unwrap().push(me))
                    .await;
            }
        }));
    }
    let all_done = timeout(LIMIT, async {
        for player in players {
            player.await.expect("a player task panicked");
        }
    })
    .await;
    let played = played.lock().unwrap().clone();
    assert!(
        all_done.is_ok(),
        "expected all players to finish, but they got stuck after {played:?}: is someone \
         waiting for a notification that already happened? Create `notified()` before \
         checking whose turn it is, and wake everyone with `notify_waiters()`"
    );
    assert_eq!(played, expected_order(), "expected players 0, 1, 2 in turn");
}

#[tokio::test(start_paused = true)]
async fn async_take_turn_returns_what_the_closure_returns() {
    let answer = timeout(
        Duration::from_secs(1),
        AsyncTurns::new(1).take_turn(0, || 42),
    )
    .await
    .expect("a single player never got its turn: player 0 goes first");
    assert_eq!(answer, 42, "expected take_turn to return f's result");
}
