//! Step 03: a Job abstraction; RunAsync and RunAsyncAllowErrors: the finished crate.

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/03-jobs/src/tests/mod.rs"]
mod tests;
