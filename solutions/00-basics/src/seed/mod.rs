//! The seed article's three Go programs ("Go concurrency applied in
//! back-ends"), ported to Rust threads: ping-pong over two channels,
//! turn-taking with a condition variable, and five workers counting to 5000
//! with an atomic.
//!
//! Each port returns its output as a `Vec<String>` (the lines it would print,
//! in the order it produced them) instead of printing, so that
//! `tests/transcripts.rs` can check the transcript; the examples in `examples/`
//! print it.

pub mod counter;
pub mod ping_pong;
pub mod turns;

/// The line the "message" worker prints on each of its turns.
pub const MESSAGE: &str = "im reading fugu.cafe";
