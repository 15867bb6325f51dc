//! Bench `server` (being implemented).
fn main() {}
