//! The server: its own OS thread, its own tokio runtime, one task per connection.
//!
//! Why a private thread and runtime instead of `tokio::spawn` on the caller's runtime:
//! the caller may have no runtime at all (threaded code), may be a `#[tokio::test]` whose
//! runtime ends with the test, or may run on *paused* time (`start_paused = true`), where
//! a `sleep(100ms)` inside the upstream would complete instantly. The fake upstream must
//! be slow in real time whatever its caller does, so it keeps its own clock.
//!
//! Why plain hyper instead of a framework: we serve each connection ourselves, so it is
//! visible where a client hanging up turns into a dropped future. hyper's HTTP/1
//! connection keeps reading the socket while a request is being handled; when it reads
//! end-of-file it fails the connection and drops the handler future or the response
//! body, whichever was still running (see `stats.rs` for how that is counted).

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use bytes::Bytes;
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::Handle;
use tokio::sync::oneshot;

use crate::body::ReplyBody;
use crate::endpoints::{ENDPOINTS, document};
use crate::faults;
use crate::knobs;
use crate::search::{self, SEARCH_ENDPOINT, search_document};
use crate::stats::Counters;

/// Every response the fake upstream sends.
pub(crate) type Reply = Response<ReplyBody>;

/// How long stopping may take before we give up on the server thread. Stopping cancels
/// every task at once, so in practice it takes about a millisecond.
const STOP_TIMEOUT: Duration = Duration::from_secs(5);

/// The handle on a running server thread.
pub(crate) struct Server {
    pub(crate) addr: SocketAddr,
    pub(crate) runtime: Handle,
    stop: Option<oneshot::Sender<()>>,
    // In a mutex only because `mpsc::Receiver` is not `Sync`, and `Upstream` must be:
    // tests share `&Upstream` between threads and tasks.
    stopped: Mutex<mpsc::Receiver<()>>,
    thread: Option<JoinHandle<()>>,
}

// ANCHOR: spawn
/// Binds `addr`, then serves it on a new thread. Returns once the socket is listening:
/// connections made from then on wait in the kernel's backlog until accepted.
pub(crate) fn spawn(addr: SocketAddr, counters: Arc<Counters>) -> io::Result<Server> {
    // Bind on the caller's thread, so a bad address or a busy port is the caller's error.
    let listener = std::net::TcpListener::bind(addr)?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;

    let (ready_tx, ready_rx) = mpsc::channel::<io::Result<Handle>>();
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let (stopped_tx, stopped_rx) = mpsc::channel::<()>();

    let thread = std::thread::Builder::new()
        .name(format!("upstream-{}", addr.port()))
        .spawn(move || {
            // One thread is plenty: the fake upstream mostly sleeps, and a current-thread
            // runtime keeps it off the cores the code under test is measured on.
            let runtime = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(error) => {
                    let _ = ready_tx.send(Err(error));
                    return;
                }
            };
            runtime.block_on(async move {
                let listener = match TcpListener::from_std(listener) {
                    Ok(listener) => listener,
                    Err(error) => {
                        let _ = ready_tx.send(Err(error));
                        return;
                    }
                };
                let _ = ready_tx.send(Ok(Handle::current()));
                accept_loop(listener, counters, stop_rx).await;
            });
            // Dropping the runtime cancels every connection task (hanging requests
            // included); the timeout bounds it should a task misbehave.
            runtime.shutdown_timeout(Duration::from_secs(1));
            let _ = stopped_tx.send(());
        })?;

    let runtime = match ready_rx.recv() {
        Ok(Ok(runtime)) => runtime,
        Ok(Err(error)) => return Err(error),
        Err(_) => return Err(io::Error::other("the upstream thread died while starting")),
    };
    Ok(Server {
        addr,
        runtime,
        stop: Some(stop_tx),
        stopped: Mutex::new(stopped_rx),
        thread: Some(thread),
    })
}
// ANCHOR_END: spawn

impl Server {
    /// Stops accepting, cancels every request in flight and joins the thread, waiting
    /// at most [`STOP_TIMEOUT`]: a test that stops its upstream must never hang.
    pub(crate) fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let Some(thread) = self.thread.take() else {
            return;
        };
        let stopped = self
            .stopped
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        match stopped.recv_timeout(STOP_TIMEOUT) {
            // The thread is about to return (or has panicked): joining is immediate.
            Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                let _ = thread.join();
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                eprintln!(
                    "upstream {}: the server thread did not stop within {STOP_TIMEOUT:?}; leaving it behind",
                    self.addr
                );
            }
        }
    }
}

