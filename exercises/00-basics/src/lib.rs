//! Step 00: spawn & join, channels, select, shared state, atomics, condition
//! variables.
//!
//! One module per exercise, in the order of the chapter
//! (`book/src/00-basics.md`). Each exercise comes in two flavours: OS threads
//! (`std::thread`, `crossbeam_channel`, `Mutex`, `Condvar`) and async tasks
//! (`tokio`). Replace each `todo!()` following its `// TODO:` comment, then run
//! `cargo workshop check NAME`
//! (or `cargo test -p ex00-basics --lib tests::NAME`).

pub mod atomics;
pub mod channels;
pub mod scoped_threads;
pub mod select;
pub mod shared_state;
pub mod spawn_join;
pub mod tokio_tasks;
pub mod turn_taking;

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
