//! Drawing timelines as SVG pictures, for the book.
//!
//! The same lanes that [`render`](crate::render) draws in a terminal, drawn as a
//! self-contained SVG file: no script, no external font, no stylesheet, so the picture
//! shows the same offline, in any browser, on a light or a dark page (it carries its
//! own background). `cargo run -p demos --example book_pictures` draws the book's
//! timelines with it from real runs.
//!
//! The layout mirrors the terminal one: a heading per lane (its title, its total time,
//! its speed-up over the first lane), one bar per span on a shared wall-clock axis, the
//! span's time and note on the right, and an axis with ticks at every quarter. Optional
//! markers (a deadline, say) are dashed vertical lines across every lane.
//!
//! Like the text renderer, this is a pure function of its input, so the tests below pin
//! where bars go.

use std::fmt::Write as _;
use std::time::Duration;

use crate::Lane;

/// A labelled moment drawn across every lane as a dashed vertical line (a deadline).
#[derive(Clone, Copy, Debug)]
pub struct Marker<'a> {
    pub at: Duration,
    pub label: &'a str,
}

/// How to draw the picture.
#[derive(Clone, Copy, Debug)]
pub struct SvgOptions<'a> {
    /// Width of the whole picture in pixels (it scales down with the page).
    pub width: u32,
    /// A one-line caption above the lanes, if any.
    pub caption: Option<&'a str>,
    /// Dashed vertical lines across every lane.
    pub markers: &'a [Marker<'a>],
    /// The axis covers at least this much time (room to show that nothing ran later).
    pub axis_at_least: Duration,
}

impl Default for SvgOptions<'_> {
    fn default() -> Self {
        SvgOptions {
            width: 760,
            caption: None,
            markers: &[],
            axis_at_least: Duration::ZERO,
        }
    }
}

// Layout, in pixels.
const PAD: u32 = 16;
const LABEL_WIDTH: u32 = 128;
const VALUE_WIDTH: u32 = 116;
const CAPTION_HEIGHT: u32 = 28;
const HEADING_HEIGHT: u32 = 26;
const ROW_HEIGHT: u32 = 22;
const BAR_HEIGHT: u32 = 14;
const LANE_GAP: u32 = 8;
const AXIS_HEIGHT: u32 = 34;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/// The colour of a bar, by the note after it: what happened to the call.
pub fn note_color(note: Option<&str>) -> &'static str {
    match note {
        Some("ok") => "#2b6cb0",
        Some("timeout") => "#d69e2e",
        None | Some("") => "#718096",
        Some(_) => "#c53030",
    }
}

