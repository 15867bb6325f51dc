//! `cargo workshop serve`, end to end through the built binary: it listens on the port
//! the system picked, answers every route with the right status and JSON, and on SIGTERM
//! or SIGINT finishes the request in flight, refuses new connections, and exits 0.
//!
//! The server is a child process, so every wait has a deadline and a guard kills the
//! child on every path out of a test, a failed assertion included: a test that fails
//! must not leave a server running.
//!
//! The graceful-shutdown tests hold the request in flight on purpose: the server's only
//! upstream is a socket of the test's own ("the gate") that answers only when told. So
//! the shutdown provably starts while the request is still waiting, whatever the
//! machine's speed, and nothing is timed.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
#[cfg(unix)]
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long the server gets to print its listening line once built.
const STARTUP: Duration = Duration::from_secs(10);
/// How long the runner may take to build the server first (a cold build on 2 cores).
const BUILD: Duration = Duration::from_secs(10 * 60);
/// The deadline for any one step that should take milliseconds.
const STEP: Duration = Duration::from_secs(10);

/// The child process, killed (and reaped) when dropped, whatever happened before.
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        // Killing a process that has already exited is harmless (and fails quietly).
        if !matches!(self.0.try_wait(), Ok(Some(_))) {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

/// A running `workshop serve`, its address, and everything it printed so far.
struct Server {
    child: ChildGuard,
    addr: SocketAddr,
    /// Lines from its stdout and stderr, as they come.
    output: Receiver<String>,
    /// Every line received so far, for assertions and failure messages.
    log: Vec<String>,
}

impl Server {
    /// Starts `workshop serve --listen 127.0.0.1:0 EXTRA...` and waits for the line that
    /// says where it listens.
    fn start(extra: &[&str]) -> Server {
        let child = Command::new(env!("CARGO_BIN_EXE_workshop"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            // The listening line is an `info` log: make sure a `RUST_LOG` in the
            // environment does not hide it.
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the runner starts");
        // The guard first: from here on, any panic kills the child.
        let mut child = ChildGuard(child);

        // One thread per pipe, so that neither pipe fills up and blocks the server.
        let (lines, output) = mpsc::channel();
        let stdout = child.0.stdout.take().expect("stdout is piped");
        let stderr = child.0.stderr.take().expect("stderr is piped");
        forward_lines(stdout, lines.clone());
        forward_lines(stderr, lines);

        let mut server = Server {
            child,
            addr: SocketAddr::from(([0, 0, 0, 0], 0)),
            output,
            log: Vec::new(),
        };
        let line = server.wait_for_line("listening on http://", STARTUP);
        server.addr = listening_addr(&line);
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Waits until the server prints a line containing `needle`, and returns it.
    fn wait_for_line(&mut self, needle: &str, within: Duration) -> String {
        let mut deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(line) => {
                    self.log.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                    // The runner builds the server on first use (when cargo's feature
                    // selection differs from the build that ran before): give the build
                    // its own deadline, then the usual one for starting.
                    if line.starts_with("building ") {
                        deadline = Instant::now() + BUILD + within;
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!(
                    "expected the server to print {needle:?} within {within:?}; it printed:\n{}",
                    self.printed()
                ),
                Err(RecvTimeoutError::Disconnected) => panic!(
                    "the server closed its output (did it exit?) before printing {needle:?}; \
                     it printed:\n{}",
                    self.printed()
                ),
            }
        }
    }

    /// Waits for the process to end, at most `within`, collecting what it prints.
    #[cfg(unix)]
    fn wait_for_exit(&mut self, within: Duration) -> std::process::ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.0.try_wait().expect("can query the child") {
                self.read_rest_of_output();
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "expected the server to exit within {within:?} of the signal, because it has \
                 nothing left in flight; it printed:\n{}",
                self.printed()
            );
            // A process exit is no event we can block on while keeping the handle that
            // kills the child, so look again shortly; read its output in the meantime.
            match self.output.recv_timeout(Duration::from_millis(10)) {
                Ok(line) => self.log.push(line),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => thread::sleep(Duration::from_millis(5)),
            }
        }
    }

    /// After the exit: the lines still in the pipes, until both are closed.
    #[cfg(unix)]
    fn read_rest_of_output(&mut self) {
        let deadline = Instant::now() + STEP;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(line) => self.log.push(line),
                Err(_) => return,
            }
        }
    }

    fn printed(&self) -> String {
        self.log.join("\n")
    }

    #[cfg(unix)]
    fn position(&self, needle: &str) -> Option<usize> {
        self.log.iter().position(|line| line.contains(needle))
    }
}

