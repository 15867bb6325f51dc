//! The given-code rule: an exercise file and its solution differ only where the attendee
//! writes.
//!
//! Both crates of a step hold every source file (the solution must build and run on its
//! own: `cargo workshop serve` runs it while the exercise crate is half-edited). What is
//! *given* (types, helpers, doc comments, whole given modules) is therefore written
//! twice, and this check is what keeps the two copies one. Every difference between
//! `exercises/NN/src/X.rs` and `solutions/NN/src/X.rs` must lie:
//!
//! - inside a **hole**: the top-level item (a `fn`, an `impl` block, a `struct`) that
//!   holds a `// TODO` block, or new items placed right after that item (a helper the
//!   solution needs);
//! - or in lines that are neutral on both sides: blank lines, `use` lines, `// ANCHOR`
//!   markers (the book slices the two files differently), `#[derive(..)]`/`#[serde(..)]`
//!   attributes (an exercise may be "add the derive").
//!
//! `lib.rs` is exempt (its docs speak to different readers) except that both crates must
//! declare the same modules. Tests live once, in the exercise crate, and are not compared.

use similar::{DiffOp, TextDiff};

use crate::exercises::Workshop;
use crate::walk;

/// Every break of the rule in the workshop, as `file:line: what`.
pub fn problems(ws: &Workshop) -> Vec<String> {
    let mut problems = Vec::new();
    for step in ws.step_dirs() {
        let exercise_dir = ws.exercise_dir(&step);
        let solution_dir = ws.solution_dir(&step);
        for file in walk::files(&exercise_dir.join("src"), walk::with_extension("rs")) {
            let Ok(rel) = file.strip_prefix(&exercise_dir) else {
                continue;
            };
            let rel_shown = rel.to_string_lossy().replace('\\', "/");
            if rel_shown.starts_with("src/tests/") {
                continue;
            }
            let shown = format!("exercises/{step}/{rel_shown}");
            let solution = solution_dir.join(rel);
            let (Ok(exercise_text), Ok(solution_text)) = (
                std::fs::read_to_string(&file),
                std::fs::read_to_string(&solution),
            ) else {
                problems.push(format!(
                    "{shown} has no copy at solutions/{step}/{rel_shown}: every file of the \
                     exercise crate exists in the solution crate too (identical where given), \
                     so the solution builds on its own"
                ));
                continue;
            };
            if rel_shown == "src/lib.rs" {
                // The solution may have more (teaching examples); never fewer.
                let theirs = modules(&solution_text);
                let missing: Vec<String> = modules(&exercise_text)
                    .into_iter()
                    .filter(|module| !theirs.contains(module))
                    .collect();
                if !missing.is_empty() {
                    problems.push(format!(
                        "{shown}: declares modules {missing:?} that solutions/{step}/src/lib.rs lacks"
                    ));
                }
                continue;
            }
            for (line, text) in stray_differences(&exercise_text, &solution_text) {
                problems.push(format!(
                    "{shown}:{line}: differs from solutions/{step}/{rel_shown} outside the \
                     exercise's hole (given code must be identical in both crates): `{}`",
                    text.trim()
                ));
            }
        }
    }
    problems
}

/// The `mod` declarations of a `lib.rs`, sorted.
fn modules(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter_map(|line| {
            let line = line.strip_prefix("pub ").unwrap_or(line);
            let name = line.strip_prefix("mod ")?.strip_suffix(';')?;
            (name != "tests").then(|| name.trim().to_owned())
        })
        .collect();
    found.sort();
    found
}

/// The exercise's lines (1-based, with their text) where the two files differ outside a
/// hole. Empty: the pair keeps the rule.
pub fn stray_differences(exercise: &str, solution: &str) -> Vec<(usize, String)> {
    let ours: Vec<&str> = exercise.lines().collect();
    let theirs: Vec<&str> = solution.lines().collect();
    let holes = holes(&ours);
    // A change belongs to a hole if it starts in the item (or right after it, where
    // new items may go) and whatever it replaces past the item is neutral.
    let inside = |start: usize, end: usize| {
        holes.iter().any(|&(first, last, after)| {
            first <= start
                && start <= after
                && (start..end).all(|i| i <= last || is_neutral(ours[i]))
        })
    };
    let diff = TextDiff::from_slices(&ours, &theirs);
    let mut stray = Vec::new();
    for op in diff.ops() {
        let (old, new) = match *op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index..old_index + old_len, 0..0),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        let neutral = ours[old.clone()]
            .iter()
            .chain(&theirs[new.clone()])
            .all(|line| is_neutral(line));
        if neutral || inside(old.start, old.end) {
            continue;
        }
        let line = old.start.min(ours.len().saturating_sub(1));
        let text = ours[old.clone()]
            .first()
            .or_else(|| theirs[new].first())
            .copied()
            .unwrap_or_default();
        stray.push((line + 1, text.to_owned()));
    }
    stray
}

