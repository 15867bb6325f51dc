//! Shared helpers for the benches (being implemented).
