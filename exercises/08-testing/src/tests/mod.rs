//! The tests of this step, one module per exercise (the module name is the
//! exercise's name: `cargo workshop check check_retry` runs
//! `tests::check_retry`).
//!
//! In exercises 1 and 2 the attendee's code *is* a test, so these tests test
//! it: each runs the attendee's check against the correct code (it must pass)
//! and against broken copies of it (it must fail), on a thread of its own with
//! a deadline, so that a check that panics or hangs is reported, not fatal.
//! Exercise 3's tests are loom models.

mod support;

mod check_cancellation;
mod check_retry;
mod one_shot_slot;
