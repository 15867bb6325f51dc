//! Step 02: GetAllTheThings, sequential then concurrent: the finished crate.

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/02-concurrent-calls/src/tests/mod.rs"]
mod tests;
