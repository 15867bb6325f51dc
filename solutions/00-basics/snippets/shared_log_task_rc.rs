// Two tasks appending to one log, shared with `Rc<RefCell<..>>`.
// This program does NOT compile (see the 00-basics chapter, "Sharing state").
use std::cell::RefCell;
use std::rc::Rc;

#[tokio::main]
async fn main() {
    // ANCHOR: main
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut workers = Vec::new();
    for _ in 0..2 {
        let log = Rc::clone(&log);
        workers.push(tokio::spawn(async move {
            log.borrow_mut().push("hi");
        }));
    }
    // ANCHOR_END: main
    for worker in workers {
        worker.await.unwrap();
    }
}