/// Sends each line `pipe` produces to `lines`, until the pipe closes.
fn forward_lines(pipe: impl Read + Send + 'static, lines: mpsc::Sender<String>) {
    thread::spawn(move || {
        let mut pipe = BufReader::new(pipe);
        let mut line = Vec::new();
        loop {
            line.clear();
            match pipe.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {
                    let text = String::from_utf8_lossy(&line).trim_end().to_owned();
                    if lines.send(text).is_err() {
                        return;
                    }
                }
            }
        }
    });
}

/// The address in `listening on http://ADDR ...`: the one the socket is bound to.
fn listening_addr(line: &str) -> SocketAddr {
    let (_, rest) = line
        .split_once("listening on http://")
        .unwrap_or_else(|| panic!("not a listening line: {line:?}"));
    let addr: SocketAddr = rest
        .split_whitespace()
        .next()
        .and_then(|addr| addr.parse().ok())
        .unwrap_or_else(|| panic!("expected an address after `listening on http://` in {line:?}"));
    assert!(
        addr.port() != 0 && addr.ip().is_loopback(),
        "expected the listening line to show the port the system picked for \
         --listen 127.0.0.1:0, because nobody can connect to port 0; got {line:?}"
    );
    addr
}

/// A blocking HTTP client for loopback, with a deadline on every request.
fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(STEP)
        .build()
        .expect("build an HTTP client")
}

fn get(client: &reqwest::blocking::Client, url: &str) -> (u16, Value) {
    let response = client
        .get(url)
        .send()
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    status_and_json(response)
}

fn status_and_json(response: reqwest::blocking::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let text = response.text().expect("read the body");
    assert!(
        content_type.starts_with("application/json"),
        "expected a JSON answer (status {status}), because every answer of the server is \
         JSON; got content-type {content_type:?} and body {text:?}"
    );
    let json = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("expected JSON (status {status}), got {text:?}: {e}"));
    (status, json)
}

/// `{"error": "..."}` with a non-empty message.
fn assert_json_error(what: &str, json: &Value) {
    let message = json["error"].as_str().unwrap_or("");
    assert!(
        !message.is_empty(),
        "{what}: expected {{\"error\": \"...\"}} saying what went wrong; got {json}"
    );
}

#[test]
fn serve_listens_on_a_free_port_and_answers_every_route() {
    let server = Server::start(&[]);
    let client = client();

    let (status, json) = get(&client, &server.url("/healthz"));
    assert_eq!(status, 200, "GET /healthz answers 200; got {json}");

    // 50 ms is less than the fastest embedded upstream (60 ms + jitter), so most or all
    // calls time out; a very fast one may still be `ok`. Either way, on time.
    let started = Instant::now();
    let (status, json) = get(&client, &server.url("/things?deadline_ms=50"));
    let took = started.elapsed();
    assert_eq!(
        status, 200,
        "GET /things?deadline_ms=50 answers 200; got {json}"
    );
    assert!(
        took < Duration::from_millis(50 + 950),
        "expected /things to answer soon after its 50 ms deadline, because the server never \
         waits past it for an upstream; it took {took:?}: {json}"
    );
    let elapsed_ms = json["elapsed_ms"].as_u64();
    assert!(
        elapsed_ms.is_some_and(|ms| u128::from(ms) <= took.as_millis()),
        "expected \"elapsed_ms\" as a whole number, no more than the {took:?} the client \
         waited; got {json}"
    );
    let results = json["results"]
        .as_array()
        .unwrap_or_else(|| panic!("expected a \"results\" array; got {json}"));
    let names: Vec<&str> = results.iter().filter_map(|r| r["name"].as_str()).collect();
    assert_eq!(
        names,
        upstream::ENDPOINTS,
        "one result per embedded upstream, in configured order; got {json}"
    );
    for result in results {
        match result["status"].as_str() {
            Some("timeout") => {
                assert!(
                    result["elapsed_ms"].as_u64().is_some_and(|ms| ms >= 50)
                        && result["error"].is_string(),
                    "a timeout is reported at the deadline (elapsed_ms >= 50) with an \
                     \"error\"; got {result}"
                );
            }
            Some("ok") => assert!(
                result["body"].is_object(),
                "an ok result carries the upstream's JSON in \"body\"; got {result}"
            ),
            _ => panic!(
                "expected status \"timeout\" or \"ok\" from the embedded upstreams, which \
                 never fail; got {result}"
            ),
        }
    }

    let (status, json) = get(&client, &server.url("/things?deadline_ms=abc"));
    assert_eq!(status, 400, "a bad deadline_ms is a 400; got {json}");
    assert_json_error("deadline_ms=abc", &json);
    assert!(
        json["error"]
            .as_str()
            .is_some_and(|e| e.contains("deadline_ms")),
        "the 400 names the parameter it refuses; got {json}"
    );

    let response = client
        .post(server.url("/things"))
        .send()
        .expect("POST /things");
    let allow = response
        .headers()
        .get("allow")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let (status, json) = status_and_json(response);
    assert_eq!(status, 405, "POST /things is a 405; got {json}");
    assert_json_error("POST /things", &json);
    assert!(
        allow.contains("GET"),
        "a 405 says which methods are allowed in `Allow`; got {allow:?}"
    );

    let (status, json) = get(&client, &server.url("/nope"));
    assert_eq!(status, 404, "an unknown path is a 404; got {json}");
    assert_json_error("/nope", &json);
}

