//! PDF syntax: the objects (numbers, strings, names, arrays, dictionaries, references) and the
//! tokenizer shared by the file body and content streams.

use crate::decimal;

/// A PDF object. `Op` appears only in content streams (an operator such as `Tj`).
#[derive(Clone, Debug, PartialEq)]
pub enum Object {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Stream(Stream),
    Ref(u32),
    Op(Vec<u8>),
}

/// A dictionary, in file order (dictionaries are small; lookup is linear).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dict(pub Vec<(Vec<u8>, Object)>);

/// A stream: its dictionary and its raw (still encoded) bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Stream {
    pub dict: Dict,
    pub raw: Vec<u8>,
}

impl Dict {
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Object {
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Object::Dict(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }
    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Object]> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Object::Int(i) => Some(i as f64),
            Object::Real(r) if r.is_finite() => Some(r),
            _ => None,
        }
    }
    pub fn as_int(&self) -> Option<i64> {
        match *self {
            Object::Int(i) => Some(i),
            Object::Real(r) if r.is_finite() && r.fract() == 0.0 => Some(r as i64),
            _ => None,
        }
    }
}

/// Nesting deeper than this is refused (a hostile file could otherwise exhaust the stack).
const MAX_DEPTH: usize = 64;

pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !is_delimiter(b)
}

/// A cursor over PDF bytes.
pub struct Lexer<'a> {
    pub data: &'a [u8],
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Lexer { data, pos: pos.min(data.len()) }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// Skips whitespace and comments.
    pub fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(b) = self.peek() {
                    if b == b'\n' || b == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next run of regular characters (a keyword or a number), without consuming it.
    fn peek_word(&self, from: usize) -> &'a [u8] {
        let end = self.data[from..].iter().position(|&b| !is_regular(b)).map_or(self.data.len(), |n| from + n);
        &self.data[from..end]
    }

    /// Consumes `word` when it is the next token.
    pub fn keyword(&mut self, word: &[u8]) -> bool {
        self.skip_space();
        if self.peek_word(self.pos) == word {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// An unsigned integer token, consumed.
    pub fn uint(&mut self) -> Option<u64> {
        self.skip_space();
        let word = self.peek_word(self.pos);
        if word.is_empty() || word.len() > 18 || !word.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.pos += word.len();
        std::str::from_utf8(word).ok()?.parse().ok()
    }

    /// The next object; `refs` reads `N G R` as a reference (the file body), not in content streams,
    /// where unknown words become operators.
    pub fn object(&mut self, refs: bool) -> Option<Object> {
        self.object_at_depth(refs, 0)
    }

    fn object_at_depth(&mut self, refs: bool, depth: usize) -> Option<Object> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        let b = self.peek()?;
        match b {
            b'/' => {
                self.pos += 1;
                Some(Object::Name(self.name()))
            }
            b'(' => {
                self.pos += 1;
                Some(Object::Str(self.literal()))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let mut dict = Vec::new();
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b'>' => {
                            self.pos += 1;
                            if self.peek() == Some(b'>') {
                                self.pos += 1;
                            }
                            return Some(Object::Dict(Dict(dict)));
                        }
                        b'/' => {
                            self.pos += 1;
                            let key = self.name();
                            let value = self.object_at_depth(refs, depth + 1)?;
                            dict.push((key, value));
                        }
                        _ => {
                            // A stray token where a key belongs: skip it.
                            self.object_at_depth(refs, depth + 1)?;
                        }
                    }
                }
            }
            b'<' => {
                self.pos += 1;
                Some(Object::Str(self.hex()))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.peek()? == b']' {
                        self.pos += 1;
                        return Some(Object::Array(items));
                    }
                    items.push(self.object_at_depth(refs, depth + 1)?);
                }
            }
            b']' | b')' | b'>' | b'{' | b'}' => {
                self.pos += 1;
                Some(Object::Op(vec![b]))
            }
            _ => {
                let word = self.peek_word(self.pos);
                self.pos += word.len();
                if let Some(n) = number(word) {
                    if let (true, Object::Int(num)) = (refs, &n) {
                        if let Some(r) = self.reference_after(*num) {
                            return Some(r);
                        }
                    }
                    return Some(n);
                }
                Some(match word {
                    b"true" => Object::Bool(true),
                    b"false" => Object::Bool(false),
                    b"null" => Object::Null,
                    _ => Object::Op(word.to_vec()),
                })
            }
        }
    }

    /// After an integer: `G R` makes it a reference (consumed), otherwise nothing is consumed.
    fn reference_after(&mut self, num: i64) -> Option<Object> {
        let save = self.pos;
        let found = (|| {
            let _generation = self.uint()?;
            self.keyword(b"R").then_some(())
        })();
        match (found, u32::try_from(num)) {
            (Some(()), Ok(n)) => Some(Object::Ref(n)),
            _ => {
                self.pos = save;
                None
            }
        }
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(b) = self.peek().filter(|&b| is_regular(b)) {
            self.pos += 1;
            if b == b'#' {
                if let Some(v) =
                    self.data.get(self.pos..self.pos + 2).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
                {
                    self.pos += 2;
                    out.push(v);
                    continue;
                }
            }
            out.push(b);
        }
        out
    }

    fn literal(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = (b as char).to_digit(16) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | v as u8),
                None => high = Some(v as u8),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// The bytes of an inline image after `ID`, up to `EI`; the cursor is left after `EI`.
    pub fn skip_inline_image(&mut self) {
        let start = self.pos + 1;
        let mut at = start;
        while at + 2 <= self.data.len() {
            if &self.data[at..at + 2] == b"EI"
                && self.data.get(at.wrapping_sub(1)).is_some_and(|&b| is_space(b))
                && self.data.get(at + 2).is_none_or(|&b| !is_regular(b))
            {
                self.pos = at + 2;
                return;
            }
            at += 1;
        }
        self.pos = self.data.len();
    }
}

