// Two threads appending to one log, third attempt: one owner per thread
// (`Rc`), and mutation through a shared reference (`RefCell`).
// This program does NOT compile (see the 00-basics chapter, "Sharing state").
use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

fn main() {
    // ANCHOR: main
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut workers = Vec::new();
    for _ in 0..2 {
        let log = Rc::clone(&log);
        let worker = thread::spawn(move || log.borrow_mut().push("hi"));
        workers.push(worker);
    }
    // ANCHOR_END: main
    for worker in workers {
        worker.join().unwrap();
    }
}
