//! Step 04: timeouts, deadlines and cancellation.

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
