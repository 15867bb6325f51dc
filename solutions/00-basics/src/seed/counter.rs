//! Five workers × 1000 atomic increments, a port of the seed's fourth Go program
//! (`atomic.AddInt64` + `sync.WaitGroup`), built on the `atomics` exercise.
//!
//! The idea to take away is the program that is *not* here: the same counter with a plain
//! `u64` and `+= 1` from five threads. In Go it compiles and loses updates; in Rust it does
//! not compile. The doc tests below keep that claim honest: `cargo test -p sol00-basics
//! --doc` fails if either racy program ever starts compiling.
#![doc = concat!(
    "\n\nThe racy counter, which must not compile (two `&mut` at once):\n\n",
    "```compile_fail,E0499\n",
    include_str!("../../snippets/racy_counter.rs"),
    "```\n\nThe same with a `Cell`, which must not compile either (`Cell` is not `Sync`):",
    "\n\n```compile_fail,E0277\n",
    include_str!("../../snippets/shared_cell_counter.rs"),
    "```"
)]

use crate::atomics::count_with_threads;

/// The seed's numbers: 5 workers, 1000 increments each.
pub const WORKERS: usize = 5;
pub const INCREMENTS: u64 = 1000;

/// Runs the seed's counter and returns its final value: `WORKERS * INCREMENTS` = 5000.
pub fn final_value() -> u64 {
    count_with_threads(WORKERS, INCREMENTS)
}
