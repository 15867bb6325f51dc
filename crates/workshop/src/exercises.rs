//! The exercise metadata: `exercises/info.toml`, read at run time.
//!
//! One file says which exercises exist, in which order, which file to edit, which
//! chapter to read and what hint to give (rustlings' `info.toml` idea). The runner,
//! `verify` and the book checks all read it, so adding an exercise never means touching
//! the runner, and the runner never needs rebuilding when the list grows.
//!
//! Paths in the file use `/`; they are turned into [`Path`]s component by component so
//! they work on Windows too.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Error;
use crate::suggest;

/// The file, relative to the workshop root.
pub const INFO_FILE: &str = "exercises/info.toml";

/// One exercise: a test group in a step's crate, a file to edit, a chapter section, a hint.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Unique; also the test module, so its tests are `tests::<name>::<case>`.
    pub name: String,
    /// `NN-name`: the crates `exercises/NN-name` and `solutions/NN-name`.
    pub step: String,
    /// The file to edit, relative to the step's crate (`src/decode.rs`).
    pub file: String,
    /// `NN-name.md#anchor`, under `book/src`.
    pub chapter: String,
    /// Graded hints, gentlest first: 1, the idea and the section to reread; 2, the API to
    /// use and the trap; 3, the shape of the code. `cargo workshop hint` shows one more
    /// level each time it runs.
    pub hints: Vec<String>,
    /// Known-wrong solutions: `verify` proves the tests catch each one.
    #[serde(default)]
    pub wrong: Vec<Wrong>,
}

/// A plausible wrong solution kept in the repository: the classic mistake of its exercise.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wrong {
    /// The file, relative to `solutions/<step>`, that replaces the exercise's file.
    pub file: String,
    /// The mistake in a few words, for `verify`'s report.
    pub mistake: String,
    /// Text the failing tests must print: proof that the message names the mistake.
    pub expect: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InfoFile {
    #[serde(default)]
    exercise: Vec<Exercise>,
}

/// The workshop on disk: where it is, and its exercises in the order to do them.
#[derive(Debug, Clone)]
pub struct Workshop {
    pub root: PathBuf,
    /// Steps by number; within a step, the order of `info.toml`.
    pub exercises: Vec<Exercise>,
}

