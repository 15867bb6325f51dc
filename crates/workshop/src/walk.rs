//! Walking a folder: every file below it that a test keeps, sorted.
//!
//! Hidden entries (`.git`, `.workshop`) and `target/` are never walked: they hold copies
//! and build output, never sources. One walker for every verb that looks at the tree
//! (`verify`'s checks of the book and the crates, `reset`'s shipped files).

use std::path::{Path, PathBuf};

/// Every file below `dir` for which `keep` is true, sorted. A missing `dir` is empty.
pub fn files(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || name == "target" {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if keep(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Files with this extension (`"rs"`, `"md"`).
pub fn with_extension(extension: &str) -> impl Fn(&Path) -> bool + '_ {
    move |path| path.extension().is_some_and(|ext| ext == extension)
}
