//! Step 05: an HTTP server that fans out to upstream APIs.
//!
//! `GET /things?deadline_ms=N` calls every configured upstream at once, all under one
//! deadline, and answers with what each one did (`ok`, `error`, `timeout`), in configured
//! order. It is the service of the Go workshop (a goroutine per request, a goroutine per
//! API call) with tokio tasks, plus what a real server needs: overload shedding, a JSON
//! error for everything, panics contained to one request, graceful shutdown.
//!
//! Your exercises, in order (each builds on the ones before; `cargo workshop` shows
//! which one is next):
//!
//! 1. [`deadline`]: `parse_deadline`, check `deadline_ms` at the edge;
//! 2. [`call`]: `call_upstream`, one upstream call with its body capped while streaming;
//! 3. [`fan_out`](mod@fan_out): `fan_out`, a task per call, all racing one deadline;
//! 4. [`overload`]: `limit_in_flight`, `503` at once rather than an endless queue;
//! 5. [`things`](mod@things): `things`, the handler, the task of one request;
//! 6. [`shutdown`]: `drain`, finish in-flight requests, then stop.
//!
//! Given (read them, they are the same in the solution): [`config`], [`results`],
//! [`errors`], [`app`], [`server`], [`run`].
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

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
