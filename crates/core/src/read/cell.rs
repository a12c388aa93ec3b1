//! Cell values (SPEC §3.4): a number, a number with a unit, blank, a placeholder, or text.

use crate::decimal;
use crate::read::units::cell_unit;
use crate::text::{fold_char, is_ideograph, is_space, trim, Span};

/// Whether `s` is a unit alone (`万元`, `件` …), as left on its own after a number.
pub fn is_unit(s: &str) -> bool {
    cell_unit(trim(s)).is_some()
}

/// Placeholders that stand for "nothing / not applicable".
const PLACEHOLDERS: &[&str] = &["/", "-", "—", "——", "–", "--", "---", "－", "―", "无", "\\", "×"];

/// The first character of each placeholder, for telling a label at its first character.
const PLACEHOLDER_STARTS: [char; PLACEHOLDERS.len()] = {
    let mut starts = ['\0'; PLACEHOLDERS.len()];
    let mut i = 0;
    while i < PLACEHOLDERS.len() {
        starts[i] = first_char(PLACEHOLDERS[i].as_bytes());
        i += 1;
    }
    starts
};

/// The first character of UTF-8 `bytes` (not empty), at compile time.
const fn first_char(bytes: &[u8]) -> char {
    let b = bytes[0];
    let (mut code, len) = match b {
        0..0x80 => (b as u32, 1),
        0x80..0xe0 => ((b & 0x1f) as u32, 2),
        0xe0..0xf0 => ((b & 0x0f) as u32, 3),
        _ => ((b & 0x07) as u32, 4),
    };
    let mut k = 1;
    while k < len {
        code = code << 6 | (bytes[k] & 0x3f) as u32;
        k += 1;
    }
    match char::from_u32(code) {
        Some(c) => c,
        None => panic!("not UTF-8"),
    }
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number as written (sign, decimals) and its unit if any.
    Number { value: f64, unit: Option<&'static str>, signed: bool, decimal: bool },
    /// Nothing (empty, spaces, U+3000, U+00A0).
    Blank,
    /// `/`, `—`, `无` …
    Placeholder,
    /// Anything else.
    Text,
}

impl Value {
    /// Reads the raw text of one cell.
    pub fn parse(raw: &str) -> Value {
        Value::parse_trimmed(trim(raw))
    }

    /// Reads the text of one cell that is already trimmed of white space ([`trim`]).
    #[inline]
    pub fn parse_trimmed(s: &str) -> Value {
        let Some(&first) = s.as_bytes().first() else {
            return Value::Blank;
        };
        if s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
            // At most 15 digits: exact in an f64, as `str::parse` would give it.
            let value = s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64;
            return Value::Number { value, unit: None, signed: false, decimal: false };
        }
        // Labels, the common case, start with neither a digit, a sign (`parse_number`) nor a
        // placeholder. Of the characters U+4000..U+9FFF (lead bytes E4..E9), only 无 (無 folded)
        // starts a placeholder.
        if matches!(first, 0xE4..=0xE9) && !s.starts_with(['无', '無']) {
            return Value::Text;
        }
        Value::parse_rest(s)
    }

    /// [`Value::parse_trimmed`] of a text that is neither blank, plain digits nor an ideograph's label.
    #[inline(never)]
    fn parse_rest(s: &str) -> Value {
        let first = s.chars().next().map(fold_char);
        let sign = |c: char| matches!(c, '+' | '﹢' | '-' | '－' | '−' | '﹣');
        if !first.is_some_and(|c| c.is_ascii_digit() || sign(c) || PLACEHOLDER_STARTS.contains(&c)) {
            return Value::Text;
        }
        // A placeholder as listed folds to one as well.
        if PLACEHOLDERS.contains(&s) {
            return Value::Placeholder;
        }
        // A number's unit has at most two ideographs, a placeholder one (`1.属于国家秘密` leaves here).
        if s.chars().filter(|&c| is_ideograph(c)).nth(2).is_some() {
            return Value::Text;
        }
        let folded: String = s.chars().map(fold_char).filter(|c| !is_space(*c)).collect();
        if PLACEHOLDERS.contains(&folded.as_str()) || folded.chars().all(|c| matches!(c, '-' | '—' | '–' | '―' | '－')) {
            return Value::Placeholder;
        }
        parse_number(&folded).unwrap_or(Value::Text)
    }

    /// The value for arithmetic and JSON: numbers only.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number { value, .. } => Some(*value),
            _ => None,
        }
    }

    pub fn unit(&self) -> Option<&'static str> {
        match self {
            Value::Number { unit, .. } => *unit,
            _ => None,
        }
    }

    /// True for a token that can be a cell on its own in running text (a number or a placeholder).
    pub fn is_cell_like(&self) -> bool {
        matches!(self, Value::Number { .. } | Value::Placeholder)
    }
}

