//! The compiler errors that chapter 00 shows, kept true.
//!
//! Each program in `snippets/` is a natural first attempt that Rust refuses: a
//! racy counter, a `move` into scoped threads, and the road from a borrowed
//! local to `Arc<Mutex<T>>`. The chapter prints the messages rustc gives for
//! them; the doc tests below (`cargo test -p sol00-basics --doc`) fail if any
//! of them ever compiles, or fails with a different error code, so the chapter
//! cannot drift from the compiler. (A doc test only checks the code, not the
//! wording; the chapter's wording comes from rustc 1.95.)
//!
//! Nothing here is used by the exercises; the module exists for its doc tests.
#![doc = concat!(
    "\n\nThe racy counter: five threads would each need `&mut counter` at once.\n\n",
    "```compile_fail,E0499\n",
    include_str!("../snippets/racy_counter.rs"),
    "```\n\n",
    "The same with a `Cell`, which is not `Sync`.\n\n",
    "```compile_fail,E0277\n",
    include_str!("../snippets/shared_cell_counter.rs"),
    "```\n\n",
    "Scoped threads with `move`: the closure would move `f` itself, and `F` is not \
     `Send`.\n\n",
    "```compile_fail,E0277\n",
    include_str!("../snippets/scoped_move.rs"),
    "```\n\n",
    "The same after adding `F: Send`, as rustc suggests: the first thread takes `f`, the \
     second has none.\n\n",
    "```compile_fail,E0382\n",
    include_str!("../snippets/scoped_move_send.rs"),
    "```\n\n",
    "A spawned thread borrowing a local: it may outlive it.\n\n",
    "```compile_fail,E0373\n",
    include_str!("../snippets/shared_log_borrow.rs"),
    "```\n\n",
    "With `move`: the first thread takes the log, the second has none.\n\n",
    "```compile_fail,E0382\n",
    include_str!("../snippets/shared_log_move.rs"),
    "```\n\n",
    "`Rc<RefCell<..>>`: not `Send`.\n\n",
    "```compile_fail,E0277\n",
    include_str!("../snippets/shared_log_rc.rs"),
    "```\n\n",
    "`Arc` without a lock: no `&mut` through an `Arc`.\n\n",
    "```compile_fail,E0596\n",
    include_str!("../snippets/shared_log_arc.rs"),
    "```\n\n",
    "A task borrowing a local: it may outlive it.\n\n",
    "```compile_fail,E0373\n",
    include_str!("../snippets/shared_log_task_borrow.rs"),
    "```\n\n",
    "A task holding an `Rc`: \"future cannot be sent between threads safely\". rustc \
     gives this error no code, so the test checks only that it fails to compile.\n\n",
    "```compile_fail\n",
    include_str!("../snippets/shared_log_task_rc.rs"),
    "```\n\n",
)]
