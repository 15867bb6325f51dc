//! Step 05: an HTTP server that fans out to upstream APIs: the finished crate.
//!
//! `GET /things?deadline_ms=N` calls every configured upstream at once, all under one
//! deadline, and answers with what each one did (`ok`, `error`, `timeout`), in configured
//! order. It is the service of the Go workshop (a goroutine per request, a goroutine per
//! API call) with tokio tasks, plus what a real server needs: overload shedding, a JSON
//! error for everything, panics contained to one request, graceful shutdown.
//!
//! Reading order, one idea per file:
//!
//! - [`config`]: what may be fetched is fixed at startup (given);
//! - [`deadline`]: check `deadline_ms` at the edge (exercise 1);
//! - [`call`]: one upstream call with its body capped while streaming (exercise 2);
//! - [`fan_out`](mod@fan_out): a task per call, all racing one deadline (exercise 3);
//! - [`overload`]: `503` at once rather than an endless queue (exercise 4);
//! - [`things`](mod@things): the handler, the task of one request (exercise 5);
//! - [`shutdown`]: finish in-flight requests, then stop (exercise 6);
//! - [`results`], [`errors`], [`app`], [`server`], [`run`]: the plumbing (given).
//!
//! `cargo workshop serve` calls [`serve_blocking`]; tests drive [`app`] and [`serve`].
pub mod app;
pub mod call;
pub mod config;
pub mod deadline;
pub mod errors;
pub mod fan_out;
pub mod overload;
pub mod results;
pub mod run;
pub mod server;
pub mod shutdown;
pub mod signals;
pub mod things;

pub use app::{AppState, app, harden, routes};
pub use call::{CallError, MAX_BODY_BYTES, call_upstream};
pub use config::{Config, UpstreamSpec, parse_upstream_specs};
pub use deadline::parse_deadline;
pub use fan_out::fan_out;
pub use results::{Status, ThingsResponse, UpstreamResult};
pub use run::{ServeOptions, serve_blocking};
pub use server::{serve, serve_router};
pub use shutdown::drain;
pub use signals::shutdown_signal;

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/05-server/src/tests/mod.rs"]
mod tests;
