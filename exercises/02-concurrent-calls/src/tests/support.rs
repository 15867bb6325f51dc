//! Helpers the test groups share: a fake upstream, URLs with latencies and
//! faults, checks on a batch of things, deadlines so that no test can wait
//! forever, and the failure timelines: when a check about *how* the calls ran
//! fails, the message draws your calls as the fake upstream saw them (one bar
//! per request) and says what the bars show.
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use upstream::{Fault, Knobs, RequestRecord, Stats, Upstream};

use crate::thing::{Status, Thing};

/// The three services of GetAllTheThings, in the order every test passes them.
pub const SERVICES: [&str; 3] = ["facebook", "twitter", "github"];

/// The speed-up tests: three services of 200 ms each...
pub const LATENCY: Duration = Duration::from_millis(200);
/// ...take at least 600 ms one after the other (a hard lower bound: the
/// upstream waits 200 ms before answering each one)...
pub const SEQUENTIAL_AT_LEAST: Duration = Duration::from_millis(600);
/// ...and well under 400 ms at the same time (about 200 ms; the other 200 ms
/// are margin for a slow, loaded machine). The upstream's log proves the
/// overlap itself.
pub const CONCURRENT_UNDER: Duration = Duration::from_millis(400);

/// The ordering tests: facebook is slowest, github fastest, 250 ms apart (far
/// enough that a busy machine cannot swap them). Completion order is the
/// reverse of argument order.
pub const STAGGERED: [Duration; 3] = [
    Duration::from_millis(550),
    Duration::from_millis(300),
    Duration::from_millis(50),
];
pub const COMPLETION_ORDER: [&str; 3] = ["github", "twitter", "facebook"];

/// No test waits longer than this for the code under test (the slowest test
/// needs about 0.6 s).
pub const DEADLINE: Duration = Duration::from_secs(4);

/// How long the code under test may keep running once the upstream has nothing
/// left to do (every request it received answered, and nothing new for this
/// long). A correct version returns within milliseconds of its last answer; one
/// that waits for something that never comes (a channel whose original sender
/// is still alive) is caught here, well before [`DEADLINE`].
pub const IDLE_GRACE: Duration = Duration::from_secs(1);

/// How often a deadline wrapper looks at the upstream while the code under test
/// runs.
const POLL: Duration = Duration::from_millis(20);

pub fn start_upstream() -> Upstream {
    Upstream::start().expect("the fake upstream should start on 127.0.0.1:0")
}

/// The URLs of facebook, twitter and github, each with its own latency.
pub fn urls_with_latencies(
    up: &Upstream,
    latencies: [Duration; 3],
) -> Vec<String> {
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

/// facebook works; twitter answers HTTP 500; github answers 200 with a body
/// that is not JSON.
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

/// `613 ms`: durations in failure messages, rounded to what a reader compares.
pub fn ms(duration: Duration) -> String {
    format!("{} ms", duration.as_millis())
}

/// Runs `work` and measures it.
pub fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = work();
    (value, started.elapsed())
}

