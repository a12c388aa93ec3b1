//! The check layer: every rule of the catalogue run over a parsed report, giving findings.

pub mod cell_lists;
pub mod comparisons;
pub mod figures;
pub mod finding;
pub mod identities;
pub mod report;
pub mod rules;
pub mod sums;

use crate::read::Parsed;
use finding::Finding;

/// Runs every rule; findings come errors first, then by line.
pub fn run(report: &Parsed, previous: Option<&Parsed>) -> Vec<Finding> {
    rules::run(report, previous)
}
