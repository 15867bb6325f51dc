//! KNOWN WRONG (kept for `cargo workshop verify`): matches the permit with `_`, which
//! drops it on the spot, so the limit counts nothing.
//!
//! Exercise 4 (limit_in_flight): shed load; past `max_in_flight` requests, `503` at once.
//!
//! The idea to take away: a server that accepts everything builds a queue, and a queue
//! under overload only grows: every request waits longer, times out at its client, and
//! the work done for it is wasted. Saying "no" at once keeps the requests you *do* accept
//! fast. A semaphore with `max_in_flight` permits counts the requests in flight;
//! `Semaphore::try_acquire` either gets a permit or fails immediately, while
//! `Semaphore::acquire` waits in line for one, which is the queue again.
//!
//! The permit is a guard (like a `MutexGuard`): the semaphore gets it back when it is
//! dropped, after the response is built, and also when a panic unwinds through this
//! function. So it must live as long as the request. A pattern of `_` is not a variable:
//! whatever it matches is dropped on the spot, and a limit whose permit is dropped at
//! once counts nothing. A name that starts with an underscore (`_permit`) is a variable,
//! kept to the end of its scope, that the compiler will not call unused.
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
    // A named guard (not `_`): the permit goes back when `_permit` is dropped, after the
    // response is ready.
    let Ok(_) = in_flight.try_acquire() else {
        return overloaded();
    };
    next.run(request).await
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
