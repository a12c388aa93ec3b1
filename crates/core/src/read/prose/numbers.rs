//! Numbers with a unit in a sentence: Arabic or Chinese numerals (`116条`, `3,119件`, `十二件`),
//! approximate ones marked (`40余条`, `近300件`).

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
    /// Char range of the number in the sentence.
    pub at: usize,
    pub end: usize,
    /// Byte range of the number in the source.
    pub start_byte: usize,
    pub end_byte: usize,
}

/// Numbers followed by a unit (`116条`, `3,119件`, `十二件`, `40余条`, `1187.04万元`) in a sentence:
/// its chars, their byte offsets in the source, its text and the byte offset in the text of each
/// char (and of its end).
pub fn amounts(chars: &[char], offsets: &[usize], text: &str, bytes: &[usize]) -> Vec<Amount> {
    let mut out = Vec::new();
    let slice = |from: usize, to: usize| &text[bytes[from.min(chars.len())]..bytes[to.min(chars.len())]];
    let mut digits = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = fold_char(chars[i]);
        let arabic = c.is_ascii_digit();
        let chinese = !arabic && (is_chinese_digit(c) || c == '十');
        let prev = || i.checked_sub(1).map(|j| fold_char(chars[j]));
        if !(arabic || chinese) || prev().is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '第') {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        if arabic {
            while j < chars.len()
                && (fold_char(chars[j]).is_ascii_digit()
                    || (matches!(fold_char(chars[j]), ',' | '.') && chars.get(j + 1).is_some_and(|n| fold_char(*n).is_ascii_digit())))
            {
                j += 1;
            }
        } else {
            while j < chars.len() && (is_chinese_digit(chars[j]) || "十百千万".contains(chars[j])) {
                j += 1;
            }
        }
        let mut k = j;
        let mut approximate = false;
        if k < chars.len() && matches!(chars[k], '余' | '多') {
            approximate = true;
            k += 1;
        }
        let Some(unit) = units_after(slice(k, k + 2), if arabic { Numeral::Arabic } else { Numeral::Chinese }) else {
            i = j.max(i + 1);
            continue;
        };
        digits.clear();
        digits.extend(chars[start..j].iter().map(|c| fold_char(*c)).filter(|c| *c != ','));
        let value = if arabic { decimal::parse(&digits) } else { chinese_number(&digits) };
        let Some(value) = value else {
            i = j;
            continue;
        };
        let unit_end = k + unit.chars().count();
        let (before, after_unit) = (slice(start.saturating_sub(2), start), slice(unit_end, unit_end + 2));
        approximate |= ["近", "约", "逾", "超过", "多达", "大约", "将近"].iter().any(|w| before.ends_with(w))
            || after_unit.starts_with("左右")
            || after_unit.starts_with("以上");
        out.push(Amount {
            value,
            unit,
            approximate,
            at: start,
            end: j,
            start_byte: offsets[start],
            end_byte: offsets[j - 1] + chars[j - 1].len_utf8(),
        });
        i = unit_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::text::Source;

    #[test]
    fn numbers_in_prose() {
        let source = Source::new("主动公开政府信息 5500 余条，其中规章 1 件、政策性文件十二件，近300个，第1件。".to_owned());
        let p = crate::read::prose::read(&source, &[]);
        let got: Vec<_> = p.sentences[0].amounts.iter().map(|a| (a.value, a.unit, a.approximate)).collect();
        assert_eq!(got, vec![(5500.0, "条", true), (1.0, "件", false), (12.0, "件", false), (300.0, "个", true)]);
    }
}
