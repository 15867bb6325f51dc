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

/// Runs `drain`, failing (with advice) if it has not returned 10 s after the grace period.
/// The paused clock jumps ahead when every task is idle, so this costs no real time.
async fn drain_within(connections: JoinSet<()>, stop: CancellationToken, grace: Duration) -> usize {
    let limit = grace + Duration::from_secs(10);
    match timeout(limit, drain(connections, stop, grace)).await {
        Ok(cut_off) => cut_off,
        Err(_) => panic!(
            "expected: drain returns by the {grace:?} grace period; happened: still waiting \
             {limit:?} after it started; likely mistake: waiting for every task with no time \
             limit, so a connection that never ends holds the shutdown forever (or the \
             token is never cancelled, so nobody is told to stop)"
        ),
    }
}

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
    let cut_off = drain_within(connections, stop, Duration::from_secs(10)).await;
    assert_eq!(
        cut_off, 0,
        "expected: 0 cut off, since idle connections end as soon as they are told to; \
         happened: {cut_off} cut off after the grace period; likely mistake: the token was \
         never cancelled (or only after waiting), so nobody was told to stop"
    );
    assert_eq!(
        ended.load(Ordering::SeqCst),
        3,
        "expected: all three connection tasks ended when drain returns"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "expected: nothing was busy, so drain returns at once; happened: it took {:?} \
         (of a 10 s grace period); likely mistake: the token was never cancelled, or \
         cancelled only after waiting",
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
    let cut_off = drain_within(connections, stop, Duration::from_secs(10)).await;
    let done = finished.load(Ordering::SeqCst);
    assert_eq!(
        (cut_off, done),
        (0, 3),
        "expected: every request finishes within the 10 s grace period, none cut off; \
         happened: {cut_off} cut off, {done} of 3 finished; likely mistake: drain returns \
         before every connection task has ended (join them all, until join_next gives None)"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(300)
            && started.elapsed() < Duration::from_secs(1),
        "expected: drain returns when the slowest request is done, 300 ms after the stop; \
         happened: it took {:?}",
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
    let cut_off = drain_within(connections, stop, Duration::from_secs(2)).await;
    assert_eq!(
        cut_off, 1,
        "expected: one connection still running after the grace period, aborted and \
         counted: 1; happened: {cut_off}; likely mistake: the count is taken after the \
         abort, or counts every connection instead of those left"
    );
    let gone = ended.load(Ordering::SeqCst);
    assert_eq!(
        gone, 2,
        "expected: the stuck task gone (aborted, and waited for) when drain returns; \
         happened: {gone} of 2 tasks ended; likely mistake: aborting without waiting. \
         JoinSet::abort_all only asks, and the task goes at its next poll, after drain \
         has returned; JoinSet::shutdown aborts and waits until every task is gone"
    );
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(3),
        "expected: drain gives up after the 2 s grace period; happened: it took {took:?}"
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
        upstream_received(&up, 1, Duration::from_secs(3)).await,
        "expected: the request reaches the upstream; happened: it did not within 3 s \
         (exercises 1 to 5 must pass first)"
    );

    server.trigger_shutdown();
    let reply = timeout(Duration::from_secs(5), in_flight)
        .await
        .expect(
            "expected: the request in flight when the shutdown starts gets its answer; \
             happened: none within 5 s; likely mistake: drain does not wait for the \
             connection tasks",
        )
        .expect("the request task");
    assert_eq!(
        reply.status, 200,
        "expected: a request already in flight when the shutdown starts is finished, not \
         dropped; happened: {reply:?}; likely mistake: the connections are aborted at \
         once instead of after the grace period"
    );
    assert_eq!(reply.json["results"][0]["status"], "ok", "{}", reply.text);
    assert!(
        server.stopped_within(Duration::from_secs(3)).await,
        "expected: serve() returns once the last request is answered; happened: still \
         running 3 s later; likely mistake: the token is not cancelled, so the idle \
         keep-alive connection is never told to close"
    );
    assert!(
        TcpStream::connect(server.addr).await.is_err(),
        "expected: after shutdown, new connections are refused"
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
        "expected: an idle connection has nothing to finish, so serve() returns at once; \
         happened: still running 2 s later; likely mistake: the token is not cancelled \
         first, so drain waits for a connection nobody told to stop"
    );
    let closed = timeout(Duration::from_secs(2), idle.read(&mut buf)).await;
    assert!(
        matches!(closed, Ok(Ok(0)) | Ok(Err(_))),
        "expected: the idle connection closed by the shutdown; happened: {closed:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}
