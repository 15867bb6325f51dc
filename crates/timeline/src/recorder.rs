//! Recording spans: when did each piece of work start and end?
//!
//! Every time is an offset from the timeline's own start, so spans recorded by different
//! threads or tasks line up on one axis.

use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One piece of work on the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// What the bar is labelled with (e.g. the upstream's name).
    pub label: String,
    /// When the work started, since the timeline's start.
    pub start: Duration,
    /// When the work ended, since the timeline's start.
    pub end: Duration,
    /// A short word after the bar (`ok`, `timeout`, `error`), if any.
    pub note: Option<String>,
}

impl Span {
    /// A span from fixed offsets: handy for tests and for replaying a run.
    pub fn new(label: impl Into<String>, start: Duration, end: Duration) -> Span {
        Span {
            label: label.into(),
            start,
            end: end.max(start),
            note: None,
        }
    }

    /// The same span with a note after its bar.
    pub fn with_note(mut self, note: impl Into<String>) -> Span {
        self.note = Some(note.into());
        self
    }

    /// How long the work took.
    pub fn elapsed(&self) -> Duration {
        self.end - self.start
    }
}

/// A shared clock and the spans recorded against it.
#[derive(Debug)]
pub struct Timeline {
    started: Instant,
    spans: Mutex<Vec<Span>>,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline::new()
    }
}

impl Timeline {
    /// Start the clock now.
    pub fn new() -> Timeline {
        Timeline {
            started: Instant::now(),
            spans: Mutex::new(Vec::new()),
        }
    }

    /// Time since the timeline started.
    pub fn now(&self) -> Duration {
        self.started.elapsed()
    }

    /// Open a span; it is recorded when the guard is dropped (or [`SpanGuard::finish`]ed
    /// with a note). Dropping records it too, so a span whose work was cancelled or
    /// panicked still shows up, ending where it stopped.
    pub fn span(&self, label: impl Into<String>) -> SpanGuard<'_> {
        SpanGuard {
            timeline: self,
            label: Some(label.into()),
            start: self.now(),
            note: None,
        }
    }

    /// Run blocking work `f` inside a span.
    pub fn record<T>(&self, label: impl Into<String>, f: impl FnOnce() -> T) -> T {
        let _span = self.span(label);
        f()
    }

    /// Await `work` inside a span.
    pub async fn record_async<F: Future>(&self, label: impl Into<String>, work: F) -> F::Output {
        let _span = self.span(label);
        work.await
    }

    /// Add a span recorded elsewhere.
    pub fn push(&self, span: Span) {
        // A poisoned lock only means another recorder panicked mid-push; the spans
        // already there are still good, so keep using them.
        self.spans
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(span);
    }

    /// The spans recorded so far, in the order they *started*.
    pub fn spans(&self) -> Vec<Span> {
        let mut spans = self
            .spans
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        spans.sort_by_key(|s| s.start);
        spans
    }
}

/// An open span; records itself on drop.
#[derive(Debug)]
pub struct SpanGuard<'a> {
    timeline: &'a Timeline,
    label: Option<String>,
    start: Duration,
    note: Option<String>,
}

impl SpanGuard<'_> {
    /// Set the note shown after the bar (`ok`, `timeout`, ...).
    pub fn note(&mut self, note: impl Into<String>) {
        self.note = Some(note.into());
    }

    /// End the span now, with a note.
    pub fn finish(mut self, note: impl Into<String>) {
        self.note(note);
    }
}

impl Drop for SpanGuard<'_> {
    fn drop(&mut self) {
        if let Some(label) = self.label.take() {
            let end = self.timeline.now();
            self.timeline.push(Span {
                label,
                start: self.start,
                end,
                note: self.note.take(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_guard_records_its_span_with_the_note() {
        let timeline = Timeline::new();
        {
            let mut span = timeline.span("facebook");
            span.note("ok");
        }
        timeline.record("twitter", || ());
        let spans = timeline.spans();
        assert_eq!(spans.len(), 2, "both spans should be recorded: {spans:?}");
        assert_eq!(spans[0].label, "facebook");
        assert_eq!(spans[0].note.as_deref(), Some("ok"));
        assert!(
            spans[0].start <= spans[1].start,
            "spans come out in start order"
        );
        assert!(spans.iter().all(|s| s.start <= s.end));
    }

    #[test]
    fn spans_are_sorted_by_start_whatever_the_push_order() {
        let timeline = Timeline::new();
        let ms = Duration::from_millis;
        timeline.push(Span::new("late", ms(50), ms(60)));
        timeline.push(Span::new("early", ms(0), ms(100)));
        let labels: Vec<_> = timeline.spans().into_iter().map(|s| s.label).collect();
        assert_eq!(labels, ["early", "late"]);
    }

    #[test]
    fn a_span_never_ends_before_it_starts() {
        let ms = Duration::from_millis;
        let span = Span::new("x", ms(10), ms(5));
        assert_eq!(span.elapsed(), Duration::ZERO);
    }
}