/// `+156`, `-1`, `1,234`, `1187.0427万元`, `3件` (full-width already folded, spaces removed).
fn parse_number(s: &str) -> Option<Value> {
    let (signed, negative, body) = match s.chars().next()? {
        '+' | '﹢' => (true, false, &s[s.chars().next()?.len_utf8()..]),
        '-' | '－' | '−' | '﹣' => (true, true, &s[s.chars().next()?.len_utf8()..]),
        _ => (false, false, s),
    };
    let digits_end = body.char_indices().find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ',')).map_or(body.len(), |(i, _)| i);
    let (number, unit) = body.split_at(digits_end);
    let unit = if unit.is_empty() { None } else { Some(cell_unit(unit)?) };
    if !valid_digits(number) {
        return None;
    }
    let plain: String = number.chars().filter(|c| *c != ',').collect();
    let value = decimal::parse(&plain)?;
    Some(Value::Number { value: if negative { -value } else { value }, unit, signed, decimal: plain.contains('.') })
}

/// Digits with an optional decimal part; commas only as thousands separators.
fn valid_digits(s: &str) -> bool {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let int_ok = if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    } else {
        !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit())
    };
    int_ok && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell's text as written: held in place when short (nearly every cell: `12`, `/`, `1187.0427
/// 万元`), on the heap only when longer, so reading a table does not allocate per cell.
#[derive(Clone, PartialEq, Eq)]
pub enum Raw {
    Short { len: u8, bytes: [u8; Raw::SHORT] },
    Long(Box<str>),
}

impl Raw {
    const SHORT: usize = 22;

    pub fn new(text: &str) -> Raw {
        match text.len() <= Raw::SHORT {
            true => {
                let mut bytes = [0; Raw::SHORT];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                Raw::Short { len: text.len() as u8, bytes }
            }
            false => Raw::Long(text.into()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Raw::Short { len, bytes } => std::str::from_utf8(&bytes[..*len as usize]).expect("made from a str"),
            Raw::Long(text) => text,
        }
    }
}

impl std::ops::Deref for Raw {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Raw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Raw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<&str> for Raw {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for Raw {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One data cell of a table, placed under its key.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub key: crate::schema::CellKey,
    pub value: Value,
    /// The text as it stood (trimmed of surrounding white space); `""` for a blank.
    pub raw: Raw,
    pub span: Span,
    /// Table, row and cell of a .docx or HTML table the value came from.
    pub origin: Option<crate::input::document::Origin>,
}

impl Cell {
    pub fn number(&self) -> Option<f64> {
        self.value.number()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_text_short_and_long() {
        for text in
            ["", "12", "1187.0427\u{a0}万元", "一二三四五六七", "一二三四五六七八", "1234567890123456789012", "12345678901234567890123"]
        {
            let raw = Raw::new(text);
            assert_eq!((raw.as_str(), raw.to_string(), format!("{raw:?}")), (text, text.to_owned(), format!("{text:?}")));
            assert_eq!(matches!(raw, Raw::Short { .. }), text.len() <= 22, "{text}");
        }
    }

    fn num(value: f64) -> Value {
        Value::Number { value, unit: None, signed: false, decimal: false }
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(Value::parse("0"), num(0.0));
        assert_eq!(Value::parse("\u{3000}\u{3000}12 "), num(12.0));
        assert_eq!(Value::parse("１２"), num(12.0));
        assert_eq!(Value::parse("1,234"), num(1234.0));
        assert_eq!(Value::parse("+156"), Value::Number { value: 156.0, unit: None, signed: true, decimal: false });
        assert_eq!(Value::parse("-1"), Value::Number { value: -1.0, unit: None, signed: true, decimal: false });
        assert_eq!(
            Value::parse("1187.0427\u{a0}万元"),
            Value::Number { value: 1187.0427, unit: Some("万元"), signed: false, decimal: true }
        );
        assert_eq!(Value::parse("3189300元").unit(), Some("元"));
        assert_eq!(Value::parse("3件").number(), Some(3.0));
    }

    #[test]
    fn placeholder_starts() {
        let starts: Vec<char> = PLACEHOLDERS.iter().filter_map(|p| p.chars().next()).collect();
        assert_eq!(PLACEHOLDER_STARTS.to_vec(), starts);
    }

    #[test]
    fn labels_leave_at_their_first_character() {
        for label in ["规章", "行政许可", "一、本年新收", "其他"] {
            assert_eq!(Value::parse_trimmed(label), Value::Text, "{label}");
        }
        for p in ["无", "無"] {
            assert_eq!(Value::parse_trimmed(p), Value::Placeholder, "{p}");
        }
    }

    #[test]
    fn blanks_placeholders_and_text() {
        for blank in ["", " ", "\u{3000}", "\u{a0}\t"] {
            assert_eq!(Value::parse(blank), Value::Blank);
        }
        for p in ["/", "-", "—", "——", "无", "／", "－"] {
            assert_eq!(Value::parse(p), Value::Placeholder, "{p}");
        }
        for t in ["1.", "1,23", "12a", "三", "1.2.3", "1、", "第一项"] {
            assert_eq!(Value::parse(t), Value::Text, "{t}");
        }
    }
}
