//! Exercise 4: shed load. More than `max_in_flight` requests at once get a `503` at once.
//!
//! The idea to take away: a server that accepts everything builds a queue, and a queue
//! under overload only grows: every request waits longer, times out at its client, and
//! the work done for it is wasted. Saying "no" at once keeps the requests you *do* accept
//! fast. A semaphore with `max_in_flight` permits counts the requests in flight;
//! `try_acquire` (never `acquire`, which waits in line) either gets a permit or fails
//! immediately. The permit is a guard: it goes back when dropped, after the response is
//! built, even if the handler panicked.
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::Semaphore;

use crate::errors::json_error;

// ANCHOR: limit_in_flight
/// Middleware: lets a request through if one of `in_flight`'s permits is free, holding
/// the permit until the response is ready; answers [`overloaded()`] at once otherwise.
pub async fn limit_in_flight(
    State(in_flight): State<Arc<Semaphore>>,
    request: Request,
    next: Next,
) -> Response {
    // TODO: `in_flight.try_acquire()`: on `Err` return `overloaded()` at once; on `Ok`,
    // keep the permit in a named variable (`_permit`) while `next.run(request).await`
    // produces the response, and return that response.
    // Book: book/src/05-server.md#exercise-4-shed-load-with-503
    todo!("exercise 4: limit_in_flight")
}
// ANCHOR_END: limit_in_flight

/// `503 Service Unavailable` with a JSON error and `Retry-After: 1`.
pub fn overloaded() -> Response {
    let mut response = json_error(
        StatusCode::SERVICE_UNAVAILABLE,
        "too many requests in flight; try again in a moment",
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}