/// Each of facebook, twitter and github is there exactly once, worked, and
/// carries its own JSON body (in any order).
pub fn assert_all_three_bodies(things: &[Thing]) {
    let mut got = names(things);
    got.sort_unstable();
    assert_eq!(
        got,
        ["facebook", "github", "twitter"],
        "expected exactly one thing per service (facebook, twitter, github), because every \
         URL is fetched once; got the names {:?}. Likely mistake: a URL fetched twice or \
         not at all, or a thing lost on its way back.",
        names(things)
    );
    for thing in things {
        assert_eq!(
            thing.status,
            Status::Ok,
            "expected the call to {} to work, because the fake upstream answers it with \
             JSON; got {thing:?}. Likely mistake: the URL was changed on its way to `fetch`.",
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

/// The batch from `urls_with_faults`: three things, facebook ok, the other two
/// failed with a message, and nobody panicked.
pub fn assert_failures_reported(things: &[Thing]) {
    assert_eq!(
        things.len(),
        3,
        "expected three things even though two calls failed, because a failed call is \
         still a result; got {:?}. Likely mistake: the failed calls were left out (a \
         filter on `Thing::is_ok`, or an early return at the first error).",
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

/// Your calls as the fake upstream saw them: the drawing, and one sentence
/// about it.
pub fn timeline(calls: &[RequestRecord]) -> String {
    format!(
        "{}Your calls ran {}.",
        upstream::draw_requests(calls),
        upstream::describe_overlap(calls)
    )
}

/// The naive baseline: the three calls one after the other, never two at once,
/// costing at least the sum of their latencies.
pub fn assert_sequential(up: &Upstream, elapsed: Duration) {
    let calls = up.requests();
    let overlap = upstream::max_overlap(&calls);
    assert!(
        calls.len() == 3 && overlap == 1 && elapsed >= SEQUENTIAL_AT_LEAST,
        "expected the three calls of {} one after the other, never two at once, taking \
         at least {}, because this is the naive baseline the other versions are measured \
         against; {} call(s) reached the upstream, at most {overlap} at once, and the \
         batch took {}.\n\n{}\nLikely mistake: the calls were made concurrently (keep \
         this one sequential), or not every URL was fetched.",
        ms(LATENCY),
        ms(SEQUENTIAL_AT_LEAST),
        calls.len(),
        ms(elapsed),
        timeline(&calls)
    );
}

/// A concurrent version: all three calls in flight at the same moment (the
/// upstream's log proves it), and the batch costing about one latency.
/// `mistake` names the likely cause when the calls ran one after another.
pub fn assert_concurrent(up: &Upstream, elapsed: Duration, mistake: &str) {
    let calls = up.requests();
    let overlap = upstream::max_overlap(&calls);
    assert!(
        calls.len() == 3 && overlap == 3,
        "expected the three calls of {} to be in flight at the same time, so that the \
         batch costs one latency instead of the sum; {} call(s) reached the upstream, at \
         most {overlap} at once, and the batch took {}.\n\n{}\n{mistake}",
        ms(LATENCY),
        calls.len(),
        ms(elapsed),
        timeline(&calls)
    );
    assert!(
        elapsed < CONCURRENT_UNDER,
        "expected three calls of {} made at the same time to take well under {}; your \
         calls did overlap, yet the batch took {}.\n\n{}\nLikely mistake: after the \
         calls were answered, the function waited for something else (a sleep, or a \
         thread or task that is not one of the calls).",
        ms(LATENCY),
        ms(CONCURRENT_UNDER),
        ms(elapsed),
        timeline(&calls)
    );
}

/// The staggered batch came back in completion order (github, twitter,
/// facebook). `mistake` names the likely cause when it came back in the order
/// of the URLs.
pub fn assert_completion_order(up: &Upstream, things: &[Thing], mistake: &str) {
    let got = names(things);
    if got == COMPLETION_ORDER {
        return;
    }
    let calls = up.requests();
    let diagnosis = if got == SERVICES
        && upstream::max_overlap(&calls) == calls.len()
    {
        format!(
            "They did run at the same time, but the things came back in the order you \
             started them, not in the order they finished. {mistake}"
        )
    } else if got == SERVICES {
        "They finished in the order you started them because each waited for the one \
         before: make the calls at the same time."
            .to_string()
    } else {
        "Likely mistake: the things are reordered after they arrive (a sort?)."
            .to_string()
    };
    panic!(
        "expected the things in the order the calls finished, {COMPLETION_ORDER:?} \
         (github after 50 ms, twitter after 300 ms, facebook after 550 ms); got {got:?}.\
         \n\n{}\n{diagnosis}",
        timeline(&calls)
    );
}

/// Watches the upstream while the code under test runs, to tell "still working"
/// from "waiting for something that will never come".
struct HangWatch<'a> {
    up: &'a Upstream,
    started: Instant,
    last: Stats,
    quiet_since: Instant,
}

enum Hang {
    /// The upstream answered everything it received and then nothing happened
    /// for this long.
    Idle(Duration),
    /// [`DEADLINE`] passed.
    Deadline,
}

impl<'a> HangWatch<'a> {
    fn new(up: &'a Upstream) -> HangWatch<'a> {
        let now = Instant::now();
        HangWatch {
            up,
            started: now,
            last: up.stats(),
            quiet_since: now,
        }
    }

    fn check(&mut self) -> Option<Hang> {
        let stats = self.up.stats();
        let now = Instant::now();
        if stats != self.last || stats.in_flight() > 0 {
            self.last = stats;
            self.quiet_since = now;
        }
        if now - self.started >= DEADLINE {
            Some(Hang::Deadline)
        } else if now - self.quiet_since >= IDLE_GRACE {
            Some(Hang::Idle(now - self.quiet_since))
        } else {
            None
        }
    }

    fn message(&self, what: &str, hang: Hang) -> String {
        let calls = self.up.requests();
        match hang {
            Hang::Idle(quiet) => format!(
                "expected {what} to return once its calls were answered; the fake upstream \
                 answered all {} call(s) it received and has had nothing to do for {}, \
                 yet {what} is still running.\n\n{}\nLikely mistake: it waits \
                 for something that will never come. A channel's receiver stops waiting \
                 only when every sender is gone, the original one too: did you drop the \
                 original sender before collecting?",
                calls.len(),
                ms(quiet),
                upstream::draw_requests(&calls)
            ),
            Hang::Deadline => format!(
                "expected {what} to return within {}, because every call takes under a \
                 second; it is still running.\n\n{}",
                ms(DEADLINE),
                upstream::draw_requests(&calls)
            ),
        }
    }
}

/// Run blocking code under test on its own thread, and fail (with advice and
/// the timeline) if it hangs: if it is still running [`IDLE_GRACE`] after the
/// upstream has answered everything, or after [`DEADLINE`].
///
/// A panic inside `work` (like `todo!()`) is re-raised here, so the test fails
/// with its message.
pub fn within_deadline<T, F>(what: &str, up: &Upstream, work: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (done, result) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = done.send(work());
    });
    let mut watch = HangWatch::new(up);
    loop {
        match result.recv_timeout(POLL) {
            Ok(value) => return value,
            Err(RecvTimeoutError::Disconnected) => match worker.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => panic!("{what} ended without a result"),
            },
            Err(RecvTimeoutError::Timeout) => {
                if let Some(hang) = watch.check() {
                    panic!("{}", watch.message(what, hang));
                }
            }
        }
    }
}

/// The async twin of [`within_deadline`].
pub async fn within_deadline_async<F: Future>(
    what: &str,
    up: &Upstream,
    work: F,
) -> F::Output {
    let mut work = std::pin::pin!(work);
    let mut watch = HangWatch::new(up);
    loop {
        tokio::select! {
            value = &mut work => return value,
            () = tokio::time::sleep(POLL) => {
                if let Some(hang) = watch.check() {
                    panic!("{}", watch.message(what, hang));
                }
            }
        }
    }
}
