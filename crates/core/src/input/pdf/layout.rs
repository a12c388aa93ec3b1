//! Pages to document blocks in reading order: text lines and ruled tables top to bottom, page
//! headers and footers (page numbers such as `- 4 -`, `— 5 —`, `第 4 页`) left out, a table that
//! continues on the next page joined to its start, and a row split by the page break made whole.

use super::content::{Glyph, Page};
use super::grid::{self, is_number, Table};
use super::lines::{baselines, lines};
use super::unruled::{self, Flow};
use crate::input::document::Block;

/// What the document holds, in reading order.
enum Item {
    Line(String),
    /// A table, the page of each of its rows, and whether it is the first thing on its page.
    Table(Table, Vec<usize>, bool),
}

/// A table being assembled across pages: its rows and the page of each.
struct Open {
    table: Table,
    pages: Vec<usize>,
}

/// The blocks of a document's pages (page numbers are 1-based in the result); None when finding
/// the ruled tables would take more than a file may (`grid::MAX_WORK`).
pub fn blocks(pages: &[Page]) -> Option<Vec<Block>> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    for item in items(pages)? {
        match item {
            Item::Table(table, pages, first_on_page) => {
                let continues = first_on_page
                    && open.as_ref().is_some_and(|o| {
                        o.table.ruled && pages.first().is_some_and(|p| o.pages.last() == Some(&(p - 1))) && same_columns(&o.table, &table)
                    });
                match open.as_mut() {
                    Some(o) if continues => join(o, table, &pages),
                    _ => {
                        close(&mut out, open.take());
                        open = Some(Open { table, pages });
                    }
                }
            }
            Item::Line(text) => {
                close(&mut out, open.take());
                out.push(Block::Paragraph(text));
            }
        }
    }
    close(&mut out, open);
    Some(out)
}

/// Moves the end of the flow down to `y` (with the size of what ends there).
fn further(end: &mut Option<(f64, f64)>, y: f64, size: f64) {
    if end.is_none_or(|(e, _)| y >= e) {
        *end = Some((y, size));
    }
}

/// The lines and tables of all pages in reading order. Ruled tables are found page by page; the
/// other lines form one flow with the pages stacked, where unruled tables are found (so one that
/// runs on across a page break stays one table).
fn items(pages: &[Page]) -> Option<Vec<Item>> {
    let mut work = grid::MAX_WORK;
    let mut placed: Vec<(f64, Item)> = Vec::new();
    let mut flow: Vec<Flow> = Vec::new();
    let mut offset = 0.0;
    // Where the flow so far ends: the last line's baseline (and its size), or a table's bottom.
    let mut end: Option<(f64, f64)> = None;
    for (index, page) in pages.iter().enumerate() {
        let number = index + 1;
        let (tables, taken) = grid::tables(&page.rules, &page.glyphs, &mut work)?;
        let free: Vec<&Glyph> = page.glyphs.iter().zip(&taken).filter(|(_, t)| !**t).map(|(g, _)| g).collect();
        let margin = page.height * 0.12;
        let page_lines: Vec<(f64, Vec<&Glyph>)> = baselines(&free)
            .into_iter()
            .map(|group| {
                let glyphs: Vec<&Glyph> = group.into_iter().map(|i| free[i]).collect();
                (glyphs.iter().map(|g| g.y).sum::<f64>() / glyphs.len().max(1) as f64, glyphs)
            })
            .filter(|(y, glyphs)| {
                let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
                !((*y < margin || *y > page.height - margin) && is_page_number(&text))
            })
            .collect();
        // Stack this page below the last line of the flow so far: its first line follows at a
        // line's distance.
        let first = page_lines
            .first()
            .map(|(y, g)| y - g.iter().map(|g| g.size).fold(0.0, f64::max))
            .into_iter()
            .chain(tables.iter().map(|t| t.top))
            .fold(f64::INFINITY, f64::min);
        if let (Some((y, size)), true) = (end, first.is_finite()) {
            offset = y + size * 1.2 - first;
        }
        let mut first_on_page = true;
        let mut page_tables: Vec<Table> = tables;
        page_tables.sort_by(|a, b| a.top.total_cmp(&b.top));
        for table in page_tables {
            let first_here = first_on_page && page_lines.first().is_none_or(|(y, _)| table.top < *y);
            first_on_page = false;
            let rows = vec![number; table.rows.len()];
            further(&mut end, offset + table.bottom, 0.0);
            placed.push((offset + table.top, Item::Table(table, rows, first_here)));
        }
        for (y, glyphs) in page_lines {
            let size = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
            further(&mut end, offset + y, size);
            flow.push(Flow { page: number, y: offset + y, glyphs });
        }
        offset += page.height;
    }
    let found = unruled::tables(&flow, &mut work)?;
    let mut in_table = vec![false; flow.len()];
    for f in found {
        for slot in &mut in_table[f.first..f.first + f.lines] {
            *slot = true;
        }
        let top = flow[f.first].y - flow[f.first].glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
        placed.push((top, Item::Table(f.table, f.pages, false)));
    }
    for (line, _) in flow.iter().zip(&in_table).filter(|(_, t)| !**t) {
        if let Some(l) = lines(&line.glyphs, true).into_iter().next() {
            placed.push((line.y - l.size, Item::Line(l.text)));
        }
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    Some(placed.into_iter().map(|(_, i)| i).collect())
}

fn close(out: &mut Vec<Block>, open: Option<Open>) {
    if let Some(o) = open {
        out.push(Block::PagedTable { rows: o.table.rows, pages: o.pages });
    }
}

/// Whether a table at the top of a page continues one at the bottom of the previous page: the same
/// left and right edges (ruled), or the same columns from the same left edge (unruled).
fn same_columns(a: &Table, b: &Table) -> bool {
    match (a.ruled, b.ruled) {
        (true, true) => (a.left - b.left).abs() <= 3.0 && (a.right - b.right).abs() <= 3.0,
        (false, false) => {
            a.gutters.len() == b.gutters.len()
                && a.gutters.iter().zip(&b.gutters).all(|(x, y)| (x.0 - y.0).abs() <= 3.0 && (x.1 - y.1).abs() <= 3.0)
        }
        _ => false,
    }
}

/// Appends the rows of `next` (on page `number`). When its first row is the rest of the previous
/// page's last row — the same cells, only text and no numbers, where that row has numbers — the
/// two halves are joined into one row.
fn join(open: &mut Open, mut next: Table, pages: &[usize]) {
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
    open.pages.extend(&pages[pages.len() - rows.len()..]);
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
        Table { left: 10.0, right: 500.0, top: 0.0, bottom: 100.0, gutters: Vec::new(), ruled: true, rows }
    }

    #[test]
    fn a_row_split_by_the_page_break_is_joined() {
        let s = |x: &str| Some(x.to_owned());
        let mut open = Open { table: table(vec![vec![s("甲"), s("1")], vec![s("（二）部分公开"), s("4")]]), pages: vec![3, 3] };
        join(&mut open, table(vec![vec![s("（区分处理的）"), s("")], vec![s("乙"), s("0")]]), &[4, 4]);
        assert_eq!(open.table.rows, vec![vec![s("甲"), s("1")], vec![s("（二）部分公开（区分处理的）"), s("4")], vec![s("乙"), s("0")]]);
        assert_eq!(open.pages, [3, 3, 4]);
        // A whole row at the top of the next page stays a row.
        let mut open = Open { table: table(vec![vec![s("甲"), s("1")]]), pages: vec![3] };
        join(&mut open, table(vec![vec![s("乙"), s("2")]]), &[4]);
        assert_eq!(open.table.rows.len(), 2);
    }
}
