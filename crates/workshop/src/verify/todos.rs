//! The TODO rules: an exercise states a goal, never the answer.
//!
//! A `// TODO` block is what an attendee reads first, so it is where the answer leaks
//! most easily. Each block must:
//!
//! - say the goal and the constraint the tests check in at most [`MAX_LINES`] lines (the
//!   `// Book:` line is not counted): a recipe belongs in the graded hints;
//! - hold no code expression: no backticked span with a call, a closure, an `.await`, an
//!   assignment or a match arm. Names (`JoinSet::join_next`, `Ordering::Relaxed`) are
//!   fine: looking them up is the point;
//! - point to its chapter section with a `// Book: book/src/PAGE.md#anchor` line whose
//!   anchor is a heading of that page.
//!
//! And each exercise file opens with `//! Exercise N (name): …` naming its exercises.

use crate::exercises::Workshop;
use crate::markdown;

/// The most lines a TODO block may have (without its `// Book:` line).
pub const MAX_LINES: usize = 3;

/// What makes a backticked span code rather than a name.
const CODE_MARKS: &[&str] = &[
    "(", ")", "=>", ";", "=", "|", ".await", "::<", "&mut", "let ",
];

/// Every break of the rules, as `file:line: what`.
pub fn problems(ws: &Workshop) -> Vec<String> {
    let mut problems = Vec::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for exercise in &ws.exercises {
        let key = (exercise.step.clone(), exercise.file.clone());
        if !files.contains(&key) {
            files.push(key);
        }
    }
    for (step, file) in &files {
        let shown = format!("exercises/{step}/{file}");
        let Ok(text) =
            std::fs::read_to_string(ws.exercise_dir(step).join(crate::exercises::rel_path(file)))
        else {
            continue; // The metadata check reports a missing file.
        };
        let names: Vec<&str> = ws
            .exercises
            .iter()
            .filter(|e| &e.step == step && &e.file == file)
            .map(|e| e.name.as_str())
            .collect();
        let first = text.lines().next().unwrap_or_default();
        if !(first.starts_with("//! Exercise ") || first.starts_with("//! Exercises ")) {
            problems.push(format!(
                "{shown}:1: the file must open with `//! Exercise N (name): what it is about`"
            ));
        } else {
            for name in &names {
                if !first.contains(name) {
                    problems.push(format!(
                        "{shown}:1: the header `{}` does not name the exercise `{name}`",
                        first.trim()
                    ));
                }
            }
        }
        for block in blocks(&text) {
            problems.extend(block_problems(ws, &shown, &block));
        }
    }
    problems
}

/// One `// TODO` block: its first line (1-based), its text lines, its `// Book:` target.
#[derive(Debug, PartialEq, Eq)]
pub struct Block {
    pub line: usize,
    pub lines: Vec<String>,
    pub book: Option<String>,
}

/// The TODO blocks of a file: a `// TODO` line and the comment lines that follow it,
/// up to and including a `// Book:` line.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        if !lines[at].trim_start().starts_with("// TODO") {
            at += 1;
            continue;
        }
        let mut block = Block {
            line: at + 1,
            lines: Vec::new(),
            book: None,
        };
        let mut next = at;
        while next < lines.len() {
            let line = lines[next].trim();
            if let Some(target) = line.strip_prefix("// Book:") {
                block.book = Some(target.trim().to_owned());
                next += 1;
                break;
            }
            if !line.starts_with("//") || line.starts_with("// ANCHOR") || line == "//" {
                break;
            }
            block.lines.push(line.to_owned());
            next += 1;
        }
        at = next.max(at + 1);
        found.push(block);
    }
    found
}

/// What is wrong with one block.
fn block_problems(ws: &Workshop, shown: &str, block: &Block) -> Vec<String> {
    let mut problems = Vec::new();
    let at = format!("{shown}:{}", block.line);
    if block.lines.len() > MAX_LINES {
        problems.push(format!(
            "{at}: the TODO has {} lines; at most {MAX_LINES} (the goal and the constraint \
             the tests check; the recipe belongs in the hints)",
            block.lines.len()
        ));
    }
    for span in code_spans(&block.lines.join(" ")) {
        problems.push(format!(
            "{at}: the TODO holds code, `{span}`: name things (types, functions, crates), \
             never write the answer's expressions"
        ));
    }
    match &block.book {
        None => problems.push(format!(
            "{at}: the TODO has no `// Book: book/src/PAGE.md#anchor` line pointing to its chapter section"
        )),
        Some(target) => {
            if let Some(problem) = book_target_problem(ws, target) {
                problems.push(format!("{at}: {problem}"));
            }
        }
    }
    problems
}

/// The backticked spans of `text` that read as code.
pub fn code_spans(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| CODE_MARKS.iter().any(|mark| span.contains(mark)))
        .map(str::to_owned)
        .collect()
}

/// `book/src/PAGE.md#anchor` must be a page with that heading.
fn book_target_problem(ws: &Workshop, target: &str) -> Option<String> {
    let (page, anchor) = target.split_once('#')?;
    let Some(page) = page.strip_prefix("book/src/") else {
        return Some(format!("`// Book: {target}` must start with book/src/"));
    };
    let path = ws
        .root
        .join("book")
        .join("src")
        .join(crate::exercises::rel_path(page));
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Some(format!(
            "`// Book: {target}`: book/src/{page} does not exist"
        ));
    };
    if markdown::heading_ids(&text).iter().any(|id| id == anchor) {
        None
    } else {
        Some(format!(
            "`// Book: {target}`: #{anchor} is not a heading of book/src/{page}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_ends_at_its_book_line() {
        let text = "fn f() {\n    // TODO: Goal.\n    //       Constraint.\n    // Book: book/src/a.md#x\n    todo!()\n}\n";
        let found = blocks(text);
        assert_eq!(
            found,
            vec![Block {
                line: 2,
                lines: vec![
                    "// TODO: Goal.".to_owned(),
                    "//       Constraint.".to_owned()
                ],
                book: Some("book/src/a.md#x".to_owned()),
            }]
        );
    }

    #[test]
    fn names_are_fine_and_expressions_are_not() {
        assert!(code_spans("use `JoinSet::join_next` and `Ordering::Relaxed`").is_empty());
        assert_eq!(
            code_spans("call `run_blocking(move || index(&docs)).await` then `x = 1`"),
            vec!["run_blocking(move || index(&docs)).await", "x = 1"]
        );
        assert_eq!(code_spans("`.map_err(JobPanicked::from)`").len(), 1);
    }
}
