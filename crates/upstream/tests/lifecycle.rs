//! Starting, stopping, dropping; and using the upstream from plain threads.

mod common;

use std::net::TcpListener;
use std::time::{Duration, Instant};

use common::{PROMPTLY, client};
use upstream::{Fault, Knobs, Upstream};

#[tokio::test]
async fn stop_closes_the_port_and_frees_it() {
    let up = Upstream::start().unwrap();
    let addr = up.addr();
    let url = up.url("github");
    assert_eq!(client().get(&url).send().await.unwrap().status(), 200);
    up.stop();
    let after = client().get(&url).send().await;
    assert!(
        after.as_ref().is_err_and(|e| e.is_connect()),
        "expected nobody to listen after stop(); got {after:?}"
    );
    TcpListener::bind(addr).expect("the port is free again after stop()");
}

#[test]
fn dropping_the_upstream_stops_it() {
    let url = {
        let up = Upstream::start().unwrap();
        up.url("weather")
    };
    let after = reqwest::blocking::get(url);
    assert!(after.as_ref().is_err_and(|e| e.is_connect()), "{after:?}");
}

#[tokio::test]
async fn stop_does_not_wait_for_hanging_requests() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("facebook", &Knobs::fault(Fault::Hang));
    let requests: Vec<_> = (0..5)
        .map(|_| tokio::spawn(client().get(&url).send()))
        .collect();
    assert!(
        up.wait_for(|s| s.received == 5, PROMPTLY).await,
        "{:?}",
        up.stats()
    );
    let started = Instant::now();
    up.stop();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "stop took {:?}",
        started.elapsed()
    );
    for request in requests {
        let result = request.await.unwrap();
        assert!(
            result.is_err(),
            "a cut-off request fails on the client; got {result:?}"
        );
    }
}

#[test]
fn works_from_plain_threads() {
    let up = Upstream::start().unwrap();
    std::thread::scope(|scope| {
        for name in upstream::ENDPOINTS {
            let url = up.url_with(name, &Knobs::latency(Duration::from_millis(20)));
            scope.spawn(move || {
                let body = reqwest::blocking::get(url).unwrap().text().unwrap();
                assert_eq!(body, upstream::document(name).unwrap());
            });
        }
    });
    assert!(
        up.wait_for_blocking(|s| s.served == 4, PROMPTLY),
        "{:?}",
        up.stats()
    );
}

#[test]
fn two_upstreams_are_independent() {
    let a = Upstream::start().unwrap();
    let b = Upstream::start().unwrap();
    assert_ne!(a.addr(), b.addr());
    reqwest::blocking::get(a.url("github"))
        .unwrap()
        .text()
        .unwrap();
    assert_eq!((a.served(), b.served()), (1, 0));
    b.stop();
    reqwest::blocking::get(a.url("github"))
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(a.served(), 2);
}

#[test]
fn start_on_a_busy_port_is_an_error() {
    let up = Upstream::start().unwrap();
    let error = Upstream::start_on(up.addr())
        .err()
        .expect("the port is taken");
    assert_eq!(error.kind(), std::io::ErrorKind::AddrInUse);
}

/// Tests and demos share one `Upstream` between threads and tasks, and spawn futures
/// that wait on it: all of that needs these bounds.
#[test]
fn upstream_and_its_wait_futures_are_send_and_sync() {
    fn send_sync<T: Send + Sync>(_: &T) {}
    fn send<T: Send>(_: &T) {}
    let up = Upstream::start().unwrap();
    send_sync(&up);
    let waiting = up.wait_for_abandoned(0, Duration::from_secs(1));
    send(&waiting);
    let stats = up.stats();
    assert_eq!(stats.to_string(), "received 0, served 0, abandoned 0");
}
