//! Exercise 3: `fan_out` calls every upstream at once, keeps the configured order,
//! answers by the deadline whatever the upstreams do, and cancels what it leaves behind.
//!
//! Failure messages end with your calls as the fake upstream saw them: one bar per
//! request, on a shared time axis.
use std::time::Duration;

use tokio::time::{Instant, timeout};
use upstream::{Fault, Knobs, Upstream};

use super::support::{ms, refused_url, specs, timing_sensitive, your_calls};
use crate::config::{UpstreamSpec, build_client};
use crate::fan_out::fan_out;
use crate::results::{Status, UpstreamResult};

fn start_upstream() -> Upstream {
    Upstream::start().expect("starting the fake upstream on 127.0.0.1:0")
}

fn latency(ms: u64) -> Knobs {
    Knobs::latency(Duration::from_millis(ms))
}

/// Runs `fan_out`, giving up after `deadline + 2 s` so a wrong solution cannot hang us.
async fn run(
    up: &Upstream,
    upstreams: &[UpstreamSpec],
    deadline: Duration,
) -> (Vec<UpstreamResult>, Duration) {
    let client = build_client().expect("client");
    let started = Instant::now();
    let limit = deadline + Duration::from_secs(2);
    match timeout(limit, fan_out(&client, upstreams, deadline)).await {
        Ok(results) => (results, started.elapsed()),
        Err(_) => panic!(
            "expected: fan_out returns by its {deadline:?} deadline; happened: still \
             running after {limit:?}; likely mistake: a call that is not raced against the \
             deadline (every call needs the same deadline instant), or waiting for the \
             calls one after another{}",
            your_calls(up)
        ),
    }
}

fn names(results: &[UpstreamResult]) -> Vec<&str> {
    results.iter().map(|result| result.name.as_str()).collect()
}

#[tokio::test]
async fn results_come_back_in_configured_order() {
    let up = start_upstream();
    // The first is the slowest: completion order is the reverse of configured order.
    let upstreams = specs(&[
        ("slow", up.url_with("facebook", &latency(150))),
        ("medium", up.url_with("twitter", &latency(75))),
        ("fast", up.url("github")),
    ]);
    let (results, _) = run(&up, &upstreams, Duration::from_secs(5)).await;
    assert_eq!(
        names(&results),
        ["slow", "medium", "fast"],
        "expected: results in configured order; happened: another order; likely mistake: \
         results kept in the order the calls finished (join_next gives completion \
         order): let each task return its slot and put its result there{}",
        your_calls(&up)
    );
    for result in &results {
        assert_eq!(
            result.status,
            Status::Ok,
            "expected: ok, every upstream here is healthy; happened: {result:?}{}",
            your_calls(&up)
        );
        assert!(
            result.body.is_some(),
            "expected: an ok result carries the body; happened: {result:?}; likely \
             mistake: build each result with UpstreamResult::from_outcome"
        );
    }
}

#[tokio::test]
async fn the_calls_run_concurrently() {
    let _cpu = timing_sensitive().await;
    let up = start_upstream();
    let upstreams = specs(&[
        ("a", up.url_with("facebook", &latency(150))),
        ("b", up.url_with("twitter", &latency(150))),
        ("c", up.url_with("github", &latency(150))),
    ]);
    let (results, elapsed) = run(&up, &upstreams, Duration::from_secs(5)).await;
    assert!(
        results.iter().all(|result| result.status == Status::Ok),
        "expected: all three ok, they are healthy; happened: {results:?}{}",
        your_calls(&up)
    );
    let likely = if upstream::max_overlap(&up.requests()) == 1 {
        "your calls ran one after another, so the wait is the sum: start every call (one \
         task each) before waiting for any"
    } else {
        "the calls overlapped, but fan_out waited longer than the slowest of them"
    };
    assert!(
        elapsed < Duration::from_millis(300),
        "expected: three calls of 150 ms each take about 150 ms together; happened: \
         {:.0} ms; likely mistake: {likely}{}",
        ms(elapsed),
        your_calls(&up)
    );
}

#[tokio::test]
async fn returns_as_soon_as_every_call_is_done() {
    let up = start_upstream();
    let upstreams = specs(&[("a", up.url("facebook")), ("b", up.url("weather"))]);
    let (results, elapsed) = run(&up, &upstreams, Duration::from_secs(5)).await;
    assert_eq!(names(&results), ["a", "b"]);
    assert!(
        elapsed < Duration::from_secs(1),
        "expected: both upstreams answer at once, so fan_out returns at once; happened: \
         {:.0} ms with a 5 s deadline; likely mistake: waiting for the deadline itself \
         (a sleep) instead of for the calls, each raced against it{}",
        ms(elapsed),
        your_calls(&up)
    );
}

