//! The tests of this step, one module per exercise. The module name is the
//! exercise's name: `cargo workshop check get_all_threads` runs
//! `tests::get_all_threads::*`.
//!
//! Every test talks to its own in-process fake upstream on `127.0.0.1:0` (real
//! sockets, real latency), and every wait has a deadline, so an unfinished
//! exercise fails fast instead of hanging.
mod get_all_join;
mod get_all_joinset;
mod get_all_sequential;
mod get_all_threads;
mod support;
