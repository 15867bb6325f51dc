//! Machine-readable rows: what `cargo workshop bench` merges with the Go twin's rows into
//! one table per bench.
//!
//! When `WORKSHOP_BENCH_JSON` names a file, a bench appends one JSON object per line to
//! it instead of printing its own tables; the runner (`crates/workshop/src/bench_table.rs`)
//! reads them, runs the Go twin with `-json` (which prints the same records on stdout),
//! and prints one table with the Rust and Go rows together. Without the variable
//! (`cargo bench -p benches --bench NAME`) a bench prints its Rust-only table as before.
//!
//! Three kinds of record, one per line:
//!
//! ```text
//! {"kind":"table","table":"spawn","title":"spawn: start 1000, then wait for all of them","vs_first":true}
//! {"kind":"row","table":"spawn","lang":"Rust","name":"tokio task","twin":"goroutine",
//!  "values":[{"col":"per spawn","v":2.1e-7,"unit":"s","better":"lower","ratio":true}, ...]}
//! {"kind":"note","table":"spawn","text":"..."}
//! ```
//!
//! - `table` ties rows to a table; the first title seen for it wins (the Rust one).
//! - `vs_first`: add a column comparing each row with the table's first row.
//! - A row's `twin` names the Go row it is compared with; the columns marked `ratio`
//!   get a Rust ÷ Go figure (one such column: a "vs Go" column; several: a line of
//!   ratios under the pair).
//! - `unit` says how to print `v`: `s` (a duration), `B` (bytes), `/s` (a rate), `n`
//!   (a count); `better` is `lower` or `higher`.

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::PathBuf;

use serde_json::{Value as Json, json};

/// The variable naming the file the records go to.
pub const ENV: &str = "WORKSHOP_BENCH_JSON";

/// How a figure is printed, and which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds, printed as `812 ns` .. `1.20 s`; lower is better.
    Seconds,
    /// Bytes, printed as `2.56 KiB`; lower is better.
    Bytes,
    /// Per second (`req/s`); higher is better.
    PerSecond,
    /// A count (`10 000`); lower is better (errors, units parked).
    Count,
}

impl Unit {
    fn code(self) -> &'static str {
        match self {
            Unit::Seconds => "s",
            Unit::Bytes => "B",
            Unit::PerSecond => "/s",
            Unit::Count => "n",
        }
    }

    fn better(self) -> &'static str {
        match self {
            Unit::PerSecond => "higher",
            Unit::Seconds | Unit::Bytes | Unit::Count => "lower",
        }
    }
}

/// One figure of a row: its column, value and unit; `ratio` asks for a Rust ÷ Go figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub col: String,
    pub value: f64,
    pub unit: Unit,
    pub ratio: bool,
}

impl Figure {
    /// A figure shown as is.
    pub fn new(col: &str, value: f64, unit: Unit) -> Figure {
        Figure {
            col: col.to_owned(),
            value,
            unit,
            ratio: false,
        }
    }

    /// A figure the Rust row is compared on with its Go twin.
    pub fn compared(col: &str, value: f64, unit: Unit) -> Figure {
        Figure {
            ratio: true,
            ..Figure::new(col, value, unit)
        }
    }
}

/// Where the records go: a file named by `WORKSHOP_BENCH_JSON`, or nowhere.
#[derive(Clone, Debug)]
pub struct Report {
    file: Option<PathBuf>,
}

impl Report {
    /// Writes records when `WORKSHOP_BENCH_JSON` is set (the runner sets it).
    pub fn from_env() -> Report {
        Report {
            file: std::env::var_os(ENV)
                .filter(|path| !path.is_empty())
                .map(PathBuf::from),
        }
    }

    /// The runner is listening: print no table of your own.
    pub fn active(&self) -> bool {
        self.file.is_some()
    }

    /// A table, titled `title`; `vs_first`: compare every row with the first.
    pub fn table(&self, table: &str, title: &str, vs_first: bool) {
        self.write(&json!({
            "kind": "table", "table": table, "title": title, "vs_first": vs_first,
        }));
    }

    /// A row of `lang` (`Rust`, or `Go` for a twin measured by a Rust bench), compared
    /// with the Go row named `twin`, if any.
    pub fn row(&self, table: &str, lang: &str, name: &str, twin: Option<&str>, figures: &[Figure]) {
        self.write(&row_record(table, lang, name, twin, figures));
    }

    /// A line printed under the table.
    pub fn note(&self, table: &str, text: &str) {
        self.write(&json!({ "kind": "note", "table": table, "text": text }));
    }

    fn write(&self, record: &Json) {
        let Some(path) = &self.file else { return };
        let written = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut file| writeln!(file, "{record}"));
        if let Err(err) = written {
            // The bench's own output is still there; the runner will say rows are missing.
            eprintln!(
                "warning: cannot write bench rows to {}: {err}",
                path.display()
            );
        }
    }
}

fn row_record(table: &str, lang: &str, name: &str, twin: Option<&str>, figures: &[Figure]) -> Json {
    let values: Vec<Json> = figures
        .iter()
        .map(|figure| {
            json!({
                "col": figure.col,
                "v": figure.value,
                "unit": figure.unit.code(),
                "better": figure.unit.better(),
                "ratio": figure.ratio,
            })
        })
        .collect();
    let mut record = json!({
        "kind": "row", "table": table, "lang": lang, "name": name, "values": values,
    });
    if let Some(twin) = twin {
        record["twin"] = json!(twin);
    }
    record
}

/// The figures of a timing row, the same columns the Go twins write: the median time
/// per iteration, and per item when an iteration handles several (from the median: on
/// a busy laptop a few slow samples move the mean, not the median). The per-item figure,
/// or the median without items, is the one compared. (`mean` is taken for the
/// standalone table's sake; the merged table leaves it out to stay narrow.)
pub fn timing_figures(_mean: f64, median: f64, items: Option<(u64, &str)>) -> Vec<Figure> {
    match items {
        Some((count, unit)) if count > 0 => vec![
            Figure::new("median", median, Unit::Seconds),
            Figure::compared(&format!("per {unit}"), median / count as f64, Unit::Seconds),
        ],
        _ => vec![Figure::compared("median", median, Unit::Seconds)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_one_json_object_with_its_twin_and_figures() {
        let figures = timing_figures(2.1e-4, 2e-4, Some((1000, "spawn")));
        let record = row_record(
            "spawn",
            "Rust",
            "tokio \"task\"",
            Some("goroutine"),
            &figures,
        );
        let text = record.to_string();
        assert!(!text.contains('\n'), "one record, one line: {text}");
        let back: Json = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back["name"], "tokio \"task\"");
        assert_eq!(back["twin"], "goroutine");
        assert_eq!(back["values"][1]["col"], "per spawn");
        assert_eq!(back["values"][1]["ratio"], true);
        assert_eq!(back["values"][0]["ratio"], false);
        let per_spawn = back["values"][1]["v"].as_f64().expect("a number");
        assert!((per_spawn - 2e-7).abs() < 1e-12, "per spawn: {per_spawn}");
    }

    #[test]
    fn without_items_the_median_is_compared() {
        let figures = timing_figures(0.03, 0.02, None);
        assert_eq!(figures.len(), 1);
        assert!(figures[0].ratio && figures[0].value == 0.02);
    }

    #[test]
    fn rates_are_better_higher_and_times_lower() {
        assert_eq!(Unit::PerSecond.better(), "higher");
        assert_eq!(Unit::Seconds.better(), "lower");
        assert_eq!(Unit::Bytes.code(), "B");
    }
}
