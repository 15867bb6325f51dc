//! Step 00: spawn & join, channels, select, shared state, atomics, condition variables: the finished crate.

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/00-basics/src/tests/mod.rs"]
mod tests;
