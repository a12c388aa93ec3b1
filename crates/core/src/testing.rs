//! Helpers for rule tests: the synthetic consistent 2021 report and running one rule on a text.

use crate::{Finding, Report};

/// A consistent 2021-format report (tab-separated rows); every rule stays silent on it except
/// where a test changes it.
pub const SYNTHETIC_2021: &str = include_str!("../../../tests/fixtures/synthetic/tab-rows-2021.txt");

pub fn check(text: &str) -> Report {
    crate::check_text(text).expect("test text is readable")
}

/// The findings of one rule on a text.
pub fn findings(text: &str, rule: &str) -> Vec<Finding> {
    check(text).findings.into_iter().filter(|f| f.rule == rule).collect()
}

/// The synthetic report with one piece of text replaced (which must be present).
pub fn edited(from: &str, to: &str) -> String {
    assert!(SYNTHETIC_2021.contains(from), "fixture has no {from:?}");
    SYNTHETIC_2021.replacen(from, to, 1)
}
