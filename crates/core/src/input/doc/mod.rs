//! Word 97–2003 (.doc) and WPS (.wps, the same binary format): the compound file opened with the
//! cfb crate, the main text read through the piece table, paragraphs and tables rebuilt from their
//! marks and properties into the blocks the .docx reader makes. [`read`] is the entry point.

mod fib;
mod pieces;
mod props;
mod tables;

use crate::input::document::Block;
use props::{Character, Paragraph, Runs};
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Cursor, Read};
use tables::End;

/// Why a compound file could not be read as a Word document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocError {
    /// A .doc protected by a password (`fEncrypted`).
    Encrypted,
    /// A .docx protected by a password: its package stored encrypted in a compound file.
    EncryptedPackage,
    /// Word 6.0/95 or older: another layout of the file.
    TooOld,
    /// A compound file without a Word document in it (Excel, PowerPoint, Microsoft Works, …).
    NotWord,
    /// The container or the document inside it is broken.
    Damaged,
}

/// The first bytes of a compound file (OLE2), the container of .doc, .wps, .xls, .ppt.
pub const SIGNATURE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// The blocks (paragraphs and tables) of the main text of a .doc or .wps file.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, DocError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| DocError::Damaged)?;
    if file.is_stream("/EncryptionInfo") && file.is_stream("/EncryptedPackage") {
        return Err(DocError::EncryptedPackage);
    }
    if !file.is_stream("/WordDocument") {
        return Err(DocError::NotWord);
    }
    let word = stream(&mut file, "/WordDocument", bytes.len())?;
    let fib = fib::read(&word)?;
    let table = stream(&mut file, if fib.table_1 { "/1Table" } else { "/0Table" }, bytes.len())?;
    let slice = |(fc, lcb): (u32, u32)| table.get(fc as usize..(fc as usize).checked_add(lcb as usize)?);
    let clx = pieces::clx(slice(fib.clx).ok_or(DocError::Damaged)?)?;
    let units = pieces::text(&word, &clx.pieces, fib.ccp_text)?;
    let paragraphs = Runs::paragraphs(&word, slice(fib.bte_papx).unwrap_or_default());
    let characters = Runs::characters(&word, slice(fib.bte_chpx).unwrap_or_default());
    // Properties too large for their page are in the Data stream (`sprmPHugePapx`).
    let data = if file.is_stream("/Data") { stream(&mut file, "/Data", bytes.len())? } else { Vec::new() };
    // Each paragraph mark's properties: the page's, then the piece's own (a `Prm` pointing at a
    // `Prc`). Read once for each pair of lists: a Prc is up to 64 KB, and a piece may hold every
    // paragraph of the document.
    let read = RefCell::new(HashMap::new());
    let paragraph_at = |unit: &pieces::Unit| {
        let page = paragraphs.at(unit.fc);
        let prm = clx.pieces.get(unit.piece as usize).map_or(0, |p| p.prm);
        let key = (page.as_ptr() as usize, page.len(), prm);
        if let Some(p) = read.borrow().get(&key) {
            return Paragraph::clone(p);
        }
        let piece = if prm & 1 == 1 { clx.grpprls.get(usize::from(prm >> 1)).copied() } else { None };
        let p = Paragraph::from(&[page, props::huge(page, &data).unwrap_or_default(), piece.unwrap_or_default()]);
        read.borrow_mut().insert(key, p.clone());
        p
    };
    Ok(tables::blocks(Walk { units: units.iter(), characters: &characters, paragraph_at, fields: Vec::new() }))
}

/// A stream of the compound file, read whole (at most `cap` bytes: no stream is larger than the file).
fn stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str, cap: usize) -> Result<Vec<u8>, DocError> {
    let stream = file.open_stream(name).map_err(|_| DocError::Damaged)?;
    if stream.len() > cap as u64 {
        return Err(DocError::Damaged);
    }
    let mut out = Vec::with_capacity(stream.len() as usize);
    stream.take(cap as u64).read_to_end(&mut out).map_err(|_| DocError::Damaged)?;
    Ok(out)
}

/// The main text as paragraphs: characters up to each paragraph or cell mark, with the mark's
/// paragraph properties; field instructions, deleted and special characters left out.
struct Walk<'a, F> {
    units: std::slice::Iter<'a, pieces::Unit>,
    characters: &'a Runs<'a>,
    paragraph_at: F,
    /// Open fields, innermost last: true while in the field's instructions (before 0x14).
    fields: Vec<bool>,
}

impl<F: Fn(&pieces::Unit) -> Paragraph> Iterator for Walk<'_, F> {
    type Item = (String, End, Paragraph);

    fn next(&mut self) -> Option<Self::Item> {
        let mut text: Vec<u16> = Vec::new();
        for unit in self.units.by_ref() {
            let end = match unit.unit {
                0x0D => Some(End::Paragraph),
                0x07 => Some(End::Cell),
                _ => None,
            };
            if let Some(end) = end {
                return Some((String::from_utf16_lossy(&text), end, (self.paragraph_at)(unit)));
            }
            let c = Character::from(self.characters.at(unit.fc));
            match unit.unit {
                0x13 if self.fields.len() < 64 => self.fields.push(true),
                0x14 => {
                    if let Some(top) = self.fields.last_mut() {
                        *top = false;
                    }
                }
                0x15 => drop(self.fields.pop()),
                _ if c.deleted || self.fields.iter().any(|&instruction| instruction) => {}
                0x09 => text.push(0x09),
                0x0B | 0x0C | 0x0E => text.push(u16::from(b'\n')),
                u if u < 0x20 || c.special => {}
                u => text.push(u),
            }
        }
        (!text.is_empty()).then(|| (String::from_utf16_lossy(&text), End::Paragraph, Paragraph::default()))
    }
}

/// A little-endian u16 at `at`, if the bytes are there.
fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

/// A little-endian u32 at `at`, if the bytes are there.
fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<(String, End)> {
        let units: Vec<pieces::Unit> = text.encode_utf16().map(|unit| pieces::Unit { unit, fc: 0, piece: 0 }).collect();
        let characters = Runs::default();
        let walk = Walk {
            units: units.iter(),
            characters: &characters,
            paragraph_at: |_: &pieces::Unit| Paragraph::default(),
            fields: Vec::new(),
        };
        walk.map(|(text, end, _)| (text, end)).collect()
    }

    #[test]
    fn marks_fields_and_control_characters() {
        // A PAGE field (instructions dropped, result kept), a nested field, a field without a
        // result, a picture (0x01), a line break (0x0B), a tab, then a cell and unterminated text.
        let text = "第\u{13} PAGE \u{14}4\u{15}页\r\u{13}IF \u{13}=1\u{14}1\u{15}\u{14}是\u{15}\u{13}TOC\u{15}图\u{1}\u{b}表\t1\u{7}尾";
        assert_eq!(paragraphs(text), [("第4页".into(), End::Paragraph), ("是图\n表\t1".into(), End::Cell), ("尾".into(), End::Paragraph)]);
    }
}
