//! Reads 表二, 表三 and 表四 out of their sections: matches row labels (in order, through their
//! variants and typos), places each row's cells under the column keys, and records — instead of
//! guessing — every row whose numbers cannot be placed with confidence.

use crate::read::cell::{Cell, Value};
use crate::read::tokens::{Segment, Token};
use crate::schema::{self, CellKey, Column, Era, Format, Row, RowKey, TableKey, ACTIVE_GROUPS, ACTIVE_HEADER_MARKERS};
use crate::text::{find_from, skeleton, Source};
use serde::Serialize;

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
    pub cells: Vec<Cell>,
    pub markers: Vec<Marker>,
}

/// A label found in a segment: which row, where in the segment's skeleton, how good a match.
#[derive(Clone, Copy, Debug)]
struct Hit {
    seg: usize,
    row: usize,
    start: usize,
    end: usize,
    score: u32,
    /// Index of the pattern that matched (0 = the full label); `usize::MAX` for a fuzzy match.
    pattern: usize,
}

/// Segments prepared for matching: each segment's label skeleton.
struct Prepared<'a> {
    source: &'a Source,
    segments: Vec<Segment>,
    skeletons: Vec<String>,
}

impl<'a> Prepared<'a> {
    fn new(source: &'a Source, segments: Vec<Segment>) -> Self {
        let skeletons = segments.iter().map(|s| s.label.iter().map(|t| skeleton(&t.text)).collect()).collect();
        Prepared { source, segments, skeletons }
    }

    fn label_line(&self, seg: usize) -> usize {
        let s = &self.segments[seg];
        let token = s.label.last().or(s.cells.first());
        token.map_or(0, |t| self.source.span(t.start, t.end).line)
    }

    /// Every place a label of `rows` occurs in the segments (exact patterns; a fuzzy match for a
    /// segment with numbers and no exact label), in text order.
    fn hits(&self, rows: &[&Row]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (seg, skel) in self.skeletons.iter().enumerate() {
            let before = hits.len();
            for (row, def) in rows.iter().enumerate() {
                for (pattern, p) in def.patterns.iter().enumerate() {
                    let mut from = 0;
                    while let Some(start) = find_from(skel, p, from) {
                        let score = 10 * p.chars().count() as u32;
                        hits.push(Hit { seg, row, start, end: start + p.len(), score, pattern });
                        from = start + p.len();
                    }
                }
            }
            if hits.len() == before && self.segments[seg].has_content() {
                hits.extend(fuzzy_hits(seg, skel, rows));
            }
        }
        hits.sort_by_key(|h| (h.seg, h.end, h.start));
        hits
    }

    /// The best ordered assignment of `rows` to labels in the segments.
    fn match_rows(&self, rows: &[&Row]) -> Vec<Hit> {
        best_chain(&self.hits(rows)).1
    }

    /// Like `match_rows`, choosing between rows that exclude each other (the single 2019 （六） row
    /// or the three 2021 sub-rows): the era whose labels match best is left out of the other's way.
    fn match_excluding_best(&self, rows: &[&Row], exclusive: [Era; 2]) -> Vec<Hit> {
        let hits = self.hits(rows);
        exclusive
            .iter()
            .map(|&excluded| {
                let allowed: Vec<Hit> = hits.iter().copied().filter(|h| rows[h.row].era != excluded).collect();
                best_chain(&allowed)
            })
            .max_by_key(|(score, _)| *score)
            .map(|(_, chain)| chain)
            .unwrap_or_default()
    }

    fn cell(&self, key: CellKey, token: &Token) -> Cell {
        Cell {
            key,
            value: token.value.clone(),
            raw: token.text.trim().to_owned(),
            span: self.source.span(token.start, token.end),
            origin: None,
        }
    }
}

/// Fuzzy label matches for a segment with numbers but no exact label (a typo such as
/// `其他法律行政止公开`): most of the full label's characters, in order, at the segment's end.
fn fuzzy_hits(seg: usize, skel: &str, rows: &[&Row]) -> Vec<Hit> {
    let chars: Vec<char> = skel.chars().collect();
    let mut hits = Vec::new();
    for (row, def) in rows.iter().enumerate() {
        let full: Vec<char> = def.patterns[0].chars().collect();
        if full.len() < 5 {
            continue;
        }
        let window = &chars[chars.len().saturating_sub(full.len() + 4)..];
        let common = lcs(window, &full);
        if common * 10 >= full.len() * 7 {
            let start = skel.len() - window.iter().map(|c| c.len_utf8()).sum::<usize>();
            hits.push(Hit { seg, row, start, end: skel.len(), score: 6 * common as u32, pattern: usize::MAX });
        }
    }
    hits
}

