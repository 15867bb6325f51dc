//! The anchors (`#ids`) mdBook gives a chapter's headings, so `verify` can prove that every
//! `chapter = "page.md#anchor"` in `info.toml` points at a real section.
//!
//! mdBook's rule (mdbook-html `id_from_content`): take the heading's rendered text, trim
//! it, lowercase it, keep letters, digits, `_` and `-`, turn whitespace into `-`, drop the
//! rest; a repeated id gets `-1`, `-2`, …; `{#custom-id}` after a heading sets it
//! explicitly. Rendering is approximated: code spans keep their text, emphasis markers,
//! links' targets and inline HTML tags are dropped. Fenced code blocks are skipped (a
//! `# comment` in a shell snippet is not a heading).
//!
//! It also lists a chapter's `{{#include file:anchor}}` links: mdBook reports a missing
//! file but renders a missing *anchor* as an empty code block without a word, so `verify`
//! checks anchors itself.

use std::collections::HashSet;

/// Every heading id of the Markdown `text`, in order.
pub fn heading_ids(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut used = HashSet::new();
    let mut fence: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if trimmed.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        // An ATX heading: up to three spaces, 1–6 `#`, then a space (or nothing).
        if line.len() - trimmed.len() > 3 {
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if !(1..=6).contains(&hashes) {
            continue;
        }
        let rest = &trimmed[hashes..];
        if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
            continue;
        }
        let (content, custom) = split_custom_id(strip_closing_hashes(rest.trim()));
        let id = match custom {
            Some(custom) => custom.to_owned(),
            None => unique_id(&id_from_content(&rendered_text(content)), &mut used),
        };
        ids.push(id);
    }
    ids
}

/// `Title ##` → `Title` (closing hashes are optional syntax, not text).
fn strip_closing_hashes(text: &str) -> &str {
    let without = text.trim_end_matches('#');
    if without.len() < text.len() && (without.is_empty() || without.ends_with(' ')) {
        without.trim_end()
    } else {
        text
    }
}

/// `Title {#my-id .class}` → (`Title`, `Some("my-id")`).
fn split_custom_id(text: &str) -> (&str, Option<&str>) {
    if let Some(start) = text.rfind('{')
        && text.ends_with('}')
    {
        let attributes = &text[start + 1..text.len() - 1];
        let id = attributes
            .split_whitespace()
            .find_map(|attribute| attribute.strip_prefix('#'));
        return (text[..start].trim_end(), id);
    }
    (text, None)
}

/// The text a reader sees: `` `code` `` → `code`, `[text](url)` → `text`, `**b**` → `b`,
/// `<tag>` → nothing.
fn rendered_text(markdown: &str) -> String {
    let mut text = String::new();
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' | '*' => {}
            '\\' => {
                if let Some(escaped) = chars.next() {
                    text.push(escaped);
                }
            }
            '<' => {
                // Inline HTML: skip to the closing '>'.
                for c in chars.by_ref() {
                    if c == '>' {
                        break;
                    }
                }
            }
            ']' if chars.peek() == Some(&'(') => {
                // The end of a link's text: skip its `(url)`.
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            '[' | ']' => {}
            c => text.push(c),
        }
    }
    text
}

/// mdBook's `id_from_content`.
pub fn id_from_content(content: &str) -> String {
    content
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c)
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// mdBook's `unique_id`: the first `x` stays `x`, then `x-1`, `x-2`, …
fn unique_id(id: &str, used: &mut HashSet<String>) -> String {
    if used.insert(id.to_owned()) {
        return id.to_owned();
    }
    (1..)
        .map(|counter| format!("{id}-{counter}"))
        .find(|candidate| used.insert(candidate.clone()))
        .unwrap_or_default()
}

/// One `{{#include path:anchor}}` (or `rustdoc_include`, `playground`) of a chapter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Include {
    /// As written, relative to the chapter's folder.
    pub path: String,
    /// The anchor, when the part after `:` is a name rather than line numbers.
    pub anchor: Option<String>,
}

