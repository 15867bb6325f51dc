//! Step 06: parallel CPU work: map-reduce over a document index: the finished crate.

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/06-parallel-cpu/src/tests/mod.rs"]
mod tests;
