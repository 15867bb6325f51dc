//! Exercise `closures`: arguments go into a job through a closure's captures; results
//! come out through shared state (the Go way) or through the handle (the Rust way).

use std::sync::mpsc;

use crate::closures::{
    UsageReport, collect_usage, feature_usage, usage_job, usage_report, usage_report_shared,
};
use crate::error::JobError;
use crate::job::Job;

use super::support::{PATIENCE, advice, within};

/// What the report for `customer` must say, computed one call at a time.
fn expected_report(customer: &str, features: &[&str]) -> UsageReport {
    features
        .iter()
        .map(|feature| {
            let uses = feature_usage(customer, feature).expect("only known features here");
            (feature.to_string(), uses)
        })
        .collect()
}

fn no_such_feature(feature: &str) -> JobError {
    JobError::Failed {
        job: format!("usage:{feature}"),
        message: format!("no such feature: {feature}"),
    }
}

#[test]
fn usage_job_carries_its_arguments_in_and_its_result_out() {
    let job = within("usage_job", || {
        usage_job("grace".to_string(), "maps".to_string())
    });
    assert_eq!(job.name(), "usage:maps", "name the job usage:<feature>");
    let result = within("start + wait", move || job.start().wait());
    let expected = feature_usage("grace", "maps").expect("maps is a known feature");
    assert_eq!(
        result,
        Ok(expected),
        "{}",
        advice(
            format!("Ok({expected}), what feature_usage says for grace and maps"),
            format!("{result:?}"),
            "the job must call feature_usage with the customer and feature it captured"
        )
    );
}

#[test]
fn usage_job_reports_the_services_error() {
    let job = within("usage_job", || {
        usage_job("grace".to_string(), "teleport".to_string())
    });
    let result = within("start + wait", move || job.start().wait());
    assert_eq!(
        result,
        Err(no_such_feature("teleport")),
        "the job must return feature_usage's error, which Job::run turns into \
         JobError::Failed named after the job (usage:teleport)"
    );
}

#[test]
fn the_shared_map_collects_every_jobs_result() {
    let features = ["search", "maps", "alerts", "news"];
    let report = within("usage_report_shared", move || {
        usage_report_shared("ada", &features)
    });
    let expected = expected_report("ada", &features);
    let mistake = match &report {
        Ok(map) if map.is_empty() => {
            "every job wrote into its own copy of the map (a clone of the map, not of the \
             Arc that points to it), so the map you returned saw none of it"
        }
        Ok(_) => "every job must insert (feature, uses) into the one shared map",
        Err(_) => "these features are all known: no job should fail",
    };
    assert_eq!(
        report,
        Ok(expected.clone()),
        "{}",
        advice(format!("Ok({expected:?})"), format!("{report:?}"), mistake)
    );
}

#[test]
fn the_shared_map_version_reports_an_unknown_feature() {
    let report = within("usage_report_shared", || {
        usage_report_shared("ada", &["search", "teleport", "maps"])
    });
    assert_eq!(
        report,
        Err(no_such_feature("teleport")),
        "a job whose call fails must make the whole report fail, with that job's error"
    );
}

#[test]
fn the_handles_bring_every_result_back() {
    let features = ["news", "search", "maps"];
    let report = within("usage_report", move || usage_report("linus", &features));
    let expected = expected_report("linus", &features);
    assert_eq!(
        report,
        Ok(expected.clone()),
        "{}",
        advice(
            format!("Ok({expected:?})"),
            format!("{report:?}"),
            "wait for each job's handle and file its value under the job's feature"
        )
    );
}

#[test]
fn the_handles_version_reports_an_unknown_feature() {
    let report = within("usage_report", || {
        usage_report("linus", &["search", "teleport"])
    });
    assert_eq!(
        report,
        Err(no_such_feature("teleport")),
        "waiting for the teleport job's handle must give its error, and `?` must return it"
    );
}

#[test]
fn the_handles_version_runs_the_jobs_at_the_same_time() {
    // Each job greets the other and waits for the other's greeting: both can only finish
    // if both run at once.
    let (to_b, from_a) = mpsc::channel();
    let (to_a, from_b) = mpsc::channel();
    let jobs = vec![
        (
            "search".to_string(),
            Job::new("usage:search", move |_stop| {
                to_b.send(())?;
                from_b.recv_timeout(PATIENCE).map_err(|_| {
                    "never heard from the maps job: was it started only after this one \
                     had been waited for?"
                })?;
                Ok(12)
            }),
        ),
        (
            "maps".to_string(),
            Job::new("usage:maps", move |_stop| {
                to_a.send(())?;
                from_a
                    .recv_timeout(PATIENCE)
                    .map_err(|_| "never heard from the search job: is it still running?")?;
                Ok(5)
            }),
        ),
    ];
    let report = within("collect_usage", move || collect_usage(jobs));
    assert_eq!(
        report,
        Ok(UsageReport::from([
            ("search".to_string(), 12),
            ("maps".to_string(), 5)
        ])),
        "{}",
        advice(
            "two jobs that greet each other to run at once and both succeed",
            "the first job waited in vain for the second (see the error above)",
            "starting and waiting in the same loop runs the jobs one after the other: \
             start every job first, then wait"
        )
    );
}
