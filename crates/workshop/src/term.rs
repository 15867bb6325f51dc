//! Colours and small bits of layout for the terminal.
//!
//! Colour is decided once per stream: only when that stream is a terminal, and never
//! when `NO_COLOR` is set (<https://no-color.org>). Piped into a file, a pager or CI, the
//! output is plain text that greps well. Every coloured word is also a word ("done",
//! "failing"), so nothing is lost without colour.

use std::io::IsTerminal;

/// How to paint text for one output stream.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    color: bool,
}

impl Style {
    /// For standard output.
    pub fn stdout() -> Style {
        Style {
            color: std::io::stdout().is_terminal() && colors_allowed(),
        }
    }

    /// For standard error (error messages).
    pub fn stderr() -> Style {
        Style {
            color: std::io::stderr().is_terminal() && colors_allowed(),
        }
    }

    /// Plain text, whatever the stream (tests use this).
    #[cfg(test)]
    pub fn plain() -> Style {
        Style { color: false }
    }

    /// Whether ANSI colours are on (passed on to the demos and to cargo).
    pub fn color(&self) -> bool {
        self.color
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Success: green.
    pub fn good(&self, text: &str) -> String {
        self.paint("32", text)
    }

    /// Failure: red.
    pub fn bad(&self, text: &str) -> String {
        self.paint("31", text)
    }

    /// Failure, loud: bold red (the word `error:`).
    pub fn bad_bold(&self, text: &str) -> String {
        self.paint("1;31", text)
    }

    /// Attention: yellow.
    pub fn warn(&self, text: &str) -> String {
        self.paint("33", text)
    }

    /// Less important: dim.
    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// Headings and names: bold.
    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    /// Something to type: cyan.
    pub fn cmd(&self, text: &str) -> String {
        self.paint("36", text)
    }
}

/// `NO_COLOR` set to anything non-empty turns colours off; so does a terminal that can't
/// show them.
fn colors_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty()) && understands_ansi()
}

/// Whether the terminal understands ANSI escape codes (colours, clearing the screen).
/// Not `TERM=dumb`. On Windows, escapes only work in terminals that turned on VT
/// processing; the ones that do (Windows Terminal, VS Code, ConEmu, terminals that set
/// `TERM`) announce themselves in the environment, and the old console gets plain text
/// instead of escape garbage.
pub fn understands_ansi() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    if std::env::var("TERM").is_ok_and(|term| term == "dumb") {
        return false;
    }
    if cfg!(windows) {
        return set("WT_SESSION")
            || set("TERM_PROGRAM")
            || set("TERM")
            || std::env::var("ConEmuANSI").is_ok_and(|value| value == "ON");
    }
    true
}

/// A progress bar of `width` cells: `[##########>---------]`.
///
/// ASCII on purpose: it survives every console font and a projector.
pub fn progress_bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
    let mut bar = String::with_capacity(width + 2);
    bar.push('[');
    for cell in 0..width {
        bar.push(match cell.cmp(&filled) {
            std::cmp::Ordering::Less => '#',
            std::cmp::Ordering::Equal if done < total => '>',
            _ => '-',
        });
    }
    bar.push(']');
    bar
}

/// Removes ANSI escape sequences (`ESC [ ... letter`), so text coloured by cargo or a test
/// can be parsed and measured.
pub fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            // Parameters and intermediates, then one final byte in '@'..='~'.
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// Pads `text` (which may hold colour codes) with spaces to `width` visible columns.
pub fn pad(text: &str, width: usize) -> String {
    let visible = strip_ansi(text).chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(visible)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_is_empty_full_and_partial() {
        assert_eq!(progress_bar(0, 4, 8), "[>-------]");
        assert_eq!(progress_bar(2, 4, 8), "[####>---]");
        assert_eq!(progress_bar(4, 4, 8), "[########]");
        // Nothing to do yet must not divide by zero.
        assert_eq!(progress_bar(0, 0, 4), "[----]");
    }

    #[test]
    fn ansi_codes_are_stripped() {
        assert_eq!(strip_ansi("\x1b[1;31merror\x1b[0m: x"), "error: x");
        assert_eq!(strip_ansi("no codes"), "no codes");
    }

    #[test]
    fn padding_ignores_colour_codes() {
        let style = Style { color: true };
        let padded = pad(&style.good("ok"), 4);
        assert_eq!(strip_ansi(&padded), "ok  ");
    }

    #[test]
    fn plain_style_adds_nothing() {
        assert_eq!(Style::plain().bad("x"), "x");
    }
}
