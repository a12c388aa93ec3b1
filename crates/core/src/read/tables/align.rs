//! The label aligner: finds the official rows' labels in a table region's segments (exact patterns
//! first, a fuzzy match for typos), chooses the best ordered assignment of rows to labels, and
//! places a row's cells when their number fits its columns.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::split;
use crate::read::cell::{Cell, Raw, Value};
use crate::read::tokens::{Segments, Token};
use crate::schema::{self, CellKey, Era, Row, TableKey, ValueKind};
use crate::text::{fold_char, is_skeleton_char, Source, Span};

/// A label found in a segment: which row, where in the segment's skeleton, how good a match.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub seg: usize,
    pub row: usize,
    pub start: usize,
    pub end: usize,
    pub score: u32,
    /// Index of the pattern that matched (0 = the full label); `usize::MAX` for a fuzzy match.
    pub pattern: usize,
}

/// Segments prepared for matching: each segment's label skeleton, and the parts of it that are a
/// note in parentheses after the label's first words.
pub struct Prepared<'a> {
    pub source: &'a Source,
    pub segments: Segments<'a>,
    /// Every segment's skeleton, one after another.
    skeletons: String,
    /// Notes as byte ranges of their segment's skeleton, one segment's after another.
    notes: Vec<(usize, usize)>,
    /// Per segment: where its skeleton starts and ends in `skeletons`, its notes in `notes`.
    bounds: Vec<[usize; 4]>,
    /// Per segment: the characters of its skeleton ([`crate::text::char_set`]).
    char_sets: Vec<u64>,
}

impl<'a> Prepared<'a> {
    pub fn new(source: &'a Source, segments: Segments<'a>) -> Self {
        let mut p = Prepared { source, segments, skeletons: String::new(), notes: Vec::new(), bounds: Vec::new(), char_sets: Vec::new() };
        p.bounds.reserve(p.segments.len());
        p.char_sets.reserve(p.segments.len());
        p.skeletons.reserve(p.segments.iter().flat_map(|s| s.label).map(|t| t.text.len()).sum());
        for seg in 0..p.segments.len() {
            let (skel, notes) = (p.skeletons.len(), p.notes.len());
            let set = skeleton_and_notes(p.segments.get(seg).label, &mut p.skeletons, &mut p.notes);
            p.bounds.push([skel, p.skeletons.len(), notes, p.notes.len()]);
            p.char_sets.push(set);
        }
        p
    }

    /// The skeleton of a segment's label.
    pub fn skeleton(&self, seg: usize) -> &str {
        let [start, end, _, _] = self.bounds[seg];
        &self.skeletons[start..end]
    }

    /// The characters of a segment's skeleton, as [`crate::text::char_set`] gives them.
    pub fn char_set(&self, seg: usize) -> u64 {
        self.char_sets[seg]
    }

    fn notes(&self, seg: usize) -> &[(usize, usize)] {
        let [_, _, start, end] = self.bounds[seg];
        &self.notes[start..end]
    }

    pub fn label_line(&self, seg: usize) -> usize {
        let s = self.segments.get(seg);
        let token = s.label.last().or(s.cells.first());
        token.map_or(0, |t| t.line)
    }

    /// Every place a label of `rows` occurs in the segments (exact patterns; a fuzzy match for a
    /// segment with numbers and no exact label), in text order.
    pub fn hits(&self, table: &TableRows) -> Vec<Hit> {
        let (rows, patterns) = (&table.rows[..], &table.patterns);
        // About two hits (a label's full and short patterns) per segment.
        let mut hits = Vec::with_capacity(2 * self.segments.len());
        let mut found = Vec::new();
        for seg in 0..self.segments.len() {
            let skel = self.skeleton(seg);
            patterns.find_all(seg, skel, &mut found);
            // A label named inside another label's note (`规范性文件（…涉及行政许可、行政处罚…）`) is
            // not that row: the note belongs to the label before it.
            let notes = self.notes(seg);
            let first = found.iter().map(|h| h.start).min();
            let in_note = |h: &Hit| notes.iter().any(|&(a, b)| (a..b).contains(&h.start) && first.is_some_and(|f| f < a));
            let before = hits.len();
            hits.extend(found.iter().filter(|h| !in_note(h)));
            if hits.len() == before && self.segments.get(seg).has_content() {
                hits.extend(fuzzy_hits(seg, skel, rows));
            }
        }
        // Equal places are only fuzzy matches of several rows, kept in the rows' order.
        hits.sort_by_key(|h| (h.seg, h.end, h.start, h.row, h.pattern));
        hits
    }

