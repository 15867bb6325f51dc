//! One table per bench, Rust and Go rows together: the records both sides write, merged
//! and printed.
//!
//! A Rust bench writes JSON lines to the file named by `WORKSHOP_BENCH_JSON`
//! (`benches/src/report.rs`); a Go twin run with `-json` prints the same records on
//! stdout (`benches/go/internal/table`). One record per line:
//!
//! ```text
//! {"kind":"table","table":"spawn","title":"spawn: ...","vs_first":true}
//! {"kind":"row","table":"spawn","lang":"Rust","name":"tokio task","twin":"goroutine",
//!  "values":[{"col":"per spawn","v":2.1e-7,"unit":"s","better":"lower","ratio":true}]}
//! {"kind":"note","table":"spawn","text":"..."}
//! ```
//!
//! A Rust row that names a `twin` is compared with that Go row on the columns marked
//! `ratio`, as Rust ÷ Go: with one such column the table gets a "vs Go" column, with
//! several (the server: req/s, p99, CPU per request, memory) a line of ratios under the
//! rows. Units: `s` (seconds), `B` (bytes), `/s` (a rate), `n` (a count).
//!
//! Pure functions from text to text, so the shape is pinned by the tests below.

use std::fmt::Write as _;

use serde::Deserialize;

/// One line of a bench's output.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record {
    Table {
        table: String,
        title: String,
        #[serde(default)]
        vs_first: bool,
    },
    Row {
        table: String,
        lang: String,
        name: String,
        #[serde(default)]
        twin: Option<String>,
        values: Vec<Value>,
    },
    Note {
        table: String,
        text: String,
    },
}

/// One figure of a row.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Value {
    pub col: String,
    pub v: f64,
    pub unit: String,
    #[serde(default)]
    pub better: Option<String>,
    #[serde(default)]
    pub ratio: bool,
}

impl Value {
    fn higher_is_better(&self) -> bool {
        self.better.as_deref() == Some("higher")
    }
}

/// The records of `text`, one per line; lines that are not records (a stray print) are
/// returned apart, to be shown as they are.
pub fn parse(text: &str) -> (Vec<Record>, Vec<String>) {
    let mut records = Vec::new();
    let mut other = Vec::new();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        match serde_json::from_str::<Record>(line) {
            Ok(record) => records.push(record),
            Err(_) => other.push(line.to_owned()),
        }
    }
    (records, other)
}

/// A merged table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub id: String,
    pub title: String,
    pub vs_first: bool,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub lang: String,
    pub name: String,
    pub twin: Option<String>,
    pub values: Vec<Value>,
}

impl Row {
    fn value(&self, col: &str) -> Option<&Value> {
        self.values.iter().find(|value| value.col == col)
    }

    fn is_go(&self) -> bool {
        self.lang == "Go"
    }
}

/// The records of every side, merged by table id: tables and rows in the order they come
/// (pass the Rust records first); a table's first title wins.
pub fn merge(records: impl IntoIterator<Item = Record>) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let table_of = |tables: &mut Vec<Table>, id: &str| -> usize {
        if let Some(at) = tables.iter().position(|table| table.id == id) {
            return at;
        }
        tables.push(Table {
            id: id.to_owned(),
            title: id.to_owned(),
            ..Table::default()
        });
        tables.len() - 1
    };
    let mut titled: Vec<String> = Vec::new();
    for record in records {
        match record {
            Record::Table {
                table,
                title,
                vs_first,
            } => {
                let at = table_of(&mut tables, &table);
                if !titled.contains(&table) {
                    tables[at].title = title;
                    tables[at].vs_first = vs_first;
                    titled.push(table);
                }
            }
            Record::Row {
                table,
                lang,
                name,
                twin,
                values,
            } => {
                let at = table_of(&mut tables, &table);
                tables[at].rows.push(Row {
                    lang,
                    name,
                    twin,
                    values,
                });
            }
            Record::Note { table, text } => {
                let at = table_of(&mut tables, &table);
                tables[at].notes.push(text);
            }
        }
    }
    tables
}

