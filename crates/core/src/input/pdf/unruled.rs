//! Tables drawn without ruling lines: a run of lines with several column pieces, its columns
//! found as the vertical gutters (almost) no glyph crosses, its rows where cells start (cells are
//! read as top-aligned: a row starts where an empty column gets text).

use super::content::Glyph;
use super::grid::{is_number, Table};
use super::lines::{join_wrapped, lines, Line};

/// A gap this wide (in font sizes) between two glyphs of a line separates two table cells.
const CELL_GAP: f64 = 1.0;
/// A gutter between columns is at least this wide (in font sizes).
const GUTTER: f64 = 0.4;
/// A table is looked for in at most this many lines from where it would start (the longest in the
/// test PDFs takes 135): each line that could start one is tried, so the lines each try looks at
/// must not grow with the document.
const MAX_LINES: usize = 400;

/// A line of the document's text outside ruled tables: its page, its place in the text flow
/// (pages stacked, so a table runs on across a page break), its glyphs left to right.
pub struct Flow<'g> {
    pub page: usize,
    pub y: f64,
    pub glyphs: Vec<&'g Glyph>,
}

/// An unruled table found in the flow: its first line, how many lines it takes, its rows and the
/// page of each row.
pub struct Found {
    pub first: usize,
    pub lines: usize,
    pub table: Table,
    pub pages: Vec<usize>,
}

/// One line with what the table finder needs.
struct Row<'g> {
    page: usize,
    pieces: usize,
    size: f64,
    y: f64,
    left: f64,
    right: f64,
    refs: &'g [&'g Glyph],
}

