//! Step 01: one API call, untyped JSON into typed structs: the finished crate.

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/01-typed-json/src/tests/mod.rs"]
mod tests;
