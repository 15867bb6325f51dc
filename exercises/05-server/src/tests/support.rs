//! Helpers shared by this step's tests: an in-process server on `127.0.0.1:0`, an HTTP
//! client, raw TCP exchanges for malformed requests, and tiny hand-written upstreams
//! for what the fake upstream does not do (an endless body, a redirect).
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Mutex, MutexGuard, oneshot};
use tokio::task::JoinHandle;
use tokio::time::{Instant, timeout};

use crate::config::{Config, UpstreamSpec};

/// Tests that assert "within the deadline + 50 ms" take this lock: one at a time, so
/// that no other timing test eats the CPU those timings need (the machine may have two
/// cores, and the test harness runs tests in parallel).
static CPU: Mutex<()> = Mutex::const_new(());

pub async fn timing_sensitive() -> MutexGuard<'static, ()> {
    CPU.lock().await
}

/// Upstream specs from `(name, url)` pairs.
pub fn specs(pairs: &[(&str, String)]) -> Vec<UpstreamSpec> {
    pairs
        .iter()
        .map(|(name, url)| UpstreamSpec {
            name: (*name).to_owned(),
            url: url.clone(),
        })
        .collect()
}

/// A default configuration over these upstreams.
pub fn config(pairs: &[(&str, String)]) -> Config {
    Config::new(specs(pairs)).expect("building the reqwest client")
}

/// A URL where nothing listens: bind a free port, then close it.
pub fn refused_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local_addr");
    drop(listener);
    format!("http://{addr}/facebook")
}

/// The server under test, serving on `127.0.0.1:0` in a task of the test's runtime.
pub struct TestServer {
    pub addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl TestServer {
    /// Serves `crate::app(&config)`, as `crate::server::serve` does.
    pub async fn start(config: Config) -> TestServer {
        let router = crate::app::app(&config);
        TestServer::start_router(router, config).await
    }

    /// Serves any router (for test-only routes, hardened with `crate::app::harden`).
    pub async fn start_router(router: Router, config: Config) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local_addr");
        let (trigger, triggered) = oneshot::channel::<()>();
        let shutdown = async move {
            // Dropping the TestServer drops `trigger`: that is not a shutdown request
            // (the task is aborted instead), so wait forever in that case.
            if triggered.await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        let task = tokio::spawn(async move {
            crate::server::serve_router(listener, router, &config, shutdown).await;
        });
        TestServer {
            addr,
            shutdown: Some(trigger),
            task,
        }
    }

    /// `http://127.0.0.1:PORT` + `path_and_query`.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("http://{}{path_and_query}", self.addr)
    }

    /// Starts a graceful shutdown (like Ctrl-C would).
    pub fn trigger_shutdown(&mut self) {
        if let Some(trigger) = self.shutdown.take() {
            let _ = trigger.send(());
        }
    }

    /// Waits until `serve` has returned, at most `limit`; returns whether it did (and
    /// panics with advice if `serve` itself panicked).
    pub async fn stopped_within(&mut self, limit: Duration) -> bool {
        match timeout(limit, &mut self.task).await {
            Ok(Ok(())) => true,
            Ok(Err(err)) => panic!("serve() panicked while shutting down: {err}"),
            Err(_) => false,
        }
    }

    /// Whether `serve` is still running.
    pub fn is_running(&self) -> bool {
        !self.task.is_finished()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// An HTTP client for the tests: no proxy, no redirects, generous pool.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(128)
        .build()
        .expect("building the test client")
}

/// One response: status, body parsed as JSON (`Value::Null` if it is not JSON), the raw
/// body, and how long the whole exchange took.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub json: Value,
    pub text: String,
    pub elapsed: Duration,
    pub headers: reqwest::header::HeaderMap,
}

/// `GET url`, reading the whole body; panics (with the URL) if the server does not answer
/// within 15 s.
pub async fn get(client: &reqwest::Client, url: &str) -> Reply {
    send(client.get(url), url).await
}

pub async fn send(request: reqwest::RequestBuilder, what: &str) -> Reply {
    let started = Instant::now();
    let exchange = async {
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await?;
        Ok::<_, reqwest::Error>((status, headers, text))
    };
    let (status, headers, text) = match timeout(Duration::from_secs(15), exchange).await {
        Ok(Ok(reply)) => reply,
        Ok(Err(err)) => panic!("request {what} failed: {err}"),
        Err(_) => panic!("request {what}: no answer within 15 s"),
    };
    let elapsed = started.elapsed();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Reply {
        status,
        json,
        text,
        elapsed,
        headers,
    }
}

/// Waits (up to `limit`) until the upstream has received at least `n` requests.
pub async fn upstream_received(up: &upstream::Upstream, n: u64, limit: Duration) -> bool {
    up.wait_for(move |stats| stats.received >= n, limit).await
}

