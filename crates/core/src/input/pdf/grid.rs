//! Ruled tables: the ruling lines of a page grouped into tables, each table's grid of row and
//! column lines, merged cells found where a border is missing, and the page's glyphs placed in
//! the cells.

use super::content::{Glyph, Rule};
use super::lines::{join_wrapped, lines};

/// Lines closer than this (points) are one grid line (double borders, rounding).
const SNAP: f64 = 2.5;
/// Rules that come this close are connected (one table).
const TOUCH: f64 = 3.0;

/// A ruled table on one page.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Rows of cells as .docx gives them: a merged cell once, in its first row; `None` where a
    /// cell merged from above covers the row.
    pub rows: Vec<Vec<Option<String>>>,
    /// For a table without ruling lines: the gutters between its columns (x ranges).
    pub gutters: Vec<(f64, f64)>,
    /// Whether ruling lines drew it (its edges are exact).
    pub ruled: bool,
}

/// One grid position's place in the merged cells: the cell's index.
struct Cell {
    top: usize,
    left: usize,
    bottom: usize,
    right: usize,
}

/// The tables of a page and, for each glyph, whether a table took it.
pub fn tables(rules: &[Rule], glyphs: &[Glyph]) -> (Vec<Table>, Vec<bool>) {
    let mut taken = vec![false; glyphs.len()];
    let mut out = Vec::new();
    for group in connected(rules) {
        let group: Vec<Rule> = group.into_iter().map(|i| rules[i]).collect();
        if let Some(table) = table(&group, glyphs, &mut taken) {
            out.push(table);
        }
    }
    out.sort_by(|a, b| a.top.total_cmp(&b.top));
    (out, taken)
}

