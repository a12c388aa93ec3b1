//! "Cells of one kind, one finding per table that lists them" as one mechanism, for CELL-BLANK and
//! CELL-PLACEHOLDER. A column or row whose every cell is of the kind is named once.

use crate::check::finding::Finding;
use crate::check::rules::Rule;
use crate::read::cell::Cell;
use crate::read::Parsed;
use crate::schema::{CellKey, ColumnKey, TableKey};

/// One finding per table with cells that `is_kind`; `message(table, count, listed)` words it.
pub fn check(
    rule: &Rule,
    p: &Parsed,
    is_kind: impl Fn(&Cell) -> bool,
    message: impl Fn(TableKey, usize, String) -> String,
    out: &mut Vec<Finding>,
) {
    if !p.cells.iter().any(&is_kind) {
        return; // one pass for the usual report, instead of one per table
    }
    for table in TableKey::ALL {
        let cells: Vec<&Cell> = p.cells_of(table).filter(|c| is_kind(c)).collect();
        let Some(first) = cells.first() else { continue };
        out.push(
            rule.finding(message(table, cells.len(), describe(p, &cells.iter().map(|c| c.key).collect::<Vec<_>>(), false)))
                .cells(cells.iter().map(|c| c.key))
                .table(table)
                .line(first.span.line),
        );
    }
}

/// The cells as the form names them, compactly: a whole column once (“总计”列全部 26 格), four or
/// more cells of a column as a range of rows, the rest one by one (with what they hold, if not
/// blank). `with_table` prefixes the table (表三…) where the message does not name it already.
pub fn describe(p: &Parsed, cells: &[CellKey], with_table: bool) -> String {
    let mut parts = Vec::new();
    let mut columns: Vec<(TableKey, ColumnKey)> = Vec::new();
    for k in cells {
        if !columns.contains(&(k.table, k.column)) {
            columns.push((k.table, k.column));
        }
    }
    let table_name = |t: TableKey| if with_table { t.short() } else { "" };
    let mut single = Vec::new();
    for (table, column) in columns {
        let listed: Vec<CellKey> = cells.iter().copied().filter(|k| k.table == table && k.column == column).collect();
        let in_column = p.cells_of(table).filter(|c| c.key.column == column).count();
        let label = listed[0].column_def().label;
        if listed.len() > 1 && listed.len() == in_column {
            parts.push(format!("{}“{label}”列全部 {} 格", table_name(table), listed.len()));
        } else if listed.len() >= 4 {
            let (first, last) = (listed[0].row_label(), listed[listed.len() - 1].row_label());
            parts.push(format!("{}“{label}”列中的 {} 格（“{first}”行至“{last}”行）", table_name(table), listed.len()));
        } else {
            single.extend(listed);
        }
    }
    for k in cells.iter().filter(|k| single.contains(k)) {
        let raw = p.cell(*k).map_or("", |c| c.raw.as_str());
        let raw = if raw.is_empty() { String::new() } else { format!("（“{raw}”）") };
        let label = if with_table { k.label() } else { k.label_in_table() };
        parts.push(format!("{label}{raw}"));
    }
    parts.join("、")
}
