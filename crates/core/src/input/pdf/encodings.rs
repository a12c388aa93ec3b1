//! Simple-font encodings: the standard encodings' codes and the glyph names a `Differences` array
//! uses, to Unicode (the names reports use: Latin letters, digits, punctuation, `uniXXXX`).

/// The base encoding of a simple font.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    Standard,
    WinAnsi,
    MacRoman,
}

impl Base {
    pub fn from_name(name: &[u8]) -> Option<Base> {
        match name {
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(Base::MacRoman),
            b"StandardEncoding" => Some(Base::Standard),
            _ => None,
        }
    }

    /// The character of `code` in this encoding (ASCII is shared; the upper half is read for
    /// WinAnsi, the encoding Word and LibreOffice use).
    pub fn char(self, code: u8) -> Option<char> {
        match (self, code) {
            (Base::Standard, 0x27) => Some('\u{2019}'),
            (Base::Standard, 0x60) => Some('\u{2018}'),
            (_, 0x20..=0x7e) => Some(code as char),
            (Base::WinAnsi, 0x80..=0x9f) => WIN_ANSI_80.get(usize::from(code - 0x80)).copied().flatten(),
            (Base::WinAnsi, 0xa0..=0xff) => Some(code as char),
            (Base::Standard, _) => match code {
                0xa1 => Some('¡'),
                0xa2 => Some('¢'),
                0xa3 => Some('£'),
                0xa7 => Some('§'),
                0xaa => Some('“'),
                0xab => Some('«'),
                0xb1 => Some('–'),
                0xb7 => Some('•'),
                0xba => Some('”'),
                0xbc => Some('…'),
                0xd0 => Some('—'),
                _ => None,
            },
            _ => None,
        }
    }
}

const WIN_ANSI_80: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Glyph names by Unicode character (the Adobe Glyph List's names for ASCII and common marks).
const NAMES: &[(&str, char)] = &[
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("quoteleft", '‘'),
    ("quoteright", '’'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("endash", '–'),
    ("emdash", '—'),
    ("bullet", '•'),
    ("ellipsis", '…'),
    ("periodcentered", '·'),
    ("middot", '·'),
    ("multiply", '×'),
    ("divide", '÷'),
    ("degree", '°'),
    ("minus", '−'),
    ("nbspace", '\u{a0}'),
    ("section", '§'),
    ("copyright", '©'),
    ("registered", '®'),
    ("yen", '¥'),
];

/// The character a glyph name stands for: `A`, `zero`, `uni4E00`, `u1F600`.
pub fn glyph_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next()?; // `one.oldstyle`
    if name.len() == 1 && name.as_bytes()[0].is_ascii_alphabetic() {
        return name.chars().next();
    }
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    let hex =
        name.strip_prefix("uni").filter(|h| h.len() == 4).or_else(|| name.strip_prefix('u').filter(|h| (4..=6).contains(&h.len())))?;
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(glyph_char(b"seven"), Some('7'));
        assert_eq!(glyph_char(b"uni4E00"), Some('一'));
        assert_eq!(glyph_char(b"Q"), Some('Q'));
        assert_eq!(glyph_char(b"g123"), None);
        assert_eq!(Base::WinAnsi.char(0x93), Some('“'));
        assert_eq!(Base::Standard.char(0x27), Some('’'));
    }
}
