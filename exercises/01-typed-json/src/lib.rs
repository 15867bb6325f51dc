//! Step 01: one API call, untyped JSON into typed structs.

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
