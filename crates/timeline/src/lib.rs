//! Timelines of concurrent work, drawn in the terminal.
//!
//! A [`Timeline`] remembers when each piece of work (a [`Span`]) started and ended,
//! relative to one shared clock. [`render`] draws one or more timelines on the same
//! wall-clock axis, one bar per span, so a room can *see* the difference between calls
//! made one after the other and calls made at once:
//!
//! ```text
//! sequential                                                     total 601 ms
//!   facebook  ██████████████████                                 200 ms
//!   twitter                     ██████████████████               201 ms
//!   github                                        ██████████████ 200 ms
//! async tasks                                          total 202 ms  (3.0x)
//!   facebook  ██████████████████                                 200 ms
//!   ...
//! ```
//!
//! The recorder is cheap and thread-safe (a `Mutex<Vec<Span>>`), so threads and async
//! tasks can share one `Timeline` behind an `Arc`. Rendering is a pure function of the
//! spans, which is what makes the demo's output testable.

mod recorder;
mod render;

pub use recorder::{Span, SpanGuard, Timeline};
pub use render::{Lane, RenderOptions, render};
