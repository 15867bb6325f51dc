//! `cargo workshop verify --lint`: everything that can be checked without building.
//!
//! In a few seconds, so it can run on every save of a maintainer's editor and first in
//! CI: the metadata (`exercises/info.toml`: names, files, chapter anchors, 2–3 hint
//! levels, known-wrong solutions on disk), the book (every `{{#include file:anchor}}`
//! resolves, every page is in `SUMMARY.md`, each page's minutes match the instructor's
//! plan, each step chapter's main text stays short: [`super::length`]), the given-code
//! rule ([`super::given`]) and the TODO rules ([`super::todos`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::exercises::{self, Workshop, exercise_package, solution_package};
use crate::markdown;
use crate::walk;

/// Every problem the static checks find.
pub fn problems(ws: &Workshop) -> Vec<String> {
    let mut problems = metadata_problems(ws);
    problems.extend(wrong_problems(ws));
    problems.extend(book_problems(ws));
    problems.extend(summary_problems(ws));
    problems.extend(link_problems(ws));
    problems.extend(minutes_problems(ws));
    problems.extend(super::length::problems(ws));
    problems.extend(super::given::problems(ws));
    problems.extend(super::todos::problems(ws));
    problems
}

/// Hints come in 2 or 3 levels.
const HINT_LEVELS: std::ops::RangeInclusive<usize> = 2..=3;

/// Every exercise keeps at least one known-wrong solution, and each is on disk.
fn wrong_problems(ws: &Workshop) -> Vec<String> {
    let mut problems = Vec::new();
    for exercise in &ws.exercises {
        let name = &exercise.name;
        if !HINT_LEVELS.contains(&exercise.hints.len()) {
            problems.push(format!(
                "{name}: {} hint level(s); give 2 or 3 (1: the idea and the section to reread; \
                 2: the API and the trap; 3: the shape of the code)",
                exercise.hints.len()
            ));
        }
        if exercise.wrong.is_empty() {
            problems.push(format!(
                "{name}: no known-wrong solution ([[exercise.wrong]]): keep the classic mistake \
                 its chapter warns about, so `verify` proves the tests catch it"
            ));
        }
        for wrong in &exercise.wrong {
            let path = ws
                .solution_dir(&exercise.step)
                .join(exercises::rel_path(&wrong.file));
            if !path.is_file() {
                problems.push(format!(
                    "{name}: known-wrong solution solutions/{}/{} does not exist",
                    exercise.step, wrong.file
                ));
            }
            if wrong.mistake.trim().is_empty() || wrong.expect.trim().is_empty() {
                problems.push(format!(
                    "{name}: known-wrong solution {} needs a `mistake` and an `expect` text",
                    wrong.file
                ));
            }
        }
    }
    problems
}

/// The pages `SUMMARY.md` links to.
fn summary_pages(ws: &Workshop) -> Option<BTreeSet<String>> {
    let text = std::fs::read_to_string(ws.root.join("book").join("src").join("SUMMARY.md")).ok()?;
    let mut pages = BTreeSet::new();
    for part in text.split("](").skip(1) {
        if let Some(end) = part.find(')') {
            let target = part[..end].split('#').next().unwrap_or_default().trim();
            if target.ends_with(".md") {
                pages.insert(target.trim_start_matches("./").to_owned());
            }
        }
    }
    Some(pages)
}

/// Every page of the book is in `SUMMARY.md` (mdBook renders no other), and so is every
/// chapter an exercise points to.
fn summary_problems(ws: &Workshop) -> Vec<String> {
    let Some(listed) = summary_pages(ws) else {
        return vec!["book/src/SUMMARY.md is missing".to_owned()];
    };
    let mut problems = Vec::new();
    let src = ws.root.join("book").join("src");
    for page in walk::files(&src, walk::with_extension("md")) {
        let Ok(rel) = page.strip_prefix(&src) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if rel != "SUMMARY.md" && !listed.contains(&rel) {
            problems.push(format!(
                "book/src/{rel} is not in book/src/SUMMARY.md: mdBook will never render it"
            ));
        }
    }
    let mut named = BTreeSet::new();
    for exercise in &ws.exercises {
        let page = exercise
            .chapter
            .split('#')
            .next()
            .unwrap_or_default()
            .to_owned();
        if named.insert(page.clone()) && !listed.contains(&page) {
            problems.push(format!(
                "{}: its chapter book/src/{page} is not in book/src/SUMMARY.md",
                exercise.name
            ));
        }
    }
    problems
}