/// Draw `lanes` on one shared axis as an SVG document, scaled to the longest run (or
/// the latest marker, or `axis_at_least`). Every lane after the first shows its speed-up over the first.
pub fn render_svg(lanes: &[Lane<'_>], opts: &SvgOptions<'_>) -> String {
    let width = opts.width.max(2 * PAD + LABEL_WIDTH + VALUE_WIDTH + 100);
    let plot_left = PAD + LABEL_WIDTH;
    let plot_width = width - plot_left - VALUE_WIDTH - PAD;
    let scale = lanes
        .iter()
        .map(|l| l.total)
        .chain(lanes.iter().flat_map(|l| l.spans.iter().map(|s| s.end)))
        .chain(opts.markers.iter().map(|m| m.at))
        .chain([opts.axis_at_least])
        .max()
        .unwrap_or_default()
        .max(Duration::from_millis(1));
    let x_of = |at: Duration| f64::from(plot_left) + x_offset(at, scale, plot_width);

    let caption_height = if opts.caption.is_some() {
        CAPTION_HEIGHT
    } else {
        0
    };
    let lanes_height: u32 = lanes
        .iter()
        .map(|l| HEADING_HEIGHT + ROW_HEIGHT * l.spans.len() as u32 + LANE_GAP)
        .sum();
    let plot_top = PAD + caption_height;
    let axis_y = plot_top + lanes_height;
    let height = axis_y + AXIS_HEIGHT + PAD / 2;

    let mut out = String::new();
    let title = opts.caption.map(str::to_owned).unwrap_or_else(|| {
        lanes
            .iter()
            .map(|l| l.title)
            .collect::<Vec<_>>()
            .join(" vs ")
    });
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{}" font-family="{FONT}" font-size="13">"#,
        escape(&title)
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        out,
        r##"<rect x="0" y="0" width="{width}" height="{height}" rx="8" fill="#ffffff" stroke="#cbd5e0"/>"##
    );
    if let Some(caption) = opts.caption {
        let _ = writeln!(
            out,
            r##"<text x="{PAD}" y="{}" font-size="15" font-weight="600" fill="#1a202c">{}</text>"##,
            PAD + 14,
            escape(caption)
        );
    }

    // Grid lines at every tick, behind the bars.
    let ticks = ticks(scale);
    for &at in &ticks {
        let x = x_of(at);
        let _ = writeln!(
            out,
            r##"<line x1="{x:.1}" y1="{plot_top}" x2="{x:.1}" y2="{axis_y}" stroke="#edf2f7"/>"##
        );
    }

    let baseline = lanes.first().map(|l| l.total);
    let mut y = plot_top;
    for (i, lane) in lanes.iter().enumerate() {
        let mut right = format!("total {} ms", lane.total.as_millis());
        if let (Some(base), true) = (baseline, i > 0) {
            let ratio = base.as_secs_f64() / lane.total.as_secs_f64().max(1e-9);
            let _ = write!(right, " · {ratio:.1}×");
        }
        let text_y = y + HEADING_HEIGHT - 8;
        let _ = writeln!(
            out,
            r##"<text x="{PAD}" y="{text_y}" font-weight="600" fill="#1a202c">{}</text>"##,
            escape(lane.title)
        );
        let _ = writeln!(
            out,
            r##"<text x="{}" y="{text_y}" text-anchor="end" font-weight="600" fill="#1a202c">{}</text>"##,
            width - PAD,
            escape(&right)
        );
        y += HEADING_HEIGHT;
        for span in lane.spans {
            let x1 = x_of(span.start);
            // At least 2 px, so a very short call is still visible.
            let w = (x_of(span.end) - x1).max(2.0);
            let bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
            let text_y = y + ROW_HEIGHT - 7;
            let note = span.note.as_deref();
            let _ = writeln!(
                out,
                r##"<text x="{}" y="{text_y}" fill="#2d3748">{}</text>"##,
                PAD + 8,
                escape(&span.label)
            );
            let _ = writeln!(
                out,
                r#"<rect class="bar" x="{x1:.1}" y="{bar_y}" width="{w:.1}" height="{BAR_HEIGHT}" rx="3" fill="{}"><title>{}: {} ms to {} ms, {} ms{}</title></rect>"#,
                note_color(note),
                escape(&span.label),
                span.start.as_millis(),
                span.end.as_millis(),
                span.elapsed().as_millis(),
                note.map(|n| format!(", {}", escape(n))).unwrap_or_default(),
            );
            let _ = writeln!(
                out,
                r##"<text x="{}" y="{text_y}" text-anchor="end" fill="#2d3748">{} ms <tspan fill="{}" font-weight="600">{}</tspan></text>"##,
                width - PAD,
                span.elapsed().as_millis(),
                note_color(note),
                escape(note.unwrap_or(""))
            );
            y += ROW_HEIGHT;
        }
        y += LANE_GAP;
    }

    for marker in opts.markers {
        let x = x_of(marker.at);
        let _ = writeln!(
            out,
            r##"<line class="marker" x1="{x:.1}" y1="{plot_top}" x2="{x:.1}" y2="{axis_y}" stroke="#c53030" stroke-width="1.5" stroke-dasharray="5 4"/>"##
        );
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{}" font-size="12" fill="#c53030" text-anchor="middle">{}</text>"##,
            x,
            axis_y + 28,
            escape(marker.label)
        );
    }

    // The axis: a line, and a labelled tick at every round number of milliseconds.
    let _ = writeln!(
        out,
        r##"<line x1="{plot_left}" y1="{axis_y}" x2="{}" y2="{axis_y}" stroke="#4a5568"/>"##,
        plot_left + plot_width
    );
    for &at in &ticks {
        let x = x_of(at);
        let _ = writeln!(
            out,
            r##"<line x1="{x:.1}" y1="{axis_y}" x2="{x:.1}" y2="{}" stroke="#4a5568"/>"##,
            axis_y + 5
        );
        let anchor = if at.is_zero() { "start" } else { "middle" };
        let _ = writeln!(
            out,
            r##"<text x="{x:.1}" y="{}" font-size="12" fill="#4a5568" text-anchor="{anchor}">{} ms</text>"##,
            axis_y + 17,
            at.as_millis()
        );
    }
    out.push_str("</svg>\n");
    out
}

