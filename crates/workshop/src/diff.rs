//! `cargo workshop solution NAME`: what separates your file from the solution's.
//!
//! A unified diff (`-` your lines, `+` the solution's) rather than the whole solution:
//! it shows only what is left to do, and how close you were. The full file is one path
//! away, printed at the end.

use similar::{ChangeTag, TextDiff};

use crate::error::{Error, Exit};
use crate::exercises::Workshop;
use crate::term::Style;

/// `cargo workshop solution NAME`.
pub fn solution(ws: &Workshop, name: &str, out: &Style) -> Result<Exit, Error> {
    let exercise = ws.find(name)?;
    let mine_path = ws.exercise_file(exercise);
    let theirs_path = ws.solution_file(exercise);
    let mine_name = ws.exercise_file_display(exercise);
    let theirs_name = format!("solutions/{}/{}", exercise.step, exercise.file);
    let read = |path: &std::path::Path, shown: &str| {
        std::fs::read_to_string(path)
            .map_err(|e| Error::failed(format!("cannot read {shown}: {e}")))
    };
    let mine = read(&mine_path, &mine_name)?;
    let theirs = read(&theirs_path, &theirs_name)?;
    let diff = unified(&mine, &theirs, &mine_name, &theirs_name);
    if diff.is_empty() {
        println!("{mine_name} is identical to the solution.");
        return Ok(Exit::Success);
    }
    for line in diff.lines() {
        println!("{}", paint_line(line, out));
    }
    println!();
    println!("{}", out.dim(&format!("The whole solution: {theirs_name}")));
    Ok(Exit::Success)
}

/// The unified diff from `mine` to `theirs`, with 3 lines of context; empty if equal
/// (up to line endings: a CRLF checkout is not a difference).
pub fn unified(mine: &str, theirs: &str, mine_name: &str, theirs_name: &str) -> String {
    let mine = mine.replace("\r\n", "\n");
    let theirs = theirs.replace("\r\n", "\n");
    let diff = TextDiff::from_lines(&mine, &theirs);
    if diff
        .iter_all_changes()
        .all(|change| change.tag() == ChangeTag::Equal)
    {
        return String::new();
    }
    diff.unified_diff()
        .context_radius(3)
        .header(mine_name, theirs_name)
        .to_string()
}

fn paint_line(line: &str, out: &Style) -> String {
    if line.starts_with("+++") || line.starts_with("---") {
        out.bold(line)
    } else if line.starts_with('+') {
        out.good(line)
    } else if line.starts_with('-') {
        out.bad(line)
    } else if line.starts_with("@@") {
        out.cmd(line)
    } else {
        line.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_goes_from_mine_to_the_solution() {
        let mine = "fn answer() -> u32 {\n    todo!()\n}\n";
        let theirs = "fn answer() -> u32 {\n    42\n}\n";
        let diff = unified(mine, theirs, "exercises/a.rs", "solutions/a.rs");
        assert!(
            diff.starts_with("--- exercises/a.rs\n+++ solutions/a.rs\n"),
            "{diff}"
        );
        assert!(diff.contains("-    todo!()\n"), "{diff}");
        assert!(diff.contains("+    42\n"), "{diff}");
    }

    #[test]
    fn equal_files_have_no_diff() {
        assert_eq!(unified("a\nb\n", "a\r\nb\r\n", "x", "y"), "");
    }
}
