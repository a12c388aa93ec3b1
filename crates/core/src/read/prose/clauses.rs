//! A sentence's clauses and numbers, found in one pass over its text; and the keywords searched
//! for in a clause, ruled out by a 64-bit summary of characters (one bit per character, modulo 64)
//! without a scan when the clause lacks one of their characters.

use super::numbers::{amount_at, ends_word, numeral, Amount};
use super::sentences::Run;
use crate::text::find_from;

/// A clause of a sentence: its byte range in the sentence's text and the summary of its characters.
#[derive(Clone, Copy, Debug)]
pub struct ClauseAt {
    pub start: usize,
    pub end: usize,
    set: u64,
}

impl ClauseAt {
    /// The clause in its sentence's `text`.
    pub fn of(self, text: &str) -> Clause<'_> {
        Clause { text: &text[self.start..self.end], set: self.set }
    }
}

/// Reads a sentence's `text` (made of `runs`) once: its clauses into `clauses` (split at
/// `，；：、（）。！？` and their half-width forms) and its amounts, returned.
pub fn scan(text: &str, runs: &[Run], digits: &mut String, clauses: &mut Vec<ClauseAt>) -> Vec<Amount> {
    clauses.clear();
    let mut amounts = Vec::new();
    let (mut start, mut set, mut next_number, mut previous) = (0, 0, 0, None);
    for (i, c) in text.char_indices() {
        if i >= next_number {
            if let Some(numeral) = numeral(c).filter(|_| !previous.is_some_and(ends_word)) {
                let (amount, next) = amount_at(text, i, numeral, runs, digits);
                amounts.extend(amount);
                next_number = next;
            }
        }
        if ends_clause(c) {
            if i > start {
                clauses.push(ClauseAt { start, end: i, set });
            }
            (start, set) = (i + c.len_utf8(), 0);
        } else {
            set |= bit(c);
        }
        previous = Some(c);
    }
    if start < text.len() {
        clauses.push(ClauseAt { start, end: text.len(), set });
    }
    amounts
}

/// Punctuation between clauses, full-width or half-width.
fn ends_clause(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '!' | '?' | '，' | '；' | '：' | '（' | '）' | '！' | '？' | '、' | '。')
}

const fn bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

/// A word looked for in clauses, with the summary of its characters made at compile time.
#[derive(Clone, Copy, Debug)]
pub struct Keyword {
    pub text: &'static str,
    set: u64,
}

/// The keyword `text`.
pub const fn keyword(text: &'static str) -> Keyword {
    let bytes = text.as_bytes();
    let (mut set, mut i) = (0, 0);
    while i < bytes.len() {
        // Decodes UTF-8 by hand: `chars()` is not available at compile time.
        let (lead, length) = match bytes[i] {
            b @ 0..=0x7f => (b as u32, 1),
            b @ 0xc0..=0xdf => (b as u32 & 0x1f, 2),
            b @ 0xe0..=0xef => (b as u32 & 0x0f, 3),
            b => (b as u32 & 0x07, 4),
        };
        let mut code = lead;
        let mut k = 1;
        while k < length {
            code = code << 6 | (bytes[i + k] as u32 & 0x3f);
            k += 1;
        }
        set |= 1 << (code % 64);
        i += length;
    }
    Keyword { text, set }
}

/// A clause's text with the summary of its characters, searched for keywords.
#[derive(Clone, Copy)]
pub struct Clause<'a> {
    pub text: &'a str,
    set: u64,
}

impl<'a> Clause<'a> {
    /// `text` as a clause, summarised now.
    pub fn new(text: &'a str) -> Self {
        Clause { text, set: text.chars().fold(0, |set, c| set | bit(c)) }
    }

    /// The byte offset of `word` in the clause.
    pub fn find(&self, word: Keyword) -> Option<usize> {
        if word.set & !self.set != 0 {
            return None;
        }
        find_from(self.text, word.text, 0)
    }

    pub fn contains(&self, word: Keyword) -> bool {
        self.find(word).is_some()
    }

    pub fn contains_any(&self, words: &[Keyword]) -> bool {
        words.iter().any(|w| self.contains(*w))
    }

    /// Whether the clause has any of `chars`.
    pub fn contains_any_char(&self, chars: &[char]) -> bool {
        chars.iter().any(|c| self.set & bit(*c) != 0) && self.text.contains(chars)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{char_set, fold_char};

    #[test]
    fn clause_ends_as_folding_reads_them() {
        for c in (0..0x10000).filter_map(char::from_u32) {
            let folded = fold_char(c);
            let expected = matches!(folded, ',' | ';' | ':' | '、' | '(' | ')' | '。' | '!' | '?' | '！' | '？');
            assert_eq!(ends_clause(c), expected, "{c:?}");
        }
    }

    #[test]
    fn keyword_summaries_are_char_sets() {
        for word in ["申请", "复议后起诉", "a1，", "行政事业性收费", "𠀀"] {
            assert_eq!(keyword(word).set, char_set(word), "{word}");
        }
    }

    #[test]
    fn clauses_and_their_summaries() {
        let mut clauses = Vec::new();
        let text = "收到申请3件，（其中）答复2件。";
        let amounts = scan(text, &[Run { at: 0, source: 0 }], &mut String::new(), &mut clauses);
        let texts: Vec<&str> = clauses.iter().map(|c| c.of(text).text).collect();
        assert_eq!(texts, ["收到申请3件", "其中", "答复2件"]);
        assert!(clauses[0].of(text).contains(keyword("申请")) && !clauses[2].of(text).contains(keyword("申请")));
        assert_eq!(amounts.iter().map(|a| a.value).collect::<Vec<_>>(), [3.0, 2.0]);
    }
}
