//! The tests of this step, one module per exercise. The module name is the
//! exercise's name: `cargo workshop check hedged` runs `tests::hedged::*`.
//!
//! Two kinds of test. Those with HTTP calls (bounded, hedged) talk to
//! in-process fake upstreams on `127.0.0.1:0`, on real time, and read the
//! upstreams' own counters and logs. The others run on paused tokio time (a
//! clock that jumps to the next timer whenever every task waits), so their
//! schedules are exact and a hang is seen at once. Every wait has a deadline,
//! so an unfinished exercise fails fast instead of hanging.
mod actor;
mod bounded;
mod hedged;
mod pipeline;
mod rate_limit;
mod support;
mod worker_pool;
