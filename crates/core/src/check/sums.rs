//! Arithmetic over cells: sums in which a blank counts as 0 (and is named), equality within the
//! tolerance that amounts with decimals need, and the 表三 rows and columns that identities add up.

use crate::read::cell::Value;
use crate::read::Parsed;
use crate::schema::{CellKey, ColumnKey, Era, OutcomeGroup, RowKey, TableKey, APPLICATION_COLUMNS, APPLICATION_ROWS};

/// Two amounts are equal when they differ by less than this (amounts may have decimals).
pub const TOLERANCE: f64 = 1e-6;

/// Whether two sums are equal.
pub fn equal(a: f64, b: f64) -> bool {
    (a - b).abs() < TOLERANCE
}

/// A sum of cells and the blank cells that took part in it as 0.
#[derive(Clone, Debug)]
pub struct Sum {
    pub value: f64,
    pub blanks: Vec<CellKey>,
}

/// The sum of the cells; None when any is missing or holds text (the identity cannot be checked).
pub fn sum(p: &Parsed, keys: &[CellKey]) -> Option<Sum> {
    let mut total = Sum { value: 0.0, blanks: Vec::new() };
    for &key in keys {
        match p.cell(key)?.value {
            Value::Number { value, .. } => total.value += value,
            Value::Blank => total.blanks.push(key),
            Value::Placeholder => {}
            Value::Text => return None,
        }
    }
    Some(total)
}

/// `（其中表三“…”行“总计”列为空白，核对时按 0 计算……）`, or nothing.
pub fn blank_note(p: &Parsed, blanks: &[CellKey]) -> String {
    if blanks.is_empty() {
        return String::new();
    }
    format!("（其中{}为空白，核对时按 0 计算；空白不等于 0，请填写实际数字。）", crate::check::cell_lists::describe(p, blanks, true))
}

/// The 表三 outcome rows the table uses: the single 2019 （六） row or the three 2021 sub-rows.
pub fn outcome_rows(p: &Parsed) -> Vec<RowKey> {
    outcome_rows_of(has_2021_other(p)).collect()
}

/// Whether 表三 has the 2021 sub-rows of （六）其他处理.
pub fn has_2021_other(p: &Parsed) -> bool {
    let is_2021_other = |row: RowKey| matches!(row, RowKey::OtherNoCorrection | RowKey::OtherNoFee | RowKey::OtherMisc);
    p.cells_of(TableKey::Applications).any(|c| is_2021_other(c.key.row))
}

/// The 表三 outcome rows with the 2021 sub-rows of （六） (`split_other`) or the single 2019 row.
pub fn outcome_rows_of(split_other: bool) -> impl Iterator<Item = RowKey> {
    APPLICATION_ROWS
        .iter()
        .filter(|r| r.outcome.is_some())
        .filter(move |r| r.outcome != Some(OutcomeGroup::Other) || (r.era == Era::Only2021) == split_other)
        .map(|r| r.key)
}

/// The six applicant columns of 表三 (all but 总计).
pub fn applicant_columns() -> impl Iterator<Item = ColumnKey> {
    APPLICATION_COLUMNS.iter().map(|c| c.key).filter(|k| *k != ColumnKey::Total)
}
