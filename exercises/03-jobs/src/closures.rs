//! Closures carry arguments into a job and results out of it.
//!
//! A job body takes no arguments of its own (only the stop signal), just as Go's
//! `GenericFunction` is `func() error`. So how do we run `feature_usage(customer,
//! feature)` as a job, and get its number back? The Compass article's answer, in Go:
//! wrap the call in a closure that *captures* the arguments, and let it write its result
//! through a pointer into shared state. Rust does the same with `move` closures and
//! `Arc<Mutex<..>>`, and also has a nicer way: the job's handle returns the value.
//!
//! The idea to take away: `move` puts the arguments *inside* the closure; the closure is
//! the package that travels to the other thread.

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
/// A job, named `usage:<feature>`, that calls `feature_usage(&customer, &feature)`.
/// Arguments in: the closure captures `customer` and `feature` (it owns them: `move`).
pub fn usage_job(customer: String, feature: String) -> Job<u32> {
    // TODO: return Job::new(format!("usage:{feature}"), a `move` closure that ignores the
    // stop signal and returns feature_usage(&customer, &feature)).
    // Book: book/src/03-jobs.md#exercise-5-closures-in-results-out
    todo!()
}
// ANCHOR_END: usage_job

// ANCHOR: shared_state
/// The Go way: every job writes its result into one shared, locked map, and we run them
/// with [`run_all`] (jobs of `Job<()>`: they return nothing, they *write*).
pub fn usage_report_shared(customer: &str, features: &[&str]) -> Result<UsageReport, JobError> {
    // TODO: make an Arc<Mutex<UsageReport>>; build one Job<()> per feature whose `move`
    // closure owns a String copy of customer and feature and an Arc clone, calls
    // feature_usage(..)? and inserts (feature, uses) under the lock. run_all(jobs)?, then
    // take the map out of the mutex (std::mem::take on the locked guard).
    // Book: book/src/03-jobs.md#exercise-5-closures-in-results-out
    todo!()
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
    // TODO: start every job first (keep the feature name beside each handle), then wait
    // for each handle in order and insert its value with `?`.
    // Book: book/src/03-jobs.md#exercise-5-closures-in-results-out
    todo!()
}
// ANCHOR_END: handles
