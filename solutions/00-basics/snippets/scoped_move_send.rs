// The scoped-threads mistake, after following rustc's help (`F: Send`).
// This program does NOT compile either (see the 00-basics chapter).
use std::thread;

// ANCHOR: twice
fn twice<F>(f: F) -> (u32, u32)
where
    F: Fn(u32) -> u32 + Sync + Send,
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
