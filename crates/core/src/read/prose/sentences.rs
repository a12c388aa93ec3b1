//! Prose as sentences: the lines outside the tables, white space removed (PDF text puts spaces
//! inside words and numbers), split at sentence ends and new paragraphs. Each sentence is copied
//! run by run (the text between white space), never character by character.

use super::numbers::Amount;
use crate::read::tokens::is_noise_line;
use crate::text::{contains, fold_char, is_space, Source};

/// A sentence of prose with white space removed (PDF text puts spaces inside words and numbers).
#[derive(Debug)]
pub struct Sentence {
    /// The sentence's characters without white space.
    pub text: String,
    pub line: usize,
    pub amounts: Vec<Amount>,
}

impl Sentence {
    pub fn contains(&self, word: &str) -> bool {
        contains(&self.text, word)
    }

    /// The sentence for a message, shortened to 30 characters either side of byte `at` when long.
    pub fn excerpt(&self, at: usize) -> String {
        const HALF: usize = 30;
        let at = self.text[..at].chars().count();
        let length = self.text.chars().count();
        let (start, end) = (at.saturating_sub(HALF), (at + HALF).min(length));
        let byte = |n: usize| self.text.char_indices().nth(n).map_or(self.text.len(), |(b, _)| b);
        let mut s = String::new();
        if start > 0 {
            s.push('…');
        }
        s.push_str(&self.text[byte(start)..byte(end)]);
        if end < length {
            s.push('…');
        }
        s
    }
}

/// Where a run of a sentence's text (characters between white space) starts in the sentence and
/// in the source.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    pub at: usize,
    pub source: usize,
}

/// The source byte offset of byte `at` of a sentence made of `runs`.
pub fn source_offset(runs: &[Run], at: usize) -> usize {
    let run = runs[runs.partition_point(|r| r.at <= at) - 1];
    run.source + at - run.at
}

/// The sentence being read: its text so far, its runs and the line it starts on.
#[derive(Default)]
struct Pending {
    text: String,
    runs: Vec<Run>,
    line: usize,
}

impl Pending {
    /// Appends `run`, which starts at byte `source` of the source, on line `line`.
    fn push(&mut self, run: &str, source: usize, line: usize) {
        if run.is_empty() {
            return;
        }
        if self.text.is_empty() {
            self.line = line;
        }
        self.runs.push(Run { at: self.text.len(), source });
        self.text.push_str(run);
    }

    /// Hands a non-empty sentence to `each` (its text, runs and line) and starts the next.
    fn finish(&mut self, each: &mut impl FnMut(&str, &[Run], usize)) {
        if !self.text.is_empty() {
            each(&self.text, &self.runs, self.line);
            self.text.clear();
            self.runs.clear();
        }
    }
}

/// Reads the sentences of lines `1..=line_count` except those in `excluded`, handing each to `each`
/// as its text, its runs and its first line.
pub fn read(source: &Source, excluded: &[(usize, usize)], mut each: impl FnMut(&str, &[Run], usize)) {
    let mut pending = Pending::default();
    // Lines come in order: an excluded range is passed once, by start; a line is excluded when
    // one that has started ends at it or after.
    let mut ranges = excluded.to_vec();
    ranges.sort_unstable();
    let (mut next_range, mut excluded_until) = (0, 0);
    for (no, start, line) in source.lines() {
        while let Some(&(_, last)) = ranges.get(next_range).filter(|&&(first, _)| first <= no) {
            (excluded_until, next_range) = (excluded_until.max(last), next_range + 1);
        }
        let skip = excluded_until >= no || line.chars().all(is_space);
        if skip || starts_paragraph(line) {
            pending.finish(&mut each);
            if skip {
                continue;
            }
        }
        if is_noise_line(line) {
            continue;
        }
        let bytes = line.as_bytes();
        let (mut run, mut i) = (0, 0);
        while i < bytes.len() {
            let (length, space, end) = match bytes[i] {
                b @ 0..=0x7f => (1, matches!(b, b' ' | b'\t'..=b'\r'), matches!(b, b'!' | b'?')),
                // U+4000..U+9FFF, the ideographs: neither white space nor a sentence end.
                0xe4..=0xe9 => (3, false, false),
                _ => {
                    let c = line[i..].chars().next().expect("a character starts here");
                    (c.len_utf8(), is_space(c), matches!(c, '。' | '！' | '？'))
                }
            };
            if space {
                pending.push(&line[run..i], start + run, no);
                run = i + length;
            } else if end {
                pending.push(&line[run..i + length], start + run, no);
                pending.finish(&mut each);
                run = i + length;
            }
            i += length;
        }
        pending.push(&line[run..], start + run, no);
    }
    pending.finish(&mut each);
}

/// A line that starts a new paragraph: `（一）`, `一、`, `1.`/`1、` numbering.
fn starts_paragraph(line: &str) -> bool {
    let mut t = line.trim_start_matches(is_space).chars().map(fold_char);
    match (t.next(), t.next()) {
        (Some('('), _) => true,
        (Some(n), Some('、' | '.')) => n.is_ascii_digit() || "一二三四五六七八九十".contains(n),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str, excluded: &[(usize, usize)]) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        read(&Source::new(text.to_owned()), excluded, |text, _, line| out.push((text.to_owned(), line)));
        out
    }

    #[test]
    fn excluded_lines_in_any_order_and_overlapping() {
        let text = "甲。\n乙。\n丙。\n丁。\n戊。";
        let texts = |excluded: &[(usize, usize)]| sentences(text, excluded).into_iter().map(|(s, _)| s).collect::<Vec<_>>();
        assert_eq!(texts(&[(4, 4), (2, 3)]), ["甲。", "戊。"]);
        assert_eq!(texts(&[(2, 4), (3, 3)]), ["甲。", "戊。"]);
        assert_eq!(texts(&[(3, 3), (2, 2)]), ["甲。", "丁。", "戊。"]);
    }

    #[test]
    fn white_space_removed_and_runs_mapped_to_the_source() {
        let source = Source::new("（一）共 收到\n申请 3 件。其中".to_owned());
        let mut seen = Vec::new();
        read(&source, &[], |text, runs, line| seen.push((text.to_owned(), line, source_offset(runs, text.find('3').unwrap_or(0)))));
        let three = source.text().find('3').unwrap();
        assert_eq!(seen, [("（一）共收到申请3件。".to_owned(), 1, three), ("其中".to_owned(), 2, source.text().find("其中").unwrap())]);
    }

    #[test]
    fn excerpt_around_a_byte_offset() {
        let sentence = Sentence { text: "一二三四五六七八九十".repeat(8), line: 1, amounts: Vec::new() };
        let at = "一二三四五六七八九十".repeat(4).len();
        assert_eq!(sentence.excerpt(at), format!("…{}…", "一二三四五六七八九十".repeat(6)));
        assert_eq!(sentence.excerpt(0), format!("{}…", "一二三四五六七八九十".repeat(3)));
    }
}
