//! Step 03: a Job abstraction; RunAsync and RunAsyncAllowErrors.

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