#[tokio::test]
async fn every_fault_kind_is_reported_by_the_deadline() {
    let _cpu = timing_sensitive().await;
    let up = start_upstream();
    let fault = |name: &str, fault: Fault| up.url_with(name, &Knobs::fault(fault));
    let upstreams = specs(&[
        ("ok", up.url("facebook")),
        ("status_500", fault("twitter", Fault::Status500)),
        ("hang", fault("github", Fault::Hang)),
        ("invalid_json", fault("weather", Fault::InvalidJson)),
        ("stall", fault("facebook", Fault::Stall)),
        ("huge", fault("twitter", Fault::TooLarge)),
        ("refused", refused_url()),
    ]);
    let deadline = Duration::from_millis(300);
    let (results, elapsed) = run(&up, &upstreams, deadline).await;

    let expected = [
        ("ok", Status::Ok),
        ("status_500", Status::Error),
        ("hang", Status::Timeout),
        ("invalid_json", Status::Error),
        ("stall", Status::Timeout),
        ("huge", Status::Error),
        ("refused", Status::Error),
    ];
    assert_eq!(names(&results), expected.map(|(name, _)| name));
    for (result, (name, status)) in results.iter().zip(expected) {
        assert_eq!(
            result.status,
            status,
            "expected: upstream {name:?} reported as {status:?}; happened: {result:?}; \
             likely mistake: {}{}",
            if result.status == Status::Timeout {
                "a call started late, after the deadline was used up by another one"
            } else {
                "build each result with UpstreamResult::from_outcome"
            },
            your_calls(&up)
        );
        match status {
            Status::Ok => assert!(result.body.is_some() && result.error.is_none()),
            _ => assert!(
                result.body.is_none() && result.error.as_deref().is_some_and(|e| !e.is_empty()),
                "expected: a failed call has no body and a readable error; happened: \
                 {result:?}; likely mistake: build each result with \
                 UpstreamResult::from_outcome"
            ),
        }
    }
    assert!(
        elapsed >= deadline,
        "expected: fan_out waits until the deadline, since two upstreams never finish; \
         happened: it returned after {:.0} ms; likely mistake: a deadline shorter than \
         the one given{}",
        ms(elapsed),
        your_calls(&up)
    );
    let likely = if elapsed >= deadline * 2 {
        "each call got its own timeout, one after another, so the timeouts added up: \
         give every call the same deadline instant and run them at once"
    } else {
        "something waits after the deadline: every call must race the same instant, \
         computed once"
    };
    assert!(
        elapsed < deadline + Duration::from_millis(50),
        "expected: fan_out returns by the deadline (300 ms) plus a few ms, whatever the \
         upstreams do; happened: {:.0} ms; likely mistake: {likely}{}",
        ms(elapsed),
        your_calls(&up)
    );
}

#[tokio::test]
async fn a_timeout_cancels_the_call() {
    let up = start_upstream();
    let upstreams = specs(&[("hang", up.url_with("github", &Knobs::fault(Fault::Hang)))]);
    let (results, _) = run(&up, &upstreams, Duration::from_millis(100)).await;
    assert_eq!(
        results[0].status,
        Status::Timeout,
        "expected: a call that hangs past the deadline is a timeout; happened: {results:?}"
    );
    assert!(
        up.wait_for_abandoned(1, Duration::from_secs(2)).await,
        "expected: after the deadline the hanging call is dropped, which closes its \
         connection, and the upstream sees it abandoned; happened: it did not within 2 s \
         (stats: {:?}); likely mistake: the task is left running after the timeout{}",
        up.stats(),
        your_calls(&up)
    );
}

#[tokio::test]
async fn dropping_fan_out_cancels_every_call() {
    let up = start_upstream();
    let hang = up.url_with("github", &Knobs::fault(Fault::Hang));
    let upstreams = specs(&[("one", hang.clone()), ("two", hang)]);
    let client = build_client().expect("client");
    // A client that disconnects: hyper drops the handler's future, and with it fan_out.
    let gave_up = timeout(
        Duration::from_millis(300),
        fan_out(&client, &upstreams, Duration::from_secs(8)),
    )
    .await;
    assert!(
        gave_up.is_err(),
        "expected: fan_out still waiting after 300 ms, since both upstreams hang and the \
         deadline is 8 s; happened: it returned {gave_up:?}{}",
        your_calls(&up)
    );
    let both_abandoned = up.wait_for_abandoned(2, Duration::from_secs(2)).await;
    let stats = up.stats();
    let likely = if stats.received < 2 {
        "the calls do not all start at once: one after another, the second waits for the \
         first, which hangs"
    } else {
        "the calls run in detached tasks (tokio::spawn: dropping a JoinHandle does not \
         stop its task): keep them in a JoinSet, whose drop aborts them"
    };
    assert!(
        both_abandoned,
        "expected: when the fan_out future is dropped, both calls stop and the upstream \
         sees them abandoned; happened: {stats:?} after 2 s; likely mistake: {likely}{}",
        your_calls(&up)
    );
}

#[tokio::test]
async fn no_upstreams_no_results() {
    let up = start_upstream();
    let (results, elapsed) = run(&up, &[], Duration::from_secs(5)).await;
    assert!(
        results.is_empty(),
        "expected: no upstreams, no results; happened: {results:?}"
    );
    assert!(
        elapsed < Duration::from_secs(1),
        "expected: nothing to wait for, so an instant return; happened: {elapsed:?}; \
         likely mistake: waiting for the deadline itself instead of for the calls"
    );
}
