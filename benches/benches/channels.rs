//! Bench `channels` (being implemented).
fn main() {}
