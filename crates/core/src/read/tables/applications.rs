//! 表三's reader: 25 (2021) or 23 (2019) rows of 7 columns, the （六） rows of one format or the other.

use super::align::{owners, Prepared, TableRows};
use super::TableOutput;
use crate::read::cell::Cell;
use crate::read::tokens::Segments;
use crate::schema::{self, Era, Format, TableKey};
use crate::text::Source;

/// Reads 表三 from its segments, its cells after `cells`.
pub fn read_applications<'a>(source: &'a Source, segments: Segments<'a>, line: Option<usize>, cells: Vec<Cell>) -> TableOutput {
    let table = TableKey::Applications;
    let p = Prepared::new(source, segments);
    let table_rows = TableRows::of(table);
    let rows = &table_rows.rows;
    let hits = p.match_excluding_best(table_rows, [Era::Only2019, Era::Only2021]);
    let mut out = TableOutput::empty(table, line, cells);
    out.cells.reserve(hits.len() * schema::APPLICATION_COLUMNS.len());
    let owners = owners(&hits);
    out.read.rows.reserve(hits.len());
    for hit in &hits {
        let row = rows[hit.row];
        let label_line = p.label_line(hit.seg);
        out.read.rows.push((row.key, label_line));
        match row.era {
            Era::Only2019 => out.marker(Format::F2019, "（六）其他处理（单行）", label_line),
            Era::Only2021 => out.marker(Format::F2021, row.label, label_line),
            Era::Both => {}
        }
        let cells = p.cells_after(hit, &owners);
        out.place_row(&p, row.key, schema::APPLICATION_COLUMNS, cells, label_line);
    }
    out.extra_rows(&p, &hits);
    out.finish()
}
