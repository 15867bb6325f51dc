// The seed's counter with a plain integer instead of an atomic. This
// program does NOT compile, and that is the point (see chapter 00).
use std::thread;

fn main() {
    let mut counter: u64 = 0;
    thread::scope(|scope| {
        for _ in 0..5 {
            // Five threads would each need `&mut counter` at the same time.
            scope.spawn(|| {
                for _ in 0..1000 {
                    counter += 1;
                }
            });
        }
    });
    println!("final value: {counter}");
}
