//! Fonts: how a shown string splits into character codes, each code's Unicode text (ToUnicode
//! CMaps first, then simple encodings with `Differences`) and its advance width.

use super::encodings::{glyph_char, Base};
use super::file::File;
use super::syntax::{Dict, Lexer, Object};
use std::collections::HashMap;

/// No CMap range expands to more codes than this.
const MAX_RANGE: u32 = 1 << 16;
/// A CMap maps, and a font gives widths for, at most this many codes in all (a CJK font has up to
/// 65 536 glyphs): ranges 20 bytes long must not add up to billions of entries.
const MAX_CODES: usize = 1 << 17;
/// Codespace ranges a CMap may have (each shown byte is tried against them; real ones have a few).
const MAX_CODESPACES: usize = 64;

/// A font of a page, ready to decode shown strings.
#[derive(Debug)]
pub struct Font {
    /// Code byte lengths by the codes' first-byte ranges: (length, low, high) for each codespace.
    codespace: Vec<(usize, Vec<u8>, Vec<u8>)>,
    to_unicode: HashMap<u32, String>,
    /// For simple fonts: the character each byte stands for by its encoding.
    encoding: Option<Vec<Option<char>>>,
    /// Composite fonts with a Unicode CMap (UniGB-UCS2-H and the like): the code is the character.
    unicode_codes: bool,
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space (1/1000, or a Type 3 font's matrix).
    scale: f64,
}

impl Font {
    /// Reads a font dictionary.
    pub fn load(file: &File, dict: &Dict) -> Font {
        let subtype = file.get_in(dict, b"Subtype");
        let to_unicode = match file.get_in(dict, b"ToUnicode") {
            Object::Stream(s) => file.stream_data(&s).map(|d| parse_cmap(&d)).unwrap_or_default(),
            _ => CMap::default(),
        };
        if subtype.as_name() == Some(b"Type0") {
            return Self::composite(file, dict, to_unicode);
        }
        let (codespace, to_unicode) = (vec![(1, vec![0], vec![0xff])], to_unicode.map);
        let mut table: Vec<Option<char>>;
        let encoding = file.get_in(dict, b"Encoding");
        let base = match &encoding {
            Object::Name(n) => Base::from_name(n),
            Object::Dict(d) => file.get_in(d, b"BaseEncoding").as_name().and_then(Base::from_name),
            _ => None,
        };
        table = (0..=255u8).map(|c| base.unwrap_or(Base::Standard).char(c)).collect();
        if let Some(Object::Array(diffs)) = encoding.as_dict().map(|d| file.get_in(d, b"Differences")) {
            let mut code = 0usize;
            for item in diffs {
                match item {
                    Object::Int(c) => code = c.clamp(0, 255) as usize,
                    Object::Name(n) => {
                        if let Some(slot) = table.get_mut(code) {
                            *slot = glyph_char(&n);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        let first = file.get_in(dict, b"FirstChar").as_int().unwrap_or(0).clamp(0, 255) as u32;
        let mut widths = HashMap::new();
        if let Object::Array(ws) = file.get_in(dict, b"Widths") {
            for (i, w) in ws.iter().enumerate().take(256) {
                if let Some(w) = file.resolve(w).as_f64() {
                    widths.insert(first + i as u32, w);
                }
            }
        }
        let descriptor = file.get_in(dict, b"FontDescriptor");
        let missing = descriptor.as_dict().and_then(|d| file.get_in(d, b"MissingWidth").as_f64()).filter(|w| *w > 0.0);
        let scale = match (subtype.as_name(), file.get_in(dict, b"FontMatrix")) {
            (Some(b"Type3"), Object::Array(m)) => m.first().and_then(Object::as_f64).unwrap_or(0.001),
            _ => 0.001,
        };
        Font {
            codespace,
            to_unicode,
            encoding: Some(table),
            unicode_codes: false,
            widths,
            // A standard font without widths: an average Latin advance.
            default_width: missing.unwrap_or(if scale == 0.001 { 500.0 } else { 0.0 }),
            scale,
        }
    }

    fn composite(file: &File, dict: &Dict, to_unicode: CMap) -> Font {
        let encoding = file.get_in(dict, b"Encoding");
        let mut codespace = vec![(2, vec![0, 0], vec![0xff, 0xff])];
        let mut unicode_codes = false;
        match &encoding {
            Object::Name(n) => {
                let n = String::from_utf8_lossy(n);
                unicode_codes = n.contains("UCS2") || n.contains("UTF16");
            }
            Object::Stream(s) => {
                if let Ok(d) = file.stream_data(s) {
                    let cmap = parse_cmap(&d);
                    if !cmap.codespace.is_empty() {
                        codespace = cmap.codespace;
                    }
                }
            }
            _ => {}
        }
        if !to_unicode.codespace.is_empty()
            && !matches!(encoding, Object::Stream(_))
            && encoding.as_name().is_none_or(|n| !n.starts_with(b"Identity"))
        {
            codespace = to_unicode.codespace.clone();
        }
        let descendant = match file.get_in(dict, b"DescendantFonts") {
            Object::Array(a) => a.first().map(|d| file.resolve(d)).unwrap_or(Object::Null),
            _ => Object::Null,
        };
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        if let Some(d) = descendant.as_dict() {
            default_width = file.get_in(d, b"DW").as_f64().unwrap_or(1000.0);
            if let Object::Array(w) = file.get_in(d, b"W") {
                read_cid_widths(file, &w, &mut widths);
            }
        }
        Font { codespace, to_unicode: to_unicode.map, encoding: None, unicode_codes, widths, default_width, scale: 0.001 }
    }

    /// The codes of a shown string with their byte lengths.
    pub fn codes(&self, bytes: &[u8]) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let len = self
                .codespace
                .iter()
                .find(|(len, lo, hi)| {
                    bytes.get(at..at + len).is_some_and(|code| code.iter().zip(lo.iter().zip(hi)).all(|(b, (l, h))| l <= b && b <= h))
                })
                .map_or(self.codespace.first().map_or(1, |c| c.0), |c| c.0);
            let end = (at + len).min(bytes.len());
            out.push((bytes[at..end].iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)), end - at));
            at = end;
        }
        out
    }

    /// The Unicode text of a code, or None when the font does not say (an unmapped glyph).
    pub fn text(&self, code: u32) -> Option<String> {
        if let Some(t) = self.to_unicode.get(&code) {
            return Some(t.clone());
        }
        if self.unicode_codes {
            return char::from_u32(code).map(String::from);
        }
        let c = *self.encoding.as_ref()?.get(code as usize)?;
        c.map(String::from)
    }

    /// The advance of a code in text space units (before the font size).
    pub fn width(&self, code: u32) -> f64 {
        self.widths.get(&code).copied().unwrap_or(self.default_width) * self.scale
    }
}

/// `W` of a CIDFont: `c [w1 w2 …]` and `c_first c_last w`; at most [`MAX_CODES`] widths set in all.
fn read_cid_widths(file: &File, w: &[Object], widths: &mut HashMap<u32, f64>) {
    let mut left = MAX_CODES;
    let mut i = 0;
    while i < w.len() && left > 0 {
        let Some(first) = file.follow(&w[i]).as_int().and_then(|c| u32::try_from(c).ok()) else { return };
        match w.get(i + 1).map(|o| file.follow(o)).as_deref() {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(left.min(MAX_RANGE as usize)) {
                    let (Some(code), Some(v)) = (first.checked_add(k as u32), v.as_f64()) else { break };
                    widths.insert(code, v);
                }
                left = left.saturating_sub(list.len().max(1));
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(v)) = (last.as_int(), w.get(i + 2).and_then(|o| file.follow(o).as_f64())) else { return };
                let last = u32::try_from(last).unwrap_or(0).min(first.saturating_add(MAX_RANGE)).min(first.saturating_add(left as u32 - 1));
                for c in first..=last {
                    widths.insert(c, v);
                }
                left = left.saturating_sub((last.saturating_sub(first) as usize) + 1);
                i += 3;
            }
            None => return,
        }
    }
}

