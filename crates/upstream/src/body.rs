//! The response body: a list of chunks, optionally followed by silence.
//!
//! One body type covers every case the fake upstream needs: a whole document in one
//! chunk, a huge document in many chunks, and a stalled document (half of it, then
//! nothing, while `content-length` promised the whole). Writing the body by hand (rather
//! than using a ready-made one) is what lets it carry the request's [`RequestGuard`]:
//! handing out the last chunk counts the request as served; being dropped by hyper before
//! that (the client hung up mid-body) counts it as abandoned.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};

use crate::stats::RequestGuard;

pub(crate) struct ReplyBody {
    chunks: VecDeque<Bytes>,
    /// Bytes still to come, as promised to the client (`content-length`).
    remaining: u64,
    /// After the chunks, stay pending forever instead of ending (`fault=stall`).
    stall: bool,
    /// `None` for responses that are not counted (`/healthz`, 404, 400).
    guard: Option<RequestGuard>,
}

impl ReplyBody {
    /// A body that is not counted in the stats.
    pub(crate) fn uncounted(body: impl Into<Bytes>) -> ReplyBody {
        let body = body.into();
        ReplyBody {
            remaining: body.len() as u64,
            chunks: VecDeque::from([body]),
            stall: false,
            guard: None,
        }
    }

    /// A counted body sent as `chunks`, one after the other.
    pub(crate) fn chunks(chunks: Vec<Bytes>, guard: RequestGuard) -> ReplyBody {
        let remaining = chunks.iter().map(|chunk| chunk.len() as u64).sum();
        let mut body = ReplyBody {
            chunks: chunks.into_iter().filter(|c| !c.is_empty()).collect(),
            remaining,
            stall: false,
            guard: Some(guard),
        };
        // An empty body is complete before hyper ever asks for a frame.
        if body.chunks.is_empty() {
            body.finish();
        }
        body
    }

    /// A counted body that promises `promised` bytes, sends `first`, then stalls.
    pub(crate) fn stalled(first: Bytes, promised: u64, guard: RequestGuard) -> ReplyBody {
        ReplyBody {
            chunks: VecDeque::from([first]),
            remaining: promised,
            stall: true,
            guard: Some(guard),
        }
    }

    fn finish(&mut self) {
        if let Some(guard) = self.guard.take() {
            guard.served();
        }
    }
}

// ANCHOR: poll_frame
impl Body for ReplyBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        match this.chunks.pop_front() {
            Some(chunk) => {
                this.remaining = this.remaining.saturating_sub(chunk.len() as u64);
                if this.chunks.is_empty() && !this.stall {
                    // Counted now, before hyper writes it, so that a client that has read
                    // the whole body always finds it counted as served.
                    this.finish();
                }
                Poll::Ready(Some(Ok(Frame::data(chunk))))
            }
            // The stall: pending without ever arranging a wake-up. hyper keeps the
            // connection open, waiting for bytes that never come, until the client hangs
            // up and hyper drops this body (and the guard in it).
            None if this.stall => Poll::Pending,
            None => {
                this.finish();
                Poll::Ready(None)
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.chunks.is_empty() && !self.stall
    }

    fn size_hint(&self) -> SizeHint {
        // Exact, so hyper sends `content-length` (for the stall: the whole document's).
        SizeHint::with_exact(self.remaining)
    }
}
// ANCHOR_END: poll_frame