/// What a raw TCP exchange produced.
#[derive(Debug)]
pub enum RawReply {
    /// An HTTP response: its status code, and its body (after the blank line).
    Response { status: u16, body: String },
    /// The server closed (or reset) the connection without a response.
    Closed,
}

/// Connects, writes `request` (ignoring write errors: the server may close early), and
/// reads until the server closes the connection. Panics if it is still open after
/// `limit`: a server must answer or hang up.
pub async fn raw_exchange(addr: SocketAddr, request: &[u8], limit: Duration) -> RawReply {
    let mut stream = TcpStream::connect(addr)
        .await
        .expect("connecting to the server under test");
    let _ = stream.write_all(request).await;
    let mut received = Vec::new();
    let read_all = async {
        let mut buf = [0u8; 8192];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buf[..n]),
            }
        }
    };
    if timeout(limit, read_all).await.is_err() {
        panic!(
            "the server neither answered nor closed the connection within {limit:?} \
             after {:?}",
            String::from_utf8_lossy(&request[..request.len().min(80)])
        );
    }
    parse_raw(&received)
}

fn parse_raw(received: &[u8]) -> RawReply {
    let text = String::from_utf8_lossy(received);
    let Some(status_line) = text.lines().next() else {
        return RawReply::Closed;
    };
    let mut words = status_line.split_whitespace();
    let (Some(version), Some(code)) = (words.next(), words.next()) else {
        return RawReply::Closed;
    };
    if !version.starts_with("HTTP/") {
        return RawReply::Closed;
    }
    let status = code.parse().unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    RawReply::Response { status, body }
}

/// A one-trick upstream: answers every connection with `head` (status line and headers)
/// and then `body_chunk`, once, or (if `endless`) over and over. An endless body never
/// ends: after [`RawUpstream::ENDLESS_CAP`] bytes the upstream stops sending but keeps the
/// connection open until the client hangs up, so a client that waits for the end waits
/// forever without eating all the memory of the machine.
pub struct RawUpstream {
    pub addr: SocketAddr,
    task: JoinHandle<()>,
}

impl RawUpstream {
    /// How much of an endless body is sent before it stalls: far over `MAX_BODY_BYTES`.
    pub const ENDLESS_CAP: usize = 16 * 1024 * 1024;

    pub async fn start(head: &'static str, body_chunk: &'static [u8], endless: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local_addr");
        let task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                tokio::spawn(async move {
                    // Read the request head (we do not care what it says).
                    let mut buf = [0u8; 4096];
                    let _ = stream.read(&mut buf).await;
                    if stream.write_all(head.as_bytes()).await.is_err() {
                        return;
                    }
                    let mut sent = 0;
                    loop {
                        if stream.write_all(body_chunk).await.is_err() {
                            return;
                        }
                        sent += body_chunk.len();
                        if !endless {
                            return;
                        }
                        if sent >= RawUpstream::ENDLESS_CAP {
                            // Stall: wait until the client hangs up (read gives 0 or Err).
                            while let Ok(1..) = stream.read(&mut buf).await {}
                            return;
                        }
                    }
                });
            }
        });
        RawUpstream { addr, task }
    }

    /// An upstream whose chunked body never ends.
    pub async fn endless_body() -> Self {
        // Each chunk: 64 KiB of spaces (whitespace is valid JSON padding, so only the
        // size can make this body wrong).
        static CHUNK: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
            let mut chunk = b"10000\r\n".to_vec();
            chunk.extend(std::iter::repeat_n(b' ', 0x10000));
            chunk.extend_from_slice(b"\r\n");
            chunk
        });
        RawUpstream::start(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
             transfer-encoding: chunked\r\n\r\n",
            CHUNK.as_slice(),
            true,
        )
        .await
    }

    /// An upstream that redirects elsewhere.
    pub async fn redirect() -> Self {
        RawUpstream::start(
            "HTTP/1.1 302 Found\r\nlocation: http://127.0.0.1:9/elsewhere\r\n\
             content-length: 2\r\n\r\n",
            b"{}",
            false,
        )
        .await
    }

    pub fn url(&self) -> String {
        format!("http://{}/thing", self.addr)
    }
}

impl Drop for RawUpstream {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// `millis` as an `f64` for messages.
pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// A handler that panics: the stand-in for a bug in some request's code.
pub async fn panicking_handler() -> &'static str {
    panic!("a deliberate panic from a test route (expected in the test output)")
}

/// Your own calls, as the fake upstream `up` saw them, for a failure message: how they
/// overlapped, in words, then one bar per request on a shared time axis.
pub fn your_calls(up: &upstream::Upstream) -> String {
    let records = up.requests();
    format!(
        "\n\nYour calls ran {}:\n{}",
        upstream::describe_overlap(&records),
        upstream::draw_requests(&records)
    )
}
