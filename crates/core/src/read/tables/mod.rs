//! Reads 表二, 表三 and 表四 out of their sections: the label aligner ([`align`]) finds each row's
//! label, each table's reader places the cells after it under the column keys, and every row whose
//! numbers cannot be placed with confidence is recorded instead of guessed.

mod active;
mod align;
mod applications;
mod reviews;
mod split;

pub use active::read_active;
pub use applications::read_applications;
pub use reviews::read_reviews;

use crate::read::cell::Cell;
use crate::read::cell::Value;
use crate::read::tokens::Token;
use crate::schema::{self, CellKey, Column, Format, RowKey, TableKey, ValueKind, ACTIVE_HEADER_MARKERS};
use crate::text::{char_set, find_from};
use align::{place, Hit, Prepared};
use serde::Serialize;
use std::sync::OnceLock;

/// The most cells the three tables can give: each official row once, with its columns.
pub fn most_cells() -> usize {
    let active: usize = schema::ACTIVE_GROUPS.iter().map(|g| g.rows.len() * g.columns_2019.len().max(g.columns_2021.len())).sum();
    active + schema::APPLICATION_ROWS.len() * schema::APPLICATION_COLUMNS.len() + schema::REVIEW_ROWS.len() * schema::REVIEW_COLUMNS.len()
}

/// What the reader learned about one table besides its cells.
#[derive(Clone, Debug, Serialize)]
pub struct TableRead {
    pub table: TableKey,
    /// Line where the table's section (or, failing that, the table itself) starts.
    pub line: Option<usize>,
    /// Last line of the table's region.
    pub end: Option<usize>,
    /// Keys of the standard rows whose label was found, with the label's line.
    pub rows: Vec<(RowKey, usize)>,
    /// Rows (or the whole table, `row: None`) whose numbers could not be placed.
    pub unreadable: Vec<Unreadable>,
    /// Rows with numbers whose label is not a standard row.
    pub extra_rows: Vec<ExtraRow>,
    /// Format of the table from its own markers.
    pub format: Format,
}

/// A row whose numbers could not be placed in columns with confidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unreadable {
    pub row: Option<RowKey>,
    pub line: usize,
    /// How many cells were found after the label.
    pub found: usize,
    /// How many the row has in the official form.
    pub expected: usize,
    /// The cell keys that were therefore left out.
    pub cells: Vec<CellKey>,
}

/// A row with numbers that matches no standard row label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExtraRow {
    pub label: String,
    pub line: usize,
    pub cells: Vec<String>,
}

/// A sign of the format seen in a table: a header word or a row label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Marker {
    pub format: Format,
    pub table: TableKey,
    pub text: String,
    pub line: usize,
}

/// Everything read from one table.
pub struct TableOutput {
    pub read: TableRead,
    /// The cells of the tables read so far, this table's after them.
    pub cells: Vec<Cell>,
    pub markers: Vec<Marker>,
}

impl TableOutput {
    /// Nothing read yet from `table`; its cells are to follow `cells`.
    pub(crate) fn empty(table: TableKey, line: Option<usize>, cells: Vec<Cell>) -> Self {
        TableOutput {
            read: TableRead {
                table,
                line,
                end: None,
                rows: Vec::new(),
                unreadable: Vec::new(),
                extra_rows: Vec::new(),
                format: Format::Unknown,
            },
            cells,
            markers: Vec::new(),
        }
    }

    pub(crate) fn marker(&mut self, format: Format, text: &str, line: usize) {
        if !self.markers.iter().any(|m| m.format == format && m.text == text) {
            self.markers.push(Marker { format, table: self.read.table, text: text.to_owned(), line });
        }
    }

    /// The format announced by 表二 header words in a segment's label, recorded as markers.
    pub(crate) fn header_markers(&mut self, p: &Prepared, seg: usize) -> Option<Format> {
        // A word is looked for only where all its characters are.
        static WORD_SETS: OnceLock<Vec<u64>> = OnceLock::new();
        let word_sets = WORD_SETS.get_or_init(|| ACTIVE_HEADER_MARKERS.iter().map(|(word, _)| char_set(word)).collect());
        let (skel, skel_set) = (p.skeleton(seg), p.char_set(seg));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut format = None;
        for ((word, f), set) in ACTIVE_HEADER_MARKERS.iter().zip(word_sets) {
            if set & !skel_set != 0 {
                continue;
            }
            let mut from = 0;
            while let Some(start) = find_from(skel, word, from) {
                let end = start + word.len();
                from = end;
                if taken.iter().any(|&(s, e)| start < e && s < end) {
                    continue;
                }
                taken.push((start, end));
                self.marker(*f, word, p.label_line(seg));
                format = Some(*f);
            }
        }
        format
    }

    pub(crate) fn place_row(&mut self, p: &Prepared, row: RowKey, columns: &[Column], cells: &[Token], line: usize) {
        let table = self.read.table;
        // A row has at most seven columns: their kinds stay on the stack.
        let mut stack = [ValueKind::Count; 8];
        let heap: Vec<ValueKind>;
        let kinds: &[ValueKind] = if columns.len() <= stack.len() {
            stack.iter_mut().zip(columns).for_each(|(k, c)| *k = c.kind);
            &stack[..columns.len()]
        } else {
            heap = columns.iter().map(|c| c.kind).collect();
            &heap
        };
        match place(cells, kinds, table.row_sum_width()) {
            Some(placed) => {
                for (col, token) in columns.iter().zip(placed.iter()) {
                    self.cells.push(p.cell(CellKey::new(table, row, col.key), token));
                }
            }
            None => self.read.unreadable.push(Unreadable {
                row: Some(row),
                line,
                found: cells.iter().filter(|c| c.value != Value::Blank).count(),
                expected: columns.len(),
                cells: columns.iter().map(|c| CellKey::new(table, row, c.key)).collect(),
            }),
        }
    }

    /// Segments after the first standard row that carry numbers but matched no label.
    pub(crate) fn extra_rows(&mut self, p: &Prepared, hits: &[Hit]) {
        let Some(first) = hits.first().map(|h| h.seg) else {
            return;
        };
        for (seg, segment) in p.segments.iter().enumerate().skip(first + 1) {
            if hits.iter().any(|h| h.seg == seg) || !segment.has_content() || segment.label.is_empty() {
                continue;
            }
            let label: String = segment.label.iter().map(|t| t.text.split_whitespace().collect::<String>()).collect();
            let cells = segment.cells.iter().map(|c| c.text.trim().to_owned()).collect();
            self.read.extra_rows.push(ExtraRow { label, line: p.label_line(seg), cells });
        }
    }

    pub(crate) fn finish(mut self) -> Self {
        let has = |f: Format| self.markers.iter().any(|m| m.format == f);
        self.read.format = Format::from_markers(has(Format::F2019), has(Format::F2021));
        self
    }
}
