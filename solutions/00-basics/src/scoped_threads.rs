//! Exercise `scoped_threads`: split a borrowed slice into chunks and work on every chunk
//! on its own thread with `std::thread::scope`.
//!
//! The idea to take away: `thread::spawn` needs `'static` data (the thread may outlive the
//! caller), so you would have to copy or `Arc` the slice. A scope promises that every
//! thread started in it is joined before the scope returns, so the threads may *borrow*
//! from the caller's stack: the slice, the closure, anything.

use std::thread;

/// How long each chunk is when `len` items are split into (at most) `chunks` chunks.
///
/// Given, not an exercise: never 0 (`slice::chunks(0)` panics), and `chunks == 0` counts
/// as one chunk.
pub fn chunk_len(len: usize, chunks: usize) -> usize {
    len.div_ceil(chunks.max(1)).max(1)
}

// ANCHOR: map_chunks
/// Splits `items` into chunks of `chunk_len(items.len(), chunks)` items, runs `f` on every
/// chunk on its own scoped thread, and returns the results in chunk order.
pub fn map_chunks<T, R, F>(items: &[T], chunks: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&[T]) -> R + Sync,
{
    // Every thread borrows the same closure; a shared reference to it is `Send` because
    // `F: Sync`.
    let f = &f;
    thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk_len(items.len(), chunks))
            .map(|chunk| scope.spawn(move || f(chunk)))
            .collect();
        handles
            .into_iter()
            .map(|handle| match handle.join() {
                Ok(value) => value,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}
// ANCHOR_END: map_chunks
