//! Shared by the TEXT-* rules: comparing a number in the prose with what the tables say, and the
//! message that quotes the sentence and names the cells.

use crate::check::finding::Finding;
use crate::check::rules::Rule;
use crate::check::sums::{applicant_columns, fmt, sum};
use crate::read::cell::Value;
use crate::read::prose::{Mention, Topic};
use crate::read::Parsed;
use crate::schema::{row_label, TableKey};

/// What a prose number may legitimately equal: a description, the cells, and their sum.
pub struct Target {
    pub what: String,
    pub cells: Vec<String>,
    pub value: f64,
}

impl Target {
    /// The sum of `cells`, None when a cell was not read.
    pub fn new(p: &Parsed, what: impl Into<String>, cells: Vec<String>) -> Option<Target> {
        let mut value = 0.0;
        let mut what = what.into();
        for cell in &cells {
            let (v, derived) = effective(p, cell)?;
            value += v;
            if derived && !what.contains("总计栏空白") {
                what.push_str("（总计栏空白，按该行各列之和计算）");
            }
        }
        Some(Target { what, cells, value })
    }
}

/// A cell's value for comparing with prose. A blank 表三 总计 counts as the sum of its row (what
/// it should say), so prose is compared with the row, not with an empty cell; `true` says so.
fn effective(p: &Parsed, cell: &str) -> Option<(f64, bool)> {
    let blank_total = cell.starts_with("applications.") && p.cell(cell).is_some_and(|c| c.value == Value::Blank);
    match cell.strip_suffix(".total").filter(|_| blank_total) {
        Some(row) => Some((sum(p, &applicant_columns().map(|c| format!("{row}.{c}")).collect::<Vec<_>>())?.value, true)),
        None => Some((sum(p, &[cell.to_owned()])?.value, false)),
    }
}

/// Compares every prose number of `topic` with the targets `targets` gives (the first is the main one).
pub fn check_topic(rule: &Rule, p: &Parsed, topic: Topic, targets: &[(&str, &[&str])], out: &mut Vec<Finding>) {
    for m in p.prose.mentions.iter().filter(|m| m.topic == topic) {
        let targets: Vec<Target> = targets.iter().filter_map(|(what, rows)| Target::new(p, *what, totals(rows))).collect();
        out.extend(compare(rule, p, m, &targets));
    }
}

/// `applications.<row>.total` for each row.
pub fn totals(rows: &[&str]) -> Vec<String> {
    rows.iter().map(|r| format!("applications.{r}.total")).collect()
}

/// The line a mention's number stands on.
pub fn line_of(p: &Parsed, m: &Mention) -> usize {
    p.source.span(m.amount.start_byte, m.amount.end_byte).line
}

/// A finding when the prose number matches none of the targets (the first is the main one).
/// Approximate numbers (`40余件`) are never compared.
pub fn compare(rule: &Rule, p: &Parsed, m: &Mention, targets: &[Target]) -> Option<Finding> {
    let first = targets.first()?;
    if m.amount.approximate || targets.iter().any(|t| (t.value - m.amount.value).abs() < 1e-6) {
        return None;
    }
    let sentence = &p.prose.sentences[m.sentence];
    let tables: Vec<String> = targets.iter().map(|t| format!("{}为 {}", t.what, fmt(t.value))).collect();
    let message = format!(
        "正文“{}”中为 {}{}，而{}。{}",
        sentence.excerpt(m.amount.at),
        fmt(m.amount.value),
        m.amount.unit,
        tables.join("，"),
        hint(p, first, m.amount.value)
    );
    let cells = targets.iter().flat_map(|t| t.cells.iter().cloned());
    let mut unique: Vec<String> = Vec::new();
    for c in cells {
        if !unique.contains(&c) {
            unique.push(c);
        }
    }
    Some(rule.finding(message.trim_end().to_owned()).cells(unique).expected_actual(first.value, m.amount.value).line(line_of(p, m)))
}

/// Why the prose number may differ: it equals the 自然人 column, or a single row of a group.
fn hint(p: &Parsed, target: &Target, value: f64) -> String {
    let natural: Vec<String> = target.cells.iter().filter_map(|c| c.strip_suffix(".total").map(|r| format!("{r}.natural"))).collect();
    if natural.len() == target.cells.len() && sum(p, &natural).is_some_and(|s| (s.value - value).abs() < 1e-6) && value != target.value {
        return "正文的数字与“自然人”一列相同，可能误取了自然人一列，而不是“总计”列。".to_owned();
    }
    if target.cells.len() > 1 {
        for cell in &target.cells {
            if effective(p, cell).is_some_and(|(v, _)| (v - value).abs() < 1e-6) {
                if let Some(row) = cell.strip_prefix("applications.").and_then(|r| r.strip_suffix(".total")) {
                    return format!("正文的数字只等于其中“{}”一项，可能漏计了同组其他各项。", row_label(TableKey::Applications, row));
                }
            }
        }
    }
    String::new()
}

#[cfg(test)]
pub mod fixture {
    //! The synthetic report with a sentence added to its 总体情况.

    pub fn with_sentence(sentence: &str) -> String {
        crate::testing::edited("一、总体情况\n", &format!("一、总体情况\n{sentence}\n"))
    }
}
