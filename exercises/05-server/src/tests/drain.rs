//! Exercise 6: `drain` tells every connection to finish, waits for them (at most the
//! grace period), and cuts the stragglers; `serve` uses it to shut down gracefully.
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout};
use tokio_util::sync::CancellationToken;
use upstream::{Knobs, Upstream};

use super::support::{TestServer, client, config, get as http_get, upstream_received};
use crate::shutdown::drain;

/// Counts how many of the fake connection tasks ended (finished *or* were aborted).
struct Ended(Arc<AtomicUsize>);

impl Drop for Ended {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[tokio::test(start_paused = true)]
async fn drain_tells_every_connection_to_stop() {
    let stop = CancellationToken::new();
    let ended = Arc::new(AtomicUsize::new(0));
    let mut connections = JoinSet::new();
    for _ in 0..3 {
        // An idle connection: it only waits to be told to stop.
        let (stop, ended) = (stop.clone(), Ended(Arc::clone(&ended)));
        connections.spawn(async move {
            let _ended = ended;
            stop.cancelled().await;
        });
    }
    let started = Instant::now();
    let cut_off = drain(connections, stop, Duration::from_secs(10)).await;
    assert_eq!(
        cut_off, 0,
        "idle connections end as soon as they are told to (cancel the token first), so \
         none should have to be cut off"
    );
    assert_eq!(
        ended.load(Ordering::SeqCst),
        3,
        "all three connection tasks ended"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "nothing was busy, so drain should return at once, not after the grace period; \
         took {:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn drain_waits_for_requests_in_progress() {
    let stop = CancellationToken::new();
    let finished = Arc::new(AtomicUsize::new(0));
    let mut connections = JoinSet::new();
    for ms in [100, 200, 300] {
        // A busy connection: once told to stop, it still finishes its request.
        let (stop, finished) = (stop.clone(), Arc::clone(&finished));
        connections.spawn(async move {
            stop.cancelled().await;
            sleep(Duration::from_millis(ms)).await;
            finished.fetch_add(1, Ordering::SeqCst);
        });
    }
    let started = Instant::now();
    let cut_off = drain(connections, stop, Duration::from_secs(10)).await;
    assert_eq!(cut_off, 0, "every request finished within the grace period");
    assert_eq!(
        finished.load(Ordering::SeqCst),
        3,
        "drain must wait until every connection task has ended (join them all)"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(300)
            && started.elapsed() < Duration::from_secs(1),
        "the slowest request needs 300 ms after the stop; drain took {:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn drain_cuts_off_stragglers_after_the_grace_period() {
    let stop = CancellationToken::new();
    let ended = Arc::new(AtomicUsize::new(0));
    let mut connections = JoinSet::new();
    let behaving = (stop.clone(), Ended(Arc::clone(&ended)));
    connections.spawn(async move {
        let (stop, _ended) = behaving;
        stop.cancelled().await;
    });
    let stuck = Ended(Arc::clone(&ended));
    connections.spawn(async move {
        // A connection that never ends by itself (think: a client that never reads).
        let _ended = stuck;
        std::future::pending::<()>().await;
    });
    let started = Instant::now();
    let cut_off = drain(connections, stop, Duration::from_secs(2)).await;
    assert_eq!(
        cut_off, 1,
        "one connection was still running after the grace period: drain should abort it \
         and report 1"
    );
    assert_eq!(
        ended.load(Ordering::SeqCst),
        2,
        "the stuck task must be gone (aborted, and waited for) when drain returns"
    );
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(3),
        "drain should give up after the 2 s grace period; took {took:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_the_requests_in_flight() {
    let up = Upstream::start().expect("fake upstream");
    let slow = up.url_with("facebook", &Knobs::latency(Duration::from_millis(400)));
    let mut server = TestServer::start(config(&[("facebook", slow)])).await;

    let (client, url) = (client(), server.url("/things?deadline_ms=3000"));
    let in_flight = tokio::spawn(async move { http_get(&client, &url).await });
    assert!(
        upstream_received(&up, 1, Duration::from_secs(5)).await,
        "the request should reach the upstream"
    );

    server.trigger_shutdown();
    let reply = timeout(Duration::from_secs(5), in_flight)
        .await
        .expect("the in-flight request should be answered")
        .expect("the request task");
    assert_eq!(
        reply.status, 200,
        "a request already in flight when the shutdown starts must be finished, not \
         dropped; got {reply:?}"
    );
    assert_eq!(reply.json["results"][0]["status"], "ok", "{}", reply.text);
    assert!(
        server.stopped_within(Duration::from_secs(3)).await,
        "serve() should return once the last request is answered"
    );
    assert!(
        TcpStream::connect(server.addr).await.is_err(),
        "after shutdown, new connections are refused"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_closes_idle_connections_at_once() {
    let mut server = TestServer::start(config(&[])).await;
    // An idle keep-alive connection: one request answered, then nothing.
    let mut idle = TcpStream::connect(server.addr).await.expect("connect");
    idle.write_all(b"GET /healthz HTTP/1.1\r\nhost: test\r\n\r\n")
        .await
        .expect("write");
    let mut buf = [0u8; 1024];
    let n = timeout(Duration::from_secs(5), idle.read(&mut buf))
        .await
        .expect("an answer to /healthz")
        .expect("read");
    assert!(
        buf[..n].starts_with(b"HTTP/1.1 200"),
        "{:?}",
        String::from_utf8_lossy(&buf[..n])
    );

    let started = Instant::now();
    server.trigger_shutdown();
    assert!(
        server.stopped_within(Duration::from_secs(2)).await,
        "an idle connection has nothing to finish: serve() should return at once, not \
         wait for the grace period"
    );
    let closed = timeout(Duration::from_secs(2), idle.read(&mut buf)).await;
    assert!(
        matches!(closed, Ok(Ok(0)) | Ok(Err(_))),
        "the idle connection should be closed by the shutdown; got {closed:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}
