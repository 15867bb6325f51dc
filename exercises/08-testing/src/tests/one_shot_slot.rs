//! Exercise `one_shot_slot`: `crate::slot::Slot` under loom, which runs each
//! small program below once for every interleaving of its threads (and every
//! value each load may return under the orderings the slot chose), and fails if
//! any run breaks an assertion.
//!
//! Inside `loom::model`, `crate::sync` is loom's, and so must be every thread
//! and `Arc`: `loom::thread::spawn`, `loom::sync::Arc`. The search is bounded
//! (at most [`PREEMPTIONS`] forced thread switches per run), which keeps each
//! model to a fraction of a second in a debug build and still finds every bug
//! the known-wrong slots have.
//!
//! In the models with threads, every call of the slot goes through [`guarded`]:
//! loom aborts the whole test process when a thread of its model panics while
//! others still run, so a `todo!()` (or any panic of the slot) is caught where
//! it happens and reported once every thread is joined.

use std::panic::{AssertUnwindSafe, catch_unwind};

use loom::sync::Arc;
use loom::thread;

use crate::slot::Slot;

/// The most preemptions per explored run. Bugs that need more are rare; the
/// known-wrong slots all need one or two. `LOOM_MAX_PREEMPTIONS=N` overrides
/// it.
const PREEMPTIONS: usize = 3;

// ANCHOR: check
/// Runs `model` under loom, in every interleaving up to [`PREEMPTIONS`]
/// preemptions.
fn check(model: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(PREEMPTIONS);
    }
    builder.check(model);
}
// ANCHOR_END: check

/// Runs one call of the slot, turning its panic into an `Err` with the panic's
/// message.
fn guarded<T>(call: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("{call} panicked: {message}")
    })
}

/// The value of a guarded call, or the test's failure, on the model's main
/// thread once every other thread is joined.
fn ok<T>(result: Result<T, String>) -> T {
    result.unwrap_or_else(|message| panic!("{message}"))
}

#[test]
fn put_once_take_once() {
    check(|| {
        let slot = Slot::new();
        assert_eq!(
            slot.take(),
            None,
            "expected take on an empty slot to be None"
        );
        assert_eq!(slot.put(42), Ok(()), "expected the first put to succeed");
        assert_eq!(
            slot.put(7),
            Err(7),
            "expected a second put to give its value back: the slot is one-shot"
        );
        assert_eq!(
            slot.take(),
            Some(42),
            "expected take to return what put stored"
        );
        assert_eq!(slot.take(), None, "expected a second take to be None");
    });
}

// ANCHOR: model
#[test]
fn a_taker_never_sees_the_slot_full_without_its_value() {
    check(|| {
        let slot = Arc::new(Slot::new());
        let putter = {
            let slot = Arc::clone(&slot);
            thread::spawn(move || guarded("put", || slot.put(42)))
        };
        // Races the put: loom tries it before, during and after.
        let taken = guarded("take", || slot.take());
        let put = putter.join().expect("guarded calls do not panic");
        let taken = ok(taken);
        assert_eq!(ok(put), Ok(()), "expected put on an empty slot to succeed");
        assert!(
            taken.is_none() || taken == Some(42),
            "expected take, racing put(42), to return None or Some(42); \
             it returned {taken:?}: it saw the slot FULL but read the value \
             from before the put. Likely mistake: Ordering::Relaxed where put \
             marks the slot FULL or where take reads it. Relaxed orders \
             nothing: the value's store need not be visible to a thread that \
             saw FULL. (Or FULL is set before the value is stored.)"
        );
    });
}
// ANCHOR_END: model

#[test]
fn two_takers_never_both_get_the_value() {
    check(|| {
        let slot = Arc::new(Slot::new());
        let put = ok(guarded("put", || slot.put(42)));
        assert_eq!(put, Ok(()), "expected the first put to succeed");
        let takers: Vec<_> = (0..2)
            .map(|_| {
                let slot = Arc::clone(&slot);
                thread::spawn(move || guarded("take", || slot.take()))
            })
            .collect();
        let joined: Vec<_> =
            takers.into_iter().map(|t| t.join().unwrap()).collect();
        let got: Vec<Option<u64>> = joined.into_iter().map(ok).collect();
        let winners = got.iter().filter(|taken| taken.is_some()).count();
        assert!(
            winners == 1 && got.contains(&Some(42)),
            "expected exactly one of two racing takers to get Some(42); they got {got:?}. \
             Likely mistake: take reads the state, then writes TAKEN in a second step, and \
             another taker can read FULL in between: the check and the change must be one \
             atomic operation."
        );
    });
}

#[test]
fn two_putters_exactly_one_wins() {
    check(|| {
        let slot = Arc::new(Slot::new());
        let putters: Vec<_> = [1, 2]
            .into_iter()
            .map(|value| {
                let slot = Arc::clone(&slot);
                thread::spawn(move || guarded("put", || slot.put(value)))
            })
            .collect();
        let joined: Vec<_> =
            putters.into_iter().map(|p| p.join().unwrap()).collect();
        let results: Vec<Result<(), u64>> =
            joined.into_iter().map(ok).collect();
        let taken = ok(guarded("take", || slot.take()));
        let winners: Vec<u64> = [1, 2]
            .into_iter()
            .zip(&results)
            .filter(|(_, result)| result.is_ok())
            .map(|(value, _)| value)
            .collect();
        assert!(
            winners.len() == 1 && taken == Some(winners[0]),
            "expected exactly one of put(1) and put(2) to win, the other to get its value \
             back, and take to return the winner's value; the puts returned {results:?} and \
             take {taken:?}. Likely mistake: put checks that the slot is EMPTY and claims it \
             in two steps, so both putters can see EMPTY: claim it with one \
             compare_exchange."
        );
    });
}
