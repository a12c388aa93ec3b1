//! Arithmetic over cells for the identity rules: sums in which a blank counts as 0 (and is named
//! in the message), and the keys of a row or column.

use crate::check::finding::show;
use crate::read::cell::Value;
use crate::read::Parsed;
use crate::schema::{self, TableKey, APPLICATION_COLUMNS, APPLICATION_ROWS};

/// A sum of cells and the blank cells that took part in it as 0.
pub struct Sum {
    pub value: f64,
    pub blanks: Vec<String>,
}

/// The sum of the cells; None when any is missing or holds text (the identity cannot be checked).
pub fn sum(p: &Parsed, keys: &[String]) -> Option<Sum> {
    let mut total = Sum { value: 0.0, blanks: Vec::new() };
    for key in keys {
        let cell = p.cell(key)?;
        match cell.value {
            Value::Number { value, .. } => total.value += value,
            Value::Blank => total.blanks.push(key.clone()),
            Value::Placeholder => {}
            Value::Text => return None,
        }
    }
    Some(total)
}

/// A total that is not the sum of its parts.
pub struct Mismatch {
    pub parts: Sum,
    pub total: Sum,
    /// Line of the total cell.
    pub line: usize,
}

/// Compares a total cell with the sum of its parts; None when they agree or cannot be checked.
pub fn total_mismatch(p: &Parsed, parts: &[String], total: &str) -> Option<Mismatch> {
    let (parts_sum, total_sum) = (sum(p, parts)?, sum(p, &[total.to_owned()])?);
    if equal(parts_sum.value, total_sum.value) {
        return None;
    }
    let line = p.cell(total).map_or(1, |c| c.span.line);
    Some(Mismatch { parts: parts_sum, total: total_sum, line })
}

/// Two sums are equal (amounts may have decimals).
pub fn equal(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// `（其中 a、b 为空白，按 0 计算）`, or nothing.
pub fn blank_note(sums: &[&Sum]) -> String {
    let blanks: Vec<&str> = sums.iter().flat_map(|s| s.blanks.iter().map(String::as_str)).collect();
    if blanks.is_empty() {
        String::new()
    } else {
        format!("（其中 {} 为空白，按 0 计算；如实际不为 0，请补填）", blanks.join("、"))
    }
}

pub fn key(table: TableKey, row: &str, column: &str) -> String {
    schema::cell_key(table, row, column)
}

/// The 表三 outcome rows the table uses: the single 2019 （六） row or the three 2021 sub-rows.
pub fn outcome_rows(p: &Parsed) -> Vec<&'static str> {
    let has_2021_other = p.cells.iter().any(|c| c.key.starts_with("applications.other_"));
    APPLICATION_ROWS
        .iter()
        .filter(|r| schema::is_outcome_row(r.key))
        .filter(|r| if has_2021_other { r.key != "other" } else { !r.key.starts_with("other_") })
        .map(|r| r.key)
        .collect()
}

/// The six applicant columns of 表三 (all but 总计).
pub fn applicant_columns() -> impl Iterator<Item = &'static str> {
    APPLICATION_COLUMNS.iter().map(|c| c.key).filter(|k| *k != "total")
}

pub fn fmt(v: f64) -> String {
    show(v)
}
