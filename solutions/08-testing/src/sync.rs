//! The atomics the one-shot slot is built on: `std`'s in the program, loom's in
//! the tests.
//!
//! loom checks a concurrent structure by running it under its own scheduler,
//! again and again, once for every way its threads can interleave (and for
//! every value a load may legally see). It can only do that if the structure
//! uses loom's copies of the `std` types, which have the same API but report
//! every access to the scheduler. So the slot says
//! `crate::sync::atomic::AtomicU64`, and this module decides what that is.
//!
//! Why `cfg(test)` and not the `cfg(loom)` flag that tokio and crossbeam use:
//! that flag is set with `RUSTFLAGS="--cfg loom"`, which rebuilds every
//! dependency from scratch, a few minutes on a laptop. Here only this crate's
//! own test build changes: `cargo test` sees loom's types, every other build
//! (the examples, the other steps) sees `std`'s, and nothing else is rebuilt.
//! The price: in this crate's tests, a slot must live inside `loom::model`,
//! since loom's types panic anywhere else.

// ANCHOR: shim
#[cfg(test)]
pub use loom::sync::atomic;

#[cfg(not(test))]
pub use std::sync::atomic;
// ANCHOR_END: shim
