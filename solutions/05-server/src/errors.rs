//! Every error the server sends is JSON: `{"error": "..."}`.
//!
//! The idea to take away: a client parses one format. Our own handlers answer JSON
//! directly; for everything else (axum's `405`, an extractor's rejection, a panic) a
//! small middleware rewrites the plain-text or empty error body into the same shape,
//! keeping the status and headers such as `Allow`.
use std::any::Any;

use axum::Json;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The body of every error response.
#[derive(Debug, Serialize)]
pub struct ErrorBody {
    pub error: String,
}

/// `status` with `{"error": message}`.
pub fn json_error(status: StatusCode, message: impl Into<String>) -> Response {
    let body = ErrorBody {
        error: message.into(),
    };
    (status, Json(body)).into_response()
}

/// The fallback for paths no route matches.
pub async fn not_found(uri: Uri) -> Response {
    json_error(
        StatusCode::NOT_FOUND,
        format!(
            "no such path: {}; try GET /things?deadline_ms=500 or GET /healthz",
            uri.path()
        ),
    )
}

// ANCHOR: json_errors
/// Middleware: turns any 4xx/5xx response that is not JSON into `{"error": ...}`.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;

    let status = response.status();
    let is_error = status.is_client_error() || status.is_server_error();
    if !is_error || is_json(&response) {
        return response;
    }

    // axum's rejections carry a one-line text body; read a little of it, never more.
    let (mut parts, body) = response.into_parts();
    let text = match axum::body::to_bytes(body, 4096).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_owned(),
        Err(_) => String::new(),
    };
    let reason = status.canonical_reason().unwrap_or("error");
    let message = if status == StatusCode::METHOD_NOT_ALLOWED {
        // axum adds the `Allow` header once we are done; point the client to it.
        format!("method {method} is not allowed on {path} (see the Allow header)")
    } else if text.is_empty() {
        format!("{reason}: {method} {path}")
    } else {
        format!("{reason}: {text}")
    };

    let json = serde_json::to_vec(&ErrorBody { error: message }).unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Response::from_parts(parts, Body::from(json))
}
// ANCHOR_END: json_errors

fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"))
}

/// What `CatchPanicLayer` answers when a handler panics: a `500`, logged with the panic
/// message. The message stays in the log: it is for us, not for the client.
pub fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = if let Some(text) = panic.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = panic.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    };
    tracing::error!(panic = %message, "a request handler panicked; answering 500");
    json_error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal error while handling this request",
    )
}
