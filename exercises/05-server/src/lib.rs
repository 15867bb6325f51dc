//! Step 05: an HTTP server that fans out to upstream APIs.

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
