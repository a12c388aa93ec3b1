//! Word (.docx): the document's paragraphs and tables read from WordprocessingML, merged cells
//! (`w:gridSpan`, `w:vMerge`) laid out on the grid, text boxes, deleted text and field codes left out.

use crate::input::document::Block;
use crate::input::markup::{Token, Tokens};
use crate::input::zip::{self, ZipError};

/// Why a .docx could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    Zip(ZipError),
    /// A zip without word/document.xml.
    NotWord,
}

/// Whether a zip archive is a Word document.
pub fn is_docx(bytes: &[u8]) -> bool {
    zip::names(bytes).is_ok_and(|names| names.iter().any(|n| n == "word/document.xml"))
}

/// The blocks of a .docx file.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, DocxError> {
    let xml = zip::read(bytes, "word/document.xml").map_err(|e| match e {
        ZipError::Missing => DocxError::NotWord,
        e => DocxError::Zip(e),
    })?;
    // Valid UTF-8 (as Word writes it) is taken as it is, without the copy of a lossy reading.
    let xml = String::from_utf8(xml).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(blocks(&xml))
}

/// A table being read: its rows, the current row and cell.
#[derive(Default)]
struct TableState {
    rows: Vec<Vec<Option<String>>>,
    row: Vec<Option<String>>,
    cell: String,
    merged_over: bool,
    span: usize,
}

/// The blocks of WordprocessingML (`word/document.xml`).
pub fn blocks(xml: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut tables: Vec<TableState> = Vec::new();
    let mut paragraph = String::new();
    let mut skip = 0usize; // inside text boxes, deleted text, field instructions
    let mut in_text = false;
    let mut tokens = Tokens::xml(xml);
    while let Some(token) = tokens.next() {
        match &token {
            Token::Start { name, self_closing, .. } => match name.as_ref() {
                // Run and paragraph properties (fonts, sizes, alignment, spacing) hold nothing read
                // here; a paragraph's tab stops (`<w:tabs><w:tab w:pos=…/>`) are not tab characters.
                "w:rPr" if !self_closing => tokens.skip_element("w:rPr"),
                "w:pPr" if !self_closing => tokens.skip_element("w:pPr"),
                "w:txbxContent" | "w:del" | "w:instrText" | "w:delText" | "mc:Fallback" if !self_closing => skip += 1,
                _ if skip > 0 => {}
                "w:t" => in_text = !self_closing,
                "w:tab" => paragraph.push('\t'),
                "w:br" | "w:cr" => paragraph.push('\n'),
                "w:tbl" if tables.len() < 8 => tables.push(TableState::default()),
                "w:tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.row.clear();
                    }
                }
                "w:tc" => {
                    if let Some(t) = tables.last_mut() {
                        t.cell.clear();
                        t.merged_over = false;
                        t.span = 1;
                    }
                }
                "w:gridSpan" => {
                    if let Some(t) = tables.last_mut() {
                        t.span = token.attr("w:val").and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64);
                    }
                }
                "w:vMerge" => {
                    if let Some(t) = tables.last_mut() {
                        t.merged_over = token.attr("w:val").as_deref() != Some("restart");
                    }
                }
                _ => {}
            },
            Token::End { name } => match name.as_ref() {
                "w:txbxContent" | "w:del" | "w:instrText" | "w:delText" | "mc:Fallback" => skip = skip.saturating_sub(1),
                _ if skip > 0 => {}
                "w:t" => in_text = false,
                "w:p" => match tables.last_mut() {
                    // A cell's paragraph is copied into the cell, its buffer kept for the next one.
                    Some(t) => {
                        if !t.cell.is_empty() && !paragraph.is_empty() {
                            t.cell.push('\n');
                        }
                        t.cell.push_str(&paragraph);
                        paragraph.clear();
                    }
                    None => out.push(Block::Paragraph(std::mem::take(&mut paragraph))),
                },
                "w:tc" => {
                    if let Some(t) = tables.last_mut() {
                        let content = std::mem::take(&mut t.cell);
                        t.row.push(if t.merged_over { None } else { Some(content) });
                        // A cell spanning several grid columns is one cell of the row: its
                        // neighbours keep their places, so nothing is inserted after it.
                    }
                }
                "w:tr" => {
                    if let Some(t) = tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
                "w:tbl" => {
                    if let Some(t) = tables.pop() {
                        match tables.last_mut() {
                            // A nested table: its text joins the outer cell.
                            Some(outer) => {
                                for row in t.rows {
                                    let line: Vec<String> = row.into_iter().flatten().collect();
                                    outer.cell.push_str(&line.join(" "));
                                    outer.cell.push('\n');
                                }
                            }
                            None => out.push(Block::Table(t.rows)),
                        }
                    }
                }
                _ => {}
            },
            Token::Text(text) if in_text && skip == 0 => paragraph.push_str(text),
            Token::Text(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_merges() {
        let xml = r#"<w:document><w:body>
            <w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">本年度</w:t></w:r><w:r><w:t>受理申请</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>申请人情况</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度</w:t></w:r></w:p><w:p><w:r><w:t>办理结果</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>
        </w:body></w:document>"#;
        assert_eq!(
            blocks(xml),
            vec![
                Block::Paragraph("一、总体情况".into()),
                Block::Paragraph("本年度受理申请".into()),
                Block::Table(vec![
                    vec![Some("申请人情况".into())],
                    vec![Some("三、本年度\n办理结果".into()), Some("0".into())],
                    vec![None, Some("1".into())],
                ]),
                Block::Paragraph("".into()),
            ]
        );
    }

    #[test]
    fn tab_stops_are_not_tabs() {
        let xml = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2100"/></w:tabs></w:pPr><w:r><w:t>政府信息</w:t><w:tab/><w:t>公开</w:t></w:r></w:p>"#;
        assert_eq!(blocks(xml), vec![Block::Paragraph("政府信息\t公开".into())]);
    }
}
