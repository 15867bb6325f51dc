//! Five workers × 1000 atomic increments, a port of the seed's fourth Go
//! program (`atomic.AddInt64` + `sync.WaitGroup`), built on the `atomics`
//! exercise.
//!
//! The idea to take away is the program that is *not* here: the same counter
//! with a plain `u64` and `+= 1` from five threads. In Go it compiles and loses
//! updates; in Rust it does not compile. [`crate::compile_errors`] keeps that
//! claim honest with doc tests.

use crate::atomics::count_with_threads;

/// The seed's numbers: 5 workers, 1000 increments each.
pub const WORKERS: usize = 5;
pub const INCREMENTS: u64 = 1000;

/// Runs the seed's counter and returns its final value: `WORKERS * INCREMENTS`
/// = 5000.
pub fn final_value() -> u64 {
    count_with_threads(WORKERS, INCREMENTS)
}
