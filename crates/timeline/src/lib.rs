//! Timelines of concurrent work, drawn in the terminal.
//!
//! A [`Timeline`] remembers when each piece of work (a [`Span`]) started and ended,
//! relative to one shared clock. [`render`] draws one or more timelines on the same
//! wall-clock axis, one bar per span, so a room can *see* the difference between calls
//! made one after the other and calls made at once:
//!
//! ```text
//! sequential                                            total   810 ms
//!   facebook ████████████                                       202 ms ok
//!   twitter              ████████████                           201 ms ok
//!   github                           ████████████               202 ms ok
//!   weather                                      ████████████   203 ms ok
//! one tokio task per call                               total   203 ms  4.0x
//!   facebook ████████████                                       203 ms ok
//!   twitter  ████████████                                       202 ms ok
//!   github   ████████████                                       203 ms ok
//!   weather  ████████████                                       202 ms ok
//!            |----------|-----------|-----------|-----------|
//!            0                                         810 ms
//! ```
//!
//! The recorder is cheap and thread-safe (a `Mutex<Vec<Span>>`), so threads and async
//! tasks can share one `Timeline` behind an `Arc`. Rendering is a pure function of the
//! spans, which is what makes the demo's output testable.

mod recorder;
mod render;
mod svg;

pub use recorder::{Span, SpanGuard, Timeline};
pub use render::{Lane, RenderOptions, render};
pub use svg::{Marker, SvgOptions, note_color, render_svg};
