//! Pristine copies of the shipped files under `exercises/`, and `cargo workshop reset`.
//!
//! The first time the runner runs it keeps a copy of every file under `exercises/` as it
//! was shipped, in `.workshop/pristine/<step>/<path>` (the `.workshop/` folder ignores
//! itself for git): the exercise files, and also the given modules, the tests and
//! `Cargo.toml`, because an attendee can break any of them. Why not just
//! `git show HEAD:path`? Because attendees commit their work: after that, `HEAD` holds
//! *their* version. The copy is taken from git's `HEAD` when the file on disk was edited
//! before the first run, from the disk otherwise (or when there is no git: a downloaded
//! zip), and git's `HEAD` is the fallback when there is no copy at all.
//!
//! The copy also tells "not started" (file untouched) from "failing" (edited, tests still
//! red). Line endings are compared loosely: git on Windows may check files out with CRLF.
//!
//! `reset` never destroys work silently: it asks first on a terminal, demands `--yes`
//! otherwise, and keeps every replaced version in `.workshop/backup/`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Exit};
use crate::exercises::{Exercise, Workshop, rel_path, step_number};
use crate::suggest;
use crate::term::Style;
use crate::walk;

/// The runner's own folder at the root of the workshop.
pub fn state_dir(ws: &Workshop) -> PathBuf {
    ws.root.join(".workshop")
}

/// Where the pristine copy of `exercises/<key>` lives (`key` uses `/`).
fn pristine_of(ws: &Workshop, key: &str) -> PathBuf {
    state_dir(ws).join("pristine").join(rel_path(key))
}

/// `exercises/<key>` on disk.
fn file_of(ws: &Workshop, key: &str) -> PathBuf {
    ws.root.join("exercises").join(rel_path(key))
}

/// The key of an exercise's file: `<step>/<file>`.
fn key_of(exercise: &Exercise) -> String {
    format!("{}/{}", exercise.step, exercise.file)
}

/// Written once every shipped file has its copy.
fn complete_marker(ws: &Workshop) -> PathBuf {
    state_dir(ws).join("pristine").join(".complete")
}

/// Creates `.workshop/` with a `.gitignore` that ignores everything in it (itself
/// included), so `git status` stays clean without touching the repository's ignore file.
pub fn ensure_state_dir(ws: &Workshop) -> std::io::Result<()> {
    let dir = state_dir(ws);
    std::fs::create_dir_all(&dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(
            ignore,
            "# The workshop runner's own files (pristine copies, hints seen, backups).\n*\n",
        )?;
    }
    Ok(())
}

/// Keeps a pristine copy of every shipped file under `exercises/` that has none yet.
/// Best effort: without a copy, `reset` falls back to git and the status to "failing"
/// instead of "not started". Cheap after the first run (one marker file).
pub fn ensure_snapshots(ws: &Workshop) {
    let mut keys: Vec<String> = Vec::new();
    if !complete_marker(ws).exists() {
        keys = shipped_keys(ws);
    }
    // Exercises added to info.toml after the first run still get their copy.
    keys.extend(ws.exercises.iter().map(key_of));
    let edited = git_edited_keys(ws);
    for key in &keys {
        let copy = pristine_of(ws, key);
        if copy.exists() {
            continue;
        }
        let on_disk = std::fs::read_to_string(file_of(ws, key)).ok();
        let shipped = match (&edited, on_disk) {
            // Edited before the first run: git has the shipped version.
            (Some(edited), _) if edited.contains(key) => git_head_version(ws, key),
            (_, Some(text)) => Some(text),
            (_, None) => git_head_version(ws, key),
        };
        let Some(shipped) = shipped else {
            continue;
        };
        if ensure_state_dir(ws).is_err() {
            return;
        }
        if let Some(parent) = copy.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&copy, shipped);
    }
    if !complete_marker(ws).exists() && ensure_state_dir(ws).is_ok() {
        let _ = std::fs::write(complete_marker(ws), "");
    }
}