#[cfg(unix)]
#[test]
fn sigterm_finishes_the_request_in_flight_then_exits_0() {
    shuts_down_gracefully_on("-TERM", "SIGTERM received");
}

#[cfg(unix)]
#[test]
fn sigint_finishes_the_request_in_flight_then_exits_0() {
    shuts_down_gracefully_on("-INT", "Ctrl-C received");
}

#[cfg(unix)]
#[test]
fn a_signal_right_after_the_listening_line_is_a_clean_stop_not_a_kill() {
    // The server registers for SIGINT and SIGTERM before it prints "listening on"; until
    // a process registers, these signals kill it (exit status 130/143, no "stopped
    // cleanly"). So a signal sent the moment the line appears must already be handled.
    for (signal, received) in [("-TERM", "SIGTERM received"), ("-INT", "Ctrl-C received")] {
        let mut server = Server::start(&[]);
        let pid = server.child.0.id().to_string();
        let sent = Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill {signal} {pid} failed: {sent}");
        let status = server.wait_for_exit(STEP);
        assert!(
            status.success(),
            "expected `kill {signal}` right after the listening line to stop the server \
             cleanly (exit 0), because its signal handlers must be in place before it says \
             it listens; got {status}; it printed:\n{}",
            server.printed()
        );
        for line in [received, "stopped cleanly"] {
            assert!(
                server.position(line).is_some(),
                "expected the server to log {line:?} after `kill {signal}`; it printed:\n{}",
                server.printed()
            );
        }
    }
}

