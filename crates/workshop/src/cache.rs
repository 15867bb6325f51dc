//! The progress cache: `.workshop-progress.json` at the root (git-ignored).
//!
//! It only remembers what the tests said, per step, with the fingerprint of the step's
//! sources the run saw (see [`crate::fingerprint`]). A step whose fingerprint still
//! matches isn't run again. It is never the truth, only a memory of it: delete the file
//! any time, and the next `cargo workshop` rebuilds it from the tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::cargo::{self, Outcome};
use crate::exercises::Workshop;
use crate::fingerprint;
use crate::progress::StepResult;

/// The cache file, at the workshop root (git-ignored).
pub const CACHE_FILE: &str = ".workshop-progress.json";

/// Bump when the cache's meaning changes; an old cache is then ignored.
const CACHE_VERSION: u32 = 1;

/// Pass/fail counts of one exercise's tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub passed: u32,
    pub failed: u32,
    pub ignored: u32,
}

/// What the last run of one step said.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct StepRecord {
    /// The fingerprint of the step's sources the run saw.
    pub fingerprint: String,
    /// `false`: the crate had compile errors; no tests ran.
    pub compiles: bool,
    /// The run was stopped at its deadline (an exercise without results then hung).
    #[serde(default)]
    pub timed_out: bool,
    /// Exercises whose tests libtest reported as still running at the deadline.
    #[serde(default)]
    pub hung: BTreeSet<String>,
    /// Exercise (test group) → counts.
    #[serde(default)]
    pub groups: BTreeMap<String, Counts>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    pub version: u32,
    pub steps: BTreeMap<String, StepRecord>,
}

impl Cache {
    fn path(ws: &Workshop) -> PathBuf {
        ws.root.join(CACHE_FILE)
    }

    /// The cache, or an empty one if it is missing, unreadable or from another version.
    pub fn load(ws: &Workshop) -> Cache {
        std::fs::read_to_string(Cache::path(ws))
            .ok()
            .and_then(|text| serde_json::from_str::<Cache>(&text).ok())
            .filter(|cache| cache.version == CACHE_VERSION)
            .unwrap_or_default()
    }

    /// Writes the cache (to a temporary file first, so a Ctrl-C can't leave half a file).
    pub fn save(&mut self, ws: &Workshop) {
        self.version = CACHE_VERSION;
        let Ok(text) = serde_json::to_string_pretty(self) else {
            return;
        };
        let path = Cache::path(ws);
        let temporary = path.with_extension("json.tmp");
        if std::fs::write(&temporary, text).is_ok() {
            let _ = std::fs::rename(&temporary, &path);
        }
    }

    /// Whether the record for `step` matches `fingerprint` and covers all its exercises.
    /// A run that didn't compile or hung stands as it is until the sources change: running
    /// a hanging test again on every `cargo workshop` would cost its deadline each time.
    pub fn is_fresh(&self, ws: &Workshop, step: &str, fingerprint: &str) -> bool {
        self.steps.get(step).is_some_and(|record| {
            record.fingerprint == fingerprint
                && (!record.compiles
                    || record.timed_out
                    || ws
                        .exercises_of(step)
                        .all(|e| record.groups.contains_key(&e.name)))
        })
    }

    /// Records what a run of `step` said. With `only`, the run was filtered to that one
    /// exercise: the other exercises' results are kept if they describe the same sources.
    pub fn record(
        &mut self,
        step: &str,
        fingerprint: &str,
        result: &StepResult,
        only: Option<&str>,
    ) {
        let entry = self.steps.entry(step.to_owned()).or_default();
        if entry.fingerprint != fingerprint || only.is_none() || !entry.compiles {
            *entry = StepRecord {
                fingerprint: fingerprint.to_owned(),
                compiles: true,
                ..StepRecord::default()
            };
        }
        match result {
            StepResult::DoesNotCompile(_) => {
                *entry = StepRecord {
                    fingerprint: fingerprint.to_owned(),
                    compiles: false,
                    ..StepRecord::default()
                }
            }
            StepResult::Ran(run) => {
                if let Some(only) = only {
                    entry.groups.remove(only);
                    entry.hung.remove(only);
                }
                for result in &run.results {
                    let Some(group) = result.group() else {
                        continue;
                    };
                    let counts = entry.groups.entry(group.to_owned()).or_default();
                    match result.outcome {
                        Outcome::Passed => counts.passed += 1,
                        Outcome::Failed => counts.failed += 1,
                        Outcome::Ignored => counts.ignored += 1,
                    }
                }
                if run.timed_out {
                    for name in &run.slow {
                        if let Some(group) = cargo::group_of(name) {
                            entry.hung.insert(group.to_owned());
                        }
                    }
                    match only {
                        // A filtered run speaks for its exercise only.
                        Some(only) => {
                            entry.hung.insert(only.to_owned());
                        }
                        None => entry.timed_out = true,
                    }
                }
            }
        }
    }
}

