//! The accept loop: a task per connection, and a clean stop.
//!
//! The idea to take away: this is Go's `http.Server` written out. Accept a connection,
//! spawn a task to serve it, accept the next. Every connection task listens to one
//! `CancellationToken`; on shutdown we stop accepting, cancel the token, and wait for the
//! tasks to finish their in-flight requests ([`drain`]).
//!
//! We drive hyper ourselves instead of calling `axum::serve` because `axum::serve` has no
//! knob for the header read timeout or the header size limit, and both keep slow or
//! hostile clients from holding connections and memory forever.
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::shutdown::drain;

/// One HTTP/1.1 connection, served by hyper with our router.
type Connection = http1::Connection<TokioIo<TcpStream>, TowerToHyperService<Router>>;

// ANCHOR: serve
/// Serves [`app(&config)`](crate::app::app) on `listener` until `shutdown` completes,
/// then stops accepting, lets the in-flight requests finish (at most
/// `config.shutdown_grace`), and returns.
pub async fn serve<F>(listener: TcpListener, config: Config, shutdown: F)
where
    F: Future<Output = ()>,
{
    let app = crate::app::app(&config);
    serve_router(listener, app, &config, shutdown).await;
}

/// [`serve`] with any router (tests add routes to it), and the connection limits of
/// `config`.
pub async fn serve_router<F>(listener: TcpListener, app: Router, config: &Config, shutdown: F)
where
    F: Future<Output = ()>,
{
    let http = connection_builder(config);
    let stop = CancellationToken::new();
    let mut connections = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);

    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => accepted,
        };
        // Collect the connection tasks that ended, so the set does not grow forever.
        while connections.try_join_next().is_some() {}

        let (stream, peer) = match accepted {
            Ok(pair) => pair,
            Err(error) => {
                // Usually one aborted connection, or no file descriptors left (EMFILE).
                // Neither is a reason to stop serving; pausing keeps a full descriptor
                // table from turning this loop into a busy loop.
                tracing::warn!(%error, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Small responses: send them now rather than waiting to fill a packet.
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let connection = http.serve_connection(TokioIo::new(stream), service);
        connections.spawn(serve_connection(connection, stop.clone(), peer));
    }

    // Dropping the listener closes the socket: new connections are refused from now on.
    drop(listener);
    while connections.try_join_next().is_some() {}
    tracing::info!(
        open_connections = connections.len(),
        "shutting down: no new connections; finishing the requests in flight"
    );
    let cut_off = drain(connections, stop, config.shutdown_grace).await;
    if cut_off > 0 {
        tracing::warn!(
            cut_off,
            "connections still busy after the grace period were cut"
        );
    }
}
// ANCHOR_END: serve

/// hyper's HTTP/1.1 settings: the limits `axum::serve` does not let us set.
fn connection_builder(config: &Config) -> http1::Builder {
    let mut http = http1::Builder::new();
    http
        // The timer drives the header read timeout.
        .timer(TokioTimer::new())
        // A client gets this long to send a request's headers (also between two requests
        // on a keep-alive connection); then the connection is closed.
        .header_read_timeout(config.header_read_timeout)
        // Headers larger than this get `431 Request Header Fields Too Large`...
        .max_header_size(config.max_header_bytes)
        // ...and we never buffer more than that while waiting for them to end.
        .max_buf_size(config.max_header_bytes.max(8192));
    http
}

// ANCHOR: serve_connection
/// Drives one connection until it ends. When `stop` is cancelled, asks hyper to finish
/// the request in progress (if any) and then close, and keeps driving it until it does.
async fn serve_connection(connection: Connection, stop: CancellationToken, peer: SocketAddr) {
    let mut connection = std::pin::pin!(connection);
    let result = tokio::select! {
        result = connection.as_mut() => result,
        () = stop.cancelled() => {
            connection.as_mut().graceful_shutdown();
            connection.await
        }
    };
    if let Err(error) = result {
        // A client that went away, sent garbage or sent its headers too slowly: normal
        // life for a server, and hyper has already answered whatever could be answered.
        tracing::debug!(%peer, %error, "connection ended with an error");
    }
}
// ANCHOR_END: serve_connection
