//! Step 00: spawn & join, channels, select, shared state, atomics, condition variables.

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