/// Links between pages (`[text](03-jobs.md#anchor)`) lead somewhere: mdBook checks
/// neither the page nor the heading, so a renamed heading would break them silently.
fn link_problems(ws: &Workshop) -> Vec<String> {
    let src = ws.root.join("book").join("src");
    let mut problems = Vec::new();
    for page in walk::files(&src, walk::with_extension("md")) {
        let Ok(text) = std::fs::read_to_string(&page) else {
            continue;
        };
        let shown = page
            .strip_prefix(&ws.root)
            .unwrap_or(&page)
            .to_string_lossy()
            .replace('\\', "/");
        let folder = page.parent().unwrap_or(&src);
        let prose = without_code(&text);
        for part in prose.split("](").skip(1) {
            let Some(end) = part.find(')') else {
                continue;
            };
            let target = part[..end].trim();
            if target.contains("://") || target.starts_with("mailto:") || target.contains(' ') {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            if !file.is_empty() && !file.ends_with(".md") {
                // Pictures and other files: they must exist.
                if !folder
                    .join(exercises::rel_path_allowing_parents(file))
                    .exists()
                {
                    problems.push(format!("{shown}: links to {file}, which does not exist"));
                }
                continue;
            }
            let target_page = if file.is_empty() {
                page.clone()
            } else {
                folder.join(exercises::rel_path_allowing_parents(file))
            };
            let Ok(target_text) = std::fs::read_to_string(&target_page) else {
                problems.push(format!("{shown}: links to {file}, which does not exist"));
                continue;
            };
            if !anchor.is_empty()
                && !markdown::heading_ids(&target_text)
                    .iter()
                    .any(|id| id == anchor)
            {
                problems.push(format!(
                    "{shown}: links to {target}, but #{anchor} is not a heading of that page"
                ));
            }
        }
    }
    problems
}

/// The Markdown without fenced code blocks and inline code spans: links shown as code
/// are examples, not links.
fn without_code(text: &str) -> String {
    let mut prose = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        for (i, piece) in line.split('`').enumerate() {
            if i % 2 == 0 {
                prose.push_str(piece);
            }
        }
        prose.push('\n');
    }
    prose
}

/// `<!-- minutes: N -->` on a page's first line.
fn minutes_of(text: &str) -> Option<u32> {
    let first = text.lines().next()?.trim();
    let inner = first.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    inner.strip_prefix("minutes:")?.trim().parse().ok()
}

/// Each page's minutes live once, on the page; the instructor's plan
/// (`instructor-guide.md`, rows `| start | [Title](page.md) | N min |`) must agree.
fn minutes_problems(ws: &Workshop) -> Vec<String> {
    let src = ws.root.join("book").join("src");
    let mut pages: BTreeMap<String, u32> = BTreeMap::new();
    for page in walk::files(&src, walk::with_extension("md")) {
        let (Ok(text), Ok(rel)) = (std::fs::read_to_string(&page), page.strip_prefix(&src)) else {
            continue;
        };
        if let Some(minutes) = minutes_of(&text) {
            pages.insert(rel.to_string_lossy().replace('\\', "/"), minutes);
        }
    }
    if pages.is_empty() {
        return Vec::new();
    }
    let Ok(guide) = std::fs::read_to_string(src.join("instructor-guide.md")) else {
        return vec![
            "book/src/instructor-guide.md is missing: the plan is built from the pages' minutes"
                .to_owned(),
        ];
    };
    let mut planned: BTreeMap<String, u32> = BTreeMap::new();
    for line in guide
        .lines()
        .filter(|line| line.trim_start().starts_with('|'))
    {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let page = cells.iter().find_map(|cell| {
            let target = cell.split("](").nth(1)?.split(')').next()?;
            let target = target.split('#').next()?.trim_start_matches("./");
            target.ends_with(".md").then(|| target.to_owned())
        });
        let minutes = cells.iter().find_map(|cell| {
            cell.strip_suffix("min")
                .and_then(|n| n.trim().parse::<u32>().ok())
        });
        if let (Some(page), Some(minutes)) = (page, minutes) {
            *planned.entry(page).or_default() += minutes;
        }
    }
    let mut problems = Vec::new();
    for (page, minutes) in &pages {
        match planned.get(page) {
            None => problems.push(format!(
                "book/src/{page} says `minutes: {minutes}` but the instructor's plan has no row for it"
            )),
            Some(plan) if plan != minutes => problems.push(format!(
                "book/src/{page} says `minutes: {minutes}` but the instructor's plan gives it {plan} min"
            )),
            Some(_) => {}
        }
    }
    for (page, plan) in &planned {
        if !pages.contains_key(page) && page != "instructor-guide.md" {
            problems.push(format!(
                "the instructor's plan gives book/src/{page} {plan} min, but the page has no \
                 `<!-- minutes: N -->` first line (the minutes live on the page)"
            ));
        }
    }
    problems
}