/// Lines that may differ anywhere.
fn is_neutral(line: &str) -> bool {
    let line = line.trim();
    line.is_empty()
        || line.starts_with("use ")
        || line.starts_with("pub use ")
        || line.starts_with("// ANCHOR")
        || line.starts_with("#[derive(")
        || line.starts_with("#[serde(")
}

/// The holes of an exercise file, as `(first line, last line, last insertion point)`
/// (0-based): the top-level item around each `// TODO`, or for a TODO outside any item,
/// from the TODO to the end of the item that follows it.
fn holes(lines: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut holes = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        if !line.trim_start().starts_with("// TODO") {
            continue;
        }
        let top_level = !line.starts_with(char::is_whitespace);
        let first = if top_level {
            at
        } else {
            (0..=at)
                .rev()
                .find(|&i| starts_item(lines[i]))
                .unwrap_or(at)
        };
        let last = (at..lines.len())
            .find(|&i| ends_item(lines[i]))
            .unwrap_or(lines.len().saturating_sub(1));
        // New items may follow the item, after its blank lines and anchor markers.
        let mut after = last + 1;
        while after < lines.len()
            && (lines[after].trim().is_empty()
                || lines[after].trim_start().starts_with("// ANCHOR"))
        {
            after += 1;
        }
        holes.push((first, last, after));
    }
    holes
}

/// A top-level item's first line (not its doc comment or attributes).
fn starts_item(line: &str) -> bool {
    if line.starts_with(char::is_whitespace) {
        return false;
    }
    let line = line.strip_prefix("pub(crate) ").unwrap_or(line);
    let line = line.strip_prefix("pub ").unwrap_or(line);
    [
        "fn ",
        "async fn ",
        "impl",
        "struct ",
        "enum ",
        "const ",
        "static ",
        "trait ",
        "mod ",
        "type ",
        "unsafe ",
    ]
    .iter()
    .any(|keyword| line.starts_with(keyword))
}

/// A top-level item's last line: `}` (or `};`) at column 0, or a one-line item.
fn ends_item(line: &str) -> bool {
    let trimmed = line.trim_end();
    trimmed == "}"
        || trimmed == "};"
        || (!line.starts_with(char::is_whitespace) && trimmed.ends_with(';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXERCISE: &str = "\
//! Exercise 1 (double): doubling.
use std::fmt;

/// Doubles `x`.
pub fn double(x: u32) -> u32 {
    // TODO: Return twice `x`.
    // Book: book/src/00-demo.md#exercise-1-double
    todo!()
}

/// Given.
pub fn given() -> u32 {
    1
}
";

    #[test]
    fn a_solved_hole_and_a_helper_after_it_are_fine() {
        let solution = EXERCISE
            .replace(
                "    // TODO: Return twice `x`.\n    // Book: book/src/00-demo.md#exercise-1-double\n    todo!()\n",
                "    // Why: shifting is doubling.\n    helper(x)\n",
            )
            .replace(
                "}\n\n/// Given.",
                "}\n\nfn helper(x: u32) -> u32 {\n    x << 1\n}\n\n/// Given.",
            )
            .replace("use std::fmt;", "use std::fmt;\nuse std::ops::Shl;");
        assert_eq!(stray_differences(EXERCISE, &solution), vec![]);
    }

    #[test]
    fn a_changed_given_line_is_named() {
        let solution = EXERCISE.replace("    1\n", "    2\n");
        let stray = stray_differences(EXERCISE, &solution);
        assert_eq!(stray, vec![(13, "    1".to_owned())]);
    }

    #[test]
    fn a_changed_doc_comment_is_named() {
        let solution = EXERCISE.replace("/// Doubles `x`.", "/// Doubles it.");
        let stray = stray_differences(EXERCISE, &solution);
        assert_eq!(stray.len(), 1, "{stray:?}");
        assert_eq!(stray[0].0, 4);
    }

    #[test]
    fn anchors_and_imports_may_differ() {
        let solution = EXERCISE
            .replace("use std::fmt;", "use std::fmt;\nuse std::io;")
            .replace("/// Given.", "// ANCHOR: given\n/// Given.");
        assert_eq!(stray_differences(EXERCISE, &solution), vec![]);
    }

    #[test]
    fn lib_modules_are_compared() {
        assert_eq!(
            modules("pub mod a;\nmod b;\n#[cfg(test)]\nmod tests;\n"),
            vec!["a".to_owned(), "b".to_owned()]
        );
    }
}
