//! Exercise 3 (one_shot_slot): a one-shot slot on two atomics, whose orderings
//! a model checker (loom) proves right in every interleaving.
//!
//! A [`Slot`] carries one `u64` from one thread to another without a lock: the
//! core of a oneshot channel or a `OnceLock`. It is two atomics, the `value`
//! and a `state` that moves one way only:
//!
//! ```text
//! EMPTY --put claims--> WRITING --put stored value--> FULL --take--> TAKEN
//! ```
//!
//! Why a `WRITING` state: two threads may call `put` at once. The one that
//! moves the state from `EMPTY` to `WRITING` (one indivisible
//! compare-and-exchange) owns the slot; the other gets its value back. Marking
//! the slot `FULL` *before* the value is stored would let a taker read the
//! value too early. The same goes for `take`: reading `FULL` and then writing
//! `TAKEN` in a second step lets two takers both read `FULL` in between; the
//! check and the change must be one operation.
//!
//! Why orderings: every atomic operation takes an `Ordering`, and it is a
//! promise about *other* memory. `Relaxed` promises nothing: a taker may see
//! `state == FULL` and still read the `value` from before the `put`, because
//! nothing orders the two stores as another thread sees them. On an x86 laptop
//! that never shows (its hardware keeps stores in order); on an ARM one (Apple
//! silicon, phones, many cloud servers) it can, once in a long while.
//! Which orderings make "saw `FULL`" imply "sees the value" is the heart of
//! this exercise: the chapter explains them.
//!
//! Why loom: the bug lives in one interleaving among thousands, and on x86 in
//! none that real hardware produces. The step's tests run small programs over
//! your slot under `loom::model`, which runs them once for every interleaving
//! of their threads and for every value each load may legally return under the
//! orderings you chose. If one of them breaks an assertion, loom fails the test
//! and says which. The slot uses `crate::sync`'s atomics, which are loom's in
//! the tests and `std`'s everywhere else.

use crate::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// Nothing was put yet.
const EMPTY: u8 = 0;
/// A `put` owns the slot and is storing its value.
const WRITING: u8 = 1;
/// The value is stored, ready to be taken.
const FULL: u8 = 2;
/// The value was taken.
const TAKEN: u8 = 3;

// ANCHOR: slot
/// A slot for one `u64`: put once and taken once, by any threads, without a
/// lock.
#[derive(Debug)]
pub struct Slot {
    /// `EMPTY`, `WRITING`, `FULL` or `TAKEN`: only ever moves forward.
    state: AtomicU8,
    /// Meaningful once `state` is `FULL`.
    value: AtomicU64,
}

impl Slot {
    pub fn new() -> Self {
        Slot {
            state: AtomicU8::new(EMPTY),
            value: AtomicU64::new(0),
        }
    }
}

impl Default for Slot {
    fn default() -> Self {
        Self::new()
    }
}
// ANCHOR_END: slot

// ANCHOR: put_take
impl Slot {
    /// Puts `value` in, if nothing was ever put in before; otherwise gives it
    /// back.
    pub fn put(&self, value: u64) -> Result<(), u64> {
        // Claiming orders nothing: the Release below publishes the value.
        if self
            .state
            .compare_exchange(
                EMPTY,
                WRITING,
                Ordering::Relaxed,
                Ordering::Relaxed,
            )
            .is_err()
        {
            return Err(value);
        }
        self.value.store(value, Ordering::Relaxed);
        // Release: whoever reads this FULL with Acquire also sees every write
        // made before it, the value's store included.
        self.state.store(FULL, Ordering::Release);
        Ok(())
    }

    /// Takes the value out, if it is there and nobody took it before.
    pub fn take(&self) -> Option<u64> {
        // Acquire pairs with put's Release: having read FULL, we see the value.
        self.state
            .compare_exchange(FULL, TAKEN, Ordering::Acquire, Ordering::Relaxed)
            .ok()?;
        Some(self.value.load(Ordering::Relaxed))
    }
}
// ANCHOR_END: put_take
