//! 表四's reader: one row of 15 numbers, or one row of 5 per group.

use super::align::{owners, place, Prepared, TableRows};
use super::{TableOutput, Unreadable};
use crate::read::cell::Cell;
use crate::read::tokens::Segments;
use crate::schema::{self, CellKey, TableKey, ValueKind};
use crate::text::Source;

/// Reads 表四, its cells after `cells`: one row of 15 numbers, or one row of 5 per group.
pub fn read_reviews<'a>(source: &'a Source, segments: Segments<'a>, line: Option<usize>, cells: Vec<Cell>) -> TableOutput {
    let table = TableKey::Reviews;
    let p = Prepared::new(source, segments);
    let mut out = TableOutput::empty(table, line, cells);
    let all = schema::REVIEW_ROWS.len() * schema::REVIEW_COLUMNS.len();
    let counts = vec![ValueKind::Count; all];
    let single = (0..p.segments.len()).rev().find_map(|seg| Some((seg, place(p.segments.get(seg).cells, &counts, table.row_sum_width())?)));
    if let Some((seg, cells)) = single {
        let label_line = p.label_line(seg);
        let keys = schema::REVIEW_ROWS.iter().flat_map(|r| schema::REVIEW_COLUMNS.iter().map(move |c| CellKey::new(table, r.key, c.key)));
        for (key, token) in keys.zip(cells.iter()) {
            out.cells.push(p.cell(key, token));
        }
        out.read.rows = schema::REVIEW_ROWS.iter().map(|r| (r.key, label_line)).collect();
        return out.finish();
    }
    let table_rows = TableRows::of(table);
    let rows = &table_rows.rows;
    let hits = p.match_rows(table_rows);
    let owners = owners(&hits);
    let placed: Vec<_> = hits
        .iter()
        .filter(|h| owners.contains(&(h.seg, h.end)))
        .filter_map(|h| place(p.segments.get(h.seg).cells, &counts[..schema::REVIEW_COLUMNS.len()], table.row_sum_width()).map(|c| (h, c)))
        .collect();
    if placed.len() == rows.len() {
        for (hit, cells) in placed {
            let row = rows[hit.row];
            out.read.rows.push((row.key, p.label_line(hit.seg)));
            for (col, token) in schema::REVIEW_COLUMNS.iter().zip(cells.iter()) {
                out.cells.push(p.cell(CellKey::new(table, row.key, col.key), token));
            }
        }
    } else {
        // Numbers that fit no layout are unread; a region with none has no table to read.
        let found = p.segments.iter().map(|s| s.cells.iter().filter(|c| c.value.is_cell_like()).count()).max().unwrap_or(0);
        if let Some(first) = p.segments.iter().position(|s| s.cells.iter().any(|c| c.value.is_cell_like())) {
            out.read.unreadable.push(Unreadable { row: None, line: p.label_line(first), found, expected: all, cells: Vec::new() });
        }
    }
    out.finish()
}