    /// The best ordered assignment of `rows` to labels in the segments.
    pub fn match_rows(&self, rows: &TableRows) -> Vec<Hit> {
        best_chain(&self.hits(rows)).1
    }

    /// Like `match_rows`, choosing between rows that exclude each other (the single 2019 （六） row
    /// or the three 2021 sub-rows): the era whose labels match best is left out of the other's way.
    pub fn match_excluding_best(&self, table: &TableRows, exclusive: [Era; 2]) -> Vec<Hit> {
        let (rows, hits) = (&table.rows, self.hits(table));
        exclusive
            .iter()
            .map(|&excluded| {
                let mut allowed = Vec::with_capacity(hits.len());
                allowed.extend(hits.iter().copied().filter(|h| rows[h.row].era != excluded));
                best_chain(&allowed)
            })
            .max_by_key(|(score, _)| *score)
            .map(|(_, chain)| chain)
            .unwrap_or_default()
    }

    /// The cells after a hit's label, when the hit owns them (the last label of its segment).
    pub fn cells_after(&self, hit: &Hit, owners: &[(usize, usize)]) -> &[Token<'a>] {
        if owners.contains(&(hit.seg, hit.end)) {
            self.segments.get(hit.seg).cells
        } else {
            &[]
        }
    }

    pub fn cell(&self, key: CellKey, token: &Token) -> Cell {
        Cell {
            key,
            value: token.value.clone(),
            // A token's text is trimmed already.
            raw: Raw::new(&token.text),
            span: Span {
                line: token.line,
                col: self.source.text()[self.source.line_start(token.line)..token.start].chars().count() + 1,
                start: token.start,
                end: token.end,
            },
            origin: None,
        }
    }
}

/// A label's skeleton, appended to `skel`, and the byte ranges of it (from where it starts) that
/// stand in parentheses after some label text, appended to `notes` (a note such as
/// `规章（设区的市…应提供相关数据）`; a leading `（一）` is numbering, not a note). Returns the
/// skeleton's characters ([`crate::text::char_set`]).
fn skeleton_and_notes(label: &[Token], skel: &mut String, notes: &mut Vec<(usize, usize)>) -> u64 {
    let base = skel.len();
    let mut set = 0u64;
    let mut depth = 0usize;
    let mut start = 0;
    for text in label.iter().map(|t| &*t.text) {
        // Characters that stand in the skeleton as written are copied in runs.
        let (b, mut run, mut next) = (text.as_bytes(), 0, 0);
        while next < b.len() {
            let i = next;
            // An ideograph of U+4E00..U+9FFF (lead bytes E4..E9) is decoded here, the rest by `chars`.
            let written = match b[i..] {
                [lead @ 0xE4..=0xE9, second, third, ..] => {
                    next += 3;
                    let code = u32::from(lead & 0x0F) << 12 | u32::from(second & 0x3F) << 6 | u32::from(third & 0x3F);
                    let c = char::from_u32(code).unwrap_or_default();
                    // An ideograph that folds to itself stands as written.
                    if code >= 0x4E00 && fold_char(c) == c {
                        set |= 1 << (code % 64);
                        continue;
                    }
                    c
                }
                _ => {
                    let c = text[i..].chars().next().unwrap_or_default();
                    next += c.len_utf8();
                    c
                }
            };
            let c = fold_char(written);
            if c == written && is_skeleton_char(c) && !c.is_ascii_uppercase() {
                set |= 1 << (c as u32 % 64);
                continue;
            }
            skel.push_str(&text[run..i]);
            run = next;
            match c {
                '(' | '[' | '〔' | '【' => {
                    if depth == 0 {
                        start = skel.len() - base;
                    }
                    depth += 1;
                }
                ')' | ']' | '〕' | '】' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 && start > 0 && skel.len() - base > start {
                        notes.push((start, skel.len() - base));
                    }
                }
                c if is_skeleton_char(c) => {
                    let c = c.to_ascii_lowercase();
                    set |= 1 << (c as u32 % 64);
                    skel.push(c);
                }
                _ => {}
            }
        }
        skel.push_str(&text[run..]);
    }
    if depth > 0 && start > 0 && skel.len() - base > start {
        notes.push((start, skel.len() - base));
    }
    set
}

