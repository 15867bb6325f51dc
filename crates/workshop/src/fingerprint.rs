//! A fingerprint of a step's sources: has anything the tests depend on changed?
//!
//! `cargo workshop` skips a step whose fingerprint matches the cached one, and `watch`
//! re-checks only when the fingerprint moves. It hashes file *contents*, not modification
//! times: a `git checkout`, an editor that rewrites a file unchanged, or a clock skew on a
//! network drive must not count as an edit, and an edit must count even when the mtime
//! resolution is coarse.
//!
//! Only `*.rs` files and `Cargo.toml` count: editor swap and backup files change on every
//! keystroke and would make `watch` re-run for nothing.

use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: tiny, stable across Rust versions (unlike `DefaultHasher`, whose
/// output may change), and plenty to notice an edit (this is not a security boundary).
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish_hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

/// The source files under `dir` that the tests depend on, sorted (so the hash doesn't
/// depend on the order the file system lists them in).
pub fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.sort();
    files
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // `target/` of a crate built on its own, and hidden folders (`.git`, editors').
        if name.starts_with('.') || name == "target" {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect(&path, files);
        } else if name.ends_with(".rs") || name == "Cargo.toml" {
            files.push(path);
        }
    }
}

/// The fingerprint of the sources under `dir` plus any `extra` files (the workspace's
/// `Cargo.lock`: a dependency update changes what the tests run against).
pub fn of_dir(dir: &Path, extra: &[PathBuf]) -> String {
    let mut hash = Fnv::new();
    for file in source_files(dir).iter().chain(extra) {
        // The name counts too: renaming a module is a change.
        let relative = file.strip_prefix(dir).unwrap_or(file);
        hash.write(relative.to_string_lossy().as_bytes());
        hash.write(&[0]);
        match std::fs::read(file) {
            Ok(bytes) => hash.write(&bytes),
            Err(_) => hash.write(b"<missing>"),
        }
        hash.write(&[0]);
    }
    hash.finish_hex()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("workshop-fp-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).expect("create temp dir");
        dir
    }

    #[test]
    fn fnv_matches_the_reference_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(Fnv::new().finish_hex(), "cbf29ce484222325");
        let mut hash = Fnv::new();
        hash.write(b"a");
        assert_eq!(hash.finish_hex(), "af63dc4c8601ec8c");
    }

    #[test]
    fn content_changes_count_and_swap_files_do_not() {
        let dir = temp_dir("content");
        std::fs::write(dir.join("Cargo.toml"), "[package]").expect("write");
        std::fs::write(dir.join("src").join("lib.rs"), "fn a() {}").expect("write");
        let before = of_dir(&dir, &[]);
        // Rewriting the same bytes is not an edit.
        std::fs::write(dir.join("src").join("lib.rs"), "fn a() {}").expect("write");
        assert_eq!(of_dir(&dir, &[]), before);
        // An editor's swap file is not an edit either.
        std::fs::write(dir.join("src").join(".lib.rs.swp"), "junk").expect("write");
        std::fs::write(dir.join("src").join("lib.rs~"), "junk").expect("write");
        assert_eq!(of_dir(&dir, &[]), before);
        // A real edit is.
        std::fs::write(dir.join("src").join("lib.rs"), "fn a() { 1; }").expect("write");
        assert_ne!(of_dir(&dir, &[]), before);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_new_module_counts() {
        let dir = temp_dir("module");
        std::fs::write(dir.join("src").join("lib.rs"), "").expect("write");
        let before = of_dir(&dir, &[]);
        std::fs::write(dir.join("src").join("more.rs"), "").expect("write");
        assert_ne!(of_dir(&dir, &[]), before);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
