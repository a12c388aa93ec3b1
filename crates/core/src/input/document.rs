//! A structured document (.docx, HTML, PDF): paragraphs and table grids, rendered as the text the
//! table reader already understands (one table row per line, cells separated by tabs), remembering
//! for each rendered cell which table, row and cell (and for PDF, page) it came from.

use serde::Serialize;

/// A paragraph or a table of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    /// Rows of cells; `None` is a grid slot covered by a cell merged from above (`vMerge`, `rowspan`).
    Table(Vec<Vec<Option<String>>>),
    /// A table of a paged document (PDF): its rows as in `Table`, and the page of each row.
    PagedTable {
        rows: Vec<Vec<Option<String>>>,
        pages: Vec<usize>,
    },
}

/// Where a cell came from in a structured document (1-based). Numbers of 32 bits: a batch keeps
/// one for each cell of every report it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub table: u32,
    pub row: u32,
    pub cell: u32,
    /// The page, for a paged document (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl Origin {
    /// `表格 3 第 5 行第 2 格`, or `第 4 页 表格 3 第 5 行第 2 格`.
    pub fn describe(&self) -> String {
        let page = self.page.map(|p| format!("第 {p} 页 ")).unwrap_or_default();
        format!("{page}表格 {} 第 {} 行第 {} 格", self.table, self.row, self.cell)
    }
}

/// The text of a document, and for each rendered table row its line and the byte range of each cell.
#[derive(Debug, Default)]
pub struct Rendered {
    pub text: String,
    pub rows: Vec<RenderedRow>,
}

#[derive(Debug)]
pub struct RenderedRow {
    pub line: usize,
    pub table: usize,
    pub row: usize,
    pub page: Option<usize>,
    /// (byte start, byte end) of each cell in the text, in cell order.
    pub cells: Vec<(usize, usize)>,
}

impl Rendered {
    /// The origin of text at byte `at` on `line`, when it is inside a rendered table cell.
    pub fn origin(&self, line: usize, at: usize) -> Option<Origin> {
        // Rows are rendered in line order.
        let row = self.rows.get(self.rows.partition_point(|r| r.line < line)).filter(|r| r.line == line)?;
        let cell = row.cells.iter().position(|&(s, e)| s <= at && at <= e)?;
        let number = |n: usize| u32::try_from(n).ok();
        let page = match row.page {
            Some(page) => Some(number(page)?),
            None => None,
        };
        Some(Origin { table: number(row.table)?, row: number(row.row)?, cell: number(cell + 1)?, page })
    }
}

/// Renders blocks: paragraphs as lines, tables as tab-separated rows (a merged-over slot as an
/// empty cell, so later cells keep their place), with a blank line around each table.
pub fn render(blocks: &[Block]) -> Rendered {
    // Room for all the text with its line breaks and tabs, and for all the rows, so that neither grows.
    let (mut size, mut row_count) = (0, 0);
    for block in blocks {
        match block {
            Block::Paragraph(text) => size += text.len() + 1,
            Block::Table(rows) | Block::PagedTable { rows, .. } => {
                size += 2 + rows.iter().flatten().map(|cell| cell.as_ref().map_or(0, String::len) + 1).sum::<usize>();
                row_count += rows.len();
            }
        }
    }
    let mut out = Rendered { text: String::with_capacity(size), rows: Vec::with_capacity(row_count) };
    let mut line = 1;
    let mut table_no = 0;
    let push_line = |out: &mut Rendered, text: &str, line: &mut usize| {
        out.text.push_str(text);
        out.text.push('\n');
        *line += 1;
    };
    for block in blocks {
        match block {
            Block::Paragraph(text) => {
                for l in text.split('\n') {
                    push_line(&mut out, l.trim_end(), &mut line);
                }
            }
            Block::Table(rows) | Block::PagedTable { rows, .. } => {
                let pages = match block {
                    Block::PagedTable { pages, .. } => Some(pages),
                    _ => None,
                };
                table_no += 1;
                push_line(&mut out, "", &mut line);
                for (r, row) in rows.iter().enumerate() {
                    if row.iter().all(|c| c.as_deref().is_none_or(|t| t.trim().is_empty())) {
                        continue;
                    }
                    let mut cells = Vec::with_capacity(row.len());
                    for (i, cell) in row.iter().enumerate() {
                        if i > 0 {
                            out.text.push('\t');
                        }
                        let start = out.text.len();
                        crate::text::push_collapsed(&mut out.text, cell.as_deref().unwrap_or("").trim());
                        cells.push((start, out.text.len()));
                    }
                    let page = pages.and_then(|p| p.get(r).copied());
                    out.rows.push(RenderedRow { line, table: table_no, row: r + 1, page, cells });
                    push_line(&mut out, "", &mut line);
                }
                push_line(&mut out, "", &mut line);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_become_tab_rows_with_origins() {
        let blocks = vec![
            Block::Paragraph("三、收到和处理政府信息公开申请情况".into()),
            Block::Table(vec![
                vec![Some("三、本年度办理结果".into()), Some("（一）予以公开".into()), Some("1".into())],
                vec![None, Some("（二）部分公开\n（区分处理的）".into()), Some("2".into())],
            ]),
        ];
        let r = render(&blocks);
        assert_eq!(
            r.text,
            "三、收到和处理政府信息公开申请情况\n\n三、本年度办理结果\t（一）予以公开\t1\n\t（二）部分公开 （区分处理的）\t2\n\n"
        );
        let at = r.text.find("\t2").unwrap() + 1;
        assert_eq!(r.origin(4, at), Some(Origin { table: 1, row: 2, cell: 3, page: None }));
        assert_eq!(r.origin(1, 0), None);
    }
}
