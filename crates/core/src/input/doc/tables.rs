//! Tables rebuilt from the paragraph stream: in a table, a paragraph ending in a cell mark (0x07)
//! closes a cell and the row-end mark closes a row, laid out on the grid by the row's definition
//! (a cell merged from above is an empty slot, a cell merged into its left neighbour is part of
//! it); tables nested in a cell join the cell's text, as in the .docx reader.

use super::props::{Merge, Paragraph};
use crate::input::document::Block;

/// How a paragraph's text ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// A paragraph mark (0x0D), or the end of the text.
    Paragraph,
    /// A cell or row-end mark (0x07).
    Cell,
}

/// A table being rebuilt: its rows, the current row's cells and the current cell.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Option<String>>>,
    cells: Vec<String>,
    cell: String,
    /// A nested table's current row and cell.
    nested_row: Vec<String>,
    nested_cell: String,
}

/// Appends a paragraph to a cell's text, one line per paragraph.
fn join(cell: &mut String, text: &str) {
    if !cell.is_empty() && !text.is_empty() {
        cell.push('\n');
    }
    cell.push_str(text);
}

impl Table {
    fn end_row(&mut self, layout: &[Merge]) {
        if !self.cell.is_empty() {
            self.cells.push(std::mem::take(&mut self.cell));
        }
        let mut row: Vec<Option<String>> = Vec::new();
        for (i, text) in std::mem::take(&mut self.cells).into_iter().enumerate() {
            match layout.get(i).copied().unwrap_or_default() {
                Merge::Below => row.push(None),
                Merge::Right => match row.last_mut() {
                    Some(Some(left)) => join(left, &text),
                    _ => row.push(Some(text)),
                },
                Merge::Own => row.push(Some(text)),
            }
        }
        self.rows.push(row);
    }

    fn nested(&mut self, text: &str, p: &Paragraph) {
        join(&mut self.nested_cell, text);
        if p.inner_row_end {
            self.nested_cell.clear();
            let line = std::mem::take(&mut self.nested_row).join(" ");
            self.cell.push_str(&line);
            self.cell.push('\n');
        } else if p.inner_cell {
            let cell = std::mem::take(&mut self.nested_cell);
            self.nested_row.push(cell);
        }
    }

    fn finish(mut self, out: &mut Vec<Block>) {
        if !self.cells.is_empty() || !self.cell.is_empty() {
            self.end_row(&[]); // a row without its row-end mark
        }
        if !self.rows.is_empty() {
            out.push(Block::Table(self.rows));
        }
    }
}

/// The blocks of the main text, given as paragraphs with how each ended and its properties.
pub fn blocks(paragraphs: impl IntoIterator<Item = (String, End, Paragraph)>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut table: Option<Table> = None;
    for (text, end, p) in paragraphs {
        if p.depth == 0 {
            if let Some(t) = table.take() {
                t.finish(&mut out);
            }
            out.push(Block::Paragraph(text));
            continue;
        }
        let t = table.get_or_insert_with(Table::default);
        if p.depth > 1 {
            t.nested(&text, &p);
            continue;
        }
        match end {
            End::Cell if p.row_end => t.end_row(&p.cells),
            End::Cell => {
                join(&mut t.cell, &text);
                let cell = std::mem::take(&mut t.cell);
                t.cells.push(cell);
            }
            End::Paragraph => join(&mut t.cell, &text),
        }
    }
    if let Some(t) = table {
        t.finish(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> (String, End, Paragraph) {
        (text.into(), End::Paragraph, Paragraph::default())
    }

    fn cell(text: &str, end: End) -> (String, End, Paragraph) {
        (text.into(), end, Paragraph { depth: 1, ..Paragraph::default() })
    }

    fn row_end(cells: &[Merge]) -> (String, End, Paragraph) {
        (String::new(), End::Cell, Paragraph { depth: 1, row_end: true, cells: cells.to_vec(), ..Paragraph::default() })
    }

    #[test]
    fn rows_cells_and_merges() {
        use Merge::*;
        let blocks = blocks([
            para("表三"),
            cell("三、本年度", End::Paragraph),
            cell("办理结果", End::Cell),
            cell("（一）予以公开", End::Cell),
            cell("1", End::Cell),
            row_end(&[Own, Own, Own]),
            cell("", End::Cell),
            cell("（二）部分公开", End::Cell),
            cell("2", End::Cell),
            row_end(&[Below, Own, Own]),
            cell("申请人", End::Cell),
            cell("情况", End::Cell),
            row_end(&[Own, Right]),
            para("四、"),
        ]);
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph("表三".into()),
                Block::Table(vec![
                    vec![Some("三、本年度\n办理结果".into()), Some("（一）予以公开".into()), Some("1".into())],
                    vec![None, Some("（二）部分公开".into()), Some("2".into())],
                    vec![Some("申请人\n情况".into())],
                ]),
                Block::Paragraph("四、".into()),
            ]
        );
    }

    #[test]
    fn a_nested_table_joins_its_cell_and_a_cut_row_is_kept() {
        let inner = |text: &str, inner_cell: bool, inner_row_end: bool| {
            (text.to_owned(), End::Paragraph, Paragraph { depth: 2, inner_cell, inner_row_end, ..Paragraph::default() })
        };
        let blocks = blocks([
            cell("外", End::Paragraph),
            inner("甲", true, false),
            inner("乙", true, false),
            inner("", false, true),
            cell("", End::Cell),
            cell("末", End::Cell),
        ]);
        assert_eq!(blocks, vec![Block::Table(vec![vec![Some("外甲 乙\n".into()), Some("末".into())]])]);
    }
}
