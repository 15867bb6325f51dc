//! The tests of this step, one module per exercise (the module name is the exercise's
//! name: `cargo workshop check index_rayon` runs `tests::index_rayon`).
//!
//! They run unchanged against `exercises/06-parallel-cpu` and
//! `solutions/06-parallel-cpu`. The parallel builds are checked against the sequential
//! one; the async tests observe progress through channels and bound every wait.

mod support;

mod index_rayon;
mod index_scoped_threads;
mod index_sequential;
mod merge_indexes;
mod spawn_blocking;
