//! KNOWN-WRONG SOLUTION (kept so that `cargo workshop verify` proves the tests catch
//! it): starts each job and waits for it in the same loop turn, so the jobs run one after the other.
//!
//! Exercise 5 (closures): closures carry arguments into a job and results out of it.
//!
//! A job body takes no arguments of its own (only the stop signal), just as Go's
//! `GenericFunction` is `func() error`. So how do we run `feature_usage(customer,
//! feature)` as a job, and get its number back? The Compass article's answer, in Go:
//! wrap the call in a closure that *captures* the arguments, and let it write its result
//! through a pointer into shared state. Rust does the same with `move` closures and
//! `Arc<Mutex<..>>`, and also has a nicer way: the job's handle returns the value.
//!
//! Why it looks the way it does:
//!
//! * The closure runs on another thread, perhaps after the caller's variables are gone,
//!   so it must *own* what it uses (`'static`): owned `String`s, not borrowed `&str`s.
//!   Each job gets its own copies; `move` puts them inside the closure.
//! * Shared results need one map with many owners (`Arc`) and one writer at a time
//!   (`Mutex`). Cloning an `Arc` gives another pointer to the *same* map; cloning the map
//!   itself would give each job a private copy that nobody ever reads.
//! * When every job has finished, the map can be taken out from under the lock
//!   (`std::mem::take` leaves an empty one behind). `Arc::try_unwrap` would work only once
//!   every other clone is gone.
//! * Starting a job and waiting for it in the same loop turn runs the jobs one after the
//!   other; start them all, then wait.
//!
//! The idea to take away: `move` puts the arguments *inside* the closure; the closure is
//! the package that travels to the other thread.

#![allow(unused)]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::error::{BoxError, JobError};
use crate::job::{Job, JobHandle};
use crate::run_all::run_all;

/// How often one customer used each feature, by feature name.
pub type UsageReport = BTreeMap<String, u32>;

// ANCHOR: feature_usage
/// A stand-in for one call to one feature's microservice (the Compass article's
/// analytics API asks a dozen of them per customer): how often did `customer` use
/// `feature`? Unknown features are an error, as a 404 from the service would be.
pub fn feature_usage(customer: &str, feature: &str) -> Result<u32, BoxError> {
    let per_letter = match feature {
        "search" => 12,
        "maps" => 5,
        "alerts" => 3,
        "news" => 8,
        other => return Err(format!("no such feature: {other}").into()),
    };
    // Made up, but deterministic, so the tests can compute the expected report.
    Ok(per_letter * customer.len() as u32)
}
// ANCHOR_END: feature_usage

// ANCHOR: usage_job
/// A job, named `usage:<feature>`, that asks [`feature_usage`] about this customer and
/// this feature, and returns its number.
pub fn usage_job(customer: String, feature: String) -> Job<u32> {
    Job::new(format!("usage:{feature}"), move |_stop| {
        feature_usage(&customer, &feature)
    })
}
// ANCHOR_END: usage_job

// ANCHOR: shared_state
/// The Go way: every job writes its result into one shared, locked map, and we run them
/// with [`run_all`] (jobs of `Job<()>`: they return nothing, they *write*).
pub fn usage_report_shared(customer: &str, features: &[&str]) -> Result<UsageReport, JobError> {
    let report = Arc::new(Mutex::new(UsageReport::new()));
    let jobs = features
        .iter()
        .map(|feature| {
            let (customer, feature) = (customer.to_string(), feature.to_string());
            let report = Arc::clone(&report);
            Job::new(format!("usage:{feature}"), move |_stop| {
                let uses = feature_usage(&customer, &feature)?;
                report
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(feature, uses);
                Ok(())
            })
        })
        .collect();
    run_all(jobs)?;
    let mut report = report.lock().unwrap_or_else(PoisonError::into_inner);
    Ok(std::mem::take(&mut *report))
}
// ANCHOR_END: shared_state

// ANCHOR: handles
/// The Rust way: each job *returns* its number, and the handle hands it back. No shared
/// map, no lock. The first error (in feature order) is returned.
pub fn usage_report(customer: &str, features: &[&str]) -> Result<UsageReport, JobError> {
    let jobs = features
        .iter()
        .map(|feature| {
            let job = usage_job(customer.to_string(), feature.to_string());
            (feature.to_string(), job)
        })
        .collect();
    collect_usage(jobs)
}

/// Runs every `(feature, job)` pair at the same time and gathers the numbers by feature.
/// The first error, in the order given, is returned.
pub fn collect_usage(jobs: Vec<(String, Job<u32>)>) -> Result<UsageReport, JobError> {
    let mut report = UsageReport::new();
    for (feature, job) in jobs {
        let handle: JobHandle<u32> = job.start();
        report.insert(feature, handle.wait()?); // waits before starting the next job
    }
    Ok(report)
}
// ANCHOR_END: handles