/// The whole graceful shutdown, on `signal` (an argument of `kill`), which the server
/// acknowledges with the log line `received`.
#[cfg(unix)]
fn shuts_down_gracefully_on(signal: &str, received: &str) {
    use std::io::Write;
    use std::net::TcpListener;

    // The gate: the server's one upstream, a socket that answers when we say so.
    let gate = TcpListener::bind("127.0.0.1:0").expect("bind the gate");
    let gate_url = format!(
        "gate=http://{}/gate",
        gate.local_addr().expect("gate address")
    );
    let mut server = Server::start(&["--upstream", &gate_url]);

    // A first round trip: the server is up and answering.
    let (status, json) = get(&client(), &server.url("/healthz"));
    assert_eq!(status, 200, "GET /healthz answers 200; got {json}");

    // The request that will be in flight: plain bytes on a socket we keep, so we decide
    // when to read the answer. HTTP/1.1 keeps the connection open by default: closing it
    // after this request is the server's job, during the shutdown.
    let mut in_flight = TcpStream::connect(server.addr).expect("connect to the server");
    in_flight
        .set_read_timeout(Some(STEP))
        .expect("set a read timeout");
    write!(
        in_flight,
        "GET /things?deadline_ms=5000 HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    )
    .expect("send the request");

    // The server calls the gate: from now on the request is provably in flight, and it
    // stays so until we answer.
    let mut upstream_call = accept_within(gate, STEP);
    let call = read_head(&mut upstream_call);
    assert!(
        call.starts_with("GET /gate "),
        "expected the server to call its upstream for /things; got {call:?}"
    );

    let pid = server.child.0.id().to_string();
    let sent = Command::new("kill")
        .args([signal, &pid])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill {signal} {pid} failed: {sent}");

    // The server stops accepting at once, while the request is still waiting...
    server.wait_for_line("shutting down", STEP);
    assert!(
        server.position(received).is_some(),
        "expected the server to log {received:?}; it printed:\n{}",
        server.printed()
    );
    assert_refused(server.addr, "while the server drains");
    assert!(
        server
            .child
            .0
            .try_wait()
            .expect("can query the child")
            .is_none(),
        "expected the server to wait for the request in flight before exiting; it printed:\n{}",
        server.printed()
    );

    // ...and once the upstream answers, the request completes normally.
    upstream_call
        .write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 13\r\n\
              connection: close\r\n\r\n{\"gate\":true}",
        )
        .expect("answer the server's upstream call");
    drop(upstream_call);

    let (status, body) = read_response(&mut in_flight);
    assert_eq!(
        status, 200,
        "expected the request in flight to complete with 200 despite the {signal} signal; \
         got {body:?}"
    );
    let json: Value = serde_json::from_str(&body)
        .unwrap_or_else(|e| panic!("expected JSON from /things, got {body:?}: {e}"));
    assert_eq!(
        (
            json["results"][0]["name"].as_str(),
            json["results"][0]["status"].as_str(),
            json["results"][0]["body"]["gate"].as_bool()
        ),
        (Some("gate"), Some("ok"), Some(true)),
        "the answer carries the upstream's JSON: nothing was cut; got {json}"
    );

    let status = server.wait_for_exit(Duration::from_secs(5));
    assert_eq!(
        status.code(),
        Some(0),
        "expected exit status 0 after a graceful shutdown on {signal}; got {status}; it \
         printed:\n{}",
        server.printed()
    );
    assert_refused(server.addr, "after the server exited");

    let request = server.position("path=/things status=200");
    let shutting_down = server.position("shutting down");
    assert!(
        request > shutting_down && server.position("stopped cleanly") > request,
        "expected the log to show: shutting down, then the /things request, then \
         `stopped cleanly`; it printed:\n{}",
        server.printed()
    );
    assert!(
        server.position("were cut").is_none(),
        "no connection should have been cut; it printed:\n{}",
        server.printed()
    );
}

/// Accepts one connection on `listener`, or panics after `within`.
#[cfg(unix)]
fn accept_within(listener: std::net::TcpListener, within: Duration) -> TcpStream {
    let (tx, rx) = mpsc::channel();
    // `accept` has no timeout: wait on a thread, and give up on it after `within`.
    thread::spawn(move || {
        let _ = tx.send(listener.accept());
    });
    let (stream, _) = rx
        .recv_timeout(within)
        .unwrap_or_else(|_| {
            panic!("expected the server to call its upstream within {within:?}; it did not")
        })
        .expect("accept the server's upstream call");
    stream
        .set_read_timeout(Some(within))
        .expect("set a read timeout");
    stream
}

/// Reads an HTTP request or response head, up to the blank line.
#[cfg(unix)]
fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            Ok(_) => panic!(
                "the connection closed in the middle of a head: {:?}",
                String::from_utf8_lossy(&head)
            ),
            Err(e) => panic!(
                "no complete head within the read timeout ({e}); got {:?}",
                String::from_utf8_lossy(&head)
            ),
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// Reads a whole response until the server closes the connection; checks that the body
/// is as long as `content-length` says (a response cut short would not be). Returns the
/// status code and the body.
#[cfg(unix)]
fn read_response(stream: &mut TcpStream) -> (u16, String) {
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap_or_else(|e| {
        panic!(
            "expected the server to answer and then close the connection; got {e} after {:?}",
            String::from_utf8_lossy(&bytes)
        )
    });
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        panic!("expected a complete HTTP response; got {text:?}");
    };
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("expected a status line; got {head:?}"));
    let length: Option<usize> = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse().ok())?
    });
    assert_eq!(
        length,
        Some(body.len()),
        "expected the whole body that content-length announces; got {text:?}"
    );
    (status, body.to_owned())
}

/// A new connection to `addr` is refused.
#[cfg(unix)]
fn assert_refused(addr: SocketAddr, when: &str) {
    match TcpStream::connect_timeout(&addr, STEP) {
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {}
        other => panic!(
            "expected a new connection to {addr} to be refused {when}, because the server has \
             stopped listening; got {other:?}"
        ),
    }
}
