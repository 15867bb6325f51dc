//! A stress test of the one-shot slot: its known-wrong versions, run on real
//! threads round after round, counting the rounds in which the bug shows. This
//! is what an ordinary test sees of the bugs that loom finds in a fraction of a
//! second.
//!
//! ```text
//! cargo run --release -p sol08-testing --example stress_slot [-- ROUNDS]
//! ```
//!
//! Each round uses a fresh slot and two threads: a putter and a taker that
//! polls until it gets the value, to catch a stale one; or, against the
//! check-then-act bug, two takers racing for one value. Two ways:
//!
//! - **ordinary**: what a test in a loop does: every round spawns its threads;
//! - **tuned**: two threads for all rounds, meeting at a spinning barrier
//!   before each, so that they really start within nanoseconds of each other.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

// The wrong slots say `crate::sync::atomic`: in this example, that is `std`'s.
mod sync {
    pub use std::sync::atomic;
}

#[allow(dead_code)]
#[path = "../wrong/one_shot_slot-relaxed.rs"]
mod relaxed;

#[allow(dead_code)]
#[path = "../wrong/one_shot_slot-full_before_value.rs"]
mod full_before_value;

#[allow(dead_code)]
#[path = "../wrong/one_shot_slot-check_then_act.rs"]
mod check_then_act;

/// The slot's API, so one harness runs every version.
trait OneShot: Default + Sync {
    fn put(&self, value: u64) -> Result<(), u64>;
    fn take(&self) -> Option<u64>;
}

macro_rules! one_shot {
    ($($slot:ty),*) => {$(
        impl OneShot for $slot {
            fn put(&self, value: u64) -> Result<(), u64> {
                <$slot>::put(self, value)
            }
            fn take(&self) -> Option<u64> {
                <$slot>::take(self)
            }
        }
    )*};
}

one_shot!(
    sol08_testing::Slot,
    relaxed::Slot,
    full_before_value::Slot,
    check_then_act::Slot
);

/// Two threads meet here at the start of every round, spinning (no sleep, no
/// syscall), so that they leave it within nanoseconds of each other.
struct SpinBarrier(AtomicUsize);

impl SpinBarrier {
    fn wait(&self, round: usize) {
        self.0.fetch_add(1, Ordering::SeqCst);
        while self.0.load(Ordering::SeqCst) < 2 * (round + 1) {
            std::hint::spin_loop();
        }
    }
}

// ANCHOR: ordinary
/// Ordinary stress: a test that spawns a putter and takes in a loop until it
/// gets the value, run `rounds` times. Returns the runs that got a value other
/// than 42.
fn ordinary_stale_values<S: OneShot + Send + 'static>(rounds: usize) -> usize {
    let mut stale = 0;
    for _ in 0..rounds {
        let slot = std::sync::Arc::new(S::default());
        let putter = {
            let slot = std::sync::Arc::clone(&slot);
            std::thread::spawn(move || slot.put(42))
        };
        let value = loop {
            if let Some(value) = slot.take() {
                break value;
            }
            std::thread::yield_now();
        };
        putter.join().unwrap().expect("a fresh slot takes a put");
        stale += usize::from(value != 42);
    }
    stale
}
// ANCHOR_END: ordinary

/// Ordinary stress: put, then spawn two takers; the runs in which both got the
/// value.
fn ordinary_double_takes<S: OneShot + Send + 'static>(rounds: usize) -> usize {
    let mut doubles = 0;
    for _ in 0..rounds {
        let slot = std::sync::Arc::new(S::default());
        slot.put(42).expect("a fresh slot takes a put");
        let takers: Vec<_> = (0..2)
            .map(|_| {
                let slot = std::sync::Arc::clone(&slot);
                std::thread::spawn(move || slot.take().is_some())
            })
            .collect();
        let got: Vec<bool> =
            takers.into_iter().map(|t| t.join().unwrap()).collect();
        doubles += usize::from(got == [true, true]);
    }
    doubles
}

/// Tuned stress: rounds in which a taker got a value other than the one put:
/// put(42) on one thread, take in a loop on the other, both starting together.
fn stale_values<S: OneShot>(rounds: usize) -> usize {
    let slots: Vec<S> = (0..rounds).map(|_| S::default()).collect();
    let barrier = SpinBarrier(AtomicUsize::new(0));
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for (round, slot) in slots.iter().enumerate() {
                barrier.wait(round);
                slot.put(42).expect("a fresh slot takes a put");
            }
        });
        let taker = scope.spawn(|| {
            let mut stale = 0;
            for (round, slot) in slots.iter().enumerate() {
                barrier.wait(round);
                let value = loop {
                    if let Some(value) = slot.take() {
                        break value;
                    }
                    std::hint::spin_loop();
                };
                stale += usize::from(value != 42);
            }
            stale
        });
        taker.join().expect("the taker should not panic")
    })
}
// ANCHOR_END: stale

/// Tuned stress: rounds in which both of two racing takers got the value.
fn double_takes<S: OneShot>(rounds: usize) -> usize {
    let slots: Vec<S> = (0..rounds)
        .map(|_| {
            let slot = S::default();
            slot.put(42).expect("a fresh slot takes a put");
            slot
        })
        .collect();
    let barrier = SpinBarrier(AtomicUsize::new(0));
    let takes = |_| {
        let mut got = Vec::with_capacity(rounds);
        for (round, slot) in slots.iter().enumerate() {
            barrier.wait(round);
            got.push(slot.take().is_some());
        }
        got
    };
    let (first, second) = std::thread::scope(|scope| {
        let first = scope.spawn(|| takes(0));
        let second = scope.spawn(|| takes(1));
        (first.join().unwrap(), second.join().unwrap())
    });
    first
        .iter()
        .zip(&second)
        .filter(|(a, b)| **a && **b)
        .count()
}

fn row(
    version: &str,
    what: &str,
    rounds: usize,
    runs: [fn(usize) -> usize; 2],
) {
    let mut cells = String::new();
    for run in runs {
        let started = Instant::now();
        let seen = run(rounds);
        let took: Duration = started.elapsed();
        cells.push_str(&format!(" {seen:>9} {:>5.1} s", took.as_secs_f64()));
    }
    println!("  {version:<27} {what:<14}{cells}");
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse().expect("ROUNDS must be a number"))
        .unwrap_or(20_000);
    println!(
        "{rounds} rounds per version on real threads ({}, {} cores):\n",
        std::env::consts::ARCH,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "  {:<27} {:<14} {:>17} {:>17}",
        "version", "looking for", "ordinary: seen", "tuned: seen"
    );
    use sol08_testing::Slot as Correct;
    let stale = |version, runs| row(version, "a stale value", rounds, runs);
    stale(
        "correct (Release/Acquire)",
        [ordinary_stale_values::<Correct>, stale_values::<Correct>],
    );
    stale(
        "relaxed orderings",
        [
            ordinary_stale_values::<relaxed::Slot>,
            stale_values::<relaxed::Slot>,
        ],
    );
    stale(
        "FULL before the value",
        [
            ordinary_stale_values::<full_before_value::Slot>,
            stale_values::<full_before_value::Slot>,
        ],
    );
    let doubles = |version, runs| row(version, "a double take", rounds, runs);
    doubles(
        "correct (one CAS in take)",
        [ordinary_double_takes::<Correct>, double_takes::<Correct>],
    );
    doubles(
        "take checks, then acts",
        [
            ordinary_double_takes::<check_then_act::Slot>,
            double_takes::<check_then_act::Slot>,
        ],
    );
}
