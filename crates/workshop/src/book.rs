//! `cargo workshop book`: serve the book locally with mdBook.
//!
//! The book is Markdown in `book/src/`, but its code is included from the crates by
//! mdBook (`{{#include file:anchor}}`), so it is meant to be read served: mdBook adds
//! the code, navigation, search and pictures. Without mdBook the runner offers to
//! install it (after a yes). It is served on
//! localhost (no browser is opened: the URL is printed, so this works over SSH and in a
//! container too), and everything it needs is local: no fonts or scripts from the web.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Exit};
use crate::term::Style;

/// `cargo workshop book [--port N]`.
pub fn serve(root: &Path, port: u16, out: &Style) -> Result<Exit, Error> {
    let mdbook = match find_mdbook() {
        Some(mdbook) => mdbook,
        None => install_mdbook(out)?,
    };
    let book = root.join("book");
    println!(
        "Serving the book at {}",
        out.cmd(&format!("http://localhost:{port}"))
    );
    println!(
        "{}",
        out.dim("(it rebuilds when a chapter changes; Ctrl-C to stop)")
    );
    let status = Command::new(&mdbook)
        .arg("serve")
        .arg(&book)
        .args(["--hostname", "127.0.0.1", "--port", &port.to_string()])
        .status()
        .map_err(|e| Error::failed(format!("cannot run {}: {e}", mdbook.display())))?;
    Ok(if status.success() {
        Exit::Success
    } else {
        Exit::Failure
    })
}

/// mdBook is missing: offer to install it (after a yes), since the book's code is
/// included from the crates and only mdBook can show it.
fn install_mdbook(out: &Style) -> Result<PathBuf, Error> {
    let not_installed = "mdbook is not installed. Install it once (it needs crates.io, then works offline):\n\n    \
         cargo install --locked mdbook\n\n\
         then run `cargo workshop book` again. (The chapters in book/src/ are Markdown, but \
         their code is included from the crates by mdBook: read them served.)";
    if !std::io::stdin().is_terminal() {
        return Err(Error::failed(not_installed));
    }
    print!(
        "mdbook is not installed. Install it now with `cargo install --locked mdbook` \
         (a few minutes, needs crates.io once)? [y/N] "
    );
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
        return Err(Error::failed(not_installed));
    }
    let status = crate::cargo::cargo_command()
        .args(["install", "--locked", "mdbook"])
        .status()
        .map_err(|e| Error::failed(format!("cannot run cargo install: {e}")))?;
    if !status.success() {
        return Err(Error::failed(
            "`cargo install --locked mdbook` failed (its output is above)",
        ));
    }
    println!("{}", out.good("mdbook is installed."));
    find_mdbook()
        .ok_or_else(|| Error::failed("mdbook was installed but is not on PATH nor in ~/.cargo/bin"))
}

/// `mdbook` on `PATH`, or where `cargo install` puts it (`~/.cargo/bin` is not always
/// on `PATH`, for example in a fresh shell after installing Rust).
pub fn find_mdbook() -> Option<PathBuf> {
    let exe = format!("mdbook{}", std::env::consts::EXE_SUFFIX);
    let mut candidates: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|path| {
            std::env::split_paths(&path)
                .map(|dir| dir.join(&exe))
                .collect()
        })
        .unwrap_or_default();
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| home_dir().map(|home| home.join(".cargo")));
    if let Some(cargo_home) = cargo_home {
        candidates.push(cargo_home.join("bin").join(&exe));
    }
    candidates.into_iter().find(|candidate| candidate.is_file())
}

fn home_dir() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
}