/// Problems with `info.toml` itself, found without building anything.
pub fn metadata_problems(ws: &Workshop) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for exercise in &ws.exercises {
        let name = &exercise.name;
        if !seen.insert(name.as_str()) {
            problems.push(format!("{name}: the name is used twice"));
        }
        if !is_module_name(name) {
            problems.push(format!(
                "{name}: not a valid test module name (lowercase letters, digits, `_`)"
            ));
        }
        if exercise.hints.iter().any(|hint| hint.trim().is_empty()) || exercise.hints.is_empty() {
            problems.push(format!("{name}: a hint is empty"));
        }
        if exercise.file.split('/').any(|part| part == "..") || exercise.file.starts_with('/') {
            problems.push(format!(
                "{name}: file `{}` must be relative to the crate",
                exercise.file
            ));
            continue;
        }
        let exercise_file = ws.exercise_file(exercise);
        match std::fs::read_to_string(&exercise_file) {
            Ok(text) if !text.contains("todo!(") => problems.push(format!(
                "{name}: {} has no `todo!(`: nothing for the attendee to write",
                ws.exercise_file_display(exercise)
            )),
            Ok(_) => {}
            Err(_) => problems.push(format!(
                "{name}: {} does not exist",
                ws.exercise_file_display(exercise)
            )),
        }
        if !ws.solution_file(exercise).is_file() {
            problems.push(format!(
                "{name}: solutions/{}/{} does not exist",
                exercise.step, exercise.file
            ));
        }
        let tests_dir = ws.exercise_dir(&exercise.step).join("src").join("tests");
        if !tests_dir.join(format!("{name}.rs")).is_file()
            && !tests_dir.join(name).join("mod.rs").is_file()
        {
            problems.push(format!(
                "{name}: no test module exercises/{}/src/tests/{name}.rs",
                exercise.step
            ));
        }
        problems.extend(chapter_problem(ws, exercise));
    }
    for step in ws.steps() {
        for (dir, package) in [
            (ws.exercise_dir(&step), exercise_package(&step)),
            (ws.solution_dir(&step), solution_package(&step)),
        ] {
            match package_name_in(&dir.join("Cargo.toml")) {
                Some(found) if found == package => {}
                Some(found) => problems.push(format!(
                    "step {step}: {} is package `{found}`, expected `{package}`",
                    dir.join("Cargo.toml").display()
                )),
                None => problems.push(format!("step {step}: no crate at {}", dir.display())),
            }
        }
    }
    problems
}

/// Broken `{{#include file:anchor}}` links in the book: a missing file (mdBook logs an
/// error but still exits 0) or a missing anchor (mdBook renders an empty block silently).
fn book_problems(ws: &Workshop) -> Vec<String> {
    let mut problems = Vec::new();
    let src = ws.root.join("book").join("src");
    for page in walk::files(&src, walk::with_extension("md")) {
        let Ok(text) = std::fs::read_to_string(&page) else {
            continue;
        };
        let shown = page
            .strip_prefix(&ws.root)
            .unwrap_or(&page)
            .to_string_lossy()
            .replace('\\', "/");
        let folder = page.parent().unwrap_or(&src);
        for include in markdown::includes(&text) {
            let target = folder.join(exercises::rel_path_allowing_parents(&include.path));
            let Ok(source) = std::fs::read_to_string(&target) else {
                problems.push(format!(
                    "{shown}: includes {}, which does not exist",
                    include.path
                ));
                continue;
            };
            if let Some(anchor) = &include.anchor
                && !markdown::has_anchor(&source, anchor)
            {
                problems.push(format!(
                    "{shown}: includes {}:{anchor}, but that file has no `ANCHOR: {anchor}` … `ANCHOR_END: {anchor}`",
                    include.path
                ));
            }
        }
    }
    problems
}

/// Problems with `chapter = "page.md#anchor"`.
fn chapter_problem(ws: &Workshop, exercise: &exercises::Exercise) -> Option<String> {
    let name = &exercise.name;
    let (page, anchor) = ws.chapter_page(exercise);
    let Some(anchor) = anchor else {
        return Some(format!(
            "{name}: chapter `{}` needs an anchor (`page.md#heading`)",
            exercise.chapter
        ));
    };
    let Ok(text) = std::fs::read_to_string(&page) else {
        return Some(format!(
            "{name}: chapter page {} does not exist",
            ws.chapter_display(exercise)
        ));
    };
    let ids = markdown::heading_ids(&text);
    if ids.contains(&anchor) {
        return None;
    }
    let nearest = crate::suggest::did_you_mean(&anchor, ids.iter().map(String::as_str));
    let page = exercise.chapter.split('#').next().unwrap_or_default();
    Some(format!(
        "{name}: `#{anchor}` is not a heading of book/src/{page}.{nearest}"
    ))
}

fn package_name_in(manifest: &Path) -> Option<String> {
    let text = std::fs::read_to_string(manifest).ok()?;
    let value: toml::Table = toml::from_str(&text).ok()?;
    value
        .get("package")?
        .get("name")?
        .as_str()
        .map(str::to_owned)
}

/// A Rust module name as the test convention needs: `[a-z_][a-z0-9_]*`.
fn is_module_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_come_from_the_first_line() {
        assert_eq!(minutes_of("<!-- minutes: 45 -->\n# Title"), Some(45));
        assert_eq!(minutes_of("# Title\n<!-- minutes: 45 -->"), None);
    }

    #[test]
    fn module_names() {
        assert!(is_module_name("decode_user"));
        assert!(is_module_name("fan_in2"));
        assert!(!is_module_name("Decode"));
        assert!(!is_module_name("2fast"));
        assert!(!is_module_name("fan-in"));
        assert!(!is_module_name(""));
    }
}
