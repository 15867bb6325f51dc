//! Scoped threads borrow: several threads read one `Vec` and add to one counter
//! that live in the caller, with no `Arc` and no clone, because `thread::scope`
//! ends every thread it started before it returns.
//!
//! `cargo run -p sol02-concurrent-calls --example scope_borrows`

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

fn main() {
    // ANCHOR: scope
    let words = vec!["goroutine".to_string(), "thread".into(), "task".into()];
    let letters = AtomicUsize::new(0);

    thread::scope(|scope| {
        for word in &words {
            // `move` moves what the closure uses into it: `word` (a `&String`)
            // and `letters` (made a reference first), so each thread gets its
            // own copy of two references, not the values.
            let letters = &letters;
            scope.spawn(move || {
                letters.fetch_add(word.len(), Ordering::Relaxed);
            });
        }
    }); // every thread started in the scope has ended here

    // Still ours: the threads only borrowed them.
    println!("{} letters in {words:?}", letters.into_inner());
    // ANCHOR_END: scope
}