async fn accept_loop(
    listener: TcpListener,
    counters: Arc<Counters>,
    mut stop: oneshot::Receiver<()>,
) {
    loop {
        tokio::select! {
            _ = &mut stop => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    tokio::spawn(serve_connection(stream, Arc::clone(&counters)));
                }
                Err(error) => {
                    // Usually "too many open files" under a heavy bench. Not fatal: wait
                    // a moment for connections to close, and keep serving.
                    eprintln!("upstream: accept failed: {error}");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            },
        }
    }
}

// ANCHOR: serve_connection
async fn serve_connection(stream: TcpStream, counters: Arc<Counters>) {
    // Small writes (the stalled half body) go out at once instead of waiting for Nagle.
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |request| {
        let counters = Arc::clone(&counters);
        async move { Ok::<_, Infallible>(route(request, counters).await) }
    });
    // An error here is a client that went away mid-request: exactly what the abandon
    // counters are for, so nothing to report. Dropping the connection future drops the
    // request's handler future or body, and the `RequestGuard` in it counts it.
    let _ = http1::Builder::new()
        .serve_connection(TokioIo::new(stream), service)
        .await;
}
// ANCHOR_END: serve_connection

/// Sends a request to `/healthz`, to an endpoint, or to a 404 / 405 / 400 error.
async fn route(request: Request<Incoming>, counters: Arc<Counters>) -> Reply {
    let path = request.uri().path();
    if path == "/healthz" {
        return json_reply(StatusCode::OK, ReplyBody::uncounted(r#"{"ok":true}"#));
    }
    let name = path.trim_start_matches('/');
    let query = request.uri().query().unwrap_or("");
    let fixed = document(name);
    if fixed.is_none() && name != SEARCH_ENDPOINT {
        let endpoints: Vec<String> = ENDPOINTS.iter().map(|name| format!("/{name}")).collect();
        return error_reply(
            StatusCode::NOT_FOUND,
            format!(
                "no endpoint {path}; the endpoints are {} (and /{SEARCH_ENDPOINT}?q=..., /healthz)",
                endpoints.join(", ")
            ),
        );
    }
    if request.method() != Method::GET {
        return error_reply(
            StatusCode::METHOD_NOT_ALLOWED,
            format!(
                "{} {path}: the fake upstreams only answer GET",
                request.method()
            ),
        );
    }
    // `/search` takes its own parameters out of the query first; the rest are knobs.
    let (doc, knob_query) = match fixed {
        Some(doc) => (Bytes::from_static(doc.as_bytes()), query.to_owned()),
        None => match search::split_query(query) {
            Ok((params, knobs)) => {
                let doc = search_document(&params.query, params.replica.as_deref());
                (Bytes::from(doc), knobs)
            }
            Err(message) => return error_reply(StatusCode::BAD_REQUEST, message),
        },
    };
    let knobs = match knobs::parse_query(&knob_query) {
        Ok(knobs) => knobs,
        Err(message) => return error_reply(StatusCode::BAD_REQUEST, message),
    };
    let guard = counters.receive(path, query);
    let name = name.to_owned();
    faults::respond(&name, doc, knobs, guard).await
}

/// A response with a JSON content type.
pub(crate) fn json_reply(status: StatusCode, body: ReplyBody) -> Reply {
    let mut reply = Response::new(body);
    *reply.status_mut() = status;
    reply
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    reply
}

/// `{"error": message}` with `status`, not counted in the stats.
fn error_reply(status: StatusCode, message: String) -> Reply {
    let body = serde_json::json!({ "error": message }).to_string();
    json_reply(status, ReplyBody::uncounted(body))
}

/// Blocks the calling thread until Ctrl-C, listening for it on the server's runtime
/// (so the caller needs no runtime of its own).
pub(crate) fn wait_for_ctrl_c(runtime: &Handle) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    runtime.spawn(async move {
        let _ = tx.send(tokio::signal::ctrl_c().await);
    });
    rx.recv()
        .map_err(|_| io::Error::other("the upstream stopped while waiting for Ctrl-C"))?
}
