//! Exercise 6 (turn_taking): players that take turns in a fixed order,
//! coordinated through shared state: a `Mutex` and a `Condvar` (threads), a
//! `Mutex` and a `Notify` (tasks).
//!
//! KNOWN WRONG (notify_one): the threads' version wakes a single waiter
//! (`notify_one`, Go's `Signal`) when it passes the turn. With two players that
//! is always the right one; with three it may be the wrong one, who goes back
//! to sleep, and the right one is never woken.
//!
//! Why it works: a condition variable is "sleep until the shared state might
//! have changed, then look again". Waiting on a `Condvar` hands back the lock
//! while asleep and takes it again on waking; wake-ups can be spurious, so the
//! condition is re-checked in a loop (`Condvar::wait_while` is that loop). With
//! more than two players, waking *one* waiter may wake a player whose turn it
//! is not: it goes back to sleep, and the right one sleeps forever. Wake them
//! all (Go's `Broadcast`).
//!
//! A `Notify` has no lock to hand back, so the order of the steps is yours to
//! get right. `notify_waiters` wakes only the `Notified` futures that already
//! exist when it is called (creating one registers interest, even before its
//! first poll). A player that checks the turn first and only then creates its
//! `Notified` can miss the wake-up that lands in between, and sleep forever.
//! The tests cannot promise to catch that window; a model checker (loom) can.
//!
//! A `std::sync::MutexGuard` held across an `.await` makes the future not
//! `Send`, and `tokio::spawn` then refuses it: lock, read or write, unlock, and
//! only then await.

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

    /// A clear error for a player who does not exist (who would otherwise wait
    /// forever).
    fn check_player(&self, me: usize) {
        assert!(
            me < self.players,
            "there is no player {me}: players are numbered 0..{}",
            self.players
        );
    }

    // ANCHOR: take_turn
    /// Blocks until it is `me`'s turn, runs `f` while holding the turn,
    /// passes the turn to the next player (`(me + 1) % players`) and wakes
    /// the others. Returns what `f` returned.
    pub fn take_turn<R>(&self, me: usize, f: impl FnOnce() -> R) -> R {
        self.check_player(me);
        // A poisoned lock only means another player panicked while holding it;
        // the number inside is still a valid turn.
        let guard = self
            .whose_turn
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Sleeps (releasing the lock) until notified, re-checks, and repeats:
        // Go's `for *turn != id { cond.Wait() }`.
        let mut turn = self
            .changed
            .wait_while(guard, |turn| *turn != me)
            .unwrap_or_else(PoisonError::into_inner);
        let result = f();
        *turn = (me + 1) % self.players;
        // The mistake: this wakes one waiter, not necessarily the next player.
        self.changed.notify_one();
        result
    }
    // ANCHOR_END: take_turn
}

/// Whose turn it is, shared by tokio tasks.
pub struct AsyncTurns {
    /// A std `Mutex` is fine in async code as long as the guard is never held
    /// across an `.await` (here it never is).
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

    /// A clear error for a player who does not exist (who would otherwise wait
    /// forever).
    fn check_player(&self, me: usize) {
        assert!(
            me < self.players,
            "there is no player {me}: players are numbered 0..{}",
            self.players
        );
    }

    // ANCHOR: take_turn_async
    /// The async twin of [`Turns::take_turn`]: waits (without blocking
    /// the thread) until it is `me`'s turn, runs `f`, passes the turn on
    /// and wakes the other tasks.
    pub async fn take_turn<R>(&self, me: usize, f: impl FnOnce() -> R) -> R {
        self.check_player(me);
        loop {
            // Ask to be woken *before* looking: a `notify_waiters()` that
            // happens between the look and the `.await` still reaches this
            // `Notified`, so it can't be missed.
            let changed = self.changed.notified();
            if *self.whose_turn() == me {
                break;
            }
            changed.await;
        }
        let result = f();
        *self.whose_turn() = (me + 1) % self.players;
        // Wake every waiting task; each one looks again and only the next
        // player goes.
        self.changed.notify_waiters();
        result
    }
    // ANCHOR_END: take_turn_async
}
