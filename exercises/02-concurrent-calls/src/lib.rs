//! Step 02: GetAllTheThings, sequential then concurrent.

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
