//! Numbers with a unit in a sentence: Arabic or Chinese numerals (`116条`, `3,119件`, `十二件`),
//! approximate ones marked (`40余条`, `近300件`).

use super::sentences::{source_offset, Run};
use crate::decimal;
use crate::read::numerals::{chinese_number, is_chinese_digit};
use crate::read::units::{units_after, Numeral};
use crate::text::fold_char;

/// A number with a unit in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub unit: &'static str,
    /// `40余条`, `近300件`, `约`: not to be compared exactly.
    pub approximate: bool,
    /// Byte range of the number in the sentence's text.
    pub at: usize,
    pub end: usize,
    /// Byte range of the number in the source.
    pub start_byte: usize,
    pub end_byte: usize,
}

/// How a number written from character `c` on is read: Arabic digits (full-width too) or a Chinese
/// numeral (`两`/`兩` and `十` included).
pub fn numeral(c: char) -> Option<Numeral> {
    match c {
        '0'..='9' | '０'..='９' => Some(Numeral::Arabic),
        '〇' | '零' | '一' | '二' | '两' | '兩' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => {
            Some(Numeral::Chinese)
        }
        _ => None,
    }
}

/// A character after which a digit does not start a number: a letter, digit or point (`A1`,
/// `1.5` read from `1`), or `第` (an ordinal).
pub fn ends_word(c: char) -> bool {
    let c = fold_char(c);
    c.is_ascii_alphanumeric() || c == '.' || c == '第'
}

/// Reads the number written as `numeral` from byte `at` of a sentence's `text` (made of `runs`)
/// with the unit after it (`116条`, `3,119件`, `十二件`, `40余条`, `1187.04万元`): the amount if
/// there is one, and the byte where looking for numbers goes on. `digits` is scratch space.
pub fn amount_at(text: &str, at: usize, numeral: Numeral, runs: &[Run], digits: &mut String) -> (Option<Amount>, usize) {
    let char_at = |i: usize| text[i..].chars().next();
    let mut end = at;
    while let Some(c) = char_at(end) {
        let continues = match numeral {
            Numeral::Arabic => {
                let folded = fold_char(c);
                folded.is_ascii_digit()
                    || (matches!(folded, ',' | '.') && char_at(end + c.len_utf8()).is_some_and(|n| fold_char(n).is_ascii_digit()))
            }
            Numeral::Chinese => is_chinese_digit(c) || matches!(c, '十' | '百' | '千' | '万'),
        };
        if !continues {
            break;
        }
        end += c.len_utf8();
    }
    let mut approximate = false;
    let mut unit_at = end;
    if let Some(c @ ('余' | '多')) = char_at(end) {
        approximate = true;
        unit_at += c.len_utf8();
    }
    let Some(unit) = units_after(&text[unit_at..], numeral) else {
        return (None, end);
    };
    digits.clear();
    digits.extend(text[at..end].chars().map(fold_char).filter(|c| *c != ','));
    let value = match numeral {
        Numeral::Arabic => arabic_number(digits),
        Numeral::Chinese => chinese_number(digits),
    };
    let Some(value) = value else {
        return (None, end);
    };
    let unit_end = unit_at + unit.len();
    let (before, after_unit) = (&text[..at], &text[unit_end..]);
    approximate |= ["近", "约", "逾", "超过", "多达", "大约", "将近"].iter().any(|w| before.ends_with(w))
        || after_unit.starts_with("左右")
        || after_unit.starts_with("以上");
    let (start_byte, end_byte) = (source_offset(runs, at), source_offset(runs, end - 1) + 1);
    (Some(Amount { value, unit, approximate, at, end, start_byte, end_byte }), unit_end)
}

/// The value of ASCII digits with at most one point: up to 15 digits without a point are read as
/// an integer (exact, the same f64 as `decimal::parse`), anything else by `decimal::parse`.
fn arabic_number(digits: &str) -> Option<f64> {
    if digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(digits.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64);
    }
    decimal::parse(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::numerals::is_chinese_digit;
    use crate::text::Source;

    #[test]
    fn numbers_in_prose() {
        let source = Source::new("主动公开政府信息 5500 余条，其中规章 1 件、政策性文件十二件，近300个，第1件。".to_owned());
        let p = crate::read::prose::read(&source, &[]);
        let got: Vec<_> = p.sentences[0].amounts.iter().map(|a| (a.value, a.unit, a.approximate)).collect();
        assert_eq!(got, vec![(5500.0, "条", true), (1.0, "件", false), (12.0, "件", false), (300.0, "个", true)]);
        let first = &p.sentences[0].amounts[0];
        assert_eq!((first.at, first.end), ("主动公开政府信息".len(), "主动公开政府信息5500".len()));
        assert_eq!(&source.text()[first.start_byte..first.end_byte], "5500");
    }

    #[test]
    fn a_number_over_a_line_break_maps_to_the_source() {
        let source = Source::new("共收到申请 3 1\n19 件。".to_owned());
        let p = crate::read::prose::read(&source, &[]);
        let amount = &p.sentences[0].amounts[0];
        assert_eq!((amount.value, &source.text()[amount.start_byte..amount.end_byte]), (3119.0, "3 1\n19"));
    }

    #[test]
    fn numeral_starts_as_folding_reads_them() {
        // What the prose reader took for the first digit of a number: folded, then an ASCII digit,
        // a Chinese digit or 十.
        for c in (0..0x10000).filter_map(char::from_u32) {
            let folded = fold_char(c);
            let expected = if folded.is_ascii_digit() {
                Some(Numeral::Arabic)
            } else if is_chinese_digit(folded) || folded == '十' {
                Some(Numeral::Chinese)
            } else {
                None
            };
            assert!(numeral(c) == expected, "{c:?}");
        }
    }

    #[test]
    fn integers_read_as_decimal_parse_reads_them() {
        for digits in ["0", "007", "3119", "999999999999999", "9999999999999999", "12.5", "1.2.3"] {
            assert_eq!(arabic_number(digits), decimal::parse(digits), "{digits}");
        }
    }
}
