//! The summary table: one row per benchmark, times in readable units, and how each row
//! compares with the first (the baseline).
//!
//! A pure function from rows to text, so its shape is pinned by a test, and the Go twins'
//! table (`benches/go/internal/table`, pinned by the same cases) copies it column for column.

use std::fmt::Write as _;

/// One line of a summary table. Times are seconds per iteration.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub name: String,
    pub mean: f64,
    pub median: f64,
    /// Items per iteration and their name (`spawn`, `message`), for a "per item" column.
    pub items: Option<(u64, &'static str)>,
}

/// `title`, then a header and one line per row:
/// `name  mean  median  [per item]  vs FIRST`.
pub fn render_table(title: &str, rows: &[Row]) -> String {
    let Some(first) = rows.first() else {
        return format!("{title}\n  (nothing measured)\n");
    };
    let per_item_header = rows
        .iter()
        .find_map(|row| row.items)
        .map(|(_, unit)| format!("per {unit}"));
    let header = [
        "name".to_owned(),
        "mean".to_owned(),
        "median".to_owned(),
        per_item_header.clone().unwrap_or_default(),
        format!("vs {}", first.name),
    ];
    let mut lines: Vec<[String; 5]> = vec![header];
    for row in rows {
        let per_item = match row.items {
            Some((count, _)) if count > 0 => format_duration(row.mean / count as f64),
            _ => String::new(),
        };
        lines.push([
            row.name.clone(),
            format_duration(row.mean),
            format_duration(row.median),
            per_item,
            compare(first.mean, row.mean, std::ptr::eq(row, first)),
        ]);
    }
    let widths: Vec<usize> = (0..5)
        .map(|col| {
            lines
                .iter()
                .map(|line| line[col].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();

    let mut out = format!("{title}\n");
    for line in &lines {
        let mut text = format!("  {:<w$}", line[0], w = widths[0]);
        // Times right-aligned, so the units line up.
        for col in 1..3 {
            let _ = write!(text, "   {:>w$}", line[col], w = widths[col]);
        }
        if per_item_header.is_some() {
            let _ = write!(text, "   {:>w$}", line[3], w = widths[3]);
        }
        let _ = write!(text, "   {}", line[4]);
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// `1.00x` for the baseline, otherwise `7.6x faster` or `1.04x slower` than it.
fn compare(baseline: f64, mean: f64, is_baseline: bool) -> String {
    if is_baseline {
        return "1.00x".to_owned();
    }
    if mean <= 0.0 || baseline <= 0.0 {
        return "-".to_owned();
    }
    let ratio = baseline / mean;
    if ratio >= 1.0 {
        format!("{} faster", format_ratio(ratio))
    } else {
        format!("{} slower", format_ratio(1.0 / ratio))
    }
}

/// Two decimals under 2 (`1.04x`: close calls stay visible), one under 10 (`7.6x`),
/// none above (`132x`).
fn format_ratio(ratio: f64) -> String {
    if ratio < 2.0 {
        format!("{ratio:.2}x")
    } else if ratio < 10.0 {
        format!("{ratio:.1}x")
    } else {
        format!("{ratio:.0}x")
    }
}

/// Seconds as `812 ns`, `3.41 µs`, `21.3 ms` or `1.20 s`: three significant digits.
pub fn format_duration(seconds: f64) -> String {
    let (value, unit) = if seconds < 1e-6 {
        (seconds * 1e9, "ns")
    } else if seconds < 1e-3 {
        (seconds * 1e6, "µs")
    } else if seconds < 1.0 {
        (seconds * 1e3, "ms")
    } else {
        (seconds, "s")
    };
    if value >= 100.0 {
        format!("{value:.0} {unit}")
    } else if value >= 10.0 {
        format!("{value:.1} {unit}")
    } else {
        format!("{value:.2} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, mean: f64, items: Option<(u64, &'static str)>) -> Row {
        Row {
            name: name.to_owned(),
            mean,
            median: mean,
            items,
        }
    }

    #[test]
    fn the_table_compares_every_row_with_the_first() {
        let text = render_table(
            "fanout",
            &[
                row("sequential", 0.1629, None),
                row("threads", 0.0213, None),
                row("slow", 0.5, None),
                row("close", 0.17, None),
            ],
        );
        let expected = "\
fanout
  name            mean    median   vs sequential
  sequential    163 ms    163 ms   1.00x
  threads      21.3 ms   21.3 ms   7.6x faster
  slow          500 ms    500 ms   3.1x slower
  close         170 ms    170 ms   1.04x slower
";
        assert_eq!(text, expected, "got:\n{text}");
    }

    #[test]
    fn items_add_a_per_item_column() {
        let text = render_table(
            "spawn",
            &[
                row("thread", 0.040, Some((1000, "spawn"))),
                row("tokio task", 0.0003, Some((1000, "spawn"))),
            ],
        );
        let expected = "\
spawn
  name            mean    median   per spawn   vs thread
  thread       40.0 ms   40.0 ms     40.0 µs   1.00x
  tokio task    300 µs    300 µs      300 ns   133x faster
";
        assert_eq!(text, expected, "got:\n{text}");
    }

    #[test]
    fn durations_keep_three_significant_digits() {
        assert_eq!(format_duration(812e-9), "812 ns");
        assert_eq!(format_duration(3.412e-6), "3.41 µs");
        assert_eq!(format_duration(0.02134), "21.3 ms");
        assert_eq!(format_duration(1.2), "1.20 s");
    }
}