/// A table's official rows and their label patterns, indexed once.
pub struct TableRows {
    pub rows: Vec<&'static Row>,
    patterns: Patterns,
}

impl TableRows {
    /// The rows of `table` ([`schema::rows`]), their patterns indexed on first use.
    pub fn of(table: TableKey) -> &'static TableRows {
        static TABLES: [OnceLock<TableRows>; 3] = [const { OnceLock::new() }; 3];
        let slot = match table {
            TableKey::Active => 0,
            TableKey::Applications => 1,
            TableKey::Reviews => 2,
        };
        TABLES[slot].get_or_init(|| {
            let rows = schema::rows(table);
            TableRows { patterns: Patterns::new(&rows), rows }
        })
    }
}

/// A label pattern of a row: its index among the row's patterns and its score.
#[derive(Clone, Copy)]
struct Entry {
    row: usize,
    pattern: usize,
    text: &'static str,
    score: u32,
}

/// The patterns of some rows, grouped by their first character (modulo 64), so that a skeleton
/// is searched for all of them in one pass.
struct Patterns {
    /// The patterns, ordered by the first character's group.
    entries: Vec<Entry>,
    /// Where each group's entries start (and the last group's end).
    groups: [u16; 65],
    /// The groups that have a pattern.
    present: u64,
}

impl Patterns {
    fn new(rows: &[&Row]) -> Self {
        let mut groups = [0u16; 65];
        let mut present = 0u64;
        let mut count = 0;
        for p in rows.iter().flat_map(|def| def.patterns) {
            if let Some(c) = p.chars().next() {
                groups[c as usize % 64 + 1] += 1;
                present |= 1 << (c as usize % 64);
                count += 1;
            }
        }
        for g in 0..64 {
            groups[g + 1] += groups[g];
        }
        // Each group's entries in the rows' order.
        let mut entries = vec![Entry { row: 0, pattern: 0, text: "", score: 0 }; count];
        let mut next = groups;
        for (row, def) in rows.iter().enumerate() {
            for (k, &p) in def.patterns.iter().enumerate() {
                if let Some(c) = p.chars().next() {
                    let at = &mut next[c as usize % 64];
                    entries[usize::from(*at)] = Entry { row, pattern: k, text: p, score: 10 * p.chars().count() as u32 };
                    *at += 1;
                }
            }
        }
        Patterns { entries, groups, present }
    }

