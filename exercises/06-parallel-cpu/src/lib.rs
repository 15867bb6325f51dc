//! Step 06: parallel CPU work: map-reduce over a document index.

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
