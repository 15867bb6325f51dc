//! Exercise 5 (things): the `GET /things` handler, the task that serves one request.
//!
//! The idea to take away: the server runs each connection in its own task, and the
//! handler's future *is* the request: everything the request starts (the upstream
//! calls) hangs off it, so everything ends with it. When the client disconnects, hyper
//! drops this future, and the calls go with it. That only works if the handler owns
//! them: a fan-out moved into a `tokio::spawn`ed task of its own would be detached, and
//! run on for nobody. The handler reads the deadline, fans out, and answers with
//! whatever arrived in time. Like a Go handler, it never waits past the deadline,
//! whatever the upstreams do.
//!
//! The query arrives as a list of `(key, value)` pairs, so that [`deadline_value`] can
//! refuse `deadline_ms` given twice; [`parse_deadline`] then checks the value. Both give
//! a `Result` with a `String` error, ready for [`json_error`].
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio::time::Instant;

use crate::app::AppState;
use crate::deadline::{deadline_value, parse_deadline};
use crate::errors::json_error;
use crate::fan_out::fan_out;
use crate::results::{ThingsResponse, millis};

// ANCHOR: things
/// `GET /things?deadline_ms=N`: every upstream at once, under one deadline.
///
/// - a bad `deadline_ms` (see [`parse_deadline`] and [`deadline_value`]): `400` with
///   `{"error": ...}` (use [`json_error`]), before any upstream is called;
/// - otherwise `200` with a [`ThingsResponse`]: the results of [`fan_out`] and the time
///   since the handler started, in milliseconds.
pub async fn things(
    State(state): State<AppState>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    // TODO: Read the deadline (a bad one is a 400 JSON error, before any upstream is
    //       called), fan out, and answer 200 with a ThingsResponse; its elapsed_ms
    //       counts from the start of the handler.
    // Book: book/src/05-server.md#exercise-5-the-request-handler
    todo!("exercise 5: things")
}
// ANCHOR_END: things
