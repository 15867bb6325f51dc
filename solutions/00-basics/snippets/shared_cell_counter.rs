// The racy counter again, now "fixed" with a `Cell`, which allows mutation
// through a shared reference. It does NOT compile either (see chapter 00).
use std::cell::Cell;
use std::thread;

fn main() {
    let counter = Cell::new(0u64);
    thread::scope(|scope| {
        for _ in 0..5 {
            // `Cell` is not `Sync`: a `&Cell` must not reach another thread.
            scope.spawn(|| {
                for _ in 0..1000 {
                    counter.set(counter.get() + 1);
                }
            });
        }
    });
    println!("final value: {}", counter.get());
}
