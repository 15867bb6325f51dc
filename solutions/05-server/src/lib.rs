//! Step 05: an HTTP server that fans out to upstream APIs: the finished crate.

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/05-server/src/tests/mod.rs"]
mod tests;
