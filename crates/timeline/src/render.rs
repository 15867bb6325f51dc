//! Drawing timelines as text: one row per span, all lanes on one wall-clock axis.
//!
//! Rendering is a pure function from spans to a `String`, so a test can pin the exact
//! shape of a demo's output (see the tests below) while the demo itself uses real time.

use std::fmt::Write as _;
use std::time::Duration;

use crate::Span;

/// One run to draw: a title, its spans, and how long the whole run took.
#[derive(Clone, Copy, Debug)]
pub struct Lane<'a> {
    pub title: &'a str,
    pub spans: &'a [Span],
    /// Wall-clock time of the whole run (not the sum of the spans).
    pub total: Duration,
}

/// How to draw.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// Columns for the bars (the time axis).
    pub width: usize,
    /// ANSI colours (only on a terminal).
    pub color: bool,
    /// `#` instead of `█`, for terminals without Unicode.
    pub ascii: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: 48,
            color: false,
            ascii: false,
        }
    }
}

const BOLD: &str = "\x1b[1m";
const CYAN: &str = "\x1b[36m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const RED: &str = "\x1b[31m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Draw `lanes` on one shared axis, scaled to the longest run. Every lane after the
/// first also shows its speed-up over the first (the baseline, usually "sequential").
pub fn render(lanes: &[Lane<'_>], opts: &RenderOptions) -> String {
    let width = opts.width.max(10);
    // One axis for all lanes: that is what makes "sequential" visibly longer.
    let scale = lanes
        .iter()
        .map(|l| l.total)
        .chain(lanes.iter().flat_map(|l| l.spans.iter().map(|s| s.end)))
        .max()
        .unwrap_or_default()
        .max(Duration::from_millis(1));
    let label_width = lanes
        .iter()
        .flat_map(|l| l.spans.iter().map(|s| s.label.chars().count()))
        .max()
        .unwrap_or(0)
        .max(4);
    let paint = |code: &str, text: &str| {
        if opts.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    };
    let baseline = lanes.first().map(|l| l.total);

    let mut out = String::new();
    for (i, lane) in lanes.iter().enumerate() {
        // Title on the left, total right-aligned over the elapsed column, speed-up after.
        let right = format!("total {:>5} ms", lane.total.as_millis());
        let line_width = 2 + label_width + 1 + width + 1 + 5 + 3;
        let gap = line_width.saturating_sub(lane.title.chars().count() + right.len());
        let mut speedup = String::new();
        if let (Some(base), true) = (baseline, i > 0) {
            let ratio = base.as_secs_f64() / lane.total.as_secs_f64().max(1e-9);
            speedup = format!("  {ratio:.1}x");
        }
        let _ = writeln!(
            out,
            "{}{}{}{}",
            paint(BOLD, lane.title),
            " ".repeat(gap),
            paint(BOLD, &right),
            speedup
        );
        for span in lane.spans {
            let from = column(span.start, scale, width);
            let to = column(span.end, scale, width).max(from + 1).min(width);
            let from = from.min(to - 1);
            let bar_char = if opts.ascii { "#" } else { "█" };
            let bar = bar_char.repeat(to - from);
            let note = span.note.as_deref().unwrap_or("");
            let note_color = match note {
                "ok" => GREEN,
                "timeout" => YELLOW,
                "" => DIM,
                _ => RED,
            };
            let _ = writeln!(
                out,
                "  {:<label_width$} {}{}{} {:>5} ms {}",
                span.label,
                " ".repeat(from),
                paint(CYAN, &bar),
                " ".repeat(width - to),
                span.elapsed().as_millis(),
                paint(note_color, note),
            );
        }
    }
    // The axis: ticks every quarter, labelled in milliseconds.
    let indent = " ".repeat(label_width + 3);
    let mut ticks = vec![b'-'; width];
    for q in 0..=4 {
        ticks[(q * (width - 1)) / 4] = b'|';
    }
    let _ = writeln!(
        out,
        "{indent}{}",
        paint(DIM, std::str::from_utf8(&ticks).unwrap_or_default())
    );
    let end_label = format!("{} ms", scale.as_millis());
    let gap = width.saturating_sub(1 + end_label.len());
    let _ = writeln!(
        out,
        "{indent}{}",
        paint(DIM, &format!("0{}{end_label}", " ".repeat(gap)))
    );
    out
}

/// Which column a moment falls in, on an axis `width` columns wide covering `scale`.
/// Integer arithmetic, so that 100 ms of 300 ms on 30 columns is exactly 10 columns.
///
/// Both ends of a bar round to the *nearest* column. Why not floor the start and ceil
/// the end: a call that starts a few microseconds after the previous one ended falls in
/// the same column, and the two bars would then share it, so calls made one after the
/// other would look as if they overlapped. With one rounding rule for both ends, a span
/// that starts after another ends never starts left of where the other stopped.
fn column(at: Duration, scale: Duration, width: usize) -> usize {
    let (at, scale, width) = (at.as_nanos(), scale.as_nanos().max(1), width as u128);
    let col = (at * width + scale / 2) / scale;
    col.min(width) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn sequential_bars_follow_each_other_and_concurrent_bars_overlap() {
        let sequential = [
            Span::new("facebook", ms(0), ms(100)).with_note("ok"),
            Span::new("twitter", ms(100), ms(200)).with_note("ok"),
            Span::new("github", ms(200), ms(300)).with_note("ok"),
        ];
        let concurrent = [
            Span::new("facebook", ms(0), ms(100)).with_note("ok"),
            Span::new("twitter", ms(0), ms(100)).with_note("ok"),
            Span::new("github", ms(0), ms(100)).with_note("ok"),
        ];
        let text = render(
            &[
                Lane {
                    title: "sequential",
                    spans: &sequential,
                    total: ms(300),
                },
                Lane {
                    title: "async",
                    spans: &concurrent,
                    total: ms(100),
                },
            ],
            &RenderOptions {
                width: 30,
                color: false,
                ascii: true,
            },
        );
        let expected = "\
sequential                          total   300 ms
  facebook ##########                       100 ms ok
  twitter            ##########             100 ms ok
  github                       ##########   100 ms ok
async                               total   100 ms  3.0x
  facebook ##########                       100 ms ok
  twitter  ##########                       100 ms ok
  github   ##########                       100 ms ok
           |------|------|------|-------|
           0                       300 ms
";
        assert_eq!(text, expected, "got:\n{text}");
    }

    #[test]
    fn colour_codes_only_when_asked() {
        let spans = [Span::new("a", ms(0), ms(10)).with_note("timeout")];
        let lane = Lane {
            title: "t",
            spans: &spans,
            total: ms(10),
        };
        let plain = render(&[lane], &RenderOptions::default());
        let coloured = render(
            &[lane],
            &RenderOptions {
                color: true,
                ..RenderOptions::default()
            },
        );
        assert!(
            !plain.contains('\x1b'),
            "plain output must have no escape codes:\n{plain}"
        );
        assert!(coloured.contains(YELLOW), "a timeout note is yellow");
    }

    #[test]
    fn back_to_back_spans_never_share_a_column() {
        // The second call starts 10 µs after the first ended: on a 48-column axis of
        // 300 ms both moments fall inside column 16, yet the bars must not overlap.
        let us = Duration::from_micros;
        let spans = [
            Span::new("first", us(0), us(100_510)),
            Span::new("second", us(100_520), us(300_000)),
        ];
        let text = render(
            &[Lane {
                title: "sequential",
                spans: &spans,
                total: ms(300),
            }],
            &RenderOptions {
                width: 48,
                color: false,
                ascii: true,
            },
        );
        let bars: Vec<(usize, usize)> = text
            .lines()
            .filter(|line| line.starts_with("  "))
            .filter_map(|line| Some((line.find('#')?, line.rfind('#')?)))
            .collect();
        assert_eq!(bars.len(), 2, "two bars expected:\n{text}");
        assert!(
            bars[0].1 < bars[1].0,
            "the second bar must start right of where the first ends:\n{text}"
        );
    }

    #[test]
    fn an_empty_timeline_still_draws_an_axis() {
        let text = render(&[], &RenderOptions::default());
        assert!(text.contains('|'), "axis expected:\n{text}");
    }
}