/// The unruled tables of the text flow; None when the lines looked at use up the file's `work`
/// (`grid::MAX_WORK`).
pub fn tables(flow: &[Flow], work: &mut usize) -> Option<Vec<Found>> {
    let rows: Vec<Row> = flow
        .iter()
        .map(|line| {
            let refs = line.glyphs.as_slice();
            let size = refs.iter().map(|g| g.size).fold(0.0, f64::max);
            let pieces = 1 + refs.windows(2).filter(|w| w[1].x - (w[0].x + w[0].width) > size * CELL_GAP).count();
            let left = refs.first().map_or(0.0, |g| g.x);
            let right = refs.iter().map(|g| g.x + g.width).fold(left, f64::max);
            Row { page: line.page, pieces, size, y: line.y, left, right, refs }
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        if rows[i].pieces < 2 {
            i += 1;
            continue;
        }
        // Extend over the lines close below (wrapped cell text, the next rows).
        let mut end = i + 1;
        while end < rows.len() && end - i < MAX_LINES && rows[end].y - rows[end - 1].y <= rows[end - 1].size.max(rows[end].size) * 2.5 {
            end += 1;
        }
        *work = work.saturating_sub(end - i);
        if *work == 0 {
            return None;
        }
        match table(&rows[i..end]) {
            Some((table, pages, used)) => {
                out.push(Found { first: i, lines: used, table, pages });
                i += used.max(1);
            }
            None => i += 1,
        }
    }
    Some(out)
}

/// The column gutters of lines: x ranges that (almost) no line covers, between the first and last
/// glyph. A tenth of the lines may cross one (a header spanning columns).
fn gutters(rows: &[&Row]) -> Vec<(f64, f64)> {
    let allowed = if rows.len() >= 4 { (rows.len() / 10).max(1) } else { 0 };
    // +1 where a line's covered run starts, -1 where it ends.
    let mut events: Vec<(f64, i32)> = Vec::new();
    for row in rows {
        let mut runs: Vec<(f64, f64)> = Vec::new();
        for g in row.refs {
            match runs.last_mut() {
                Some(run) if g.x <= run.1 + 0.5 => run.1 = run.1.max(g.x + g.width),
                _ => runs.push((g.x, g.x + g.width)),
            }
        }
        for (a, b) in runs {
            events.push((a, 1));
            events.push((b, -1));
        }
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let size = rows.iter().map(|r| r.size).sum::<f64>() / rows.len().max(1) as f64;
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut open: Option<f64> = None;
    let mut started = false;
    for (x, delta) in events {
        depth += delta;
        if depth as usize <= allowed && delta < 0 && started {
            open.get_or_insert(x);
        } else if depth as usize > allowed {
            if let Some(a) = open.take() {
                if x - a >= size * GUTTER {
                    out.push((a, x));
                }
            }
        }
        started = true;
    }
    out
}

/// A table from the start of `rows`, the page of each of its rows, and how many lines it takes;
/// None when the lines do not line up in columns.
fn table(rows: &[Row]) -> Option<(Table, Vec<usize>, usize)> {
    let crosses = |r: &Row, gutters: &[(f64, f64)]| {
        r.pieces < 2 && r.refs.iter().any(|g| gutters.iter().any(|&(a, b)| g.x < b - 0.5 && g.x + g.width > a + 0.5))
    };
    let mut used = rows.len();
    let gutters = own_gutters(rows, &mut used, crosses)?;
    build(rows, used, gutters)
}

/// Columns from the lines that clearly have cells (three pieces or more); the table ends before
/// the first line that runs across them (a paragraph, a heading). Cutting there changes the
/// columns, so this repeats until they hold.
fn own_gutters(rows: &[Row], used: &mut usize, crosses: impl Fn(&Row, &[(f64, f64)]) -> bool) -> Option<Vec<(f64, f64)>> {
    loop {
        let strong: Vec<&Row> = rows[..*used].iter().filter(|r| r.pieces >= 3).collect();
        if strong.len() < 2 {
            return None;
        }
        let gutters = gutters(&strong);
        if gutters.len() < 2 {
            return None;
        }
        let first_strong = rows.iter().position(|r| r.pieces >= 3)?;
        // A heading above the first line of cells is not part of the table: start below it.
        if rows[..first_strong].iter().any(|r| crosses(r, &gutters)) {
            return None;
        }
        match rows[..*used].iter().enumerate().skip(first_strong + 1).find(|(_, r)| crosses(r, &gutters)) {
            Some((k, _)) => *used = k,
            None => return Some(gutters),
        }
    }
}

/// The table of the first `used` rows in the columns between `gutters`.
fn build(rows: &[Row], mut used: usize, gutters: Vec<(f64, f64)>) -> Option<(Table, Vec<usize>, usize)> {
    // Lines after the last line with pieces are wrapped text only when they sit in one column.
    let column_of = |x: f64| gutters.iter().take_while(|&&(a, b)| (a + b) / 2.0 < x).count();
    let last_piece = rows[..used].iter().rposition(|r| r.pieces >= 2)?;
    if let Some(k) = (last_piece + 1..used).find(|&k| {
        let cols: Vec<usize> = rows[k].refs.iter().map(|g| column_of(g.x + g.width / 2.0)).collect();
        cols.windows(2).any(|w| w[0] != w[1])
    }) {
        used = k;
    }
    let rows = &rows[..used];
    let columns = gutters.len() + 1;
    // Pieces of each line: glyphs between gutters (a glyph across a gutter joins the piece, which
    // then spans columns).
    let mut grid: Vec<Vec<Vec<Line>>> = Vec::new();
    let mut pages = Vec::new();
    let mut filled_before = vec![false; columns];
    for row in rows {
        let mut cells: Vec<Vec<&Glyph>> = vec![Vec::new(); columns];
        let mut piece_col: Option<usize> = None;
        let mut piece_end = f64::NEG_INFINITY;
        for g in row.refs {
            let col = column_of(g.x + 0.01);
            let same_piece =
                piece_col.is_some_and(|_| g.x - piece_end < 1.0 || !gutters.iter().any(|&(_, b)| piece_end < b && g.x >= b - 0.5));
            let c = if same_piece { piece_col.unwrap_or(col) } else { col };
            cells[c].push(g);
            piece_col = Some(c);
            piece_end = piece_end.max(g.x + g.width);
            if !same_piece {
                piece_end = g.x + g.width;
            }
        }
        let filled: Vec<bool> = cells.iter().map(|c| !c.is_empty()).collect();
        let text = |c: &Vec<&Glyph>| c.iter().map(|g| g.text.as_str()).collect::<String>();
        // A row starts where a column empty on the line above gets text, or where a line of
        // numbers follows a line as full as itself (two one-line rows); a number under a number
        // on a line with fewer cells is the number wrapped in a narrow cell.
        let starts = grid.is_empty()
            || filled.iter().zip(&filled_before).any(|(&now, &before)| now && !before)
            || (cells.iter().any(|c| !c.is_empty() && is_number(&text(c)))
                && filled_before.iter().zip(&filled).all(|(&before, &now)| now || !before));
        let cells: Vec<Vec<Line>> = cells.iter().map(|c| lines(c, false)).collect();
        match grid.last_mut() {
            Some(last) if !starts => {
                for (cell, more) in last.iter_mut().zip(cells) {
                    cell.extend(more);
                }
            }
            _ => {
                grid.push(cells);
                pages.push(row.page);
            }
        }
        filled_before = filled;
    }
    let left = rows.iter().map(|r| r.left).fold(f64::INFINITY, f64::min);
    let right = rows.iter().map(|r| r.right).fold(f64::NEG_INFINITY, f64::max);
    let top = rows.first().map_or(0.0, |r| r.y - r.size);
    let bottom = rows.last().map_or(0.0, |r| r.y);
    let rows_text: Vec<Vec<Option<String>>> =
        grid.into_iter().map(|cells| cells.into_iter().map(|c| Some(join_wrapped(&c))).collect()).collect();
    Some((Table { left, right, top, bottom, rows: rows_text, gutters, ruled: false }, pages, used))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::pdf::grid::MAX_WORK;

    /// The work `tables` counts for `n` lines of two cells each, 14 points apart: never a table,
    /// so every line is tried as a start.
    fn work(n: usize) -> usize {
        let glyphs: Vec<Glyph> = (0..2 * n)
            .map(|k| Glyph {
                x: if k % 2 == 0 { 40.0 } else { 200.0 }, y: 14.0 * (k / 2) as f64, width: 9.0, size: 9.0, text: "规".into()
            })
            .collect();
        let flow: Vec<Flow> =
            glyphs.chunks(2).enumerate().map(|(i, pair)| Flow { page: 1 + i / 50, y: pair[0].y, glyphs: pair.iter().collect() }).collect();
        let mut left = MAX_WORK;
        assert!(tables(&flow, &mut left).unwrap().is_empty());
        MAX_WORK - left
    }

    #[test]
    fn ten_times_the_lines_is_at_most_twelve_times_the_work() {
        let (small, large) = (work(2_000), work(20_000));
        assert!(large <= 12 * small, "{small} then {large}");
        assert!(tables(&[], &mut 0).is_some_and(|found| found.is_empty()), "no lines, no work");
    }
}
