//! `cargo workshop bench [NAME] [--quick]`: the instructor's live benchmarks, one table
//! per bench with the Rust and the Go rows together.
//!
//! A bench is a file in `benches/benches/` (criterion, or a program with its own
//! `main`), run with `cargo bench -p benches --bench NAME`. The runner sets
//! `WORKSHOP_BENCH_JSON` to a temporary file: the bench writes its rows there as JSON
//! lines instead of printing its tables. When Go is installed and the bench has a Go
//! twin in `benches/go/NAME/`, the twin runs right after with `-json` (same workload,
//! same sizes, same machine) and prints its rows the same way on stdout. The runner
//! merges both into one table per bench ([`crate::bench_table`]), with a "vs Go" ratio
//! for each Rust row that names a Go twin. Without Go the table says so in one line: Go
//! is optional for the workshop.
//!
//! `--quick` becomes `WORKSHOP_BENCH_QUICK=1` in the bench's environment (a short
//! criterion run of 10 samples per row: enough for a median, where criterion's own
//! `--quick` stops after two) and `-quick` for the twin.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::bench_table::{self, Record};
use crate::cargo;
use crate::error::{Error, Exit};
use crate::suggest;
use crate::term::Style;

/// Benches whose Rust side runs the Go twin itself and writes its rows: the `server`
/// bench drives both servers with one load generator, alternating between them.
const MEASURES_ITS_TWIN: &[&str] = &["server"];

/// The benches: the `*.rs` files of `benches/benches/`, sorted.
pub fn bench_names(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("benches").join("benches"))
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|entry| {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".rs").map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// `cargo workshop bench [NAME] [--quick]`.
pub fn run(root: &Path, name: Option<&str>, quick: bool, out: &Style) -> Result<Exit, Error> {
    let names = bench_names(root);
    let Some(name) = name else {
        println!(
            "{}",
            out.bold("Benches (cargo workshop bench NAME [--quick]):")
        );
        for name in &names {
            let twin = if root.join("benches").join("go").join(name).is_dir() {
                "  (+ Go twin)"
            } else {
                ""
            };
            println!("  {name}{}", out.dim(twin));
        }
        return Ok(Exit::Success);
    };
    if !names.iter().any(|known| known == name) {
        return Err(Error::usage(format!(
            "there is no bench called `{name}`.{} The benches are: {}.",
            suggest::did_you_mean(name, names.iter().map(String::as_str)),
            names.join(", ")
        )));
    }

    let rows_file = std::env::temp_dir().join(format!(
        "workshop-bench-{}-{name}.jsonl",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&rows_file);
    let quick_env = if quick { "WORKSHOP_BENCH_QUICK=1 " } else { "" };
    println!(
        "{}",
        out.bold(&format!(
            "Rust: {quick_env}cargo bench -p benches --bench {name} -- --quiet"
        ))
    );
    let mut command = cargo::cargo_command();
    // `--quiet`: criterion prints one result per benchmark, without comparing it with
    // whatever ran last time on this laptop (the table compares what matters).
    command
        .current_dir(root)
        .args(["bench", "-p", "benches", "--bench", name, "--", "--quiet"])
        .env(REPORT_ENV, &rows_file);
    if quick {
        command.env("WORKSHOP_BENCH_QUICK", "1");
    }
    let status = command
        .status()
        .map_err(|e| Error::failed(format!("cannot run cargo bench: {e}")))?;
    let mut exit = if status.success() {
        Exit::Success
    } else {
        Exit::Failure
    };
    let written = std::fs::read_to_string(&rows_file).unwrap_or_default();
    let _ = std::fs::remove_file(&rows_file);
    let (mut records, stray) = bench_table::parse(&written);
    for line in stray {
        println!("{line}");
    }
    if records.is_empty() {
        println!(
            "{}",
            out.warn("(the Rust bench wrote no rows: see its output above)")
        );
    }

    let twin = root.join("benches").join("go").join(name);
    let has_go_rows = records
        .iter()
        .any(|record| matches!(record, Record::Row { lang, .. } if lang == "Go"));
    let mut go_missing = None;
    if twin.is_dir() && !has_go_rows && !MEASURES_ITS_TWIN.contains(&name) {
        match find_go() {
            None => {
                go_missing = Some(
                    "Go: not installed, so no Go rows (https://go.dev/dl/ has it; the workshop doesn't need it)."
                        .to_owned(),
                );
            }
            Some(go) => {
                let quick_flag = if quick { " -quick" } else { "" };
                println!();
                println!(
                    "{}",
                    out.bold(&format!(
                        "Go: go run ./{name} -json{quick_flag}   (in benches/go)"
                    ))
                );
                match run_twin(&go, &root.join("benches").join("go"), name, quick) {
                    Ok(text) => {
                        let (go_records, stray) = bench_table::parse(&text);
                        for line in stray {
                            println!("{line}");
                        }
                        if go_records.is_empty() {
                            go_missing = Some("Go: the twin printed no rows.".to_owned());
                        }
                        records.extend(go_records);
                    }
                    Err(why) => {
                        exit = Exit::Failure;
                        go_missing = Some(format!("Go: {why}"));
                    }
                }
            }
        }
    }

    println!();
    for table in bench_table::merge(records) {
        let text = bench_table::render(&table, go_missing.as_deref());
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        println!("{}", out.bold(title));
        print!("{body}");
        println!();
    }
    if quick {
        println!(
            "{}",
            out.dim("(quick mode: short runs; without --quick each bench measures longer)")
        );
    }
    Ok(exit)
}

/// The variable a bench reads to know where its rows go (`benches/src/report.rs`).
const REPORT_ENV: &str = "WORKSHOP_BENCH_JSON";

/// Runs the Go twin with `-json`: its stdout (the rows), or why it failed.
fn run_twin(go: &Path, dir: &Path, name: &str, quick: bool) -> Result<String, String> {
    let mut command = Command::new(go);
    command
        .current_dir(dir)
        .args(["run", &format!("./{name}"), "-json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if quick {
        command.arg("-quick").env("WORKSHOP_BENCH_QUICK", "1");
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run go: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if output.status.success() {
        Ok(text)
    } else {
        // Rows printed before the failure are lost with it: a partial table misleads.
        Err(format!(
            "the twin failed ({}); its rows are left out.",
            output.status
        ))
    }
}

/// `go` on `PATH`, if any.
fn find_go() -> Option<PathBuf> {
    let exe = format!("go{}", std::env::consts::EXE_SUFFIX);
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(&exe))
        .find(|candidate| candidate.is_file())
}