impl Workshop {
    /// Reads `exercises/info.toml` under `root`.
    pub fn load(root: &Path) -> Result<Workshop, Error> {
        let path = root.join(rel_path(INFO_FILE));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::failed(format!("cannot read {}: {e}", path.display())))?;
        Workshop::parse(root, &text).map_err(|e| Error::failed(format!("{}: {e}", path.display())))
    }

    /// Parses the text of an `info.toml`. The errors name the entry at fault.
    pub fn parse(root: &Path, text: &str) -> Result<Workshop, String> {
        let info: InfoFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut exercises = info.exercise;
        for exercise in &exercises {
            if step_number(&exercise.step).is_none() {
                return Err(format!(
                    "exercise `{}`: step `{}` must look like `NN-name` (two digits, a dash, a name)",
                    exercise.name, exercise.step
                ));
            }
        }
        // Stable: entries of one step keep their order in the file.
        exercises.sort_by_key(|exercise| step_number(&exercise.step));
        Ok(Workshop {
            root: root.to_path_buf(),
            exercises,
        })
    }

    /// The steps that have exercises, in order.
    pub fn steps(&self) -> Vec<String> {
        let mut steps: Vec<String> = Vec::new();
        for exercise in &self.exercises {
            if !steps.contains(&exercise.step) {
                steps.push(exercise.step.clone());
            }
        }
        steps
    }

    /// Every step with an exercise crate on disk (`exercises/NN-*`), in order, whether or
    /// not `info.toml` lists exercises for it yet.
    pub fn step_dirs(&self) -> Vec<String> {
        let mut steps = BTreeSet::new();
        if let Ok(entries) = std::fs::read_dir(self.root.join("exercises")) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if entry.path().join("Cargo.toml").is_file() && step_number(&name).is_some() {
                    steps.insert(name);
                }
            }
        }
        let mut steps: Vec<String> = steps.into_iter().collect();
        steps.sort_by_key(|step| step_number(step));
        steps
    }

    /// The exercises of one step, in order.
    pub fn exercises_of<'a>(&'a self, step: &'a str) -> impl Iterator<Item = &'a Exercise> + 'a {
        self.exercises
            .iter()
            .filter(move |exercise| exercise.step == step)
    }

    /// The exercise called `name`, or a usage error that suggests the nearest name.
    pub fn find(&self, name: &str) -> Result<&Exercise, Error> {
        if let Some(exercise) = self.exercises.iter().find(|exercise| exercise.name == name) {
            return Ok(exercise);
        }
        let names = self.exercises.iter().map(|exercise| exercise.name.as_str());
        Err(Error::usage(format!(
            "there is no exercise called `{name}`.{} `cargo workshop list` shows them all.",
            suggest::did_you_mean(name, names)
        )))
    }

    pub fn exercise_dir(&self, step: &str) -> PathBuf {
        self.root.join("exercises").join(step)
    }

    pub fn solution_dir(&self, step: &str) -> PathBuf {
        self.root.join("solutions").join(step)
    }

    /// The attendee's file for `exercise`.
    pub fn exercise_file(&self, exercise: &Exercise) -> PathBuf {
        self.exercise_dir(&exercise.step)
            .join(rel_path(&exercise.file))
    }

    /// The finished version of the same file.
    pub fn solution_file(&self, exercise: &Exercise) -> PathBuf {
        self.solution_dir(&exercise.step)
            .join(rel_path(&exercise.file))
    }

    /// `exercises/NN-name/src/file.rs`, for printing (always with `/`, as people type it).
    pub fn exercise_file_display(&self, exercise: &Exercise) -> String {
        format!("exercises/{}/{}", exercise.step, exercise.file)
    }

    /// `book/src/NN-name.md#anchor`, for printing.
    pub fn chapter_display(&self, exercise: &Exercise) -> String {
        format!("book/src/{}", exercise.chapter)
    }

    /// The chapter's page on disk and the anchor (without `#`), if the chapter has one.
    pub fn chapter_page(&self, exercise: &Exercise) -> (PathBuf, Option<String>) {
        let (page, anchor) = match exercise.chapter.split_once('#') {
            Some((page, anchor)) => (page, Some(anchor.to_owned())),
            None => (exercise.chapter.as_str(), None),
        };
        (
            self.root.join("book").join("src").join(rel_path(page)),
            anchor,
        )
    }
}

