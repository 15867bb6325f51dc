//! Exercise 2 (scoped_threads): split a borrowed slice into chunks and work on
//! every chunk on its own thread with `std::thread::scope`.
//!
//! KNOWN WRONG (lazy_iterator): spawns in one lazy `map` and joins in the next
//! without collecting the handles in between. Iterators are lazy: each thread
//! is spawned only when the join loop asks for it, and joined before the next
//! is spawned, so the chunks run one after the other.
//!
//! Why it works: `thread::spawn` needs `'static` data, because the new thread
//! may outlive the function that started it; you would have to copy the slice
//! or put it in an `Arc`. A scope promises that every thread started in it is
//! joined before the scope returns, so its threads may *borrow* from the
//! caller's stack: the slice, the closure, anything.
//!
//! What a scoped thread's closure captures must still be `Send`. A shared
//! reference `&X` is `Send` exactly when `X` is `Sync`, which is why `F: Sync`
//! is in the signature: every thread may share one `&F`. If rustc suggests
//! adding `Send` or `Clone` to `F`, it is answering a different question (how
//! to *move* `f` into a thread); the signature stays as it is. The chapter
//! shows the message and why.

use std::thread;

/// How long each chunk is when `len` items are split into (at most) `chunks`
/// chunks.
///
/// Given, not an exercise: never 0 (`slice::chunks(0)` panics), and
/// `chunks == 0` counts as one chunk.
pub fn chunk_len(len: usize, chunks: usize) -> usize {
    len.div_ceil(chunks.max(1)).max(1)
}

// ANCHOR: map_chunks
/// Splits `items` into chunks of `chunk_len(items.len(), chunks)` items, runs
/// `f` on every chunk on its own scoped thread, and returns the results in
/// chunk order.
pub fn map_chunks<T, R, F>(items: &[T], chunks: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&[T]) -> R + Sync,
{
    thread::scope(|scope| {
        // The mistake: no `collect` here, so nothing is spawned yet...
        let handles = items
            .chunks(chunk_len(items.len(), chunks))
            .map(|chunk| scope.spawn(|| f(chunk)));
        // ...and each thread is spawned by this `map`, just before it is
        // joined.
        handles
            .map(|handle| match handle.join() {
                Ok(value) => value,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}
// ANCHOR_END: map_chunks