/// Length of the longest common subsequence.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for &x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The highest-scoring chain of hits with rows in increasing order and hits in text order
/// (non-overlapping within a segment).
fn best_chain(hits: &[Hit]) -> (u32, Vec<Hit>) {
    let mut best: Vec<(u32, Option<usize>)> = Vec::with_capacity(hits.len());
    for (k, h) in hits.iter().enumerate() {
        let mut entry = (h.score, None);
        for (j, prev) in hits[..k].iter().enumerate() {
            let ordered = prev.row < h.row && (prev.seg < h.seg || prev.end <= h.start);
            if ordered && best[j].0 + h.score > entry.0 {
                entry = (best[j].0 + h.score, Some(j));
            }
        }
        best.push(entry);
    }
    let Some((mut k, &(score, _))) = best.iter().enumerate().max_by_key(|(_, (s, _))| *s) else {
        return (0, Vec::new());
    };
    let mut chain = vec![hits[k]];
    while let Some(j) = best[k].1 {
        chain.push(hits[j]);
        k = j;
    }
    chain.reverse();
    (score, chain)
}

/// The cells of a row placed under `columns`, or None when their number does not fit.
fn place(cells: &[Token], columns: usize) -> Option<Vec<Token>> {
    let mut cells = cells.to_vec();
    while cells.len() > columns && cells.last().is_some_and(|c| c.value == Value::Blank) {
        cells.pop();
    }
    if cells.len() == columns {
        return Some(cells);
    }
    // `规章000`: single-digit cells run together, one digit per column.
    if let [glued] = cells.as_slice() {
        let digits = glued.text.trim();
        if glued.glued && columns > 1 && digits.len() == columns && digits.bytes().all(|b| b.is_ascii_digit()) {
            let first = glued.start + (glued.text.len() - glued.text.trim_start().len());
            return Some(
                (0..columns)
                    .map(|i| Token {
                        text: digits[i..=i].to_owned(),
                        start: first + i,
                        end: first + i + 1,
                        value: Value::parse(&digits[i..=i]),
                        glued: false,
                    })
                    .collect(),
            );
        }
    }
    None
}

/// Reads 表三 from its segments.
pub fn read_applications(source: &Source, segments: Vec<Segment>, line: Option<usize>) -> TableOutput {
    let table = TableKey::Applications;
    let p = Prepared::new(source, segments);
    let rows: Vec<&Row> = schema::APPLICATION_ROWS.iter().collect();
    let hits = p.match_excluding_best(&rows, [Era::Only2019, Era::Only2021]);
    let mut out = TableOutput::empty(table, line);
    let owners = owners(&hits);
    for hit in &hits {
        let row = rows[hit.row];
        let label_line = p.label_line(hit.seg);
        out.read.rows.push((row.key, label_line));
        match row.era {
            Era::Only2019 => out.marker(Format::F2019, "（六）其他处理（单行）", label_line),
            Era::Only2021 => out.marker(Format::F2021, row.label, label_line),
            Era::Both => {}
        }
        let cells: &[Token] = if owners.contains(&(hit.seg, hit.end)) { &p.segments[hit.seg].cells } else { &[] };
        out.place_row(&p, row.key, schema::APPLICATION_COLUMNS, cells, label_line);
    }
    out.extra_rows(&p, &hits);
    out.finish()
}

/// Reads 表二 from its segments: each row's columns follow the header of its caption group.
pub fn read_active(source: &Source, segments: Vec<Segment>, line: Option<usize>) -> TableOutput {
    let table = TableKey::Active;
    let p = Prepared::new(source, segments);
    let rows = schema::rows(table);
    let hits = p.match_rows(&rows);
    let mut out = TableOutput::empty(table, line);
    let headers: Vec<Option<Format>> = (0..p.segments.len()).map(|seg| out.header_markers(&p, seg)).collect();
    let owners = owners(&hits);
    for hit in &hits {
        let row = rows[hit.row];
        let group = ACTIVE_GROUPS.iter().find(|g| g.rows.iter().any(|r| r.key == row.key)).expect("row of a group");
        let label_line = p.label_line(hit.seg);
        out.read.rows.push((row.key, label_line));
        if row.key == RowKey::Normative {
            let (format, text) =
                if hit.pattern == 0 { (Format::F2021, "行政规范性文件") } else { (Format::F2019, "规范性文件") };
            out.marker(format, text, label_line);
        }
        if row.era == Era::Only2019 {
            out.marker(Format::F2019, row.label, label_line);
        }
        let cells: &[Token] = if owners.contains(&(hit.seg, hit.end)) { &p.segments[hit.seg].cells } else { &[] };
        let header = headers[..=hit.seg].iter().rev().find_map(|h| *h);
        let columns = active_columns(group, row, header, cells.len());
        match columns {
            Some(columns) => out.place_row(&p, row.key, columns, cells, label_line),
            None => out.read.unreadable.push(Unreadable {
                row: Some(row.key),
                line: label_line,
                found: cells.len(),
                expected: group.columns_2019.len().max(group.columns_2021.len()),
                cells: Vec::new(),
            }),
        }
    }
    out.extra_rows(&p, &hits);
    out.finish()
}

