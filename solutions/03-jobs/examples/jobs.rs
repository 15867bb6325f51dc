//! The live demo of step 03: the Rust twin of `book/go/03-jobs/runasync` and
//! `allowerrors`. Run it with `cargo run -p sol03-jobs --example jobs`.
//!
//! It shows, on threads and then on tokio tasks: the first error wins and the other
//! jobs stop (and what each of them saw), and a panic that comes back as an error with
//! its file and line, while the program carries on.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use sol03_jobs::allow_errors::run_all_allow_errors;
use sol03_jobs::async_job::AsyncJob;
use sol03_jobs::async_run_all::{run_all_allow_errors_async, run_all_async};
use sol03_jobs::run_all::run_all;
use sol03_jobs::{Job, JobError};

fn show(title: &str, result: &Result<(), JobError>, started: Instant) {
    let ms = started.elapsed().as_millis() / 100 * 100;
    match result {
        Ok(()) => println!("{title} returned after ~{ms} ms: Ok"),
        Err(error) => println!("{title} returned after ~{ms} ms: {error}"),
    }
}

fn print_errors(title: &str, errors: &[Option<JobError>]) {
    println!("{title}:");
    for (index, error) in errors.iter().enumerate() {
        match error {
            None => println!("  job {index}: ok"),
            Some(error) => println!("  job {index}: {error}"),
        }
    }
}

// ANCHOR: demo_threads
fn threads() {
    // Each job tells us how it ended; main prints it, in a fixed order.
    let (slow_says, slow_said) = mpsc::channel();
    let (loop_says, loop_said) = mpsc::channel();
    let slow = Job::new("slow", move |stop| {
        let outcome = if stop.wait_timeout(Duration::from_secs(30)) {
            "stopped"
        } else {
            "finished its 30 s of work"
        };
        let _ = slow_says.send(outcome);
        Ok(())
    });
    let looping = Job::new("looping", move |stop| {
        // One unit of work every 10 ms, checking the signal in between.
        while !stop.wait_timeout(Duration::from_millis(10)) {}
        let _ = loop_says.send("stopped");
        Ok(())
    });
    let failing = Job::new("failing", |_stop| {
        std::thread::sleep(Duration::from_millis(100));
        Err("the upstream said 500".into())
    });

    let started = Instant::now();
    let result = run_all(vec![slow, looping, failing]);
    show("run_all", &result, started);
    let deadline = Duration::from_secs(1);
    println!(
        "  slow:    {}",
        slow_said.recv_timeout(deadline).unwrap_or("no word")
    );
    println!(
        "  looping: {}",
        loop_said.recv_timeout(deadline).unwrap_or("no word")
    );

    let errors = run_all_allow_errors(vec![
        Job::new("ok", |_stop| Ok(())),
        Job::new("maps", |_stop| Err("timeout talking to maps".into())),
        Job::new("counts", |_stop| {
            let shelf: Vec<u32> = Vec::new();
            let _third = shelf[3]; // index out of range: a panic
            Ok(())
        }),
    ]);
    print_errors("run_all_allow_errors", &errors);
}
// ANCHOR_END: demo_threads

// ANCHOR: demo_async
async fn tasks() {
    let slow = AsyncJob::new("slow", async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        println!("  slow: finished (you should never see this)");
        Ok(())
    });
    let failing = AsyncJob::new("failing", async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        Err("the upstream said 500".into())
    });
    let started = Instant::now();
    let result = run_all_async(vec![slow, failing]).await;
    show("run_all_async", &result, started);

    let errors = run_all_allow_errors_async(vec![
        AsyncJob::new("ok", async { Ok(()) }),
        AsyncJob::new("panicky", async {
            tokio::task::yield_now().await;
            panic!("the cache is inconsistent");
        }),
    ])
    .await;
    print_errors("run_all_allow_errors_async", &errors);
}
// ANCHOR_END: demo_async

fn main() {
    println!("--- threads ---");
    threads();
    println!("--- tokio tasks ---");
    let runtime = tokio::runtime::Runtime::new().expect("could not start a tokio runtime");
    runtime.block_on(tasks());
    println!("--- still running: no panic escaped ---");
}
