//! Step 04: timeouts, deadlines and cancellation: the finished crate.

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/04-timeouts/src/tests/mod.rs"]
mod tests;