/// The fingerprint of a step's exercise crate (and the lock file it builds against).
pub fn step_fingerprint(ws: &Workshop, step: &str) -> String {
    fingerprint::of_dir(&ws.exercise_dir(step), &[ws.root.join("Cargo.lock")])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cargo::{TestResult, TestRun};

    fn run(lines: &[(&str, Outcome)]) -> StepResult {
        StepResult::Ran(TestRun {
            results: lines
                .iter()
                .map(|(name, outcome)| TestResult {
                    name: (*name).to_owned(),
                    outcome: *outcome,
                })
                .collect(),
            ..TestRun::default()
        })
    }

    #[test]
    fn a_full_run_counts_per_group() {
        let mut cache = Cache::default();
        let result = run(&[
            ("tests::a::one", Outcome::Passed),
            ("tests::a::two", Outcome::Failed),
            ("tests::b::one", Outcome::Passed),
            ("stray_test", Outcome::Passed),
        ]);
        cache.record("00-x", "f1", &result, None);
        let record = &cache.steps["00-x"];
        assert_eq!(
            record.groups["a"],
            Counts {
                passed: 1,
                failed: 1,
                ignored: 0
            }
        );
        assert_eq!(
            record.groups["b"],
            Counts {
                passed: 1,
                failed: 0,
                ignored: 0
            }
        );
        assert_eq!(
            record.groups.len(),
            2,
            "tests outside tests:: belong to no exercise"
        );
    }

    #[test]
    fn a_filtered_run_updates_one_group_and_keeps_the_rest() {
        let mut cache = Cache::default();
        cache.record(
            "00-x",
            "f1",
            &run(&[
                ("tests::a::one", Outcome::Failed),
                ("tests::b::one", Outcome::Failed),
            ]),
            None,
        );
        cache.record(
            "00-x",
            "f1",
            &run(&[("tests::a::one", Outcome::Passed)]),
            Some("a"),
        );
        let record = &cache.steps["00-x"];
        assert_eq!(
            record.groups["a"],
            Counts {
                passed: 1,
                failed: 0,
                ignored: 0
            }
        );
        assert_eq!(
            record.groups["b"],
            Counts {
                passed: 0,
                failed: 1,
                ignored: 0
            }
        );
        // Different sources: the other group's old result no longer holds.
        cache.record(
            "00-x",
            "f2",
            &run(&[("tests::a::one", Outcome::Passed)]),
            Some("a"),
        );
        assert!(!cache.steps["00-x"].groups.contains_key("b"));
    }

    #[test]
    fn a_compile_error_replaces_the_record() {
        let mut cache = Cache::default();
        cache.record(
            "00-x",
            "f1",
            &run(&[("tests::a::one", Outcome::Passed)]),
            None,
        );
        cache.record(
            "00-x",
            "f2",
            &StepResult::DoesNotCompile("error".to_owned()),
            None,
        );
        assert!(!cache.steps["00-x"].compiles);
        assert!(cache.steps["00-x"].groups.is_empty());
    }

    #[test]
    fn a_timed_out_run_marks_the_slow_groups() {
        let mut cache = Cache::default();
        let result = StepResult::Ran(TestRun {
            results: vec![TestResult {
                name: "tests::a::one".to_owned(),
                outcome: Outcome::Passed,
            }],
            timed_out: true,
            slow: vec!["tests::b::hangs".to_owned()],
            ..TestRun::default()
        });
        cache.record("00-x", "f1", &result, None);
        assert!(cache.steps["00-x"].hung.contains("b"));
        assert!(!cache.steps["00-x"].hung.contains("a"));
        assert!(cache.steps["00-x"].timed_out);
    }

    #[test]
    fn a_timed_out_check_marks_only_its_exercise() {
        let mut cache = Cache::default();
        let result = StepResult::Ran(TestRun {
            timed_out: true,
            ..TestRun::default()
        });
        cache.record("00-x", "f1", &result, Some("a"));
        assert!(cache.steps["00-x"].hung.contains("a"));
        assert!(
            !cache.steps["00-x"].timed_out,
            "the other exercises didn't run: unknown, not hung"
        );
    }

    #[test]
    fn the_cache_survives_a_round_trip() {
        let mut cache = Cache::default();
        cache.record(
            "00-x",
            "f1",
            &run(&[("tests::a::one", Outcome::Passed)]),
            None,
        );
        let text = serde_json::to_string(&cache).expect("serialize");
        let back: Cache = serde_json::from_str(&text).expect("deserialize");
        assert_eq!(back.steps["00-x"].groups["a"].passed, 1);
    }
}
