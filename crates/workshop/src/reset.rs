//! Pristine copies of the exercise files, and `cargo workshop reset NAME`.
//!
//! The first time the runner sees an exercise file it keeps a copy of the file as it was
//! shipped in `.workshop/pristine/<step>/<file>` (the `.workshop/` folder ignores itself
//! for git). Why not just `git show HEAD:path`? Because attendees commit their work:
//! after that, `HEAD` holds *their* version. The copy is taken from git's `HEAD` when it
//! matches the file on disk (or the disk has been edited already), from the disk when
//! there is no git (a downloaded zip), and git's `HEAD` is the fallback when there is no
//! copy at all.
//!
//! The copy also tells "not started" (file untouched) from "failing" (edited, tests still
//! red). Line endings are compared loosely: git on Windows may check files out with CRLF.
//!
//! `reset` never destroys work silently: it asks first on a terminal, demands `--yes`
//! otherwise, and keeps the replaced version in `.workshop/backup/`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Exit};
use crate::exercises::{Exercise, Workshop, rel_path};
use crate::term::Style;

/// The runner's own folder at the root of the workshop.
pub fn state_dir(ws: &Workshop) -> PathBuf {
    ws.root.join(".workshop")
}

fn pristine_path(ws: &Workshop, exercise: &Exercise) -> PathBuf {
    state_dir(ws)
        .join("pristine")
        .join(&exercise.step)
        .join(rel_path(&exercise.file))
}

/// Creates `.workshop/` with a `.gitignore` that ignores everything in it (itself
/// included), so `git status` stays clean without touching the repository's ignore file.
fn ensure_state_dir(ws: &Workshop) -> std::io::Result<()> {
    let dir = state_dir(ws);
    std::fs::create_dir_all(&dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(
            ignore,
            "# The workshop runner's own files (pristine copies, backups).\n*\n",
        )?;
    }
    Ok(())
}

/// Keeps a pristine copy of every exercise file that has none yet. Best effort: without
/// a copy, `reset` falls back to git and the status to "failing" instead of "not started".
pub fn ensure_snapshots(ws: &Workshop) {
    for exercise in &ws.exercises {
        let copy = pristine_path(ws, exercise);
        if copy.exists() {
            continue;
        }
        let Ok(on_disk) = std::fs::read_to_string(ws.exercise_file(exercise)) else {
            continue;
        };
        let shipped = match git_head_version(ws, exercise) {
            // Edited before the first run: git has the shipped version.
            Some(committed) if !same_text(&committed, &on_disk) => committed,
            // Untouched (or no git): the disk's copy, with this checkout's line endings.
            _ => on_disk,
        };
        if ensure_state_dir(ws).is_err() {
            return;
        }
        if let Some(parent) = copy.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&copy, shipped);
    }
}

/// The file as shipped: the pristine copy, else git's `HEAD`.
pub fn shipped_version(ws: &Workshop, exercise: &Exercise) -> Option<String> {
    std::fs::read_to_string(pristine_path(ws, exercise))
        .ok()
        .or_else(|| git_head_version(ws, exercise))
}

/// Whether the attendee's file is still as shipped.
pub fn is_untouched(ws: &Workshop, exercise: &Exercise) -> bool {
    match (
        shipped_version(ws, exercise),
        std::fs::read_to_string(ws.exercise_file(exercise)),
    ) {
        (Some(shipped), Ok(current)) => same_text(&shipped, &current),
        _ => false,
    }
}

/// Equal up to line endings.
fn same_text(a: &str, b: &str) -> bool {
    a.replace("\r\n", "\n") == b.replace("\r\n", "\n")
}

fn git_head_version(ws: &Workshop, exercise: &Exercise) -> Option<String> {
    let spec = format!("HEAD:{}", ws.exercise_file_display(exercise));
    let output = Command::new("git")
        .current_dir(&ws.root)
        .args(["show", &spec])
        .output()
        .ok()?;
    if output.status.success() {
        String::from_utf8(output.stdout).ok()
    } else {
        None
    }
}

/// `cargo workshop reset NAME [--yes]`.
pub fn reset(ws: &Workshop, name: &str, yes: bool, out: &Style) -> Result<Exit, Error> {
    let exercise = ws.find(name)?;
    let path = ws.exercise_file(exercise);
    let shown = ws.exercise_file_display(exercise);
    let shipped = shipped_version(ws, exercise).ok_or_else(|| {
        Error::failed(format!(
            "no shipped copy of {shown} to restore (no .workshop/pristine copy, and git has none)"
        ))
    })?;
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if same_text(&shipped, &current) {
        println!("{shown} is already as shipped; nothing to do.");
        return Ok(Exit::Success);
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::usage(format!(
                "`reset` replaces your {shown} and needs confirmation, but stdin is not a terminal. \
                 Run `cargo workshop reset {name} --yes`."
            )));
        }
        print!("Put {shown} back as shipped? Your version is kept in .workshop/backup/. [y/N] ");
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            println!("Left {shown} as it is.");
            return Ok(Exit::Success);
        }
    }
    let backup = backup(ws, exercise, &current)
        .map_err(|e| Error::failed(format!("cannot back up {shown} (not resetting): {e}")))?;
    std::fs::write(&path, shipped)
        .map_err(|e| Error::failed(format!("cannot write {shown}: {e}")))?;
    println!("{} {shown} is back as shipped.", out.good("Reset:"));
    println!("Your version: {}", relative(&ws.root, &backup));
    Ok(Exit::Success)
}

/// Saves `current` as `.workshop/backup/<step>/<file>.<unix-seconds>`.
fn backup(ws: &Workshop, exercise: &Exercise, current: &str) -> std::io::Result<PathBuf> {
    ensure_state_dir(ws)?;
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut path = state_dir(ws)
        .join("backup")
        .join(&exercise.step)
        .join(rel_path(&exercise.file));
    let file_name = path
        .file_name()
        .map(|name| format!("{}.{seconds}", name.to_string_lossy()));
    if let Some(file_name) = file_name {
        path.set_file_name(file_name);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&path, current)?;
    Ok(path)
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_do_not_count_as_edits() {
        assert!(same_text("a\nb\n", "a\r\nb\r\n"));
        assert!(!same_text("a\nb\n", "a\nc\n"));
    }
}
