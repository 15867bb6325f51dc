//! The examples of the book's page "The Rust you need" (`book/src/rust-you-need.md`).
//!
//! Each section between `// ANCHOR: name` and `// ANCHOR_END: name` is shown in the book,
//! so every snippet there compiles and runs. Run them all, with their checks:
//!
//! ```text
//! cargo run -p demos --example rust_you_need
//! ```

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    closures();
    move_into_a_thread();
    fn_traits();
    arc_and_mutex();
    results_and_question_mark();
    boxed_trait_objects();
    pinned_future();
    println!("every example of \"The Rust you need\" ran");
}

fn closures() {
    // ANCHOR: closures
    let greeting = String::from("hello");
    // A closure borrows what it uses: `greeting` is still ours afterwards.
    let greet = |name: &str| format!("{greeting}, {name}");
    assert_eq!(greet("gopher"), "hello, gopher");
    assert_eq!(greeting.len(), 5);

    // `move` makes the closure take ownership of what it uses.
    let owned = move |name: &str| format!("{greeting}, {name}");
    assert_eq!(owned("pythonista"), "hello, pythonista");
    // println!("{greeting}"); // error: `greeting` was moved into the closure
    // ANCHOR_END: closures
}

fn move_into_a_thread() {
    // ANCHOR: move_thread
    let path = String::from("/facebook");
    // The thread may outlive this function, so it must own its data: `move`.
    let handle = thread::spawn(move || format!("GET {path}"));
    let line = handle.join().expect("the thread panicked");
    assert_eq!(line, "GET /facebook");
    // ANCHOR_END: move_thread
}

// ANCHOR: spawn_bounds
/// The same bounds as `std::thread::spawn`: `f` runs once, on another
/// thread (`Send`), for as long as it likes (`'static`), and its result
/// travels back to us (`T: Send + 'static`).
fn spawn_like<F, T>(f: F) -> thread::JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    thread::spawn(f)
}
// ANCHOR_END: spawn_bounds

fn fn_traits() {
    // ANCHOR: fn_traits
    // `FnOnce`: may be called once (it may give away what it owns).
    fn run_once(job: impl FnOnce() -> String) -> String {
        job()
    }
    // `FnMut`: may be called many times, and may change what it captured.
    fn run_three_times(mut job: impl FnMut()) {
        job();
        job();
        job();
    }
    // `Fn`: may be called many times, even from several threads at once.
    fn run_twice(job: impl Fn(u32) -> u32) -> u32 {
        job(1) + job(2)
    }

    let name = String::from("job-1");
    assert_eq!(run_once(move || name), "job-1"); // gives `name` away
    let mut calls = 0;
    run_three_times(|| calls += 1); // changes `calls`
    assert_eq!(calls, 3);
    let offset = 10;
    assert_eq!(run_twice(|x| x + offset), 23); // only reads `offset`
    // ANCHOR_END: fn_traits
    assert_eq!(spawn_like(|| 7).join().unwrap(), 7);
}

fn arc_and_mutex() {
    // ANCHOR: arc
    // One map, shared by four threads: `Arc` shares it, `Mutex` guards it.
    let counts = Arc::new(Mutex::new(HashMap::new()));
    let mut handles = Vec::new();
    for worker in 0..4 {
        let counts = Arc::clone(&counts); // one more owner, same map
        handles.push(thread::spawn(move || {
            let mut map = counts.lock().unwrap();
            *map.entry(worker % 2).or_insert(0) += 1;
        })); // the guard drops here: unlocked
    }
    for handle in handles {
        handle.join().unwrap();
    }
    assert_eq!(counts.lock().unwrap()[&0], 2);
    // ANCHOR_END: arc
}

// ANCHOR: result
#[derive(Debug, PartialEq)]
enum ConfigError {
    Missing(&'static str),
    NotANumber(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Missing(key) => write!(f, "{key} is missing"),
            ConfigError::NotANumber(v) => write!(f, "{v:?} is not a number"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// `?` returns early with the error; on success it unwraps the value.
fn deadline_ms(config: &HashMap<&str, &str>) -> Result<u64, ConfigError> {
    let raw = config
        .get("deadline_ms")
        .ok_or(ConfigError::Missing("deadline_ms"))?;
    let ms = raw
        .parse::<u64>()
        .map_err(|_| ConfigError::NotANumber(raw.to_string()))?;
    Ok(ms)
}
// ANCHOR_END: result

fn results_and_question_mark() {
    let config = HashMap::from([("deadline_ms", "250")]);
    assert_eq!(deadline_ms(&config), Ok(250));
    let bad = HashMap::from([("deadline_ms", "soon")]);
    let message = deadline_ms(&bad).unwrap_err().to_string();
    assert_eq!(message, "\"soon\" is not a number");
    assert_eq!(
        deadline_ms(&HashMap::new()),
        Err(ConfigError::Missing("deadline_ms"))
    );
}

// ANCHOR: box_dyn
/// Any error at all, behind one pointer: handy at the top of a program.
type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn first_deadline(configs: &[HashMap<&str, &str>]) -> Result<u64, BoxError> {
    let config = configs.first().ok_or("no configuration")?; // &str
    Ok(deadline_ms(config)?) // ConfigError: both become a BoxError
}

fn boxed_trait_objects() {
    // Closures of different types in one Vec: each behind a `Box<dyn …>`.
    let jobs: Vec<Box<dyn FnOnce() -> u64 + Send>> = vec![Box::new(|| 1), Box::new(move || 40 + 1)];
    let results: Vec<u64> = jobs.into_iter().map(|job| job()).collect();
    assert_eq!(results, [1, 41]);

    let err = first_deadline(&[]).unwrap_err();
    assert_eq!(err.to_string(), "no configuration");
}
// ANCHOR_END: box_dyn

fn pinned_future() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        // About two ticks pass during the 25 ms; how many exactly depends on
        // the machine's load, so only the answer is checked.
        let (answer, ticks) = wait_with_ticks(slow_answer()).await;
        assert_eq!(answer, 42);
        println!("the answer came after {ticks} ticks of 10 ms");
    });
}

async fn slow_answer() -> u32 {
    tokio::time::sleep(Duration::from_millis(25)).await;
    42
}

// ANCHOR: pin
/// Polls `work` to the end while counting 10 ms ticks. The same future is
/// polled again on every turn of the loop, so it must stay at one address:
/// `pin!` pins it to this stack frame.
async fn wait_with_ticks(work: impl Future<Output = u32>) -> (u32, u32) {
    let mut work = std::pin::pin!(work);
    let mut ticks = 0;
    loop {
        tokio::select! {
            value = &mut work => return (value, ticks),
            () = tokio::time::sleep(Duration::from_millis(10)) => ticks += 1,
        }
    }
}
// ANCHOR_END: pin