/// The number of a step: `01-typed-json` → 1. `None` if it doesn't start with two
/// digits and a dash.
pub fn step_number(step: &str) -> Option<u32> {
    let (digits, rest) = step.split_once('-')?;
    if digits.len() != 2 || rest.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The exercise crate's package: `ex01-typed-json`.
pub fn exercise_package(step: &str) -> String {
    format!("ex{step}")
}

/// The solution crate's package: `sol01-typed-json`.
pub fn solution_package(step: &str) -> String {
    format!("sol{step}")
}

/// A `/`-separated relative path as a [`PathBuf`] for this platform.
pub fn rel_path(text: &str) -> PathBuf {
    text.split('/').filter(|part| !part.is_empty()).collect()
}

/// A `/`-separated relative path that may climb (`../../solutions/x.rs`, as the book's
/// includes do), as a [`PathBuf`] for this platform.
pub fn rel_path_allowing_parents(text: &str) -> PathBuf {
    text.split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .map(|part| {
            if part == ".." {
                Path::new("..")
            } else {
                Path::new(part)
            }
        })
        .collect()
}

/// The workshop root: the folder with `exercises/info.toml`.
///
/// In order: `WORKSHOP_ROOT` (the runner's own tests point it at a tiny fixture). Then
/// `CARGO_MANIFEST_DIR` as `cargo workshop` (that is, `cargo run`) sets it at run time:
/// the checkout cargo is running in, from whichever of its folders. Then the current
/// folder and its parents, for the binary started by hand. Last, the checkout the binary
/// was compiled in (`env!`), which is only a guess: a copied or moved checkout may share
/// its build.
pub fn find_root() -> Result<PathBuf, Error> {
    if let Some(root) = std::env::var_os("WORKSHOP_ROOT") {
        let root = PathBuf::from(root);
        return if root.join(rel_path(INFO_FILE)).is_file() {
            Ok(root)
        } else {
            Err(Error::failed(format!(
                "WORKSHOP_ROOT={} has no {INFO_FILE}",
                root.display()
            )))
        };
    }
    let has_info = |dir: &Path| dir.join(rel_path(INFO_FILE)).is_file();
    let run_by_cargo =
        std::env::var_os("CARGO_MANIFEST_DIR").map(|dir| PathBuf::from(dir).join("..").join(".."));
    let cwd = std::env::current_dir().ok();
    let from_cwd = cwd.as_deref().and_then(|cwd| {
        cwd.ancestors()
            .find(|dir| has_info(dir))
            .map(Path::to_path_buf)
    });
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..");
    run_by_cargo
        .filter(|dir| has_info(dir))
        .or(from_cwd)
        .or_else(|| Some(built_in).filter(|dir| has_info(dir)))
        .map(|root| root.canonicalize().unwrap_or(root))
        .ok_or_else(|| {
            Error::failed(format!(
                "cannot find the workshop: no {INFO_FILE} here or in any parent folder. \
                 Run `cargo workshop` inside the workshop's clone."
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFO: &str = r#"
[[exercise]]
name = "fan_in"
step = "02-concurrent-calls"
file = "src/fan_in.rs"
chapter = "02-concurrent-calls.md#fan-in"
hints = ["Use a channel."]

[[exercise]]
name = "spawn_join"
step = "00-basics"
file = "src/spawn_join.rs"
chapter = "00-basics.md#spawn"
hints = ["Keep the handle."]

[[exercise]]
name = "channels"
step = "00-basics"
file = "src/channels.rs"
chapter = "00-basics.md#channels"
hints = ["""
Two lines
of hint.""", "Level two."]
"#;

    fn workshop() -> Workshop {
        Workshop::parse(Path::new("/w"), INFO).expect("valid info.toml")
    }

    #[test]
    fn steps_are_ordered_by_number_and_entries_keep_file_order() {
        let ws = workshop();
        let names: Vec<&str> = ws.exercises.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["spawn_join", "channels", "fan_in"]);
        assert_eq!(ws.steps(), ["00-basics", "02-concurrent-calls"]);
        assert_eq!(ws.exercises_of("00-basics").count(), 2);
    }

    #[test]
    fn paths_are_built_from_parts() {
        let ws = workshop();
        let exercise = ws.find("fan_in").expect("exists");
        assert_eq!(
            ws.exercise_file(exercise),
            Path::new("/w")
                .join("exercises")
                .join("02-concurrent-calls")
                .join("src")
                .join("fan_in.rs")
        );
        assert_eq!(
            ws.exercise_file_display(exercise),
            "exercises/02-concurrent-calls/src/fan_in.rs"
        );
        let (page, anchor) = ws.chapter_page(exercise);
        assert!(page.ends_with(Path::new("book").join("src").join("02-concurrent-calls.md")));
        assert_eq!(anchor.as_deref(), Some("fan-in"));
        assert_eq!(exercise_package(&exercise.step), "ex02-concurrent-calls");
        assert_eq!(solution_package(&exercise.step), "sol02-concurrent-calls");
    }

    #[test]
    fn an_unknown_name_suggests_the_nearest() {
        let error = workshop().find("chanels").expect_err("no such exercise");
        assert!(matches!(error, Error::Usage(_)));
        assert!(
            error.to_string().contains("Did you mean `channels`?"),
            "{error}"
        );
    }

    #[test]
    fn step_numbers() {
        assert_eq!(step_number("00-basics"), Some(0));
        assert_eq!(step_number("06-parallel-cpu"), Some(6));
        assert_eq!(step_number("6-x"), None);
        assert_eq!(step_number("ab-x"), None);
        assert_eq!(step_number("01-"), None);
        assert_eq!(step_number("info.toml"), None);
    }

    #[test]
    fn bad_entries_are_reported() {
        let typo = "[[exercise]]\nname='a'\nstep='00-x'\nfile='f'\nchapter='c'\nhitn='h'\n";
        let error = Workshop::parse(Path::new("/w"), typo).expect_err("unknown field");
        assert!(error.contains("hitn"), "{error}");
        let bad_step =
            "[[exercise]]\nname='a'\nstep='basics'\nfile='f'\nchapter='c'\nhints=['h']\n";
        let error = Workshop::parse(Path::new("/w"), bad_step).expect_err("bad step");
        assert!(error.contains("NN-name"), "{error}");
    }

    #[test]
    fn an_empty_file_has_no_exercises() {
        let ws = Workshop::parse(Path::new("/w"), "# nothing yet\n").expect("valid");
        assert!(ws.exercises.is_empty());
    }
}
