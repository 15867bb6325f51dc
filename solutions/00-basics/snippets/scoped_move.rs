// A scoped thread borrowing a closure, written with `move` out of habit.
// This program does NOT compile (see the 00-basics chapter, "Scoped threads").
use std::thread;

// ANCHOR: twice
/// Runs `f` twice, on two scoped threads at once.
fn twice<F>(f: F) -> (u32, u32)
where
    F: Fn(u32) -> u32 + Sync,
{
    thread::scope(|scope| {
        let first = scope.spawn(move || f(1));
        let second = scope.spawn(move || f(2));
        (first.join().unwrap(), second.join().unwrap())
    })
}
// ANCHOR_END: twice

fn main() {
    println!("{:?}", twice(|n| n * 10));
}
