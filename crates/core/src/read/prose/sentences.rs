//! Prose as sentences: the lines outside the tables, white space removed (PDF text puts spaces
//! inside words and numbers), split at sentence ends and new paragraphs; and a sentence's clauses.

use super::numbers::{amounts, Amount};
use crate::read::tokens::is_noise_line;
use crate::text::{contains, fold_char, is_space, Source};

/// A sentence of prose with white space removed (PDF text puts spaces inside words and numbers).
#[derive(Debug)]
pub struct Sentence {
    /// The sentence as a string (the same characters as `chars`).
    pub text: String,
    pub chars: Vec<char>,
    /// Byte offset in the source of each char.
    pub offsets: Vec<usize>,
    /// Byte offset in `text` of each char, and of the end: clause `(a, b)` is `text[bytes[a]..bytes[b]]`.
    pub bytes: Vec<usize>,
    pub line: usize,
    pub amounts: Vec<Amount>,
}

impl Sentence {
    pub fn contains(&self, word: &str) -> bool {
        contains(&self.text, word)
    }

    /// The sentence for a message, shortened around char `at` when long.
    pub fn excerpt(&self, at: usize) -> String {
        const HALF: usize = 30;
        let start = at.saturating_sub(HALF);
        let end = (at + HALF).min(self.chars.len());
        let mut s: String = self.chars[start..end].iter().collect();
        if start > 0 {
            s.insert(0, '…');
        }
        if end < self.chars.len() {
            s.push('…');
        }
        s
    }
}

pub fn read(source: &Source, excluded: &[(usize, usize)]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current: Option<Sentence> = None;
    let finish = |current: &mut Option<Sentence>, out: &mut Vec<Sentence>| {
        if let Some(mut s) = current.take() {
            if !s.chars.is_empty() {
                s.text = s.chars.iter().collect();
                s.bytes = s.text.char_indices().map(|(i, _)| i).chain([s.text.len()]).collect();
                s.amounts = amounts(&s.chars, &s.offsets, &s.text, &s.bytes);
                out.push(s);
            }
        }
    };
    for (no, start, line) in source.lines() {
        let skip = excluded.iter().any(|&(a, b)| (a..=b).contains(&no));
        if skip || line.trim_matches(is_space).is_empty() || starts_paragraph(line) {
            finish(&mut current, &mut out);
            if skip || line.trim_matches(is_space).is_empty() {
                continue;
            }
        }
        if is_noise_line(line) {
            continue;
        }
        for (i, c) in line.char_indices() {
            if is_space(c) {
                continue;
            }
            let s = current.get_or_insert_with(|| Sentence {
                text: String::new(),
                chars: Vec::with_capacity(128),
                offsets: Vec::with_capacity(128),
                bytes: Vec::new(),
                line: no,
                amounts: Vec::new(),
            });
            s.chars.push(c);
            s.offsets.push(start + i);
            if matches!(c, '。' | '！' | '？' | '!' | '?') {
                finish(&mut current, &mut out);
            }
        }
    }
    finish(&mut current, &mut out);
    out
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

/// Splits a sentence into clauses at `，；：、（）` and their half-width forms.
pub fn clauses(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(fold_char(*c), ',' | ';' | ':' | '、' | '(' | ')' | '，' | '；' | '：' | '。' | '!' | '?' | '！' | '？') {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}
