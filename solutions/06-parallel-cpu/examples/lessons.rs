//! The small examples chapter 06 teaches with, before each exercise: a sorted `Vec`, a
//! map of lists, moving a value out from behind `&mut`, a panic at `join`, rayon's
//! `fold` and `reduce`, and `spawn_blocking`. None of them is an exercise's answer; each
//! shows one tool on other data. The book includes them by anchor.
//!
//! `cargo run -p sol06-parallel-cpu --example lessons`

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use rayon::prelude::*;

fn sorted_vec() {
    // ANCHOR: sorted_vec
    let mut seen: Vec<u32> = vec![3, 8, 21];
    for n in [34, 5, 8] {
        // Ok(i): already there, at i. Err(i): not there; i keeps the order.
        match seen.binary_search(&n) {
            Ok(_) => println!("{n} is already in the list"),
            Err(place) => seen.insert(place, n),
        }
    }
    assert_eq!(seen, [3, 5, 8, 21, 34]);
    // A push is cheaper than a search, and keeps the order too when the
    // new number is the biggest so far:
    assert!(seen.last().is_some_and(|&last| last < 55));
    seen.push(55);
    // ANCHOR_END: sorted_vec
}

fn map_of_lists() {
    // ANCHOR: map_of_lists
    let mut by_letter: BTreeMap<char, Vec<&str>> = BTreeMap::new();
    for word in ["tokio", "rayon", "thread", "task"] {
        let first = word.chars().next().unwrap_or('?');
        // One lookup: the list of `first`, created empty if it is new.
        let list: &mut Vec<&str> = by_letter.entry(first).or_default();
        list.push(word);
    }
    assert_eq!(by_letter[&'t'], ["tokio", "thread", "task"]);
    // ANCHOR_END: map_of_lists
}

fn entry_and_take() {
    // ANCHOR: entry
    let mut stock: BTreeMap<String, u32> = BTreeMap::new();
    stock.insert("crab".to_string(), 2);
    for (name, count) in [("crab", 3), ("gopher", 1)] {
        match stock.entry(name.to_string()) {
            Entry::Vacant(slot) => {
                slot.insert(count); // a new key: it moves in
            }
            Entry::Occupied(mut slot) => {
                *slot.get_mut() += count; // a key both had: combine
            }
        }
    }
    assert_eq!(stock["crab"], 5);
    // ANCHOR_END: entry

    // ANCHOR: take
    let mut names: BTreeMap<&str, String> = BTreeMap::new();
    names.insert("pet", "gopher".to_string());
    if let Some(name) = names.get_mut("pet") {
        // `name` is a `&mut String`: its String cannot move out, unless
        // something is left in its place. `take` leaves an empty one.
        let owned: String = std::mem::take(name);
        *name = shout(owned); // a function that wants the String itself
    }
    assert_eq!(names["pet"], "GOPHER!");
    // ANCHOR_END: take
}

fn shout(mut word: String) -> String {
    word.make_ascii_uppercase();
    word.push('!');
    word
}

// ANCHOR: borrow_fn
/// Runs `f` on every word, each on a scoped thread of its own.
fn on_threads(words: &[&str], f: impl Fn(&str) -> usize + Sync) {
    // `move || f(word)` would move `f` itself into the first closure, and
    // the second would have none. A reference is `Copy`: every closure
    // gets its own copy of it, and the scope guarantees `f` outlives them.
    let f = &f;
    thread::scope(|scope| {
        for &word in words {
            scope.spawn(move || println!("{word}: {}", f(word)));
        }
    });
}
// ANCHOR_END: borrow_fn

fn panic_at_join() {
    // ANCHOR: panic_at_join
    let outcome = thread::scope(|scope| {
        let worker = scope.spawn(|| -> usize { panic!("bad input") });
        worker.join() // Err(payload): the worker's panic, as a value
    });
    match outcome {
        Ok(n) => println!("the worker returned {n}"),
        Err(payload) => {
            let text = payload.downcast_ref::<&str>().copied();
            assert_eq!(text, Some("bad input"));
            // To pass it on unchanged, message and all:
            // std::panic::resume_unwind(payload)
        }
    }
    // ANCHOR_END: panic_at_join
}

fn fold_and_reduce() {
    // ANCHOR: fold_reduce
    #[derive(Default)]
    struct Stats {
        words: usize,
        longest: usize,
    }
    let words: Vec<String> = "a crab and a gopher walk into a runtime"
        .split(' ')
        .map(String::from)
        .collect();
    let stats = words
        .par_iter()
        // Map: every piece of work rayon cuts folds its words into a
        // Stats of its own, starting from `Stats::default()`.
        .fold(Stats::default, |mut stats, word| {
            stats.words += 1;
            stats.longest = stats.longest.max(word.len());
            stats
        })
        // Reduce: two partial results into one, until one is left.
        .reduce(Stats::default, |a, b| Stats {
            words: a.words + b.words,
            longest: a.longest.max(b.longest),
        });
    assert_eq!((stats.words, stats.longest), (9, 7));
    // ANCHOR_END: fold_reduce
}

async fn blocking_pool() {
    // ANCHOR: spawn_blocking
    let handle = tokio::task::spawn_blocking(|| {
        // Blocking is fine here: this is a thread of the blocking pool.
        thread::sleep(Duration::from_millis(20));
        "read from a slow disk"
    });
    match handle.await {
        Ok(text) => println!("{text}"),
        Err(error) if error.is_panic() => println!("the job panicked"),
        Err(error) => println!("the job never finished: {error}"),
    }
    // ANCHOR_END: spawn_blocking

    // ANCHOR: arc_move
    let books = Arc::new(vec!["a".repeat(1000), "b".repeat(2000)]);
    let for_the_job = Arc::clone(&books); // a pointer, not a copy
    // `move`: the closure owns `for_the_job`, so it is 'static.
    let job = move || for_the_job.iter().map(String::len).sum::<usize>();
    let letters = tokio::task::spawn_blocking(job).await;
    assert_eq!(letters.ok(), Some(3000));
    assert_eq!(books.len(), 2); // still ours too
    // ANCHOR_END: arc_move
}

fn main() {
    sorted_vec();
    map_of_lists();
    entry_and_take();
    on_threads(&["crab", "gopher"], str::len);
    panic_at_join();
    fold_and_reduce();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(blocking_pool());
    println!("every lesson ran");
}