fn number(word: &[u8]) -> Option<Object> {
    let first = *word.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return None;
    }
    let text = std::str::from_utf8(word).ok()?;
    if let Ok(i) = text.parse::<i64>() {
        return Some(Object::Int(i));
    }
    // Producers write things like `-.5`, `5.` and even `--5`.
    let trimmed = text.trim_start_matches('+');
    let (neg, rest) = match trimmed.strip_prefix('-') {
        Some(r) => (true, r.trim_start_matches('-')),
        None => (false, trimmed),
    };
    let v = if rest.is_empty() || rest == "." { 0.0 } else { decimal::parse(rest)? };
    Some(Object::Real(if neg { -v } else { v }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Object {
        Lexer::new(s.as_bytes(), 0).object(true).unwrap()
    }

    #[test]
    fn objects() {
        assert_eq!(
            parse("<< /Type /Page /Kids [3 0 R 4 0 R] /N -.5 >>"),
            Object::Dict(Dict(vec![
                (b"Type".to_vec(), Object::Name(b"Page".to_vec())),
                (b"Kids".to_vec(), Object::Array(vec![Object::Ref(3), Object::Ref(4)])),
                (b"N".to_vec(), Object::Real(-0.5)),
            ]))
        );
        assert_eq!(parse(r"(a\(b\)\101\nc)"), Object::Str(b"a(b)A\nc".to_vec()));
        assert_eq!(parse("<4e6 1>"), Object::Str(vec![0x4e, 0x61]));
        assert_eq!(parse("/A#20B"), Object::Name(b"A B".to_vec()));
        assert_eq!(parse("[1 2]"), Object::Array(vec![Object::Int(1), Object::Int(2)]));
    }

    #[test]
    fn content_operators() {
        let mut lx = Lexer::new(b"BT /F1 12 Tf (x) Tj ET", 0);
        let mut ops = Vec::new();
        while let Some(o) = lx.object(false) {
            ops.push(o);
        }
        assert_eq!(ops[0], Object::Op(b"BT".to_vec()));
        assert_eq!(ops[3], Object::Op(b"Tf".to_vec()));
        assert_eq!(ops.len(), 7);
    }
}
