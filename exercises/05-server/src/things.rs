//! Exercise 5: the `GET /things` handler, the task that serves one request.
//!
//! The idea to take away: the server runs each connection in its own task, and the
//! handler's future *is* the request: everything the request starts (the upstream
//! calls) hangs off it, so everything ends with it. The handler reads the deadline,
//! fans out, and answers with whatever arrived in time. Like a Go handler, it never
//! waits past the deadline, whatever the upstreams do.
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
    // TODO: note `Instant::now()`. Get the deadline with
    // `deadline_value(&query).and_then(parse_deadline)`; on `Err(message)` return
    // `json_error(StatusCode::BAD_REQUEST, message)`. Otherwise
    // `fan_out(&state.client, &state.upstreams, deadline).await`, and answer
    // `Json(ThingsResponse { elapsed_ms, results }).into_response()`.
    // Book: book/src/05-server.md#exercise-5-the-request-handler
    todo!("exercise 5: things")
}
// ANCHOR_END: things
