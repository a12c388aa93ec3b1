//! `Parsed`: everything read from a report — metadata, sections, cells and what the table reader
//! learned — before any rule is checked.

use crate::read::cell::{Cell, Value};
use crate::read::meta::Published;
use crate::read::prose::Prose;
use crate::read::sections::Section;
use crate::read::tables::{Marker, TableRead};
use crate::schema::{CellKey, ColumnKey, Format, RowKey, TableKey};
use crate::text::Source;

/// Everything read from a report, before any rule is checked.
#[derive(Debug)]
pub struct Parsed {
    pub source: Source,
    /// What the text was read from: `text`, `docx` or `html`.
    pub input: crate::input::InputKind,
    pub encoding: &'static str,
    pub organ: Option<String>,
    pub year: Option<i32>,
    pub title_line: Option<usize>,
    pub format: Format,
    pub published: Option<Published>,
    pub sections: Vec<Section>,
    pub cells: Vec<Cell>,
    pub tables: Vec<TableRead>,
    pub markers: Vec<Marker>,
    /// The prose outside the tables, read into sentences and numbers.
    pub prose: Prose,
    /// Cell key → index into `cells`.
    pub cell_index: CellIndex,
}

/// Cell key → index into a report's cells: one slot for every row and column, so a rule's look-up
/// is an array index rather than a hash. A row belongs to one table, so the table needs no slots
/// of its own (a third of the memory, which a batch keeps for every report); the cell found is
/// checked to be of the table asked for.
#[derive(Clone, Debug)]
pub struct CellIndex(Vec<u16>);

impl CellIndex {
    const NONE: u16 = u16::MAX;

    /// The index of `cells`; a key read twice points at its last cell.
    pub fn new(cells: &[Cell]) -> CellIndex {
        let mut slots = vec![Self::NONE; RowKey::ALL.len() * ColumnKey::ALL.len()];
        for (i, cell) in cells.iter().enumerate() {
            slots[Self::slot(cell.key)] = u16::try_from(i).expect("fewer than 65,535 cells");
        }
        CellIndex(slots)
    }

    /// The cell of `key` among the `cells` the index was made of.
    pub fn find<'c>(&self, cells: &'c [Cell], key: CellKey) -> Option<&'c Cell> {
        let i = self.0[Self::slot(key)];
        (i != Self::NONE).then(|| &cells[usize::from(i)]).filter(|cell| cell.key == key)
    }

    fn slot(key: CellKey) -> usize {
        key.row as usize * ColumnKey::ALL.len() + key.column as usize
    }
}

impl Parsed {
    pub fn cell(&self, key: CellKey) -> Option<&Cell> {
        self.cell_index.find(&self.cells, key)
    }

    /// The value of a cell for arithmetic: a number, 0 for a blank or placeholder, None when the
    /// cell was not read (or holds text).
    pub fn value(&self, key: CellKey) -> Option<f64> {
        self.cell(key).and_then(|c| match c.value {
            Value::Number { value, .. } => Some(value),
            Value::Blank | Value::Placeholder => Some(0.0),
            Value::Text => None,
        })
    }

    /// The body of section `no` (the lines after its heading, up to the next heading), with the
    /// heading's line.
    pub fn section_body(&self, no: u8) -> Option<(usize, String)> {
        let (heading, last) = self.section_lines(no)?;
        let body = (heading + 1..=last).map(|l| self.source.line(l)).collect::<Vec<_>>().join("\n");
        Some((heading, body))
    }

    /// The line of section `no`'s heading and the last line of its body.
    pub fn section_lines(&self, no: u8) -> Option<(usize, usize)> {
        let heading = self.sections.iter().find(|s| s.no == no)?;
        let next = self.sections.iter().map(|s| s.line).filter(|&l| l > heading.line).min();
        Some((heading.line, next.map_or(self.source.line_count(), |l| l - 1)))
    }

    /// Attaches to each cell the table/row/cell of the structured document its text was rendered from.
    pub fn attach_origins(&mut self, rendered: &crate::input::document::Rendered) {
        for cell in &mut self.cells {
            cell.origin = rendered.origin(cell.span.line, cell.span.start);
        }
    }

    pub fn table(&self, key: TableKey) -> &TableRead {
        self.tables.iter().find(|t| t.table == key).expect("all three tables are read")
    }

    pub fn cells_of(&self, table: TableKey) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(move |c| c.key.table == table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_what_a_search_of_the_cells_finds() {
        let mut parsed = crate::testing::check(crate::testing::SYNTHETIC_2021).parsed;
        // A key read twice: the index points at its last cell.
        let again = parsed.cells[3].clone();
        parsed.cells.push(again);
        let index = CellIndex::new(&parsed.cells);
        for table in TableKey::ALL {
            for &row in RowKey::ALL {
                for &column in ColumnKey::ALL {
                    let key = CellKey::new(table, row, column);
                    let searched = parsed.cells.iter().rev().find(|c| c.key == key);
                    assert_eq!(index.find(&parsed.cells, key).map(|c| c as *const Cell), searched.map(|c| c as *const Cell), "{key}");
                }
            }
        }
        assert!(parsed.cells.len() > 150, "the synthetic report has its cells");
    }
}