/// `table` as text: the title, a header, one line per row, then the ratios' legend and
/// the notes. `go_missing`: why there are no Go rows, said in one line.
pub fn render(table: &Table, go_missing: Option<&str>) -> String {
    let mut out = format!("{}\n", table.title);
    if table.rows.is_empty() {
        out.push_str("  (nothing measured)\n");
    }
    let cols = columns(table);
    let ratio_cols: Vec<&str> = cols
        .iter()
        .map(String::as_str)
        .filter(|col| {
            table
                .rows
                .iter()
                .any(|row| row.value(col).is_some_and(|value| value.ratio))
        })
        .collect();
    let pairs = pairs(table);
    let has_go = table.rows.iter().any(Row::is_go);
    let ratio_column = has_go && ratio_cols.len() == 1;
    let ratio_lines = has_go && ratio_cols.len() > 1;
    // The figure rows are compared with the first row on: the compared column, or the
    // first one.
    let key = ratio_cols
        .first()
        .copied()
        .or(cols.first().map(String::as_str));
    let first = table.rows.first();
    let vs_first = table.vs_first && table.rows.len() > 1 && key.is_some();

    let mut header = vec![String::new(), "name".to_owned()];
    header.extend(cols.iter().cloned());
    if vs_first && let Some(first) = first {
        header.push(format!("vs {}", first.name));
    }
    if ratio_column {
        header.push("vs Go".to_owned());
    }
    let mut lines = vec![header];
    for row in &table.rows {
        let mut line = vec![row.lang.clone(), row.name.clone()];
        for col in &cols {
            line.push(row.value(col).map(format_value).unwrap_or_default());
        }
        if vs_first && let (Some(first), Some(key)) = (first, key) {
            line.push(compare_with_first(first, row, key));
        }
        if ratio_column {
            let twin = pairs.iter().find(|(rust, _)| std::ptr::eq(*rust, row));
            line.push(match twin {
                Some((rust, go)) => match ratio(rust, go, ratio_cols[0]) {
                    Some(ratio) => format!("{} {}", format_ratio(ratio), go.name),
                    None => "-".to_owned(),
                },
                None => String::new(),
            });
        }
        lines.push(line);
    }
    if ratio_lines {
        for (rust, go) in &pairs {
            let name = if pairs.len() == 1 {
                "Rust ÷ Go".to_owned()
            } else {
                format!("{} ÷ {}", rust.name, go.name)
            };
            let mut line = vec![String::new(), name];
            for col in &cols {
                line.push(match ratio(rust, go, col) {
                    Some(ratio) if ratio_cols.contains(&col.as_str()) => format_ratio(ratio),
                    _ => String::new(),
                });
            }
            lines.push(line);
        }
    }
    if !table.rows.is_empty() {
        out.push_str(&layout(&lines, cols.len()));
    }

    if ratio_column && !pairs.is_empty() {
        let col = ratio_cols[0];
        let better = if higher_is_better(table, col) {
            "over 1.00x: Rust does more"
        } else {
            "under 1.00x: Rust needs less"
        };
        let _ = writeln!(
            out,
            "  vs Go: the Rust row's {col} ÷ the named Go row's ({better})"
        );
    }
    if ratio_lines && !pairs.is_empty() {
        let (higher, lower): (Vec<&str>, Vec<&str>) = ratio_cols
            .iter()
            .partition(|col| higher_is_better(table, col));
        let mut legend = format!(
            "  Rust ÷ Go: for {} under 1.00x is better",
            lower.join(", ")
        );
        if !higher.is_empty() {
            let _ = write!(legend, "; for {} over 1.00x", higher.join(", "));
        }
        let _ = writeln!(out, "{legend}");
    }
    if has_go {
        for row in table.rows.iter().filter(|row| !row.is_go()) {
            if let Some(twin) = &row.twin
                && !pairs.iter().any(|(rust, _)| std::ptr::eq(*rust, row))
            {
                let _ = writeln!(
                    out,
                    "  ({}: the Go side printed no row named {twin:?})",
                    row.name
                );
            }
        }
    }
    for note in &table.notes {
        let _ = writeln!(out, "  {note}");
    }
    if let Some(why) = go_missing
        && !has_go
    {
        let _ = writeln!(out, "  {why}");
    }
    out
}

/// Every column any row has, in the order they first appear.
fn columns(table: &Table) -> Vec<String> {
    let mut cols: Vec<String> = Vec::new();
    for value in table.rows.iter().flat_map(|row| &row.values) {
        if !cols.contains(&value.col) {
            cols.push(value.col.clone());
        }
    }
    cols
}

/// The Rust rows that name a Go row present in the table, with that row.
fn pairs(table: &Table) -> Vec<(&Row, &Row)> {
    table
        .rows
        .iter()
        .filter(|row| !row.is_go())
        .filter_map(|rust| {
            let twin = rust.twin.as_deref()?;
            let go = table
                .rows
                .iter()
                .find(|row| row.is_go() && row.name == twin)?;
            Some((rust, go))
        })
        .collect()
}

fn higher_is_better(table: &Table, col: &str) -> bool {
    table
        .rows
        .iter()
        .find_map(|row| row.value(col))
        .is_some_and(Value::higher_is_better)
}

/// Rust ÷ Go on `col`, when both are there and Go's is not zero.
fn ratio(rust: &Row, go: &Row, col: &str) -> Option<f64> {
    let (rust, go) = (rust.value(col)?.v, go.value(col)?.v);
    (go > 0.0 && rust.is_finite()).then(|| rust / go)
}