/// Groups of rules that touch or cross each other.
fn connected(rules: &[Rule]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let meets = |a: &Rule, b: &Rule| -> bool {
        if a.horizontal == b.horizontal {
            (a.at - b.at).abs() <= SNAP && a.from <= b.to + TOUCH && b.from <= a.to + TOUCH
        } else {
            a.from - TOUCH <= b.at && b.at <= a.to + TOUCH && b.from - TOUCH <= a.at && a.at <= b.to + TOUCH
        }
    };
    for i in 0..rules.len() {
        for j in i + 1..rules.len() {
            if meets(&rules[i], &rules[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..rules.len() {
        let root = find(&mut parent, i);
        match groups.iter_mut().find(|(r, _)| *r == root) {
            Some((_, g)) => g.push(i),
            None => groups.push((root, vec![i])),
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// Distinct positions, each the mean of the values within `SNAP` of each other.
fn snap(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((mean, n)) if v - *mean <= SNAP => {
                *mean = (*mean * *n as f64 + v) / (*n + 1) as f64;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(v, _)| v).collect()
}

/// Whether rules of one direction at `at` cover most of `from..to`.
fn covered(rules: &[Rule], horizontal: bool, at: f64, from: f64, to: f64) -> bool {
    let mut spans: Vec<(f64, f64)> = rules
        .iter()
        .filter(|r| r.horizontal == horizontal && (r.at - at).abs() <= SNAP)
        .map(|r| (r.from.max(from), r.to.min(to)))
        .filter(|(a, b)| b > a)
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut length = 0.0;
    let mut reach = from;
    for (a, b) in spans {
        let a = a.max(reach);
        if b > a {
            length += b - a;
            reach = b;
        }
    }
    length >= (to - from) * 0.6
}

fn table(rules: &[Rule], glyphs: &[Glyph], taken: &mut [bool]) -> Option<Table> {
    // The grid lines, and the ends of the lines across them: a table cut by a page break has no
    // bottom border on the first page, but its column lines still end there.
    let ends = |horizontal: bool| rules.iter().filter(move |r| r.horizontal == horizontal).flat_map(|r| [r.from, r.to]);
    let extent = |values: Vec<f64>| -> Vec<f64> {
        let (lo, hi) = (values.iter().copied().fold(f64::INFINITY, f64::min), values.iter().copied().fold(f64::NEG_INFINITY, f64::max));
        if lo.is_finite() {
            vec![lo, hi]
        } else {
            Vec::new()
        }
    };
    let xs = snap(rules.iter().filter(|r| !r.horizontal).map(|r| r.at).chain(extent(ends(true).collect())).collect());
    let ys = snap(rules.iter().filter(|r| r.horizontal).map(|r| r.at).chain(extent(ends(false).collect())).collect());
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    if rows * cols < 2 || rows * cols > 20_000 {
        return None;
    }
    // Merge grid positions where the border between them is missing.
    let mut id: Vec<Vec<usize>> = (0..rows).map(|r| (0..cols).map(|c| r * cols + c).collect()).collect();
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for r in 0..rows {
        for c in 0..cols {
            if c + 1 < cols && !covered(rules, false, xs[c + 1], ys[r], ys[r + 1]) {
                let (a, b) = (find(&mut parent, r * cols + c), find(&mut parent, r * cols + c + 1));
                parent[b] = a;
            }
            if r + 1 < rows && !covered(rules, true, ys[r + 1], xs[c], xs[c + 1]) {
                let (a, b) = (find(&mut parent, r * cols + c), find(&mut parent, (r + 1) * cols + c));
                parent[b] = a;
            }
        }
    }
    for (r, row) in id.iter_mut().enumerate() {
        for (c, slot) in row.iter_mut().enumerate() {
            *slot = find(&mut parent, r * cols + c);
        }
    }
    // Each merged cell's extent (a missing border inside a cell makes the whole box one cell).
    let mut cells: Vec<(usize, Cell)> = Vec::new();
    for (r, row) in id.iter().enumerate() {
        for (c, &root) in row.iter().enumerate() {
            match cells.iter_mut().find(|(k, _)| *k == root) {
                Some((_, cell)) => {
                    cell.bottom = cell.bottom.max(r);
                    cell.right = cell.right.max(c);
                    cell.left = cell.left.min(c);
                }
                None => cells.push((root, Cell { top: r, left: c, bottom: r, right: c })),
            }
        }
    }
    // Place glyphs by their middle.
    let (left, right, top, bottom) = (xs[0], xs[cols], ys[0], ys[rows]);
    let mut texts: Vec<Vec<&Glyph>> = vec![Vec::new(); cells.len()];
    for (i, g) in glyphs.iter().enumerate() {
        let (mx, my) = (g.x + g.width / 2.0, g.y - g.size * 0.3);
        if mx < left || mx > right || my < top || my > bottom {
            continue;
        }
        let c = xs.partition_point(|&x| x <= mx).clamp(1, cols) - 1;
        let r = ys.partition_point(|&y| y <= my).clamp(1, rows) - 1;
        if let Some(k) = cells.iter().position(|(root, _)| *root == id[r][c]) {
            texts[k].push(g);
            taken[i] = true;
        }
    }
    let texts: Vec<String> = texts.iter().map(|t| join_wrapped(&lines(t, false))).collect();
    // The columns that hold numbers, and the rows that do: an empty cell in a row of numbers
    // where its column holds only labels is a gap in the label, not a blank value.
    let mut value_columns = vec![false; cols];
    let mut value_rows = vec![false; rows];
    for ((_, cell), text) in cells.iter().zip(&texts) {
        if is_number(text) {
            value_rows[cell.top] = true;
            if cell.left == cell.right {
                value_columns[cell.left] = true;
            }
        }
    }
    let mut grid: Vec<Vec<Option<String>>> = vec![Vec::new(); rows];
    let mut order: Vec<usize> = (0..cells.len()).collect();
    order.sort_by_key(|&k| (cells[k].1.left, cells[k].1.top));
    for k in order {
        let cell = &cells[k].1;
        let label_gap = texts[k].is_empty() && value_rows[cell.top] && !value_columns[cell.left..=cell.right].iter().any(|&v| v);
        if !label_gap {
            grid[cell.top].push(Some(texts[k].clone()));
        }
        for row in grid.iter_mut().take(cell.bottom + 1).skip(cell.top + 1) {
            row.push(None);
        }
    }
    Some(Table { left, right, top, bottom, rows: grid, gutters: Vec::new(), ruled: true })
}

/// Whether a cell holds a number (or a placeholder for one): `12`, `7730.28`, `-`, `—`.
pub fn is_number(cell: &str) -> bool {
    let t = cell.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | '%' | '—' | '－' | '/' | '／'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(at: f64, from: f64, to: f64) -> Rule {
        Rule { horizontal: true, at, from, to }
    }
    fn v(at: f64, from: f64, to: f64) -> Rule {
        Rule { horizontal: false, at, from, to }
    }
    fn glyph(x: f64, y: f64, text: &str) -> Glyph {
        Glyph { x, y, width: 8.0, size: 8.0, text: text.into() }
    }

    #[test]
    fn a_grid_with_a_cell_merged_down_and_one_across() {
        // 3 rows × 3 columns; (0,0) spans rows 0–1; (2,1) spans columns 1–2.
        let rules = [
            h(0.0, 0.0, 90.0),
            h(20.0, 30.0, 90.0),
            h(40.0, 0.0, 90.0),
            h(60.0, 0.0, 90.0),
            v(0.0, 0.0, 60.0),
            v(30.0, 0.0, 60.0),
            v(60.0, 0.0, 40.0),
            v(90.0, 0.0, 60.0),
        ];
        let glyphs = [
            glyph(5.0, 15.0, "甲"),
            glyph(35.0, 15.0, "1"),
            glyph(65.0, 15.0, "2"),
            glyph(35.0, 35.0, "3"),
            glyph(40.0, 55.0, "合"),
            glyph(100.0, 15.0, "外"),
        ];
        let (t, taken) = tables(&rules, &glyphs);
        assert_eq!(t.len(), 1);
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(t[0].rows, vec![vec![s("甲"), s("1"), s("2")], vec![None, s("3"), s("")], vec![s(""), s("合")]]);
        assert_eq!(taken, [true, true, true, true, true, false]);
    }
}
