//! "A figure in the prose equals a table cell" as one mechanism for the TEXT-* rules: the cells a
//! prose number may stand for, the comparison (approximate numbers skipped), the hint when the
//! author read the wrong column or one sub-item, and the "all upheld" claim against 表四.

use crate::check::finding::{show, Finding};
use crate::check::rules::Rule;
use crate::check::sums::{applicant_columns, equal, sum};
use crate::read::cell::Value;
use crate::read::prose::{Claim, Mention, Topic};
use crate::read::Parsed;
use crate::schema::{CellKey, ColumnKey, RowKey, TableKey};

/// What a prose number may legitimately equal: a description, the cells, and their sum.
pub struct Target {
    pub what: String,
    pub cells: Vec<CellKey>,
    pub value: f64,
}

impl Target {
    /// The sum of `cells`, None when a cell was not read.
    pub fn new(p: &Parsed, what: impl Into<String>, cells: Vec<CellKey>) -> Option<Target> {
        let mut value = 0.0;
        let mut what = what.into();
        for &cell in &cells {
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
fn effective(p: &Parsed, cell: CellKey) -> Option<(f64, bool)> {
    let blank_total =
        cell.table == TableKey::Applications && cell.column == ColumnKey::Total && p.cell(cell).is_some_and(|c| c.value == Value::Blank);
    if blank_total {
        let row: Vec<CellKey> = applicant_columns().map(|c| cell.with_column(c)).collect();
        Some((sum(p, &row)?.value, true))
    } else {
        Some((sum(p, &[cell])?.value, false))
    }
}

/// Compares every prose number of `topic` with the targets (a description and the 表三 rows whose
/// 总计 it may be; the first is the main one).
pub fn check_topic(rule: &Rule, p: &Parsed, topic: Topic, targets: &[(&str, &[RowKey])], out: &mut Vec<Finding>) {
    for m in p.prose.mentions.iter().filter(|m| m.topic == topic) {
        let targets: Vec<Target> = targets.iter().filter_map(|(what, rows)| Target::new(p, *what, totals(rows))).collect();
        out.extend(compare(rule, p, m, &targets));
    }
}

/// The 表三 总计 cell of each row.
pub fn totals(rows: &[RowKey]) -> Vec<CellKey> {
    rows.iter().map(|&r| CellKey::new(TableKey::Applications, r, ColumnKey::Total)).collect()
}

/// The line a mention's number stands on.
pub fn line_of(p: &Parsed, m: &Mention) -> usize {
    p.source.span(m.amount.start_byte, m.amount.end_byte).line
}

/// A finding when the prose number matches none of the targets (the first is the main one).
/// Approximate numbers (`40余件`) are never compared.
pub fn compare(rule: &Rule, p: &Parsed, m: &Mention, targets: &[Target]) -> Option<Finding> {
    let first = targets.first()?;
    if m.amount.approximate || targets.iter().any(|t| equal(t.value, m.amount.value)) {
        return None;
    }
    let sentence = &p.prose.sentences[m.sentence];
    let tables: Vec<String> = targets.iter().map(|t| format!("{}为 {}", t.what, show(t.value))).collect();
    let message = format!(
        "正文“{}”中为 {}{}，而{}。{}",
        sentence.excerpt(m.amount.at),
        show(m.amount.value),
        m.amount.unit,
        tables.join("，"),
        hint(p, first, m.amount.value)
    );
    let mut unique: Vec<CellKey> = Vec::new();
    for &c in targets.iter().flat_map(|t| t.cells.iter()) {
        if !unique.contains(&c) {
            unique.push(c);
        }
    }
    Some(rule.finding(message.trim_end().to_owned()).cells(unique).expected_actual(first.value, m.amount.value).line(line_of(p, m)))
}

/// Why the prose number may differ: it equals the 自然人 column, or a single row of a group.
fn hint(p: &Parsed, target: &Target, value: f64) -> String {
    let is_total = |c: &CellKey| c.table == TableKey::Applications && c.column == ColumnKey::Total;
    if target.cells.iter().all(is_total) {
        let natural: Vec<CellKey> = target.cells.iter().map(|c| c.with_column(ColumnKey::Natural)).collect();
        if sum(p, &natural).is_some_and(|s| equal(s.value, value)) && !equal(value, target.value) {
            return "正文的数字与“自然人”一列相同，可能误取了自然人一列，而不是“总计”列。".to_owned();
        }
    }
    if target.cells.len() > 1 {
        let single = target.cells.iter().filter(|c| is_total(c)).find(|&&c| effective(p, c).is_some_and(|(v, _)| equal(v, value)));
        if let Some(cell) = single {
            return format!("正文的数字只等于其中“{}”一项，可能漏计了同组其他各项。", cell.row_label());
        }
    }
    String::new()
}

/// "均获维持": a claim that every case of some 表四 groups was upheld, against their cells.
pub fn all_upheld(rule: &Rule, p: &Parsed, claim: Claim, groups: &[RowKey], what: &str, out: &mut Vec<Finding>) {
    let cells = |column: ColumnKey| groups.iter().map(|&g| CellKey::new(TableKey::Reviews, g, column)).collect::<Vec<_>>();
    for &(said, index) in &p.prose.claims {
        if said != claim {
            continue;
        }
        let (Some(upheld), Some(total)) = (sum(p, &cells(ColumnKey::Upheld)), sum(p, &cells(ColumnKey::Total))) else {
            continue;
        };
        if upheld.value < total.value {
            let sentence = &p.prose.sentences[index];
            let involved = [ColumnKey::Upheld, ColumnKey::Corrected, ColumnKey::Other, ColumnKey::Pending, ColumnKey::Total];
            out.push(
                rule.finding(format!(
                    "正文“{}”称{what}结果均为维持，但表四{what}共 {} 件，其中结果维持只有 {} 件。",
                    sentence.excerpt(0),
                    show(total.value),
                    show(upheld.value)
                ))
                .cells(involved.into_iter().flat_map(cells))
                .expected_actual(total.value, upheld.value)
                .line(sentence.line),
            );
        }
    }
}

#[cfg(test)]
pub mod fixture {
    //! The synthetic report with a sentence added to its 总体情况.

    pub fn with_sentence(sentence: &str) -> String {
        crate::testing::edited("一、总体情况\n", &format!("一、总体情况\n{sentence}\n"))
    }

    /// A prose rule fires once on `wrong`, naming `cells` with (expected, actual), and stays silent
    /// on `right` and on the synthetic report.
    pub fn assert_fires_and_stays_silent(rule: &str, wrong: &str, cells: &[&str], values: (f64, f64), right: &str) {
        let found = crate::testing::findings(&with_sentence(wrong), rule);
        assert_eq!(found.len(), 1, "{rule}: {found:?}");
        assert_eq!(found[0].cells, cells, "{rule}");
        assert_eq!((found[0].expected, found[0].actual), (Some(values.0), Some(values.1)), "{rule}");
        assert!(crate::testing::findings(&with_sentence(right), rule).is_empty(), "{rule}: {right}");
        assert!(crate::testing::findings(crate::testing::SYNTHETIC_2021, rule).is_empty(), "{rule}");
    }
}