/// The file includes of a chapter, as mdBook's links preprocessor finds them (escaped
/// `\{{#include …}}` excepted).
pub fn includes(text: &str) -> Vec<Include> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let escaped = rest[..start].ends_with('\\');
        rest = &rest[start + 2..];
        let Some(end) = rest.find("}}") else { break };
        let inside = rest[..end].trim_start();
        rest = &rest[end + 2..];
        if escaped {
            continue;
        }
        let Some(link) = inside.strip_prefix('#') else {
            continue;
        };
        let mut words = link.split_whitespace();
        let (Some(kind), Some(target)) = (words.next(), words.next()) else {
            continue;
        };
        if !matches!(kind, "include" | "rustdoc_include" | "playground") {
            continue;
        }
        let (path, spec) = target.split_once(':').unwrap_or((target, ""));
        let first = spec.split(':').next().unwrap_or_default();
        let anchor =
            (!first.is_empty() && first.parse::<usize>().is_err()).then(|| first.to_owned());
        found.push(Include {
            path: path.to_owned(),
            anchor,
        });
    }
    found
}

/// Whether `source` marks `anchor` with `ANCHOR: anchor` and `ANCHOR_END: anchor`
/// (mdBook's pattern: `ANCHOR:\s*name`, the name made of word characters and `-`).
pub fn has_anchor(source: &str, anchor: &str) -> bool {
    let marked = |marker: &str| {
        source.lines().any(|line| {
            line.match_indices(marker).any(|(at, _)| {
                let after = line[at + marker.len()..].trim_start();
                after.strip_prefix(anchor).is_some_and(|tail| {
                    !tail.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '-')
                })
            })
        })
    };
    marked("ANCHOR:") && marked("ANCHOR_END:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_mdbook() {
        // mdBook's own test cases.
        assert_eq!(
            id_from_content("`--passes`: add more rustdoc passes"),
            "--passes-add-more-rustdoc-passes"
        );
        assert_eq!(
            id_from_content("Method-call 🐙 expressions \u{1f47c}"),
            "method-call--expressions-"
        );
        assert_eq!(id_from_content("_-_12345"), "_-_12345");
        assert_eq!(id_from_content("中文標題 CJK title"), "中文標題-cjk-title");
        assert_eq!(id_from_content("Über"), "über");
    }

    #[test]
    fn headings_of_a_chapter() {
        let page = "\
# 01 · One API call, typed JSON

Some text.

## Exercise 1: decode a user

```sh
# not a heading
```

### The `fetch_user` function
## What to watch out for ##
## Exercise 1: decode a user
## [Links](https://example.org) and **bold** {#custom}
####### seven is not a heading
#not-a-heading
";
        assert_eq!(
            heading_ids(page),
            [
                "01--one-api-call-typed-json",
                "exercise-1-decode-a-user",
                "the-fetch_user-function",
                "what-to-watch-out-for",
                "exercise-1-decode-a-user-1",
                "custom",
            ]
        );
    }

    #[test]
    fn includes_are_found_with_their_anchors() {
        let page = "\
```rust
{{#include ../../solutions/02-x/src/fan_in.rs:fan_in}}
```
{{#rustdoc_include ../x.rs:10:20}}
{{ #include ../go/02/main.go }}
\\{{#include escaped.rs:nope}}
{{#title Not an include}}
";
        assert_eq!(
            includes(page),
            [
                Include {
                    path: "../../solutions/02-x/src/fan_in.rs".to_owned(),
                    anchor: Some("fan_in".to_owned())
                },
                Include {
                    path: "../x.rs".to_owned(),
                    anchor: None
                },
                Include {
                    path: "../go/02/main.go".to_owned(),
                    anchor: None
                },
            ]
        );
    }

    #[test]
    fn anchors_need_a_start_and_an_end() {
        let source = "// ANCHOR: fan_in\nfn f() {}\n// ANCHOR_END: fan_in\n// ANCHOR: half\n";
        assert!(has_anchor(source, "fan_in"));
        assert!(!has_anchor(source, "half"), "no ANCHOR_END");
        assert!(
            !has_anchor(source, "fan"),
            "a prefix of a name is not the name"
        );
        assert!(!has_anchor(source, "other"));
    }

    #[test]
    fn tilde_fences_hide_headings_too() {
        assert_eq!(heading_ids("~~~\n# no\n~~~\n# Yes\n"), ["yes"]);
    }
}
