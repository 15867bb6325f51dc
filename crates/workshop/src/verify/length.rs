//! The length rule of the step chapters: at most [`MAX_MAIN_WORDS`] words of main text.
//!
//! A chapter is read during a timed slot, so its main line must stay short; depth goes
//! to asides and collapsed blocks, which a reader may skip. "Main text" is what is left
//! of a chapter (`book/src/NN-*.md`) before its `## Instructor notes` once code blocks,
//! `<details>` blocks, `> ` asides, tables, pictures, includes and comments are taken
//! out.

use crate::exercises::Workshop;
use crate::walk;

/// The most words of main text a step chapter may have (`maintainers.md`, "The chapter").
pub const MAX_MAIN_WORDS: usize = 2_500;

/// One problem per step chapter whose main text is too long.
pub fn problems(ws: &Workshop) -> Vec<String> {
    let src = ws.root.join("book").join("src");
    let mut problems = Vec::new();
    for page in walk::files(&src, walk::with_extension("md")) {
        let Some(name) = page.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        if !is_step_chapter(name) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&page) else {
            continue;
        };
        let words = main_words(&text);
        if words > MAX_MAIN_WORDS {
            problems.push(format!(
                "book/src/{name}: {words} words of main text, more than {MAX_MAIN_WORDS}: \
                 tighten it, or move depth into `> **Aside:**` or `<details>` blocks"
            ));
        }
    }
    problems
}

/// `00-basics.md`, `06-parallel-cpu.md`: two digits and a dash.
fn is_step_chapter(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 3 && bytes[0].is_ascii_digit() && bytes[1].is_ascii_digit() && bytes[2] == b'-'
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

    #[test]
    fn step_chapters_are_numbered_pages() {
        assert!(is_step_chapter("00-basics.md"));
        assert!(is_step_chapter("06-parallel-cpu.md"));
        assert!(!is_step_chapter("primer.md"));
        assert!(!is_step_chapter("rust-you-need.md"));
    }
}
