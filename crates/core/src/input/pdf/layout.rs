//! Pages to document blocks in reading order: text lines and ruled tables top to bottom, page
//! headers and footers (page numbers such as `- 4 -`, `— 5 —`, `第 4 页`) left out, a table that
//! continues on the next page joined to its start, and a row split by the page break made whole.

use super::content::Page;
use super::grid::{self, is_number, Table};
use super::lines::{lines, Line};
use crate::input::document::Block;

/// What a page holds, top to bottom.
enum Item {
    Line(Line),
    Table(Table),
}

/// A table being assembled across pages: its rows and the page of each.
struct Open {
    table: Table,
    pages: Vec<usize>,
}

/// The blocks of a document's pages (page numbers are 1-based in the result).
pub fn blocks(pages: &[Page]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    for (index, page) in pages.iter().enumerate() {
        let number = index + 1;
        let items = page_items(page);
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Item::Table(table) => {
                    let continues =
                        i == 0 && open.as_ref().is_some_and(|o| o.pages.last() == Some(&(number - 1)) && same_columns(&o.table, &table));
                    match open.as_mut() {
                        Some(o) if continues => join(o, table, number),
                        _ => {
                            close(&mut out, open.take());
                            let pages = vec![number; table.rows.len()];
                            open = Some(Open { table, pages });
                        }
                    }
                }
                Item::Line(line) => {
                    close(&mut out, open.take());
                    out.push(Block::Paragraph(line.text));
                }
            }
        }
    }
    close(&mut out, open);
    out
}

fn close(out: &mut Vec<Block>, open: Option<Open>) {
    if let Some(o) = open {
        out.push(Block::PagedTable { rows: o.table.rows, pages: o.pages });
    }
}

/// Whether a table at the top of a page continues one at the bottom of the previous page: the same
/// left and right edges.
fn same_columns(a: &Table, b: &Table) -> bool {
    (a.left - b.left).abs() <= 3.0 && (a.right - b.right).abs() <= 3.0
}

/// Appends the rows of `next` (on page `number`). When its first row is the rest of the previous
/// page's last row — the same cells, only text and no numbers, where that row has numbers — the
/// two halves are joined into one row.
fn join(open: &mut Open, mut next: Table, number: usize) {
    let mut rows = std::mem::take(&mut next.rows);
    if let (Some(first), Some(last)) = (rows.first(), open.table.rows.last()) {
        let text = |r: &Vec<Option<String>>| -> Vec<String> { r.iter().map(|c| c.clone().unwrap_or_default()).collect() };
        let (first_text, last_text) = (text(first), text(last));
        let is_rest = first.len() == last.len()
            && first_text.iter().any(|c| !c.trim().is_empty())
            && first_text.iter().all(|c| !is_number(c))
            && last_text.iter().any(|c| is_number(c))
            && first_text.iter().zip(&last_text).all(|(f, l)| f.trim().is_empty() || !is_number(l));
        if is_rest {
            let first = rows.remove(0);
            if let Some(last) = open.table.rows.last_mut() {
                for (cell, rest) in last.iter_mut().zip(first) {
                    if let (Some(cell), Some(rest)) = (cell.as_mut(), rest) {
                        cell.push_str(rest.trim());
                    }
                }
            }
        }
    }
    open.pages.extend(std::iter::repeat_n(number, rows.len()));
    open.table.rows.extend(rows);
    open.table.bottom = next.bottom;
}

/// A page number line: `4`, `- 4 -`, `— 5 —`, `第 4 页`, `第4页 共6页`, `4/6`.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let core = t.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '·' | '•'));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(core) {
        return true;
    }
    if let Some((a, b)) = core.split_once('/') {
        return digits(a) && digits(b);
    }
    let stripped = core.strip_prefix('第').and_then(|s| s.split_once('页')).map(|(n, rest)| (n.to_owned(), rest.to_owned()));
    match stripped {
        Some((n, rest)) => {
            digits(&n) && (rest.is_empty() || rest.strip_prefix('共').and_then(|r| r.strip_suffix('页')).is_some_and(digits))
        }
        None => false,
    }
}

/// A page's lines and tables in reading order, without its page number lines.
fn page_items(page: &Page) -> Vec<Item> {
    let (tables, taken) = grid::tables(&page.rules, &page.glyphs);
    let free: Vec<_> = page.glyphs.iter().zip(&taken).filter(|(_, t)| !**t).map(|(g, _)| g).collect();
    let margin = page.height * 0.12;
    let mut items: Vec<(f64, Item)> = lines(&free, true)
        .into_iter()
        .filter(|l| !((l.y < margin || l.y > page.height - margin) && is_page_number(&l.text)))
        .map(|l| (l.y - l.size, Item::Line(l)))
        .collect();
    items.extend(tables.into_iter().map(|t| (t.top, Item::Table(t))));
    items.sort_by(|a, b| a.0.total_cmp(&b.0));
    items.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in ["- 4 -", "— 5 —", "-12-", "第 4 页", "第4页 共6页", "3/9", "7"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2023 年", "第二十条", "- 四 -", "（一）"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    fn table(rows: Vec<Vec<Option<String>>>) -> Table {
        Table { left: 10.0, right: 500.0, top: 0.0, bottom: 100.0, row_tops: vec![0.0; rows.len()], rows }
    }

    #[test]
    fn a_row_split_by_the_page_break_is_joined() {
        let s = |x: &str| Some(x.to_owned());
        let mut open = Open { table: table(vec![vec![s("甲"), s("1")], vec![s("（二）部分公开"), s("4")]]), pages: vec![3, 3] };
        join(&mut open, table(vec![vec![s("（区分处理的）"), s("")], vec![s("乙"), s("0")]]), 4);
        assert_eq!(open.table.rows, vec![vec![s("甲"), s("1")], vec![s("（二）部分公开（区分处理的）"), s("4")], vec![s("乙"), s("0")]]);
        assert_eq!(open.pages, [3, 3, 4]);
        // A whole row at the top of the next page stays a row.
        let mut open = Open { table: table(vec![vec![s("甲"), s("1")]]), pages: vec![3] };
        join(&mut open, table(vec![vec![s("乙"), s("2")]]), 4);
        assert_eq!(open.table.rows.len(), 2);
    }
}
