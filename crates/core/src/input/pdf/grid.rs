//! Ruled tables: the ruling lines of a page grouped into tables, each table's grid of row and
//! column lines, merged cells found where a border is missing, and the page's glyphs placed in
//! the cells.

use super::content::{Glyph, Rule};
use super::lines::{join_wrapped, lines};
use std::collections::HashMap;

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

/// Pairs of rules compared, and glyphs tried in tables, in a whole file at most (a report's pages
/// need a few hundred thousand): past this the file is not read rather than read slowly.
pub const MAX_WORK: usize = 1 << 27;

/// The tables of a page and, for each glyph, whether a table took it; None when the file's
/// `work` (see [`MAX_WORK`]) runs out.
pub fn tables(rules: &[Rule], glyphs: &[Glyph], work: &mut usize) -> Option<(Vec<Table>, Vec<bool>)> {
    let mut taken = vec![false; glyphs.len()];
    let mut out = Vec::new();
    // The glyphs by the height where a table would place them, to find those inside a table.
    let mut by_height: Vec<(f64, usize)> = glyphs.iter().enumerate().map(|(i, g)| (g.y - g.size * 0.3, i)).collect();
    by_height.sort_by(|a, b| a.0.total_cmp(&b.0));
    for group in connected(rules, work)? {
        let group: Vec<Rule> = group.into_iter().map(|i| rules[i]).collect();
        if let Some(table) = table(&group, glyphs, &by_height, &mut taken, work)? {
            out.push(table);
        }
    }
    out.sort_by(|a, b| a.top.total_cmp(&b.top));
    Some((out, taken))
}

/// Takes `n` from the file's work left; false when there is not that much left.
fn spend(work: &mut usize, n: usize) -> bool {
    *work = work.saturating_sub(n);
    *work > 0
}

