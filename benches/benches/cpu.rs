//! Bench `cpu` (being implemented).
fn main() {}