/// The columns of a 表二 row: from the group's header, else from the row (a 2019-only row), else
/// from the number of cells when only one format fits it. None when it cannot be told.
fn active_columns(group: &schema::ActiveGroup, row: &Row, header: Option<Format>, cells: usize) -> Option<&'static [Column]> {
    if row.era == Era::Only2019 {
        return Some(group.columns_2019);
    }
    if let Some(format) = header {
        return Some(group.columns(format));
    }
    let fits_2019 = cells == group.columns_2019.len();
    let fits_2021 = cells == group.columns_2021.len();
    match (fits_2019, fits_2021) {
        (true, false) => Some(group.columns_2019),
        (false, true) => Some(group.columns_2021),
        _ => None,
    }
}

/// Reads 表四: one row of 15 numbers, or one row of 5 per group.
pub fn read_reviews(source: &Source, segments: Vec<Segment>, line: Option<usize>) -> TableOutput {
    let table = TableKey::Reviews;
    let p = Prepared::new(source, segments);
    let mut out = TableOutput::empty(table, line);
    let all = schema::REVIEW_ROWS.len() * schema::REVIEW_COLUMNS.len();
    let single = (0..p.segments.len()).rev().find(|&seg| place(&p.segments[seg].cells, all).is_some());
    if let Some(seg) = single {
        let cells = place(&p.segments[seg].cells, all).expect("checked");
        let label_line = p.label_line(seg);
        let keys = schema::REVIEW_ROWS.iter().flat_map(|r| schema::REVIEW_COLUMNS.iter().map(move |c| CellKey::new(table, r.key, c.key)));
        for (key, token) in keys.zip(&cells) {
            out.cells.push(p.cell(key, token));
        }
        out.read.rows = schema::REVIEW_ROWS.iter().map(|r| (r.key, label_line)).collect();
        return out.finish();
    }
    let rows: Vec<&Row> = schema::REVIEW_ROWS.iter().collect();
    let hits = p.match_rows(&rows);
    let owners = owners(&hits);
    let placed: Vec<_> = hits
        .iter()
        .filter(|h| owners.contains(&(h.seg, h.end)))
        .filter_map(|h| place(&p.segments[h.seg].cells, schema::REVIEW_COLUMNS.len()).map(|c| (h, c)))
        .collect();
    if placed.len() == rows.len() {
        for (hit, cells) in placed {
            let row = rows[hit.row];
            out.read.rows.push((row.key, p.label_line(hit.seg)));
            for (col, token) in schema::REVIEW_COLUMNS.iter().zip(&cells) {
                out.cells.push(p.cell(CellKey::new(table, row.key, col.key), token));
            }
        }
    } else {
        // Numbers that fit no layout are unread; a region with none has no table to read.
        let found = p.segments.iter().map(|s| s.cells.iter().filter(|c| c.value.is_cell_like()).count()).max().unwrap_or(0);
        if let Some(first) = p.segments.iter().position(|s| s.cells.iter().any(|c| c.value.is_cell_like())) {
            out.read.unreadable.push(Unreadable { row: None, line: p.label_line(first), found, expected: all, cells: Vec::new() });
        }
    }
    out.finish()
}

/// The hits that own the cells after their segment: the last label in each segment.
fn owners(hits: &[Hit]) -> Vec<(usize, usize)> {
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for h in hits {
        match owners.last_mut() {
            Some(last) if last.0 == h.seg => last.1 = last.1.max(h.end),
            _ => owners.push((h.seg, h.end)),
        }
    }
    owners
}

impl TableOutput {
    fn empty(table: TableKey, line: Option<usize>) -> Self {
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
            cells: Vec::new(),
            markers: Vec::new(),
        }
    }

    fn marker(&mut self, format: Format, text: &str, line: usize) {
        if !self.markers.iter().any(|m| m.format == format && m.text == text) {
            self.markers.push(Marker { format, table: self.read.table, text: text.to_owned(), line });
        }
    }

    /// The format announced by 表二 header words in a segment's label, recorded as markers.
    fn header_markers(&mut self, p: &Prepared, seg: usize) -> Option<Format> {
        let skel = &p.skeletons[seg];
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut format = None;
        for (word, f) in ACTIVE_HEADER_MARKERS {
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

    fn place_row(&mut self, p: &Prepared, row: RowKey, columns: &[Column], cells: &[Token], line: usize) {
        let table = self.read.table;
        match place(cells, columns.len()) {
            Some(placed) => {
                for (col, token) in columns.iter().zip(&placed) {
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
    fn extra_rows(&mut self, p: &Prepared, hits: &[Hit]) {
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

    fn finish(mut self) -> Self {
        let has = |f: Format| self.markers.iter().any(|m| m.format == f);
        self.read.format = Format::from_markers(has(Format::F2019), has(Format::F2021));
        self
    }
}