    /// Every occurrence of a pattern in `skel` (of segment `seg`) into `found`; occurrences of one
    /// pattern do not overlap.
    fn find_all(&self, seg: usize, skel: &str, found: &mut Vec<Hit>) {
        found.clear();
        let bytes = skel.as_bytes();
        let mut next = 0;
        while next < bytes.len() {
            let start = next;
            let width = match bytes[start] {
                0..0x80 => 1,
                0x80..0xE0 => 2,
                0xE0..0xF0 => 3,
                _ => 4,
            };
            next += width;
            // A character's code modulo 64 is the low six bits of its last byte in UTF-8.
            let g = usize::from(bytes[next - 1] & 0x3f);
            if self.present & (1 << g) == 0 {
                continue;
            }
            for &Entry { row, pattern, text: p, score } in &self.entries[usize::from(self.groups[g])..usize::from(self.groups[g + 1])] {
                // The group fixes the character's last byte; its first byte is compared before the rest.
                if p.as_bytes()[0] != bytes[start] || !bytes[start..].starts_with(p.as_bytes()) {
                    continue;
                }
                let end = start + p.len();
                if found.iter().any(|h| h.row == row && h.pattern == pattern && h.end > start) {
                    continue;
                }
                found.push(Hit { seg, row, start, end, score, pattern });
            }
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
///
/// A hit of an earlier segment may precede any hit of a later row, wherever it stands: so when the
/// hits come in segment order, the best chain ending in each row is kept once its segment is done,
/// and only the hits of the current segment are compared one by one.
fn best_chain(hits: &[Hit]) -> (u32, Vec<Hit>) {
    let in_order = hits.windows(2).all(|w| w[0].seg <= w[1].seg);
    let rows = hits.iter().map(|h| h.row + 1).max().unwrap_or(0);
    // Per row: the best score of a chain ending in a hit of an earlier segment, and that hit.
    let mut by_row: Vec<(u32, usize)> = vec![(0, 0); rows];
    // The best of `by_row[..r]` (the first hit among equals) for every r below `valid`, kept up
    // to date as far as it is asked for.
    let mut prefix: Vec<Option<(u32, usize)>> = vec![None; rows + 1];
    let mut valid = 1;
    let mut kept = 0;
    let mut best: Vec<(u32, Option<usize>)> = Vec::with_capacity(hits.len());
    for (k, h) in hits.iter().enumerate() {
        while in_order && kept < k && hits[kept].seg < h.seg {
            let row = hits[kept].row;
            let slot = &mut by_row[row];
            if best[kept].0 > slot.0 {
                *slot = (best[kept].0, kept);
                valid = valid.min(row + 1);
            }
            kept += 1;
        }
        while valid <= h.row {
            let e = by_row[valid - 1];
            prefix[valid] = match prefix[valid - 1] {
                _ if e.0 == 0 => prefix[valid - 1],
                Some(m) if m.0 > e.0 || (m.0 == e.0 && m.1 < e.1) => Some(m),
                _ => Some(e),
            };
            valid += 1;
        }
        let mut entry = (h.score, None);
        // The best of the kept chains, then the rest one by one.
        if let Some((score, j)) = prefix[h.row] {
            entry = (score + h.score, Some(j));
        }
        for (j, prev) in hits.iter().enumerate().take(k).skip(kept) {
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
    // A chain has at most one hit per row.
    let mut chain = Vec::with_capacity(rows);
    chain.push(hits[k]);
    while let Some(j) = best[k].1 {
        chain.push(hits[j]);
        k = j;
    }
    chain.reverse();
    (score, chain)
}

/// The cells of a row placed under columns of `kinds`, or None when their number does not fit. A
/// single run of digits (`规章105`, a whole row run together) is cut into cells only when exactly
/// one cut fits the row ([`split`]); `group` is the row's identity for that (see
/// [`crate::schema::TableKey::row_sum_width`]).
pub fn place<'t, 'a>(cells: &'t [Token<'a>], kinds: &[ValueKind], group: Option<usize>) -> Option<Cow<'t, [Token<'a>]>> {
    let columns = kinds.len();
    let mut cells = cells;
    while cells.len() > columns && cells.last().is_some_and(|c| c.value == Value::Blank) {
        cells = &cells[..cells.len() - 1];
    }
    if cells.len() == columns {
        return Some(Cow::Borrowed(cells));
    }
    let [run] = cells else { return None };
    let text = run.text.trim();
    if columns < 2 || text.len() < columns {
        return None;
    }
    let first = run.start + (run.text.len() - run.text.trim_start().len());
    let cut = split::unique_cut(text, kinds, group)?;
    Some(Cow::Owned(
        cut.into_iter()
            .map(|(s, e)| Token {
                text: Cow::Owned(text[s..e].to_owned()),
                start: first + s,
                end: first + e,
                line: run.line,
                value: Value::parse(&text[s..e]),
                glued: false,
            })
            .collect(),
    ))
}

/// The hits that own the cells after their segment: the last label in each segment.
pub fn owners(hits: &[Hit]) -> Vec<(usize, usize)> {
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for h in hits {
        match owners.last_mut() {
            Some(last) if last.0 == h.seg => last.1 = last.1.max(h.end),
            _ => owners.push((h.seg, h.end)),
        }
    }
    owners
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::tokens::segments;
    use crate::schema::RowKey;

    fn prepared(source: &Source) -> Prepared<'_> {
        Prepared::new(source, segments(source, 1, source.line_count()))
    }

    fn rows_of(rows: &[&Row], hits: &[Hit]) -> Vec<RowKey> {
        hits.iter().map(|h| rows[h.row].key).collect()
    }

    #[test]
    fn rows_are_matched_in_order_and_a_typo_matches_fuzzily() {
        let source = Source::new("（三）不予公开\t1.属于国家秘密\t1\n2.其他法律行政止公开\t2\n3.危及“三安全一稳定”\t3\n".to_owned());
        let p = prepared(&source);
        let rows = TableRows::of(TableKey::Applications);
        let hits = p.match_rows(rows);
        assert_eq!(rows_of(&rows.rows, &hits), [RowKey::DeniedSecret, RowKey::DeniedLaw, RowKey::DeniedSafety]);
        assert_eq!(hits[1].pattern, usize::MAX, "the typo is a fuzzy match");
        let owners = owners(&hits);
        assert_eq!(p.cells_after(&hits[2], &owners).iter().map(|t| &*t.text).collect::<Vec<_>>(), ["3"]);
    }

    #[test]
    fn a_label_out_of_order_is_left_out_of_the_chain() {
        // The form's order is kept: a hit for a later row cannot precede a hit for an earlier one.
        let source = Source::new("行政复议\t1\n未经复议直接起诉\t2\n复议后起诉\t3\n".to_owned());
        let p = prepared(&source);
        let rows = TableRows::of(TableKey::Reviews);
        let hits = p.match_rows(rows);
        assert_eq!(rows_of(&rows.rows, &hits), [RowKey::Review, RowKey::LawsuitDirect, RowKey::LawsuitAfterReview]);
        let (score, chain) = best_chain(&[hits[2], hits[0]]);
        assert_eq!(chain.len(), 1, "a later row cannot come before an earlier one");
        assert!(score > 0);
    }

    #[test]
    fn cells_are_placed_only_when_their_number_fits() {
        let token = |text: &'static str, glued: bool| Token {
            text: Cow::Borrowed(text),
            start: 0,
            end: text.len(),
            line: 1,
            value: Value::parse(text),
            glued,
        };
        let row = [token("1", false), token("2", false), token("", false)];
        let counts = |n: usize| vec![ValueKind::Count; n];
        assert_eq!(place(&row, &counts(2), None).map(|c| c.len()), Some(2), "a trailing blank beyond the columns is dropped");
        assert!(place(&row[..2], &counts(3), None).is_none(), "too few cells: not placed");
        let glued = place(&[token("105", true)], &counts(3), None).expect("one digit per column").into_owned();
        assert_eq!(glued.iter().map(|t| (&*t.text, t.start)).collect::<Vec<_>>(), [("1", 0), ("0", 1), ("5", 2)]);
        assert!(place(&[token("1015", true)], &counts(3), None).is_none(), "more digits than columns: no unique split");
        let row = place(&[token("350000035", true)], &counts(7), Some(7)).expect("the row total decides").into_owned();
        assert_eq!(row.iter().map(|t| &*t.text).collect::<Vec<_>>(), ["35", "0", "0", "0", "0", "0", "35"]);
    }

    #[test]
    fn the_best_chain_is_the_one_every_pair_of_hits_gives() {
        // Every ordered pair compared: the chain as the quadratic search finds it (the first of equals).
        fn pairwise(hits: &[Hit]) -> (u32, Vec<usize>) {
            let mut best: Vec<(u32, Option<usize>)> = Vec::new();
            for (k, h) in hits.iter().enumerate() {
                let mut entry = (h.score, None);
                for (j, prev) in hits[..k].iter().enumerate() {
                    if prev.row < h.row && (prev.seg < h.seg || prev.end <= h.start) && best[j].0 + h.score > entry.0 {
                        entry = (best[j].0 + h.score, Some(j));
                    }
                }
                best.push(entry);
            }
            let (mut k, &(score, _)) = best.iter().enumerate().max_by_key(|(_, (s, _))| *s).unwrap();
            let mut chain = vec![k];
            while let Some(j) = best[k].1 {
                chain.push(j);
                k = j;
            }
            chain.reverse();
            (score, chain)
        }
        let hit = |seg, row, start, end, score| Hit { seg, row, start, end, score, pattern: 0 };
        let hits = [
            hit(0, 0, 0, 6, 20),
            hit(0, 1, 3, 9, 20),
            hit(0, 2, 9, 12, 20),
            hit(1, 1, 0, 6, 30),
            hit(1, 0, 6, 9, 20),
            hit(2, 3, 0, 3, 20),
            hit(2, 2, 3, 6, 30),
            hit(3, 3, 0, 6, 20),
            hit(3, 4, 6, 9, 20),
        ];
        for n in 1..=hits.len() {
            let (score, chain) = best_chain(&hits[..n]);
            let index = |h: &Hit| hits.iter().position(|x| x.seg == h.seg && x.start == h.start && x.row == h.row).unwrap();
            assert_eq!((score, chain.iter().map(index).collect::<Vec<_>>()), pairwise(&hits[..n]), "{n} hits");
        }
    }

    #[test]
    fn longest_common_subsequence() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(lcs(&chars("其他法律行政止公开"), &chars("其他法律行政法规禁止公开")), 9);
        assert_eq!(lcs(&chars(""), &chars("abc")), 0);
    }
}
