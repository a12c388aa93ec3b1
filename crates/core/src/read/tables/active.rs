//! 表二's reader: each row's columns follow the header of its caption group (2019 or 2021 wording).

use super::align::{owners, Prepared, TableRows};
use super::{TableOutput, Unreadable};
use crate::read::cell::Cell;
use crate::read::tokens::Segments;
use crate::schema::{self, Column, Era, Format, Row, RowKey, TableKey, ACTIVE_GROUPS};
use crate::text::Source;

/// Reads 表二 from its segments, its cells after `cells`: each row's columns follow the header of its caption group.
pub fn read_active<'a>(source: &'a Source, segments: Segments<'a>, line: Option<usize>, cells: Vec<Cell>) -> TableOutput {
    let table = TableKey::Active;
    let p = Prepared::new(source, segments);
    let table_rows = TableRows::of(table);
    let rows = &table_rows.rows;
    let hits = p.match_rows(table_rows);
    let mut out = TableOutput::empty(table, line, cells);
    let headers: Vec<Option<Format>> = (0..p.segments.len()).map(|seg| out.header_markers(&p, seg)).collect();
    let owners = owners(&hits);
    out.read.rows.reserve(hits.len());
    for hit in &hits {
        let row = rows[hit.row];
        let group = ACTIVE_GROUPS.iter().find(|g| g.rows.iter().any(|r| r.key == row.key)).expect("row of a group");
        let label_line = p.label_line(hit.seg);
        out.read.rows.push((row.key, label_line));
        // 行政规范性文件 is the 2021 form's label. A bare 规范性文件 is the 2019 form's, but 2021-format
        // reports often shorten their label to it too: it tells nothing, and marks no format.
        if row.key == RowKey::Normative && hit.pattern == 0 {
            out.marker(Format::F2021, "行政规范性文件", label_line);
        }
        if row.era == Era::Only2019 {
            out.marker(Format::F2019, row.label, label_line);
        }
        let cells = p.cells_after(hit, &owners);
        let header = headers[..=hit.seg].iter().rev().find_map(|h| *h);
        let columns = active_columns(group, row, header, cells.len());
        match columns {
            Some(columns) => out.place_row(&p, row.key, columns, cells, label_line),
            None => out.read.unreadable.push(Unreadable {
                row: Some(row.key),
                line: label_line,
                found: cells.len(),
                expected: group.columns_2019.len().max(group.columns_2021.len()),
                cells: Vec::new(),
            }),
        }
    }
    out.extra_rows(&p, &hits);
    out.finish()
}

/// The columns of a 表二 row: from the group's header, else from the row (a 2019-only row), else
/// from the number of cells when only one format fits it. None when it cannot be told.
fn active_columns(group: &schema::ActiveGroup, row: &Row, header: Option<Format>, cells: usize) -> Option<&'static [Column]> {
    if row.era == Era::Only2019 {
        return Some(group.columns_2019);
    }
    if let Some(format) = header {
        return Some(group.columns(format));
    }
    let fits_2019 = cells == group.columns_2019.len();
    let fits_2021 = cells == group.columns_2021.len();
    match (fits_2019, fits_2021) {
        (true, false) => Some(group.columns_2019),
        (false, true) => Some(group.columns_2021),
        _ => None,
    }
}
