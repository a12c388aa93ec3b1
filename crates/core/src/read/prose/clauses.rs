//! A sentence's clauses, statements and numbers, found in one pass over its text; and the keywords
//! searched for in a clause, ruled out by a 64-bit summary of characters (one bit per character,
//! modulo 64) without a scan when the clause lacks one of their characters.

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

/// The summary of the ideographs that `scan` decodes: those that start a Chinese number, and
/// 无, 未, 没 and 维, one of which every claim has (`无…`, `未…`, `没有…`, `…维持`).
const MARKED_IDEOGRAPHS: u64 = summary("一二三四五六七八九十两兩零无未没维");

/// A sentence's clauses and statements, as `scan` found them; kept from one sentence to the next
/// so that their room is reused.
#[derive(Default)]
pub struct Parts {
    /// Split at `，；：、（）。！？` and their half-width forms: what a number counts.
    pub clauses: Vec<ClauseAt>,
    /// Split at `，。；,;` only, those with 无, 未, 没 or 维: where claims are looked for.
    pub statements: Vec<ClauseAt>,
    /// Room for the numbers read: a sentence's own list is copied from here at its exact size.
    amounts: Vec<Amount>,
    digits: String,
}

impl Parts {
    /// Reads a sentence's `text` (made of `runs`) once, byte by byte: its clauses and statements,
    /// and its amounts, returned. Only the characters that `may_be_marked` are decoded; the
    /// others only add their bit to the summaries.
    pub fn scan(&mut self, text: &str, runs: &[Run]) -> Vec<Amount> {
        self.clauses.clear();
        self.statements.clear();
        self.amounts.clear();
        let bytes = text.as_bytes();
        let (mut start, mut set, mut next_number, mut i) = (0, 0, 0, 0);
        let (mut statement_start, mut statement_set, mut may_claim) = (0, 0, false);
        while i < bytes.len() {
            let lead = bytes[i];
            // Most characters are ideographs that are not marked: their bit, and on.
            if matches!(lead, 0xe4..=0xe9) && MARKED_IDEOGRAPHS & 1 << (bytes[i + 2] & 0x3f) == 0 {
                set |= 1 << (bytes[i + 2] & 0x3f);
                i += 3;
                continue;
            }
            let length = match lead {
                0..=0x7f => 1,
                0x80..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            // A character's last byte holds its low six bits, and so its bit in a summary.
            let bit = 1 << (bytes[i + length - 1] & 0x3f);
            let decoded = match lead {
                0..=0x7f => Some(char::from(lead)),
                _ if may_be_marked(lead, bit) => text[i..].chars().next(),
                _ => None,
            };
            if let Some(c) = decoded {
                if ends_clause(c) {
                    if i > start {
                        self.clauses.push(ClauseAt { start, end: i, set });
                    }
                    statement_set |= set;
                    if matches!(c, '，' | '。' | '；' | ',' | ';') {
                        if may_claim {
                            self.statements.push(ClauseAt { start: statement_start, end: i, set: statement_set });
                        }
                        (statement_start, statement_set, may_claim) = (i + length, 0, false);
                    } else {
                        statement_set |= bit;
                    }
                    (start, set, i) = (i + length, 0, i + length);
                    continue;
                }
                may_claim |= matches!(c, '无' | '未' | '没' | '维');
                let after_word = || text[..i].chars().next_back().is_some_and(ends_word);
                if let Some(numeral) = numeral(c).filter(|_| i >= next_number && !after_word()) {
                    let (amount, next) = amount_at(text, i, numeral, runs, &mut self.digits);
                    self.amounts.extend(amount);
                    next_number = next;
                }
            }
            set |= bit;
            i += length;
        }
        if start < text.len() {
            self.clauses.push(ClauseAt { start, end: text.len(), set });
        }
        if may_claim {
            self.statements.push(ClauseAt { start: statement_start, end: text.len(), set: statement_set | set });
        }
        self.amounts.to_vec()
    }
}

/// Whether the character with this first byte and summary bit may end a clause, start a number or
/// be a claim's word: ASCII, U+3000..U+303F (`、。〇`), full-width forms and ideographs with a
/// marked ideograph's bit.
fn may_be_marked(lead: u8, bit: u64) -> bool {
    match lead {
        0..=0x7f | 0xe3 | 0xef => true,
        0xe4..=0xe9 => MARKED_IDEOGRAPHS & bit != 0,
        _ => false,
    }
}

/// Punctuation between clauses, full-width or half-width.
fn ends_clause(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '!' | '?' | '，' | '；' | '：' | '（' | '）' | '！' | '？' | '、' | '。')
}

/// The summary of the characters of `text`: bit `c % 64` of each character `c`, which is the low six
/// bits of its last byte in UTF-8.
const fn summary(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let (mut set, mut i) = (0, 0);
    while i < bytes.len() {
        let last = i + 1 == bytes.len() || bytes[i + 1] & 0xc0 != 0x80;
        if last {
            set |= 1 << (bytes[i] & 0x3f);
        }
        i += 1;
    }
    set
}

/// A word looked for in clauses, with the summary of its characters made at compile time.
#[derive(Clone, Copy, Debug)]
pub struct Keyword {
    pub text: &'static str,
    set: u64,
}

/// The keyword `text`.
pub const fn keyword(text: &'static str) -> Keyword {
    Keyword { text, set: summary(text) }
}

/// A clause's text with the summary of its characters, searched for keywords.
#[derive(Clone, Copy)]
pub struct Clause<'a> {
    pub text: &'a str,
    set: u64,
}

impl<'a> Clause<'a> {
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
    fn every_clause_end_numeral_and_claim_word_is_decoded() {
        let marked = |c: char| ends_clause(c) || numeral(c).is_some() || "无未没维".contains(c);
        for c in (0..0x110000).filter_map(char::from_u32).filter(|&c| marked(c)) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert!(may_be_marked(bytes[0], 1 << (bytes[bytes.len() - 1] & 0x3f)), "{c:?}");
        }
    }

    #[test]
    fn summaries_are_char_sets() {
        for word in ["申请", "复议后起诉", "a1，", "行政事业性收费", "𠀀", "é¢", ""] {
            assert_eq!(summary(word), char_set(word), "{word}");
        }
        let text = "共收到申请3件（其中无é¢𠀀1件），均未答复。";
        let mut parts = Parts::default();
        parts.scan(text, &[Run { at: 0, source: 0 }]);
        assert_eq!((parts.clauses.len(), parts.statements.len()), (3, 2));
        for part in parts.clauses.iter().chain(&parts.statements) {
            assert_eq!(part.set, char_set(part.of(text).text));
        }
    }

    #[test]
    fn clauses_statements_and_amounts() {
        let text = "收到申请3件，（其中）答复2件：均无异议。";
        let mut parts = Parts::default();
        let amounts = parts.scan(text, &[Run { at: 0, source: 0 }]);
        let texts = |list: &[ClauseAt]| list.iter().map(|c| c.of(text).text).collect::<Vec<_>>();
        assert_eq!(texts(&parts.clauses), ["收到申请3件", "其中", "答复2件", "均无异议"]);
        assert_eq!(texts(&parts.statements), ["（其中）答复2件：均无异议"]);
        let clause = |n: usize| parts.clauses[n].of(text);
        assert!(clause(0).contains(keyword("申请")) && !clause(2).contains(keyword("申请")));
        assert_eq!(amounts.iter().map(|a| a.value).collect::<Vec<_>>(), [3.0, 2.0]);
    }
}