/// Ticks at round numbers of milliseconds (a step of 1, 2 or 5 times a power of ten),
/// at most six steps across, from 0 up to `scale`.
fn ticks(scale: Duration) -> Vec<Duration> {
    let scale_ms = scale.as_millis().max(1);
    let mut step = 1u128;
    'find: loop {
        for factor in [1, 2, 5] {
            if scale_ms / (step * factor) <= 6 {
                step *= factor;
                break 'find;
            }
        }
        step *= 10;
    }
    (0..=scale_ms / step)
        .map(|i| Duration::from_millis((i * step) as u64))
        .collect()
}

/// Where a moment falls on a plot `plot_width` pixels wide covering `scale`.
fn x_offset(at: Duration, scale: Duration, plot_width: u32) -> f64 {
    let fraction = (at.as_secs_f64() / scale.as_secs_f64()).clamp(0.0, 1.0);
    fraction * f64::from(plot_width)
}

/// Text made safe for SVG (XML) content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// `(x, width, fill)` of every bar, in document order.
    fn bars(svg: &str) -> Vec<(f64, f64, String)> {
        svg.lines()
            .filter(|line| line.starts_with(r#"<rect class="bar""#))
            .map(|line| {
                let attr = |name: &str| -> String {
                    let start = line.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
                    let end = start + line[start..].find('"').expect("closing quote");
                    line[start..end].to_owned()
                };
                (
                    attr("x").parse().expect("x is a number"),
                    attr("width").parse().expect("width is a number"),
                    attr("fill"),
                )
            })
            .collect()
    }

    /// Every opened element is closed, in order: enough XML checking for our output
    /// (no comments, no CDATA, no `>` inside attribute values: `escape` sees to that).
    fn assert_well_formed(svg: &str) {
        let mut open: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(start) = rest.find('<') {
            let end = start + rest[start..].find('>').expect("a tag that never closes");
            let tag = &rest[start + 1..end];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().expect("a tag name");
                open.push(name.to_owned());
            }
            rest = &rest[end + 1..];
        }
        assert!(open.is_empty(), "elements left open: {open:?}");
    }

    fn fanout_lanes() -> (Vec<Span>, Vec<Span>) {
        let sequential = vec![
            Span::new("facebook", ms(0), ms(100)).with_note("ok"),
            Span::new("twitter", ms(100), ms(200)).with_note("ok"),
            Span::new("github", ms(200), ms(300)).with_note("ok"),
        ];
        let concurrent = vec![
            Span::new("facebook", ms(0), ms(100)).with_note("ok"),
            Span::new("twitter", ms(0), ms(100)).with_note("ok"),
            Span::new("github", ms(0), ms(100)).with_note("timeout"),
        ];
        (sequential, concurrent)
    }

    #[test]
    fn sequential_bars_follow_each_other_and_concurrent_bars_start_together() {
        let (sequential, concurrent) = fanout_lanes();
        let svg = render_svg(
            &[
                Lane {
                    title: "sequential",
                    spans: &sequential,
                    total: ms(300),
                },
                Lane {
                    title: "tasks",
                    spans: &concurrent,
                    total: ms(100),
                },
            ],
            &SvgOptions::default(),
        );
        assert_well_formed(&svg);
        let bars = bars(&svg);
        assert_eq!(bars.len(), 6, "one bar per span:\n{svg}");
        // 760 px wide: the plot starts at 16 + 128 = 144 and is 760 - 144 - 116 - 16 =
        // 484 px wide, so 100 ms of 300 ms is 161.3 px.
        let expected_x = [144.0, 305.3, 466.7, 144.0, 144.0, 144.0];
        for ((x, w, _), want) in bars.iter().zip(expected_x) {
            assert!(
                (x - want).abs() < 0.11,
                "bar at x={x}, expected {want}:\n{svg}"
            );
            assert!((w - 161.3).abs() < 0.11, "bar width {w}, expected 161.3");
        }
        for pair in bars[..3].windows(2) {
            assert!(
                pair[0].0 + pair[0].1 <= pair[1].0 + 0.11,
                "sequential bars must not overlap: {pair:?}"
            );
        }
        assert!(
            svg.contains("total 100 ms · 3.0×"),
            "speed-up shown:\n{svg}"
        );
        assert_eq!(bars[5].2, note_color(Some("timeout")), "a timeout is amber");
        assert_ne!(bars[0].2, bars[5].2, "ok and timeout look different");
    }

    #[test]
    fn markers_are_dashed_lines_at_their_moment_and_stretch_the_axis() {
        let spans = [Span::new("facebook", ms(0), ms(100)).with_note("ok")];
        let markers = [Marker {
            at: ms(200),
            label: "deadline 200 ms",
        }];
        let svg = render_svg(
            &[Lane {
                title: "one deadline",
                spans: &spans,
                total: ms(100),
            }],
            &SvgOptions {
                caption: Some("a batch & its deadline"),
                markers: &markers,
                ..SvgOptions::default()
            },
        );
        assert_well_formed(&svg);
        // The axis reaches the marker: 200 ms is the right end of the plot (144 + 484).
        assert!(
            svg.contains(r#"<line class="marker" x1="628.0""#),
            "marker at the right end:\n{svg}"
        );
        assert!(svg.contains(">deadline 200 ms</text>"));
        assert!(
            svg.contains(">200 ms</text>"),
            "axis labelled up to the marker"
        );
        assert!(
            svg.contains("a batch &amp; its deadline"),
            "caption escaped"
        );
    }

    #[test]
    fn the_axis_can_be_longer_than_the_run() {
        let spans = [Span::new("facebook", ms(0), ms(100))];
        let svg = render_svg(
            &[Lane {
                title: "t",
                spans: &spans,
                total: ms(100),
            }],
            &SvgOptions {
                axis_at_least: ms(400),
                ..SvgOptions::default()
            },
        );
        assert!(svg.contains(">400 ms</text>"), "axis up to 400 ms:\n{svg}");
        assert!(
            (bars(&svg)[0].1 - 121.0).abs() < 0.11,
            "a quarter of 484 px"
        );
    }

    #[test]
    fn text_is_escaped_and_the_document_is_self_contained() {
        let spans = [Span::new("<script>&\"'", ms(0), ms(10)).with_note("err<or>")];
        let svg = render_svg(
            &[Lane {
                title: "a<b",
                spans: &spans,
                total: ms(10),
            }],
            &SvgOptions::default(),
        );
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"), "labels must be escaped:\n{svg}");
        assert!(svg.contains("&lt;script&gt;&amp;&quot;&apos;"));
        assert!(!svg.contains("href"), "no links, no external resources");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    #[test]
    fn an_empty_picture_still_draws_an_axis() {
        let svg = render_svg(&[], &SvgOptions::default());
        assert_well_formed(&svg);
        assert!(svg.contains(">0 ms</text>"), "axis expected:\n{svg}");
        assert!(bars(&svg).is_empty());
    }

    #[test]
    fn ticks_fall_on_round_numbers() {
        let at = |v: &[u64]| v.iter().map(|&n| ms(n)).collect::<Vec<_>>();
        assert_eq!(ticks(ms(809)), at(&[0, 200, 400, 600, 800]));
        assert_eq!(ticks(ms(300)), at(&[0, 50, 100, 150, 200, 250, 300]));
        assert_eq!(ticks(ms(1000)), at(&[0, 200, 400, 600, 800, 1000]));
        assert_eq!(ticks(ms(205)), at(&[0, 50, 100, 150, 200]));
        assert_eq!(ticks(Duration::ZERO), at(&[0, 1]));
    }

    #[test]
    fn a_very_short_span_is_still_visible() {
        let us = Duration::from_micros;
        let spans = [Span::new("quick", us(0), us(10))];
        let svg = render_svg(
            &[Lane {
                title: "t",
                spans: &spans,
                total: ms(1000),
            }],
            &SvgOptions::default(),
        );
        let bars = bars(&svg);
        assert!(bars[0].1 >= 2.0, "at least 2 px wide: {bars:?}");
    }
}
