//! Bench `fanout` (being implemented).
fn main() {}
