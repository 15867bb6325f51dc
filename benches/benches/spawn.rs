//! Bench `spawn` (being implemented).
fn main() {}
