//! Exercise `turn_taking`: players that take turns in a fixed order, coordinated through
//! shared state: a `Mutex` and a `Condvar` (threads), a `Mutex` and a `Notify` (tasks).
//!
//! The idea to take away: a condition variable is "sleep until the shared state might
//! have changed, then look again". Always re-check the condition in a loop after waking
//! (`Condvar::wait_while` does it for you), and wake *every* waiter when more than one of
//! them could be the one whose turn it is (Go's `Broadcast`, Rust's `notify_all`).

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use tokio::sync::Notify;

/// Whose turn it is, shared by OS threads.
pub struct Turns {
    /// The player whose turn it is: `0..players`.
    whose_turn: Mutex<usize>,
    /// Signalled every time the turn moves on.
    changed: Condvar,
    players: usize,
}

impl Turns {
    /// `players` players (at least one), numbered from 0; player 0 goes first.
    pub fn new(players: usize) -> Self {
        Turns {
            whose_turn: Mutex::new(0),
            changed: Condvar::new(),
            players: players.max(1),
        }
    }

    /// A clear error for a player who does not exist (who would otherwise wait forever).
    fn check_player(&self, me: usize) {
        assert!(
            me < self.players,
            "there is no player {me}: players are numbered 0..{}",
            self.players
        );
    }

    // ANCHOR: take_turn
    /// Blocks until it is `me`'s turn, runs `f` while holding the turn, passes the turn to
    /// the next player (`(me + 1) % players`) and wakes the others. Returns what `f`
    /// returned.
    pub fn take_turn<R>(&self, me: usize, f: impl FnOnce() -> R) -> R {
        self.check_player(me);
        // TODO: lock `whose_turn` (`.lock().unwrap_or_else(PoisonError::into_inner)`),
        //       wait with `self.changed.wait_while(guard, |turn| *turn != me)` until it is
        //       your turn, run `f()`, set the turn to `(me + 1) % self.players`, wake
        //       *every* waiter with `notify_all()`, and return `f`'s result.
        // Book: book/src/00-basics.md#exercise-6-turn-taking
        todo!()
    }
    // ANCHOR_END: take_turn
}

/// Whose turn it is, shared by tokio tasks.
pub struct AsyncTurns {
    /// A std `Mutex` is fine in async code as long as the guard is never held across an
    /// `.await` (here it never is).
    whose_turn: Mutex<usize>,
    /// Tells the waiting tasks that the turn has moved on.
    changed: Notify,
    players: usize,
}

impl AsyncTurns {
    /// `players` players (at least one), numbered from 0; player 0 goes first.
    pub fn new(players: usize) -> Self {
        AsyncTurns {
            whose_turn: Mutex::new(0),
            changed: Notify::new(),
            players: players.max(1),
        }
    }

    fn whose_turn(&self) -> MutexGuard<'_, usize> {
        self.whose_turn
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// A clear error for a player who does not exist (who would otherwise wait forever).
    fn check_player(&self, me: usize) {
        assert!(
            me < self.players,
            "there is no player {me}: players are numbered 0..{}",
            self.players
        );
    }

    // ANCHOR: take_turn_async
    /// The async twin of [`Turns::take_turn`]: waits (without blocking the thread) until
    /// it is `me`'s turn, runs `f`, passes the turn on and wakes the other tasks.
    pub async fn take_turn<R>(&self, me: usize, f: impl FnOnce() -> R) -> R {
        self.check_player(me);
        // TODO: loop { create `let changed = self.changed.notified();` FIRST, then if
        //       `*self.whose_turn() == me` break, else `changed.await` }; then run `f()`,
        //       set the turn to `(me + 1) % self.players` and wake all waiting tasks with
        //       `self.changed.notify_waiters()`. Never hold the lock across an `.await`.
        // Book: book/src/00-basics.md#exercise-6-turn-taking
        todo!()
    }
    // ANCHOR_END: take_turn_async
}