/// What a CMap stream says: its codespace ranges and, for a ToUnicode CMap, each code's text.
#[derive(Debug, Default)]
struct CMap {
    codespace: Vec<(usize, Vec<u8>, Vec<u8>)>,
    map: HashMap<u32, String>,
}

fn code_value(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |acc, &b| acc << 8 | u32::from(b))
}

fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes.chunks(2).map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)])).collect();
    String::from_utf16_lossy(&units)
}

/// Reads `begincodespacerange`, `beginbfchar` and `beginbfrange` sections.
fn parse_cmap(data: &[u8]) -> CMap {
    let mut cmap = CMap::default();
    let mut lx = Lexer::new(data, 0);
    let mut operands: Vec<Object> = Vec::new();
    while let Some(obj) = lx.object(false) {
        let Object::Op(op) = obj else {
            operands.push(obj);
            continue;
        };
        match op.as_slice() {
            b"endcodespacerange" => {
                for pair in operands.chunks_exact(2) {
                    if let (Object::Str(lo), Object::Str(hi)) = (&pair[0], &pair[1]) {
                        if !lo.is_empty() && lo.len() == hi.len() && lo.len() <= 4 && cmap.codespace.len() < MAX_CODESPACES {
                            cmap.codespace.push((lo.len(), lo.clone(), hi.clone()));
                        }
                    }
                }
            }
            b"endbfchar" => {
                for pair in operands.chunks_exact(2) {
                    let text = match &pair[1] {
                        Object::Str(dst) => utf16_text(dst),
                        Object::Name(n) => glyph_char(n).map(String::from).unwrap_or_default(),
                        _ => continue,
                    };
                    if let Object::Str(src) = &pair[0] {
                        if cmap.map.len() < MAX_CODES {
                            cmap.map.insert(code_value(src), text);
                        }
                    }
                }
            }
            b"endbfrange" => {
                for triple in operands.chunks_exact(3) {
                    let (Object::Str(lo), Object::Str(hi)) = (&triple[0], &triple[1]) else { continue };
                    let (lo, hi) = (code_value(lo), code_value(hi));
                    if hi < lo || hi - lo > MAX_RANGE || cmap.map.len() >= MAX_CODES {
                        continue;
                    }
                    let hi = hi.min(lo.saturating_add((MAX_CODES - cmap.map.len()) as u32 - 1));
                    match &triple[2] {
                        Object::Str(dst) if !dst.is_empty() => {
                            let mut units: Vec<u16> =
                                dst.chunks(2).map(|p| u16::from_be_bytes([p[0], p.get(1).copied().unwrap_or(0)])).collect();
                            for code in lo..=hi {
                                cmap.map.insert(code, String::from_utf16_lossy(&units));
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                        }
                        Object::Array(dsts) => {
                            for (code, dst) in (lo..=hi).zip(dsts) {
                                if let Object::Str(dst) = dst {
                                    cmap.map.insert(code, utf16_text(dst));
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        operands.clear();
    }
    cmap.codespace.sort_by_key(|c| c.0);
    cmap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_cmap() {
        let cmap = parse_cmap(
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar <0003> <0020> <0010> <4E00> endbfchar\n\
              1 beginbfrange <0020> <0022> <0030> endbfrange 1 beginbfrange <0100> <0101> [<5E74> <62A5>] endbfrange",
        );
        assert_eq!(cmap.codespace, vec![(2, vec![0, 0], vec![0xff, 0xff])]);
        assert_eq!(cmap.map[&0x10], "一");
        assert_eq!(cmap.map[&0x22], "2");
        assert_eq!(cmap.map[&0x101], "报");
    }

    #[test]
    fn a_cmap_maps_a_bounded_number_of_codes() {
        // Three ranges of 65 536 codes each, and 100 codespace ranges: capped, the rest left out.
        let ranges: String = (0..3).map(|k| format!("<{k:04X}0000> <{k:04X}FFFF> <0041>\n")).collect();
        let spaces: String = (0..100).map(|_| "<00> <FF>\n").collect();
        let cmap = parse_cmap(format!("100 begincodespacerange {spaces} endcodespacerange 3 beginbfrange {ranges} endbfrange").as_bytes());
        assert_eq!((cmap.map.len(), cmap.codespace.len()), (MAX_CODES, MAX_CODESPACES));
        assert_eq!(cmap.map[&0x0001_0000], "A");
        assert!(!cmap.map.contains_key(&0x0002_0000));
    }

    #[test]
    fn cid_widths_are_bounded_and_stop_at_the_last_code() {
        let file = File::parse(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n").unwrap();
        let mut lx = Lexer::new(b"[1 [500 600] 10 4294967295 700 4294967294 [1 2 3 4]]", 0);
        let Some(Object::Array(w)) = lx.object(true) else { panic!() };
        let mut widths = HashMap::new();
        read_cid_widths(&file, &w, &mut widths);
        assert_eq!((widths[&1], widths[&2], widths[&10]), (500.0, 600.0, 700.0));
        // The range is cut to MAX_RANGE codes; codes past u32::MAX are not wrapped around (nor a panic).
        assert_eq!(widths.len(), 2 + MAX_RANGE as usize + 1 + 2);
        assert_eq!((widths[&4_294_967_294], widths[&4_294_967_295]), (1.0, 2.0));
        // Three ranges of 65 536 codes: the font's widths stop at MAX_CODES.
        let mut lx = Lexer::new(b"[0 65535 1 65536 131071 1 131072 196607 1]", 0);
        let Some(Object::Array(w)) = lx.object(true) else { panic!() };
        let mut widths = HashMap::new();
        read_cid_widths(&file, &w, &mut widths);
        assert_eq!(widths.len(), MAX_CODES);
    }
}
