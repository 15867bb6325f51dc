//! Running the workshop's own programs (the step-05 server, the demos) as child
//! processes, built on first use.
//!
//! Why a child and not a library call: the runner must build and work whatever state an
//! attendee leaves `exercises/` in. If it linked the solution crates (which share their
//! given code with the exercises) or the demos, a half-typed edit could break the
//! runner's own build, and with it `check`, `hint` and `reset`, the very verbs that would
//! repair it. So the runner links neither; `serve` and `demo` ask cargo to build the
//! program they need, then hand the process over to it.
//!
//! On Unix the hand-over is `exec`: the program *becomes* this process, so signals
//! (Ctrl-C, SIGTERM), stdin/stdout and the exit code are exactly the program's own. On
//! other systems the runner waits for the child and exits with its code.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use crate::cargo::cargo_command;
use crate::error::{Error, Exit};
use crate::process::{self, Stream};
use crate::term::{self, Style};

/// A program of the workshop's own Cargo workspace.
#[derive(Clone, Copy, Debug)]
pub enum Program<'a> {
    /// `[[bin]]` of a package.
    Bin { package: &'a str, name: &'a str },
    /// An example of a package.
    Example { package: &'a str, name: &'a str },
}

impl Program<'_> {
    fn package(&self) -> &str {
        match self {
            Program::Bin { package, .. } | Program::Example { package, .. } => package,
        }
    }

    fn name(&self) -> &str {
        match self {
            Program::Bin { name, .. } | Program::Example { name, .. } => name,
        }
    }

    /// `--workspace` rather than `-p PACKAGE`: cargo then picks the dependencies'
    /// features as `cargo build --workspace` and the runner's own test builds do, so the
    /// program reuses what those built instead of compiling them all again.
    fn cargo_args(&self) -> [&str; 3] {
        match self {
            Program::Bin { name, .. } => ["--workspace", "--bin", name],
            Program::Example { name, .. } => ["--workspace", "--example", name],
        }
    }
}

/// Building a program never takes this long (a cold build of the server takes a minute).
const BUILD_DEADLINE: Duration = Duration::from_secs(30 * 60);

/// The workspace the runner itself was built from: where the solutions and demos live,
/// whatever the current directory (the runner's tests run it from scratch folders).
pub fn home() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| manifest_dir.to_path_buf(), Path::to_path_buf)
}

/// Builds `program` (saying so on stderr first) and returns its executable.
pub fn build(program: Program<'_>) -> Result<PathBuf, Error> {
    let style = Style::stderr();
    let mut said_building = false;
    let mut command = cargo_command();
    command
        .current_dir(home())
        .args([
            "build",
            "--message-format=json-render-diagnostics",
            "--color",
            "never",
        ])
        .args(program.cargo_args());
    let mut executable = None;
    let mut stderr = Vec::new();
    let finished = process::run(
        &mut command,
        BUILD_DEADLINE,
        &mut |stream, line| match stream {
            Stream::Stdout => {
                if let Ok(message) = serde_json::from_str::<Value>(line)
                    && message["reason"] == "compiler-artifact"
                    && message["target"]["name"] == program.name()
                    && message["package_id"]
                        .as_str()
                        .is_some_and(|id| crate::cargo::package_name(id) == program.package())
                    && let Some(path) = message["executable"].as_str()
                {
                    executable = Some(PathBuf::from(path));
                }
            }
            Stream::Stderr => {
                // Say so once, and only when cargo really compiles (not when it's fresh).
                if !said_building && line.trim_start().starts_with("Compiling") {
                    said_building = true;
                    eprintln!(
                        "{}",
                        style.dim(&format!(
                            "building {} ({}) first; this takes a minute the first time...",
                            program.name(),
                            program.package()
                        ))
                    );
                }
                stderr.push(line.to_owned());
            }
        },
    )
    .map_err(|e| Error::failed(format!("cannot run cargo: {e}")))?;
    match executable {
        Some(path) if finished.success() => Ok(path),
        _ => {
            // Show only what went wrong: cargo's progress lines are noise here.
            let errors: Vec<String> = stderr
                .iter()
                .map(|line| term::strip_ansi(line))
                .filter(|line| !line.trim_start().starts_with("Compiling"))
                .collect();
            Err(Error::failed(format!(
                "could not build {} ({}): {}\n{}",
                program.name(),
                program.package(),
                if finished.timed_out {
                    "the build did not finish in time"
                } else {
                    "cargo reported errors"
                },
                errors.join("\n")
            )))
        }
    }
}

/// Builds `program` and hands this process over to it with `args`.
pub fn run(program: Program<'_>, args: &[String]) -> Result<Exit, Error> {
    let executable = build(program)?;
    hand_over(&executable, args)
}

#[cfg(unix)]
fn hand_over(executable: &Path, args: &[String]) -> Result<Exit, Error> {
    use std::os::unix::process::CommandExt;
    // `exec` only returns on failure.
    let error = Command::new(executable).args(args).exec();
    Err(Error::failed(format!(
        "cannot start {}: {error}",
        executable.display()
    )))
}

#[cfg(not(unix))]
fn hand_over(executable: &Path, args: &[String]) -> Result<Exit, Error> {
    let status = Command::new(executable)
        .args(args)
        .status()
        .map_err(|e| Error::failed(format!("cannot start {}: {e}", executable.display())))?;
    // The child already said what went wrong; keep its exit code (2 for usage errors).
    std::process::exit(status.code().unwrap_or(1));
}
