//! The thread building blocks of chapter 00, one small program: spawn and join,
//! a panicking thread, how a channel closes, `select!` over two channels, a
//! scope that lends its locals, and a `Condvar` that says "ready".
//! Run: `cargo run -p sol00-basics --example threads`.
//!
//! These teach the pieces the exercises need; none of them is an exercise's
//! answer.

use std::sync::{Condvar, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, unbounded};

fn spawn_and_join() {
    // ANCHOR: spawn_join
    // `spawn` starts the thread at once and hands back a `JoinHandle<u64>`.
    let handle = thread::spawn(|| (1..=10u64).sum::<u64>());
    println!("the thread is running; main goes on");
    // `join` waits for the thread and returns what its closure returned.
    let sum = handle.join().expect("the thread panicked");
    println!("sum: {sum}");
    // ANCHOR_END: spawn_join
}

fn a_thread_panics() {
    // ANCHOR: panic
    let handle = thread::spawn(|| -> u64 { panic!("no data") });
    // The default panic hook has already printed "thread '<unnamed>'
    // panicked at ...: no data" on stderr. The program learns of it here:
    match handle.join() {
        Ok(value) => println!("got {value}"),
        // The payload is the value given to `panic!`: a `&str` here.
        Err(payload) => {
            let message = payload.downcast_ref::<&str>().unwrap_or(&"?");
            println!("the thread panicked: {message}");
        }
    }
    // ANCHOR_END: panic
}

fn how_a_channel_closes() {
    // ANCHOR: closing
    let (tx, rx) = unbounded();
    let tx2 = tx.clone();
    tx.send(1).unwrap();
    drop(tx); // one sender gone; `tx2` keeps the channel open
    tx2.send(2).unwrap();
    drop(tx2); // the last sender gone: the channel is closed
    // What was sent is still delivered; then every `recv` is `Err` at once.
    println!("{:?} {:?} {:?}", rx.recv(), rx.recv(), rx.recv());
    // -> Ok(1) Ok(2) Err(RecvError)

    let (tx, rx) = bounded(1);
    drop(rx); // nobody will ever receive
    // `send` fails at once, and hands the value back: `into_inner` gives 3.
    let error = tx.send(3).unwrap_err();
    println!("send failed, got back {}", error.into_inner());
    // ANCHOR_END: closing
}

fn wait_on_two_channels() {
    // ANCHOR: select
    let (tx, data) = bounded::<u64>(1);
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(50));
        let _ = tx.send(7);
    });
    // A channel that delivers one message after 20 ms: a timer.
    let timer = after(Duration::from_millis(20));
    // Waits until one operation can go, runs that branch, forgets the other.
    select! {
        recv(data) -> message => println!("data: {message:?}"),
        recv(timer) -> _ => println!("gave up after 20 ms"),
    }
    // A closed channel is always ready: its branch fires at once, with `Err`.
    let (tx, closed) = unbounded::<u64>();
    drop(tx);
    select! {
        recv(closed) -> message => println!("closed: {message:?}"),
    }
    // ANCHOR_END: select
}

fn a_scope_lends_its_locals() {
    // ANCHOR: scope
    let text = String::from("one two three\nfour five\nsix");
    // Both threads borrow `text` from this stack frame: the scope joins them
    // before it returns, so `text` outlives them. No `Arc`, no copy.
    let (words, lines) = thread::scope(|scope| {
        let words = scope.spawn(|| text.split_whitespace().count());
        let lines = scope.spawn(|| text.lines().count());
        (words.join().unwrap(), lines.join().unwrap())
    });
    println!("{words} words on {lines} lines");
    // ANCHOR_END: scope
}

fn wait_until_ready() {
    // ANCHOR: condvar
    // The flag lives inside the mutex: no reading or setting it unlocked.
    let ready = Mutex::new(false);
    let changed = Condvar::new();
    thread::scope(|scope| {
        scope.spawn(|| {
            let guard = ready.lock().unwrap_or_else(PoisonError::into_inner);
            // Unlocks, sleeps until notified, locks again, re-checks;
            // repeats while the closure says "keep waiting".
            // Go: for !ready { c.Wait() }
            let _guard = changed
                .wait_while(guard, |ready| !*ready)
                .unwrap_or_else(PoisonError::into_inner);
            println!("waiter: ready!");
        });
        thread::sleep(Duration::from_millis(50)); // something to wait for
        *ready.lock().unwrap_or_else(PoisonError::into_inner) = true;
        // Wake every waiter: each re-checks the flag under the lock.
        changed.notify_all();
    });
    // ANCHOR_END: condvar
}

fn main() {
    spawn_and_join();
    a_thread_panics();
    how_a_channel_closes();
    wait_on_two_channels();
    a_scope_lends_its_locals();
    wait_until_ready();
}
