//! "One 表二 cell should not be below (or above) another in the same row" as one mechanism, for
//! T2-PUBLISHED, T2-IN-FORCE and T2-UNPUBLISHED.

use crate::check::finding::Finding;
use crate::check::rules::Rule;
use crate::read::Parsed;
use crate::schema::{CellKey, ColumnKey, RowKey, TableKey};

/// Which way the checked cell is bounded.
#[derive(Clone, Copy)]
pub enum Bound {
    AtMost,
    AtLeast,
}

/// For each row, the `checked` cell against its `bound` cell; `message(row label, checked, bound)`
/// words a violation. Rows with either cell missing or not a number are skipped.
pub fn check(
    rule: &Rule,
    p: &Parsed,
    rows: &[RowKey],
    (checked, bound, direction): (ColumnKey, ColumnKey, Bound),
    message: impl Fn(&str, f64, f64) -> String,
    out: &mut Vec<Finding>,
) {
    for &row in rows {
        let (a, b) = (CellKey::new(TableKey::Active, row, checked), CellKey::new(TableKey::Active, row, bound));
        let (Some(cell_a), Some(cell_b)) = (p.cell(a), p.cell(b)) else { continue };
        let (Some(value), Some(limit)) = (cell_a.number(), cell_b.number()) else { continue };
        let broken = match direction {
            Bound::AtMost => value > limit,
            Bound::AtLeast => value < limit,
        };
        if broken {
            let in_form_order = if column_position(a) < column_position(b) { [a, b] } else { [b, a] };
            out.push(
                rule.finding(message(a.row_label(), value, limit))
                    .cells(in_form_order)
                    .expected_actual(limit, value)
                    .line(cell_a.span.line.max(cell_b.span.line)),
            );
        }
    }
}

/// A column's place in its 表二 caption group.
fn column_position(key: CellKey) -> usize {
    crate::schema::ACTIVE_GROUPS
        .iter()
        .find_map(|g| {
            g.columns_2019.iter().position(|c| c.key == key.column).or_else(|| g.columns_2021.iter().position(|c| c.key == key.column))
        })
        .unwrap_or(0)
}