/// Groups of rules that touch or cross each other.
fn connected(rules: &[Rule], work: &mut usize) -> Option<Vec<Vec<usize>>> {
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
            let (h, v) = if a.horizontal { (a, b) } else { (b, a) };
            h.from - TOUCH <= v.at && v.at <= h.to + TOUCH && v.from - TOUCH <= h.at && h.at <= v.to + TOUCH
        }
    };
    let mut join = |i: usize, j: usize| {
        if meets(&rules[i], &rules[j]) {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j));
            parent[a] = b;
        }
    };
    // Parallel rules meet only within SNAP of each other: each band of two SNAP-high strips is
    // swept along the rules' length. A vertical rule meets only the horizontal ones at heights
    // along it.
    let (mut across, down): (Vec<usize>, Vec<usize>) = (0..rules.len()).partition(|&i| rules[i].horizontal);
    for list in [&across, &down] {
        let mut strips: HashMap<i64, Vec<usize>> = HashMap::new();
        for &i in list.iter() {
            strips.entry((rules[i].at / SNAP).floor() as i64).or_default().push(i);
        }
        for (strip, rules_in) in &strips {
            let mut band = rules_in.clone();
            band.extend(strips.get(&strip.saturating_add(1)).into_iter().flatten());
            band.sort_by(|&a, &b| rules[a].from.total_cmp(&rules[b].from));
            for (k, &i) in band.iter().enumerate() {
                let near = band[k + 1..].iter().take_while(|&&j| rules[j].from <= rules[i].to + TOUCH);
                let compared = near.map(|&j| join(i, j)).count();
                if !spend(work, compared + 1) {
                    return None;
                }
            }
        }
    }
    across.sort_by(|&a, &b| rules[a].at.total_cmp(&rules[b].at));
    for &i in &down {
        let first = across.partition_point(|&j| rules[j].at < rules[i].from - TOUCH);
        let along = across[first..].iter().take_while(|&&j| rules[j].at <= rules[i].to + TOUCH);
        let compared = along.map(|&j| join(i, j)).count();
        if !spend(work, compared + 1) {
            return None;
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for i in 0..rules.len() {
        let root = find(&mut parent, i);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    Some(groups)
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

/// The grid lines of one direction, each as the spans of the rules within `SNAP` of it, merged
/// and sorted, with the length covered before each span.
struct Lines(Vec<Vec<(f64, f64, f64)>>);

impl Lines {
    fn new(rules: &[Rule], horizontal: bool, lines: &[f64]) -> Lines {
        let mut mine: Vec<&Rule> = rules.iter().filter(|r| r.horizontal == horizontal).collect();
        mine.sort_by(|a, b| a.at.total_cmp(&b.at));
        Lines(
            lines
                .iter()
                .map(|&at| {
                    let first = mine.partition_point(|r| r.at < at - SNAP);
                    let mut spans: Vec<(f64, f64)> =
                        mine[first..].iter().take_while(|r| r.at <= at + SNAP).filter(|r| r.to > r.from).map(|r| (r.from, r.to)).collect();
                    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
                    let mut merged: Vec<(f64, f64, f64)> = Vec::new();
                    let mut before = 0.0;
                    for (a, b) in spans {
                        match merged.last_mut() {
                            Some(last) if a <= last.1 => last.1 = last.1.max(b),
                            _ => {
                                if let Some(last) = merged.last() {
                                    before += last.1 - last.0;
                                }
                                merged.push((a, b, before));
                            }
                        }
                    }
                    merged
                })
                .collect(),
        )
    }

    /// Whether the rules along line `index` cover most of `from..to`.
    fn covered(&self, index: usize, from: f64, to: f64) -> bool {
        let spans = &self.0[index];
        // The length covered below `x`: the spans ending before it, and the part of the one it is in.
        let below = |x: f64| -> f64 {
            let k = spans.partition_point(|s| s.0 < x);
            match k.checked_sub(1).map(|k| spans[k]) {
                Some((a, b, before)) => before + (b.min(x) - a),
                None => 0.0,
            }
        };
        below(to) - below(from) >= (to - from) * 0.6
    }
}

/// `rules` as a table, if they make a grid (None when the file's `work` runs out).
fn table(rules: &[Rule], glyphs: &[Glyph], by_height: &[(f64, usize)], taken: &mut [bool], work: &mut usize) -> Option<Option<Table>> {
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
        return Some(None);
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    if rows * cols < 2 || rows * cols > 20_000 {
        return Some(None);
    }
    let (columns, row_lines) = (Lines::new(rules, false, &xs), Lines::new(rules, true, &ys));
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
            if c + 1 < cols && !columns.covered(c + 1, ys[r], ys[r + 1]) {
                let (a, b) = (find(&mut parent, r * cols + c), find(&mut parent, r * cols + c + 1));
                parent[b] = a;
            }
            if r + 1 < rows && !row_lines.covered(r + 1, xs[c], xs[c + 1]) {
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
    let mut cell_of: HashMap<usize, usize> = HashMap::new();
    for (r, row) in id.iter().enumerate() {
        for (c, &root) in row.iter().enumerate() {
            match cell_of.get(&root) {
                Some(&k) => {
                    let cell = &mut cells[k].1;
                    cell.bottom = cell.bottom.max(r);
                    cell.right = cell.right.max(c);
                    cell.left = cell.left.min(c);
                }
                None => {
                    cell_of.insert(root, cells.len());
                    cells.push((root, Cell { top: r, left: c, bottom: r, right: c }));
                }
            }
        }
    }
    // Place glyphs by their middle.
    let (left, right, top, bottom) = (xs[0], xs[cols], ys[0], ys[rows]);
    let mut texts: Vec<Vec<&Glyph>> = vec![Vec::new(); cells.len()];
    let first = by_height.partition_point(|&(my, _)| my < top);
    let inside = &by_height[first..by_height.partition_point(|&(my, _)| my <= bottom).max(first)];
    if !spend(work, inside.len()) {
        return None;
    }
    let mut inside: Vec<(f64, usize)> = inside.to_vec();
    inside.sort_unstable_by_key(|&(_, i)| i);
    for (my, i) in inside {
        let g = &glyphs[i];
        let mx = g.x + g.width / 2.0;
        if mx < left || mx > right || my < top || my > bottom {
            continue;
        }
        let c = xs.partition_point(|&x| x <= mx).clamp(1, cols) - 1;
        let r = ys.partition_point(|&y| y <= my).clamp(1, rows) - 1;
        if let Some(&k) = cell_of.get(&id[r][c]) {
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
    Some(Some(Table { left, right, top, bottom, rows: grid, gutters: Vec::new(), ruled: true }))
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
        let (t, taken) = tables(&rules, &glyphs, &mut MAX_WORK.clone()).unwrap();
        assert_eq!(t.len(), 1);
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(t[0].rows, vec![vec![s("甲"), s("1"), s("2")], vec![None, s("3"), s("")], vec![s(""), s("合")]]);
        assert_eq!(taken, [true, true, true, true, true, false]);
    }

    /// The work `tables` counts for the rules and glyphs.
    fn work(rules: &[Rule], glyphs: &[Glyph]) -> usize {
        let mut left = MAX_WORK;
        tables(rules, glyphs, &mut left).unwrap();
        MAX_WORK - left
    }

    /// Rows of a table drawn cell by cell (as WPS does), with a number in each cell.
    fn rows(n: usize) -> (Vec<Rule>, Vec<Glyph>) {
        let (mut rules, mut glyphs) = (Vec::new(), Vec::new());
        for r in 0..n {
            let y = 12.0 * r as f64;
            for c in 0..8 {
                let x = 30.0 * c as f64;
                rules.extend([h(y, x, x + 30.0), h(y + 12.0, x, x + 30.0), v(x, y, y + 12.0), v(x + 30.0, y, y + 12.0)]);
                glyphs.push(glyph(x + 5.0, y + 10.0, "1"));
            }
        }
        (rules, glyphs)
    }

    #[test]
    fn ten_times_the_rules_is_at_most_twelve_times_the_work() {
        // Short rules scattered over a page (none touching), and the rows of one table.
        let apart = |n: usize| -> (Vec<Rule>, Vec<Glyph>) {
            ((0..n).map(|i| h((i / 40) as f64 * 7.0, (i % 40) as f64 * 14.0, (i % 40) as f64 * 14.0 + 5.0)).collect(), Vec::new())
        };
        for (shape, make) in [("apart", &apart as &dyn Fn(usize) -> (Vec<Rule>, Vec<Glyph>)), ("rows", &rows)] {
            let (small, large) = (make(400), make(4000));
            let (a, b) = (work(&small.0, &small.1), work(&large.0, &large.1));
            assert!(b <= 12 * a, "{shape}: {a} then {b}");
        }
        // Out of work: the page's tables are not read.
        let (rules, glyphs) = rows(10);
        assert!(tables(&rules, &glyphs, &mut 100).is_none());
    }
}
