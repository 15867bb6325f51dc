//! KNOWN WRONG (check_cancellation): checks only that the call timed out, never
//! what the upstream saw: a fetch that leaves its request running passes too.
//!
//! Exercise 2 (check_cancellation): write the test that proves a cancelled
//! fetch closes its connection, against the in-process fake upstream.
//!
//! The step's tests run your [`check_cancellation`] against
//! [`InFuture`](crate::fetch::InFuture), which does close its connection when
//! its future is dropped (your check must pass), and against a leaky fetch that
//! runs the request in a spawned task and leaves it running (your check must
//! fail). Both return the same error to the caller at the same moment: only the
//! other end of the socket can tell them apart, so your check must ask it.
//!
//! Why a fake upstream: `upstream::Upstream::start` serves the workshop's fake
//! APIs on `127.0.0.1:0` (a free port, so tests running at once never collide),
//! from a thread of its own. `Fault::Hang` makes an endpoint that never
//! answers, and the upstream counts each request whose client went away before
//! the answer (`Stats::abandoned`): the only witness of a cancellation that
//! reached the socket.
//!
//! Why gates, not sleeps: "start the call, sleep 100 ms, give up" hopes the
//! request has reached the upstream by then, and "give up, sleep 100 ms, read
//! the counter" hopes the close has arrived. On a loaded laptop either hope
//! fails now and then: a flaky test. Wait for the *event* instead, with a
//! deadline in case it never comes: the upstream's `wait_for` wakes when its
//! counters change (has it received the request yet?), and `wait_for_abandoned`
//! when a client leaves. A deadline of a second or two is plenty on loopback;
//! the step's tests give your whole check 5 seconds.
//!
//! Why futures must be polled: a future does nothing until it is polled. Create
//! the fetch's future and drop it without awaiting it, and no request was ever
//! sent, so there was nothing to cancel.
//!
//! A good `Err` says what the upstream saw: `upstream::draw_requests` draws its
//! request log as a timeline.

use std::time::Duration;

use upstream::{Fault, Knobs, Upstream};

use crate::fetch::Fetch;

// ANCHOR: check_cancellation
/// Returns `Ok(())` if giving up on a `fetch.get` that is waiting for its
/// answer closes the connection, as the upstream sees it; `Err` saying what
/// happened if not.
///
/// The skeleton:
/// 1. Start a fake upstream, and make the URL of an endpoint that never
///    answers.
/// 2. Start the fetch, and give it up (drop its future) as soon as the upstream
///    has received the request.
/// 3. Wait, with a deadline, until the upstream counts the request as
///    abandoned.
pub async fn check_cancellation(fetch: impl Fetch) -> Result<(), String> {
    // 1. An endpoint that never answers: the call can only end by being given
    //    up.
    let upstream = Upstream::start()
        .map_err(|e| format!("the fake upstream did not start: {e}"))?;
    let url = upstream.url_with("github", &Knobs::fault(Fault::Hang));

    // 2. Give up after a while: the call must not have answered.
    match tokio::time::timeout(DEADLINE / 10, fetch.get(&url)).await {
        Err(_elapsed) => {}
        Ok(result) => {
            return Err(format!(
                "expected the call to a hanging endpoint to time out; it \
                 returned {result:?}{}",
                seen(&upstream)
            ));
        }
    }
    Ok(())
}

/// How long to wait for each event before calling it missing (on loopback,
/// generous).
const DEADLINE: Duration = Duration::from_secs(2);

/// The upstream's request log, drawn, for an error message.
fn seen(upstream: &Upstream) -> String {
    format!(
        "\n\nThe requests, as the upstream saw them:\n{}",
        upstream::draw_requests(&upstream.requests())
    )
}
// ANCHOR_END: check_cancellation
