//! What a request to a named endpoint gets: latency, then the document or a fault.
//!
//! Each fault imitates one way real upstreams fail, and each one tests a different
//! defence in the client: `500` its status check, `invalid_json` its error handling,
//! `huge` its size limit, and `hang` / `stall` its deadline. The last two are the
//! interesting ones: a timeout on "waiting for the response" is not enough for a
//! `stall`, whose status line and headers arrive at once and whose body never finishes.

use std::time::Duration;

use bytes::Bytes;
use hyper::StatusCode;

use crate::body::ReplyBody;
use crate::endpoints;
use crate::knobs::{Fault, Knobs};
use crate::server::{Reply, json_reply};
use crate::stats::RequestGuard;

// ANCHOR: respond
/// Answers one counted request to endpoint `name` (whose document is `document`).
///
/// If the client goes away while this future is waiting (in the latency, or forever in
/// `fault=hang`), hyper drops the future, and with it `guard`: that is the abandonment.
pub(crate) async fn respond(
    name: &str,
    document: Bytes,
    knobs: Knobs,
    guard: RequestGuard,
) -> Reply {
    let delay = knobs.latency + random_jitter(knobs.jitter);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }

    let full = document;
    match knobs.fault {
        None => json_reply(StatusCode::OK, ReplyBody::chunks(vec![full], guard)),
        Some(Fault::Status500) => {
            let error = serde_json::json!({
                "error": format!("fault=500: the fake {name} failed on purpose")
            });
            let body = Bytes::from(error.to_string());
            let status = StatusCode::INTERNAL_SERVER_ERROR;
            let guard = guard.answering(status.as_u16());
            json_reply(status, ReplyBody::chunks(vec![body], guard))
        }
        Some(Fault::Hang) => {
            // Never answers. The guard lives in this future, which now waits until hyper
            // drops it (client gone) or the upstream stops.
            let _guard = guard;
            std::future::pending().await
        }
        Some(Fault::InvalidJson) => {
            // Cut in half: an object that never closes is never valid JSON. The
            // content-type still says JSON, as a buggy server's would.
            let half = full.slice(..half_way(&full));
            json_reply(StatusCode::OK, ReplyBody::chunks(vec![half], guard))
        }
        Some(Fault::Stall) => {
            let half = full.slice(..half_way(&full));
            let body = ReplyBody::stalled(half, full.len() as u64, guard);
            json_reply(StatusCode::OK, body)
        }
        Some(Fault::TooLarge) => json_reply(
            StatusCode::OK,
            ReplyBody::chunks(endpoints::huge_chunks(name), guard),
        ),
    }
}
// ANCHOR_END: respond

/// About half of `document`'s length, moved back to the start of a UTF-8 character:
/// the cut body must be broken JSON, not broken text (a `/search` query may hold
/// non-ASCII letters).
fn half_way(document: &[u8]) -> usize {
    let mut half = document.len() / 2;
    while half > 0 && document[half] & 0b1100_0000 == 0b1000_0000 {
        half -= 1;
    }
    half
}

/// A random extra wait in `0..=jitter`, in whole milliseconds.
fn random_jitter(jitter: Duration) -> Duration {
    let max_ms = u64::try_from(jitter.as_millis()).unwrap_or(u64::MAX);
    Duration::from_millis(fastrand::u64(0..=max_ms))
}
