//! Helpers the test groups share: a fake upstream, URLs with latencies and faults, checks
//! on a batch of things, and deadlines so that no test can wait forever.
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use upstream::{Fault, Knobs, Upstream};

use crate::thing::{Status, Thing};

/// The three services of GetAllTheThings, in the order every test passes them.
pub const SERVICES: [&str; 3] = ["facebook", "twitter", "github"];

/// The speed-up test: three services of 100 ms each...
pub const LATENCY: Duration = Duration::from_millis(100);
/// ...take at least 300 ms one after the other (a hard lower bound: the upstream waits
/// 100 ms before answering each one)...
pub const SEQUENTIAL_AT_LEAST: Duration = Duration::from_millis(300);
/// ...and well under 200 ms at the same time (about 100 ms; the other 100 ms are margin
/// for a slow, loaded machine).
pub const CONCURRENT_UNDER: Duration = Duration::from_millis(200);

/// The ordering tests: facebook is slowest, github fastest, 250 ms apart (far enough that
/// a busy machine cannot swap them). Completion order is the reverse of argument order.
pub const STAGGERED: [Duration; 3] = [
    Duration::from_millis(550),
    Duration::from_millis(300),
    Duration::from_millis(50),
];
pub const COMPLETION_ORDER: [&str; 3] = ["github", "twitter", "facebook"];

/// No test waits longer than this for the code under test (the slowest test needs
/// about 0.6 s).
pub const DEADLINE: Duration = Duration::from_secs(10);

pub fn start_upstream() -> Upstream {
    Upstream::start().expect("the fake upstream should start on 127.0.0.1:0")
}

/// The URLs of facebook, twitter and github, each with its own latency.
pub fn urls_with_latencies(up: &Upstream, latencies: [Duration; 3]) -> Vec<String> {
    SERVICES
        .iter()
        .zip(latencies)
        .map(|(name, latency)| up.url_with(name, &Knobs::latency(latency)))
        .collect()
}

/// The URLs of facebook, twitter and github, all with the same latency.
pub fn urls_with_latency(up: &Upstream, latency: Duration) -> Vec<String> {
    urls_with_latencies(up, [latency; 3])
}

/// facebook works; twitter answers HTTP 500; github answers 200 with a body that is not
/// JSON.
pub fn urls_with_faults(up: &Upstream) -> Vec<String> {
    vec![
        up.url("facebook"),
        up.url_with("twitter", &Knobs::fault(Fault::Status500)),
        up.url_with("github", &Knobs::fault(Fault::InvalidJson)),
    ]
}

pub fn names(things: &[Thing]) -> Vec<&str> {
    things.iter().map(|thing| thing.name.as_str()).collect()
}

/// Each of facebook, twitter and github is there exactly once, worked, and carries its
/// own JSON body (in any order).
pub fn assert_all_three_bodies(things: &[Thing]) {
    let mut got = names(things);
    got.sort_unstable();
    assert_eq!(
        got,
        ["facebook", "github", "twitter"],
        "expected exactly one thing per service (facebook, twitter, github), because every \
         URL is fetched once; got the names {:?}",
        names(things)
    );
    for thing in things {
        assert_eq!(
            thing.status,
            Status::Ok,
            "expected the call to {} to work, because the fake upstream answers it with \
             JSON; got {thing:?}",
            thing.name
        );
        let service = thing.body.as_ref().and_then(|body| body.get("service"));
        assert_eq!(
            service.and_then(|service| service.as_str()),
            Some(thing.name.as_str()),
            "expected the body of {} to be that service's JSON (with \"service\": {:?}), \
             because each Thing keeps the body of its own URL; got {:?}",
            thing.name,
            thing.name,
            thing.body
        );
    }
}

/// The batch from `urls_with_faults`: three things, facebook ok, the other two failed
/// with a message, and nobody panicked.
pub fn assert_failures_reported(things: &[Thing]) {
    assert_eq!(
        things.len(),
        3,
        "expected three things even though two calls failed, because a failed call is \
         still a result; got {:?}",
        names(things)
    );
    let by_name = |name: &str| things.iter().find(|thing| thing.name == name);
    let facebook = by_name("facebook");
    assert!(
        facebook.is_some_and(Thing::is_ok),
        "expected facebook to work even though twitter and github failed, because one bad \
         upstream must not spoil the others; got {facebook:?}"
    );
    for name in ["twitter", "github"] {
        let thing = by_name(name);
        assert!(
            matches!(thing, Some(Thing { status: Status::Error(message), body: None, .. }) if !message.is_empty()),
            "expected {name} to be a failed Thing with an error message and no body, \
             because its upstream misbehaves on purpose; got {thing:?}"
        );
    }
}

/// Run blocking code under test on its own thread, and give up after [`DEADLINE`].
///
/// Turns "the test hangs forever" (say, a channel whose senders are never all dropped)
/// into a failure with advice. A panic inside `work` (like `todo!()`) is re-raised here,
/// so the test fails with its message.
pub fn within_deadline<T, F>(what: &str, work: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (done, result) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(DEADLINE) {
        Ok(value) => value,
        Err(RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what} ended without a result"),
        },
        Err(RecvTimeoutError::Timeout) => panic!(
            "expected {what} to return within {DEADLINE:?}, because every call takes under a \
             second; it is still running. Is something waiting forever, e.g. a receiver \
             whose original sender was never dropped?"
        ),
    }
}

/// The async twin of [`within_deadline`].
pub async fn within_deadline_async<F: Future>(what: &str, work: F) -> F::Output {
    match tokio::time::timeout(DEADLINE, work).await {
        Ok(value) => value,
        Err(_) => panic!(
            "expected {what} to return within {DEADLINE:?}, because every call takes under a \
             second; it is still running. Is something waiting forever?"
        ),
    }
}
