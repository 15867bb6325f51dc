//! `cargo workshop book`: serve the book locally with mdBook.
//!
//! The book is Markdown in `book/src/`, readable as is on GitHub or in an editor; mdBook
//! adds navigation, search and the code included from the crates. It is served on
//! localhost (no browser is opened: the URL is printed, so this works over SSH and in a
//! container too), and everything it needs is local: no fonts or scripts from the web.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Exit};
use crate::term::Style;

/// `cargo workshop book [--port N]`.
pub fn serve(root: &Path, port: u16, out: &Style) -> Result<Exit, Error> {
    let Some(mdbook) = find_mdbook() else {
        return Err(Error::failed(format!(
            "mdbook is not installed.\n\
             Install it once (it needs crates.io, then works offline):\n\n    \
             cargo install --locked mdbook\n\n\
             Meanwhile the chapters are plain Markdown: open {} in your editor.",
            Path::new("book").join("src").join("SUMMARY.md").display()
        )));
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
