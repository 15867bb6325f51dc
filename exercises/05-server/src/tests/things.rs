//! Exercise 5: the `GET /things` handler, tested through the whole server: the JSON
//! shape, every fault kind within the deadline, bad input, cancellation on disconnect,
//! panics and malformed requests. (The load test is the solution crate's
//! `tests/load.rs`: it takes too long for a quick edit-and-check loop.)
use std::time::Duration;

use axum::routing::get;
use serde_json::Value;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use upstream::{Fault, Knobs, Upstream};

use super::support::{
    RawReply, TestServer, client, config, get as http_get, ms, panicking_handler, raw_exchange,
    refused_url, send, timing_sensitive, upstream_received, your_calls,
};
use crate::app::{harden, routes};

fn start_upstream() -> Upstream {
    Upstream::start().expect("starting the fake upstream on 127.0.0.1:0")
}

fn statuses(json: &Value) -> Vec<(String, String)> {
    json["results"]
        .as_array()
        .map(|results| {
            results
                .iter()
                .map(|r| {
                    let field = |key: &str| r[key].as_str().unwrap_or("?").to_owned();
                    (field("name"), field("status"))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Asks `GET /things?{query}` of a server whose one upstream is the healthy `facebook`,
/// and checks that it answered `ok`; `when` says at which point of the test, for the message.
async fn assert_facebook_ok(
    client: &reqwest::Client,
    server: &TestServer,
    query: &str,
    when: &str,
) {
    let reply = http_get(client, &server.url(&format!("/things?{query}"))).await;
    assert_eq!(
        statuses(&reply.json),
        [("facebook".into(), "ok".into())],
        "expected: {when}, GET /things?{query} answers facebook: ok; happened: {reply:?}"
    );
}

#[tokio::test]
async fn answers_200_with_every_upstream_in_configured_order() {
    let up = start_upstream();
    let slow = Knobs::latency(Duration::from_millis(100));
    let server = TestServer::start(config(&[
        ("github", up.url_with("github", &slow)),
        ("facebook", up.url("facebook")),
    ]))
    .await;
    let reply = http_get(&client(), &server.url("/things?deadline_ms=2000")).await;
    assert_eq!(
        reply.status, 200,
        "expected: GET /things answers 200; happened: {reply:?}"
    );
    assert!(
        reply.json["elapsed_ms"].is_u64(),
        "expected: the answer has an integer elapsed_ms (a ThingsResponse); happened: {}",
        reply.text
    );
    let results = reply.json["results"].as_array().expect("a `results` array");
    assert_eq!(
        results.len(),
        2,
        "expected: one result per upstream; happened: {}",
        reply.text
    );
    for (result, name) in results.iter().zip(["github", "facebook"]) {
        assert_eq!(
            result["name"], name,
            "expected: configured order; happened: {}",
            reply.text
        );
        assert_eq!(
            result["status"],
            "ok",
            "expected: ok; happened: {}{}",
            reply.text,
            your_calls(&up)
        );
        assert!(
            result["elapsed_ms"].is_u64(),
            "expected: elapsed_ms; happened: {}",
            reply.text
        );
        assert!(
            result.get("error").is_none(),
            "expected: no error on ok; happened: {}",
            reply.text
        );
        let expected: Value =
            serde_json::from_str(upstream::document(name).expect("a known endpoint"))
                .expect("the fake upstream's document is JSON");
        assert_eq!(
            result["body"], expected,
            "expected: body is the upstream's JSON as-is; happened: {}",
            reply.text
        );
    }
}

#[tokio::test]
async fn every_fault_kind_is_reported_within_the_deadline() {
    let _cpu = timing_sensitive().await;
    let up = start_upstream();
    let fault = |name: &str, fault: Fault| up.url_with(name, &Knobs::fault(fault));
    let server = TestServer::start(config(&[
        ("ok", up.url("weather")),
        ("status_500", fault("twitter", Fault::Status500)),
        ("hang", fault("github", Fault::Hang)),
        ("invalid_json", fault("facebook", Fault::InvalidJson)),
        ("stall", fault("weather", Fault::Stall)),
        ("huge", fault("github", Fault::TooLarge)),
        ("refused", refused_url()),
    ]))
    .await;
    let client = client();
    // Warm up the connection to the server, so the timing below is the handler's.
    assert_eq!(http_get(&client, &server.url("/healthz")).await.status, 200);

    let reply = http_get(&client, &server.url("/things?deadline_ms=300")).await;
    assert_eq!(
        reply.status, 200,
        "expected: 200, partial results are still an answer; happened: {reply:?}"
    );
    let expected = [
        ("ok", "ok"),
        ("status_500", "error"),
        ("hang", "timeout"),
        ("invalid_json", "error"),
        ("stall", "timeout"),
        ("huge", "error"),
        ("refused", "error"),
    ]
    .map(|(name, status)| (name.to_owned(), status.to_owned()));
    assert_eq!(
        statuses(&reply.json),
        expected,
        "expected: each upstream reported as shown; happened: {}{}",
        reply.text,
        your_calls(&up)
    );
    for result in reply.json["results"].as_array().into_iter().flatten() {
        if result["status"] != "ok" {
            assert!(
                result["error"].as_str().is_some_and(|e| !e.is_empty()),
                "expected: a failed upstream carries a readable error; happened: {result}"
            );
        }
    }
    assert!(
        reply.elapsed < Duration::from_millis(350),
        "expected: the answer within the deadline (300 ms) + 50 ms, whatever the \
         upstreams do; happened: {:.0} ms; likely mistake: the handler waits for \
         something else after fan_out, or passes it another deadline{}",
        ms(reply.elapsed),
        your_calls(&up)
    );
}

#[tokio::test]
async fn the_default_deadline_is_one_second() {
    let _cpu = timing_sensitive().await;
    let up = start_upstream();
    let server = TestServer::start(config(&[(
        "hang",
        up.url_with("github", &Knobs::fault(Fault::Hang)),
    )]))
    .await;
    let client = client();
    assert_eq!(http_get(&client, &server.url("/healthz")).await.status, 200);
    let reply = http_get(&client, &server.url("/things")).await;
    assert_eq!(
        statuses(&reply.json),
        [("hang".into(), "timeout".into())],
        "expected: the hanging upstream is a timeout; happened: {reply:?}"
    );
    // The point is the default (1 s, not 0.5 s or 10 s), so the upper bound is looser.
    assert!(
        reply.elapsed >= Duration::from_millis(1000) && reply.elapsed < Duration::from_millis(1250),
        "expected: without deadline_ms the deadline is 1000 ms; happened: the answer came \
         after {:.0} ms; likely mistake: a default of your own instead of what \
         parse_deadline gives for no value{}",
        ms(reply.elapsed),
        your_calls(&up)
    );
}

#[tokio::test]
async fn bad_deadlines_get_400_json_and_call_nobody() {
    let up = start_upstream();
    let server = TestServer::start(config(&[("facebook", up.url("facebook"))])).await;
    let client = client();
    for query in [
        "deadline_ms=",
        "deadline_ms",
        "deadline_ms=0",
        "deadline_ms=10001",
        "deadline_ms=-5",
        "deadline_ms=2.5",
        "deadline_ms=1e3",
        "deadline_ms=soon",
        "deadline_ms=%2B5",
        "deadline_ms=100&deadline_ms=200",
    ] {
        let reply = http_get(&client, &server.url(&format!("/things?{query}"))).await;
        let likely = if query.matches("deadline_ms=").count() > 1 {
            "only the first deadline_ms was read; deadline_value refuses it given twice"
        } else {
            "the deadline is not checked (deadline_value, then parse_deadline) before \
             the fan-out"
        };
        assert_eq!(
            reply.status, 400,
            "expected: ?{query} is a bad deadline, so 400; happened: {reply:?}; likely \
             mistake: {likely}"
        );
        assert!(
            reply.json["error"].as_str().is_some_and(|e| !e.is_empty()),
            "expected: the 400 for ?{query} carries {{\"error\": \"...\"}}; happened: {:?}; \
             likely mistake: a 400 of your own instead of json_error",
            reply.text
        );
    }
    assert_eq!(
        up.stats().received,
        0,
        "expected: a request with a bad deadline is refused before any upstream is called; \
         happened: the upstream was called{}",
        your_calls(&up)
    );
    // Other parameters are ignored; a good deadline still works.
    assert_facebook_ok(
        &client,
        &server,
        "deadline_ms=2000&x=1",
        "with a good deadline",
    )
    .await;
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods_get_json_errors() {
    let up = start_upstream();
    let server = TestServer::start(config(&[("facebook", up.url("facebook"))])).await;
    let client = client();
    let health = http_get(&client, &server.url("/healthz")).await;
    assert_eq!(
        health.status, 200,
        "expected: GET /healthz is 200; happened: {health:?}"
    );

    let missing = http_get(&client, &server.url("/nothing/here")).await;
    assert_eq!(missing.status, 404, "{missing:?}");
    assert!(
        missing.json["error"].is_string(),
        "404 body: {:?}",
        missing.text
    );

    let posted = send(client.post(server.url("/things")), "POST /things").await;
    assert_eq!(posted.status, 405, "{posted:?}");
    assert!(
        posted.json["error"].is_string(),
        "405 body: {:?}",
        posted.text
    );
    assert!(
        posted.headers.contains_key("allow"),
        "expected: a 405 keeps its Allow header; happened: {:?}",
        posted.headers
    );

    // And /things itself works on the same server.
    assert_facebook_ok(&client, &server, "deadline_ms=2000", "on the same server").await;
}

#[tokio::test]
async fn a_client_disconnect_cancels_the_upstream_calls() {
    let up = start_upstream();
    let hang = up.url_with("github", &Knobs::fault(Fault::Hang));
    let server = TestServer::start(config(&[("one", hang.clone()), ("two", hang)])).await;

    let mut stream = TcpStream::connect(server.addr).await.expect("connect");
    stream
        .write_all(b"GET /things?deadline_ms=8000 HTTP/1.1\r\nhost: test\r\n\r\n")
        .await
        .expect("send the request");
    assert!(
        upstream_received(&up, 2, Duration::from_secs(3)).await,
        "expected: the server calls both upstreams; happened: the upstream saw {:?}{}",
        up.stats(),
        your_calls(&up)
    );
    drop(stream); // the client goes away, long before the 8 s deadline
    assert!(
        up.wait_for_abandoned(2, Duration::from_secs(2)).await,
        "expected: when the client disconnects, hyper drops the handler's future and the \
         upstream calls hanging off it are cancelled; happened: after 2 s the upstream \
         saw {:?}; likely mistake: the fan-out runs in a task of its own (tokio::spawn): \
         a detached task runs on when the handler's future is dropped. Await fan_out in \
         the handler itself{}",
        up.stats(),
        your_calls(&up)
    );
}

#[tokio::test]
async fn a_panic_is_a_500_and_the_server_keeps_serving() {
    let up = start_upstream();
    let config = config(&[("facebook", up.url("facebook"))]);
    let router = routes(&config).route("/boom", get(panicking_handler));
    let server = TestServer::start_router(harden(router, &config), config).await;
    let client = client();
    for _ in 0..3 {
        let reply = http_get(&client, &server.url("/boom")).await;
        assert_eq!(
            reply.status, 500,
            "expected: a panicking handler answers 500; happened: {reply:?}"
        );
        assert!(
            reply.json["error"].is_string(),
            "500 body: {:?}",
            reply.text
        );
    }
    assert_facebook_ok(&client, &server, "deadline_ms=2000", "after the panics").await;
}

/// What a malformed request may get.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// This exact status, with a JSON `{"error": ...}` body (answered by our app).
    Json(u16),
    /// Any 4xx from hyper, or the connection closed without an answer.
    ClientErrorOrClosed,
}

fn request(line: &str) -> Vec<u8> {
    format!("{line}\r\nhost: test\r\nconnection: close\r\n\r\n").into_bytes()
}

fn malformed_requests() -> Vec<(String, Vec<u8>, Expect)> {
    use Expect::{ClientErrorOrClosed, Json};
    let mut cases: Vec<(String, Vec<u8>, Expect)> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>, expect: Expect| {
        cases.push((name.to_owned(), bytes, expect));
    };
    for query in [
        "deadline_ms=",
        "deadline_ms",
        "deadline_ms=0",
        "deadline_ms=10001",
        "deadline_ms=-5",
        "deadline_ms=1.5",
        "deadline_ms=1e3",
        "deadline_ms=abc",
        "deadline_ms=%2B5",
        "deadline_ms=+5",
        "deadline_ms=99999999999999999999999",
        "deadline_ms=0x10",
        "deadline_ms=100&deadline_ms=200",
        "deadline_ms=%FF",
        "deadline_ms=NaN",
        "deadline_ms=%00",
        "url=http://127.0.0.1:1/&deadline_ms=oops",
    ] {
        add(
            &format!("GET /things?{query}"),
            request(&format!("GET /things?{query} HTTP/1.1")),
            Json(400),
        );
    }
    add(
        "absolute-form URL",
        request("GET http://elsewhere.example/things?deadline_ms=x HTTP/1.1"),
        Json(400),
    );
    for path in [
        "/",
        "/nope",
        "/things/extra",
        "/THINGS",
        "/healthz/",
        "/../etc/passwd",
    ] {
        add(
            &format!("GET {path}"),
            request(&format!("GET {path} HTTP/1.1")),
            Json(404),
        );
    }
    for line in [
        "POST /things HTTP/1.1\r\ncontent-length: 0",
        "PUT /healthz HTTP/1.1\r\ncontent-length: 0",
        "DELETE /things HTTP/1.1",
        "PATCH /things HTTP/1.1",
        "OPTIONS /things HTTP/1.1",
        "BREW /things HTTP/1.1",
    ] {
        add(
            line.split("\r\n").next().unwrap_or(line),
            request(line),
            Json(405),
        );
    }
    add(
        "garbage request line",
        b"HELLO\r\n\r\n".to_vec(),
        ClientErrorOrClosed,
    );
    add(
        "binary bytes",
        (0..=255u8).rev().chain(*b"\r\n\r\n").collect(),
        ClientErrorOrClosed,
    );
    add(
        "HTTP/9.9",
        request("GET /healthz HTTP/9.9"),
        ClientErrorOrClosed,
    );
    add(
        "header without a colon",
        b"GET /healthz HTTP/1.1\r\nhost test\r\n\r\n".to_vec(),
        ClientErrorOrClosed,
    );
    add(
        "space in a header name",
        b"GET /healthz HTTP/1.1\r\nbad header: x\r\n\r\n".to_vec(),
        ClientErrorOrClosed,
    );
    add(
        "NUL in the path",
        b"GET /hea\0lthz HTTP/1.1\r\n\r\n".to_vec(),
        ClientErrorOrClosed,
    );
    add(
        "content-length not a number",
        b"POST /things HTTP/1.1\r\ncontent-length: abc\r\n\r\n".to_vec(),
        ClientErrorOrClosed,
    );
    add(
        "two different content-lengths",
        b"POST /things HTTP/1.1\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\nab".to_vec(),
        ClientErrorOrClosed,
    );
    let huge_value = "x".repeat(100 * 1024);
    add(
        "a 100 KiB header",
        format!("GET /healthz HTTP/1.1\r\nx-big: {huge_value}\r\n\r\n").into_bytes(),
        ClientErrorOrClosed,
    );
    let many: String = (0..300).map(|i| format!("x-h{i}: v\r\n")).collect();
    add(
        "300 headers",
        format!("GET /healthz HTTP/1.1\r\n{many}\r\n").into_bytes(),
        ClientErrorOrClosed,
    );
    add(
        "a 70 KiB path",
        request(&format!("GET /{} HTTP/1.1", "a".repeat(70 * 1024))),
        ClientErrorOrClosed,
    );
    add(
        "headers that never end (slow client)",
        b"GET /healthz HTTP/1.1\r\nhost: test\r\nx-slow: still typ".to_vec(),
        ClientErrorOrClosed,
    );
    add(
        "only blank lines",
        b"\r\n\r\n\r\n".to_vec(),
        ClientErrorOrClosed,
    );
    add("nothing at all", Vec::new(), ClientErrorOrClosed);
    cases
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_requests_get_4xx_and_never_crash_the_server() {
    let up = start_upstream();
    let mut config = config(&[("facebook", up.url("facebook"))]);
    // Short, so the slow-header cases end quickly; the default is a few seconds.
    config.header_read_timeout = Duration::from_millis(500);
    let server = TestServer::start(config).await;

    let cases = malformed_requests();
    assert!(
        cases.len() >= 30,
        "at least 30 malformed requests; have {}",
        cases.len()
    );
    for (name, bytes, expect) in &cases {
        let reply = raw_exchange(server.addr, bytes, Duration::from_secs(5)).await;
        match (expect, &reply) {
            (Expect::Json(want), RawReply::Response { status, body }) => {
                assert_eq!(
                    status, want,
                    "expected: {name} answered {want}; happened: {reply:?}"
                );
                let json: Value = serde_json::from_str(body).unwrap_or(Value::Null);
                assert!(
                    json["error"].as_str().is_some_and(|e| !e.is_empty()),
                    "expected: {name}, a {want} with {{\"error\": \"...\"}}; happened: {body:?}"
                );
            }
            (Expect::Json(want), RawReply::Closed) => {
                panic!("{name}: expected a {want} answer, but the connection was closed")
            }
            (Expect::ClientErrorOrClosed, RawReply::Response { status, .. }) => assert!(
                (400..500).contains(status),
                "expected: {name} gets a 4xx or a closed connection; happened: {reply:?}"
            ),
            (Expect::ClientErrorOrClosed, RawReply::Closed) => {}
        }
        assert!(server.is_running(), "{name}: the server stopped");
    }
    assert_eq!(
        up.stats().received,
        0,
        "no malformed request may reach an upstream"
    );

    let client = client();
    let health = http_get(&client, &server.url("/healthz")).await;
    assert_eq!(
        health.status, 200,
        "after all that, /healthz still answers 200"
    );
    assert_facebook_ok(&client, &server, "deadline_ms=2000", "after all that").await;
}