/// Every shipped file under `exercises/`, as keys: git's tracked files when there is
/// git, else every source file on disk (a downloaded zip, before any edit).
fn shipped_keys(ws: &Workshop) -> Vec<String> {
    if let Some(tracked) = git_lines(ws, &["ls-files", "-z", "--", "exercises"]) {
        return tracked
            .iter()
            .filter_map(|path| path.strip_prefix("exercises/"))
            .map(str::to_owned)
            .collect();
    }
    let exercises = ws.root.join("exercises");
    walk::files(&exercises, |_| true)
        .iter()
        .filter_map(|path| path.strip_prefix(&exercises).ok())
        .map(|rel| rel.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// Files under `exercises/` that differ from git's `HEAD` (`None`: no git).
fn git_edited_keys(ws: &Workshop) -> Option<Vec<String>> {
    let lines = git_lines(
        ws,
        &["diff", "--name-only", "-z", "HEAD", "--", "exercises"],
    )?;
    Some(
        lines
            .iter()
            .filter_map(|path| path.strip_prefix("exercises/"))
            .map(str::to_owned)
            .collect(),
    )
}

/// A git command's NUL-separated output, or `None` when git is missing or fails.
fn git_lines(ws: &Workshop, args: &[&str]) -> Option<Vec<String>> {
    let output = Command::new("git")
        .current_dir(&ws.root)
        .args(args)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    Some(
        text.split('\0')
            .filter(|path| !path.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// `exercises/<key>` as shipped: the pristine copy, else git's `HEAD`.
fn shipped_text(ws: &Workshop, key: &str) -> Option<String> {
    std::fs::read_to_string(pristine_of(ws, key))
        .ok()
        .or_else(|| git_head_version(ws, key))
}

/// The exercise's file as shipped.
pub fn shipped_version(ws: &Workshop, exercise: &Exercise) -> Option<String> {
    shipped_text(ws, &key_of(exercise))
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

fn git_head_version(ws: &Workshop, key: &str) -> Option<String> {
    let spec = format!("HEAD:exercises/{key}");
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

/// Every shipped file of a step, as keys: the pristine copies, else git's.
fn keys_of_step(ws: &Workshop, step: &str) -> Vec<String> {
    let mut keys: Vec<String> = shipped_keys_with_copies(ws)
        .into_iter()
        .filter(|key| key.split('/').next() == Some(step))
        .collect();
    if keys.is_empty() {
        keys = shipped_keys(ws)
            .into_iter()
            .filter(|key| key.split('/').next() == Some(step))
            .collect();
    }
    keys
}

/// The keys that have a pristine copy.
fn shipped_keys_with_copies(ws: &Workshop) -> Vec<String> {
    // Hidden entries (the `.complete` marker) are skipped by the walker.
    let root = state_dir(ws).join("pristine");
    walk::files(&root, |_| true)
        .iter()
        .filter_map(|path| path.strip_prefix(&root).ok())
        .map(|rel| rel.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// What `reset` was asked to restore, as keys.
fn resolve(ws: &Workshop, target: &str, all: bool) -> Result<Vec<String>, Error> {
    if let Some(exercise) = ws.exercises.iter().find(|e| e.name == target) {
        return Ok(if all {
            keys_of_step(ws, &exercise.step)
        } else {
            vec![key_of(exercise)]
        });
    }
    // A step: `05-server`, or just `05`.
    let steps = ws.step_dirs();
    let step = steps.iter().find(|step| {
        step.as_str() == target
            || (target.len() == 2 && step_number(step) == step_number(&format!("{target}-x")))
    });
    if let Some(step) = step {
        if !all {
            return Err(Error::usage(format!(
                "`{target}` is a whole step: `cargo workshop reset --all {step}` puts every \
                 file of it back (asking first)."
            )));
        }
        return Ok(keys_of_step(ws, step));
    }
    // A path: `exercises/05-server/src/app.rs`, from the root or the current folder.
    let path = Path::new(target);
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|dir| dir.join(path))
            .unwrap_or_else(|_| ws.root.join(path))
    };
    let candidates = [absolute, ws.root.join(path)];
    for candidate in candidates {
        let normal = normalise(&candidate);
        if let Ok(rel) = normal.strip_prefix(normalise(&ws.root.join("exercises"))) {
            let key = rel.to_string_lossy().replace('\\', "/");
            if key.is_empty() {
                continue;
            }
            if all {
                let step = key.split('/').next().unwrap_or_default().to_owned();
                return Ok(keys_of_step(ws, &step));
            }
            if shipped_text(ws, &key).is_some() {
                return Ok(vec![key]);
            }
            return Err(Error::usage(format!(
                "exercises/{key} was not shipped with the workshop: nothing to put back."
            )));
        }
    }
    let names = ws
        .exercises
        .iter()
        .map(|exercise| exercise.name.as_str())
        .chain(steps.iter().map(String::as_str));
    Err(Error::usage(format!(
        "there is no exercise called `{target}`.{} `cargo workshop list` shows them all; \
         `reset` also takes a file under exercises/, or `--all` and a step.",
        suggest::did_you_mean(target, names)
    )))
}

/// `a/./b/../c` → `a/c`, without touching the disk (the file may not exist any more).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `cargo workshop reset NAME|STEP|PATH [--all] [--yes]`.
pub fn reset(
    ws: &Workshop,
    target: &str,
    all: bool,
    yes: bool,
    out: &Style,
) -> Result<Exit, Error> {
    let keys = resolve(ws, target, all)?;
    // What differs from the shipped version (or is missing), with that version.
    let mut changes: Vec<(String, String, Option<String>)> = Vec::new();
    for key in &keys {
        let Some(shipped) = shipped_text(ws, key) else {
            continue;
        };
        let current = std::fs::read_to_string(file_of(ws, key)).ok();
        if current
            .as_deref()
            .is_some_and(|current| same_text(&shipped, current))
        {
            continue;
        }
        changes.push((key.clone(), shipped, current));
    }
    if changes.is_empty() {
        if keys.len() == 1 {
            println!(
                "exercises/{} is already as shipped; nothing to do.",
                keys[0]
            );
        } else {
            println!(
                "All {} files are already as shipped; nothing to do.",
                keys.len()
            );
        }
        return Ok(Exit::Success);
    }
    let shown: Vec<String> = changes
        .iter()
        .map(|(key, ..)| format!("exercises/{key}"))
        .collect();
    if !yes {
        let flag = if all { " --all" } else { "" };
        if !std::io::stdin().is_terminal() {
            return Err(Error::usage(format!(
                "`reset` replaces your {} and needs confirmation, but stdin is not a terminal. \
                 Run `cargo workshop reset{flag} {target} --yes`.",
                shown.join(", ")
            )));
        }
        if shown.len() > 1 {
            println!("These files differ from how they were shipped:");
            for file in &shown {
                println!("  {file}");
            }
        }
        let what = if shown.len() == 1 {
            shown[0].clone()
        } else {
            format!("these {} files", shown.len())
        };
        print!("Put {what} back as shipped? Your versions are kept in .workshop/backup/. [y/N] ");
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            println!("Left everything as it is.");
            return Ok(Exit::Success);
        }
    }
    for (key, shipped, current) in &changes {
        let shown = format!("exercises/{key}");
        let backup = match current {
            Some(current) => Some(backup(ws, key, current).map_err(|e| {
                Error::failed(format!("cannot back up {shown} (not resetting it): {e}"))
            })?),
            None => None,
        };
        let path = file_of(ws, key);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        std::fs::write(&path, shipped)
            .map_err(|e| Error::failed(format!("cannot write {shown}: {e}")))?;
        println!("{} {shown} is back as shipped.", out.good("Reset:"));
        if let Some(backup) = backup {
            println!("  your version: {}", relative(&ws.root, &backup));
        }
    }
    Ok(Exit::Success)
}

/// Saves `current` as `.workshop/backup/<step>/<path>.<unix-seconds>`.
fn backup(ws: &Workshop, key: &str, current: &str) -> std::io::Result<PathBuf> {
    ensure_state_dir(ws)?;
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut path = state_dir(ws).join("backup").join(rel_path(key));
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

    #[test]
    fn paths_normalise_without_the_disk() {
        assert_eq!(
            normalise(Path::new(
                "/w/exercises/./05-server/../05-server/src/app.rs"
            )),
            PathBuf::from("/w/exercises/05-server/src/app.rs")
        );
    }
}