/// `1.00x` for the first row, otherwise `7.6x faster` or `1.04x slower` (or `more` and
/// `less` for what is not a time) than it.
fn compare_with_first(first: &Row, row: &Row, col: &str) -> String {
    if std::ptr::eq(first, row) {
        return "1.00x".to_owned();
    }
    let (Some(base), Some(this)) = (first.value(col), row.value(col)) else {
        return String::new();
    };
    if base.v <= 0.0 || this.v <= 0.0 {
        return "-".to_owned();
    }
    let (better, worse) = match (this.unit.as_str(), this.higher_is_better()) {
        ("s", _) => ("faster", "slower"),
        (_, true) => ("more", "less"),
        (_, false) => ("less", "more"),
    };
    // How many times better this row is: above 1, better.
    let gain = if this.higher_is_better() {
        this.v / base.v
    } else {
        base.v / this.v
    };
    if gain >= 1.0 {
        format!("{} {better}", format_times(gain))
    } else {
        format!("{} {worse}", format_times(1.0 / gain))
    }
}

/// Lays out cells: language and name left-aligned, figures right-aligned, comparisons
/// left-aligned; `figures` columns after the name.
fn layout(lines: &[Vec<String>], figures: usize) -> String {
    let columns = lines.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|col| {
            lines
                .iter()
                .filter_map(|line| line.get(col))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in lines {
        let mut text = String::from(" ");
        for (col, cell) in line.iter().enumerate() {
            let width = widths[col];
            let gap = if col == 0 {
                " "
            } else if col == 1 {
                "  "
            } else {
                "   "
            };
            text.push_str(gap);
            if (2..2 + figures).contains(&col) {
                let _ = write!(text, "{cell:>width$}");
            } else {
                let _ = write!(text, "{cell:<width$}");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// A figure in its unit, with three significant digits.
pub fn format_value(value: &Value) -> String {
    match value.unit.as_str() {
        "s" => format_duration(value.v),
        "B" => format_bytes(value.v),
        "/s" | "n" => group_thousands(value.v),
        other => format!("{} {other}", three_digits(value.v)),
    }
}

/// Seconds as `812 ns`, `3.41 µs`, `21.3 ms` or `1.20 s`.
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
    format!("{} {unit}", three_digits(value))
}

/// Bytes as `812 B`, `2.56 KiB`, `41.3 MiB` or `1.20 GiB`.
pub fn format_bytes(bytes: f64) -> String {
    const KIB: f64 = 1024.0;
    let (value, unit) = if bytes < KIB {
        return format!("{bytes:.0} B");
    } else if bytes < KIB * KIB {
        (bytes / KIB, "KiB")
    } else if bytes < KIB * KIB * KIB {
        (bytes / KIB / KIB, "MiB")
    } else {
        (bytes / KIB / KIB / KIB, "GiB")
    };
    format!("{} {unit}", three_digits(value))
}

/// A whole number with a space every three digits: `100 000`.
fn group_thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    if value < 0.0 {
        grouped.insert(0, '-');
    }
    grouped
}

fn three_digits(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

/// A Rust ÷ Go ratio: `0.45x`, `2.51x`, `13.2x`, `176x`.
fn format_ratio(ratio: f64) -> String {
    if ratio < 10.0 {
        format!("{ratio:.2}x")
    } else if ratio < 100.0 {
        format!("{ratio:.1}x")
    } else {
        format!("{ratio:.0}x")
    }
}

/// How many times better or worse: `1.04x` (close calls stay visible), `7.6x`, `132x`.
fn format_times(ratio: f64) -> String {
    if ratio < 2.0 {
        format!("{ratio:.2}x")
    } else if ratio < 10.0 {
        format!("{ratio:.1}x")
    } else {
        format!("{ratio:.0}x")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timing(table: &str, lang: &str, name: &str, twin: Option<&str>, per: f64) -> String {
        let twin = twin.map_or(String::new(), |twin| format!(r#","twin":"{twin}""#));
        format!(
            r#"{{"kind":"row","table":"{table}","lang":"{lang}","name":"{name}"{twin},"values":[{{"col":"mean","v":{mean},"unit":"s","better":"lower"}},{{"col":"per spawn","v":{per},"unit":"s","better":"lower","ratio":true}}]}}"#,
            mean = per * 1000.0
        )
    }

    #[test]
    fn rust_and_go_rows_share_one_table_with_a_vs_go_column() {
        let rust = [
            r#"{"kind":"table","table":"spawn","title":"spawn: start 1000","vs_first":true}"#
                .to_owned(),
            timing("spawn", "Rust", "OS thread", Some("OS thread"), 40e-6),
            timing("spawn", "Rust", "tokio task", Some("goroutine"), 200e-9),
        ]
        .join("\n");
        let go = [
            r#"{"kind":"table","table":"spawn","title":"spawn (Go): start 1000","vs_first":true}"#
                .to_owned(),
            timing("spawn", "Go", "OS thread", None, 30e-6),
            timing("spawn", "Go", "goroutine", None, 400e-9),
            r#"{"kind":"note","table":"spawn","text":"(a note)"}"#.to_owned(),
            "a stray line".to_owned(),
        ]
        .join("\n");
        let (mut records, stray) = parse(&rust);
        assert!(stray.is_empty());
        let (go_records, stray) = parse(&go);
        assert_eq!(stray, ["a stray line"]);
        records.extend(go_records);
        let tables = merge(records);
        assert_eq!(tables.len(), 1, "one table per id: {tables:#?}");
        let text = render(&tables[0], None);
        let expected = "\
spawn: start 1000
        name            mean   per spawn   vs OS thread   vs Go
  Rust  OS thread    40.0 ms     40.0 µs   1.00x          1.33x OS thread
  Rust  tokio task    200 µs      200 ns   200x faster    0.50x goroutine
  Go    OS thread    30.0 ms     30.0 µs   1.33x faster
  Go    goroutine     400 µs      400 ns   100x faster
  vs Go: the Rust row's per spawn ÷ the named Go row's (under 1.00x: Rust needs less)
  (a note)
";
        assert_eq!(text, expected, "got:\n{text}");
    }

    #[test]
    fn several_compared_columns_give_a_line_of_ratios() {
        let row = |lang: &str, twin: &str, rps: f64, p99: f64, rss: f64, errors: f64| {
            format!(
                r#"{{"kind":"row","table":"server","lang":"{lang}","name":"{lang} server"{twin},"values":[{{"col":"req/s","v":{rps},"unit":"/s","better":"higher","ratio":true}},{{"col":"p99","v":{p99},"unit":"s","better":"lower","ratio":true}},{{"col":"peak RSS","v":{rss},"unit":"B","better":"lower","ratio":true}},{{"col":"errors","v":{errors},"unit":"n","better":"lower"}}]}}"#
            )
        };
        let text = [
            r#"{"kind":"table","table":"server","title":"server under load"}"#.to_owned(),
            row(
                "Rust",
                r#","twin":"Go server""#,
                12000.0,
                0.004,
                8.0 * 1048576.0,
                0.0,
            ),
            row("Go", "", 10000.0, 0.005, 10.0 * 1048576.0, 0.0),
        ]
        .join("\n");
        let tables = merge(parse(&text).0);
        let text = render(&tables[0], None);
        let expected = "\
server under load
        name           req/s       p99   peak RSS   errors
  Rust  Rust server   12 000   4.00 ms   8.00 MiB        0
  Go    Go server     10 000   5.00 ms   10.0 MiB        0
        Rust ÷ Go      1.20x     0.80x      0.80x
  Rust ÷ Go: for p99, peak RSS under 1.00x is better; for req/s over 1.00x
";
        assert_eq!(text, expected, "got:\n{text}");
    }

    #[test]
    fn without_go_rows_the_table_says_why_in_one_line() {
        let text = [
            r#"{"kind":"table","table":"spawn","title":"spawn","vs_first":true}"#.to_owned(),
            timing("spawn", "Rust", "tokio task", Some("goroutine"), 200e-9),
        ]
        .join("\n");
        let tables = merge(parse(&text).0);
        let text = render(&tables[0], Some("Go: not installed, so no Go rows."));
        assert!(
            !text.contains("vs Go"),
            "no Go rows, no vs Go column:\n{text}"
        );
        assert!(
            text.ends_with("  Go: not installed, so no Go rows.\n"),
            "got:\n{text}"
        );
    }

    #[test]
    fn a_missing_twin_is_named() {
        let text = [
            timing("cpu", "Rust", "rayon", Some("goroutines (8)"), 1e-5),
            timing("cpu", "Go", "goroutines (2)", None, 1e-5),
        ]
        .join("\n");
        let text = render(&merge(parse(&text).0)[0], None);
        assert!(
            text.contains(r#"(rayon: the Go side printed no row named "goroutines (8)")"#),
            "got:\n{text}"
        );
    }

    #[test]
    fn figures_keep_three_significant_digits() {
        assert_eq!(format_duration(812e-9), "812 ns");
        assert_eq!(format_duration(3.412e-6), "3.41 µs");
        assert_eq!(format_bytes(812.0), "812 B");
        assert_eq!(format_bytes(2.56 * 1024.0), "2.56 KiB");
        assert_eq!(format_bytes(41.3 * 1048576.0), "41.3 MiB");
        assert_eq!(group_thousands(100_000.0), "100 000");
        assert_eq!(group_thousands(999.0), "999");
        assert_eq!(group_thousands(1234.4), "1 234");
        assert_eq!(format_ratio(0.453), "0.45x");
        assert_eq!(format_ratio(176.2), "176x");
    }
}
