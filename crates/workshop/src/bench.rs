//! `cargo workshop bench [NAME] [--quick]`: the instructor's live benchmarks.
//!
//! A bench is a file in `benches/benches/` (criterion, or a load generator with its own
//! `main`), run with `cargo bench -p benches --bench NAME`. When Go is installed and the
//! bench has a Go twin in `benches/go/NAME/`, the twin runs right after, so the room sees
//! the Rust and Go figures side by side. Without Go the twin is skipped with a note: Go is
//! optional for the workshop.
//!
//! `--quick` is passed on to the bench (criterion's short mode), and both the bench and
//! the Go twin also see `WORKSHOP_BENCH_QUICK=1` in their environment, for code that
//! reads its mode from there.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cargo;
use crate::error::{Error, Exit};
use crate::suggest;
use crate::term::Style;

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

    println!(
        "{}",
        out.bold(&format!("Rust: cargo bench -p benches --bench {name}"))
    );
    let mut command = cargo::cargo_command();
    command
        .current_dir(root)
        .args(["bench", "-p", "benches", "--bench", name]);
    if quick {
        command
            .args(["--", "--quick"])
            .env("WORKSHOP_BENCH_QUICK", "1");
    }
    let status = command
        .status()
        .map_err(|e| Error::failed(format!("cannot run cargo bench: {e}")))?;
    let mut exit = if status.success() {
        Exit::Success
    } else {
        Exit::Failure
    };

    let twin = root.join("benches").join("go").join(name);
    println!();
    match (find_go(), twin.is_dir()) {
        (_, false) => println!("{}", out.dim(&format!("(no Go twin: benches/go/{name}/ doesn't exist)"))),
        (None, true) => println!(
            "{}",
            out.dim("(Go twin skipped: `go` is not installed. https://go.dev/dl/ has it; the workshop doesn't need it.)")
        ),
        (Some(go), true) => {
            println!("{}", out.bold(&format!("Go: go run ./{name}   (in benches/go)")));
            let mut command = Command::new(go);
            command.current_dir(root.join("benches").join("go")).args(["run", &format!("./{name}")]);
            if quick {
                command.env("WORKSHOP_BENCH_QUICK", "1");
            }
            let status = command.status().map_err(|e| Error::failed(format!("cannot run go: {e}")))?;
            if !status.success() {
                exit = Exit::Failure;
            }
        }
    }
    Ok(exit)
}

/// `go` on `PATH`, if any.
fn find_go() -> Option<PathBuf> {
    let exe = format!("go{}", std::env::consts::EXE_SUFFIX);
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(&exe))
        .find(|candidate| candidate.is_file())
}
