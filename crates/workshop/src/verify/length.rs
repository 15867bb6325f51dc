//! The length rule of the step chapters: at most [`MAX_MAIN_WORDS`] words of main text.
//!
//! A chapter is read during a timed slot, so its main line must stay short; depth goes
//! to asides and collapsed blocks, which a reader may skip. "Main text" is what is left
//! of a step chapter (a page an exercise points to) before its `## Instructor notes`
//! once code blocks, `<details>` blocks, `> ` asides, tables, pictures, includes and
//! comments are taken out.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::exercises::Workshop;

/// The most words of main text a step chapter may have (`maintainers.md`, "The chapter").
pub const MAX_MAIN_WORDS: usize = 2_500;

/// One problem per step chapter (a page an exercise points to) whose main text is too long.
pub fn problems(ws: &Workshop) -> Vec<String> {
    let pages: BTreeSet<PathBuf> = ws
        .exercises
        .iter()
        .map(|exercise| ws.chapter_page(exercise).0)
        .collect();
    let mut problems = Vec::new();
    for page in pages {
        // A missing page is the chapter check's problem, reported there.
        let Ok(text) = std::fs::read_to_string(&page) else {
            continue;
        };
        let words = main_words(&text);
        if words > MAX_MAIN_WORDS {
            let name = page.file_name().unwrap_or_default().to_string_lossy();
            problems.push(format!(
                "book/src/{name}: {words} words of main text, more than {MAX_MAIN_WORDS}: \
                 tighten it, or move depth into `> **Aside:**` or `<details>` blocks"
            ));
        }
    }
    problems
}

/// The words of a chapter's main text (see the module doc).
pub fn main_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_code = false;
    let mut details_depth = 0usize;
    for line in text.lines() {
        if line.starts_with("## Instructor notes") {
            break;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.contains("<details") {
            details_depth += 1;
        }
        if line.contains("</details>") {
            details_depth = details_depth.saturating_sub(1);
            continue;
        }
        let skipped = details_depth > 0
            || line.starts_with('>')
            || line.starts_with("<!--")
            || line.starts_with('|')
            || line.starts_with("![")
            || line.contains("{{#include");
        if !skipped {
            words += line.split_whitespace().count();
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_prose_only() {
        let text = "\
<!-- minutes: 5 -->
# Title words

One two three.

```rust
let not = counted;
```

> **Aside:** not counted either.

<details>
<summary>Hidden</summary>

Skipped words here.

</details>

| a | table |
|---|---|

Four five.

## Instructor notes

Never counted.
";
        // "# Title words" (3), "One two three." (3), "Four five." (2).
        assert_eq!(main_words(text), 8);
    }
}
