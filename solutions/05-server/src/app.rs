//! The router: two routes, and the layers that make them safe to expose.
//!
//! The idea to take away: the handlers only do the happy work; cross-cutting rules live
//! in layers around them, each with one job. The order matters, outermost first:
//!
//! 1. `log_request`: one log line per request, whatever happens inside;
//! 2. `CatchPanicLayer`: a panic becomes a `500` for that request only;
//! 3. `json_errors`: every error body becomes `{"error": ...}`;
//! 4. `limit_in_flight`: more than `max_in_flight` at once get a `503`;
//! 5. the routes, and a JSON `404` for any other path.
use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use tower_http::catch_panic::CatchPanicLayer;

use crate::config::{Config, UpstreamSpec};
use crate::errors::{json_errors, not_found, panic_response};
use crate::overload::limit_in_flight;
use crate::results::millis;
use crate::things::things;

/// What every handler can see: the shared client and the configured upstreams. Cloned
/// for each request, so both are cheap handles (`reqwest::Client` is an `Arc` inside).
#[derive(Clone, Debug)]
pub struct AppState {
    pub client: reqwest::Client,
    pub upstreams: Arc<[UpstreamSpec]>,
}

// ANCHOR: app
/// The whole application: [`routes`] wrapped by [`harden`].
pub fn app(config: &Config) -> Router {
    harden(routes(config), config)
}

/// The routes alone: `GET /things` and `GET /healthz`. Any other method on them is a
/// `405` (axum's, made JSON by [`harden`]).
pub fn routes(config: &Config) -> Router {
    let state = AppState {
        client: config.client.clone(),
        upstreams: config.upstreams.clone().into(),
    };
    Router::new()
        .route("/things", get(things))
        .route("/healthz", get(healthz))
        .with_state(state)
}

/// Adds the JSON `404` and the layers listed in the module doc. Public so that tests can
/// harden a router with extra routes (one that panics, one that waits).
pub fn harden(router: Router, config: &Config) -> Router {
    // One semaphore for the whole server: every request (on any connection) takes a
    // permit from the same pool.
    let in_flight = Arc::new(Semaphore::new(config.max_in_flight));
    router
        .fallback(not_found)
        // `.layer` wraps everything added so far: the last one added runs first.
        .layer(middleware::from_fn_with_state(in_flight, limit_in_flight))
        .layer(middleware::from_fn(json_errors))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn(log_request))
}
// ANCHOR_END: app

/// `GET /healthz`: the server is up and answering.
pub async fn healthz() -> Response {
    (
        StatusCode::OK,
        axum::Json(serde_json::json!({ "ok": true })),
    )
        .into_response()
}

// ANCHOR: log_request
/// Middleware: one log line per request, with method, path, status and elapsed time.
pub async fn log_request(request: Request, next: Next) -> Response {
    let mut line = RequestLine {
        method: request.method().clone(),
        path: request.uri().path().to_owned(),
        started: Instant::now(),
        status: None,
    };
    let response = next.run(request).await;
    line.status = Some(response.status());
    response
    // `line` is dropped here and logs. If the client disconnects first, hyper drops this
    // future at its `.await`, `line` is dropped all the same, and logs that instead.
}

struct RequestLine {
    method: Method,
    path: String,
    started: Instant,
    status: Option<StatusCode>,
}

impl Drop for RequestLine {
    fn drop(&mut self) {
        let elapsed_ms = millis(self.started.elapsed());
        let (method, path) = (&self.method, &self.path);
        match self.status {
            Some(status) => {
                let status = status.as_u16();
                tracing::info!(%method, %path, status, elapsed_ms, "request");
            }
            None => {
                tracing::info!(%method, %path, elapsed_ms, "request cancelled: client went away");
            }
        }
    }
}
// ANCHOR_END: log_request
