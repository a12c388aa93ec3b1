//! The piece table (`Clx`, [MS-DOC] 2.9.38): where each run of the document's characters is stored
//! in the WordDocument stream, as compressed 8-bit text (cp1252) or UTF-16, and the main text read
//! through it with each character's file offset.

use super::{u16_at, u32_at, DocError};

/// Characters read at most (a report has tens of thousands; the input cap is 16 MB).
const MAX_CHARS: u32 = 4 << 20;

/// One piece: characters `cp..cp_end` stored from byte `fc` of the WordDocument stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub cp: u32,
    pub cp_end: u32,
    pub fc: u32,
    pub compressed: bool,
    /// Property modifier: with bit 0 set, `prm >> 1` indexes [`Clx::grpprls`].
    pub prm: u16,
}

/// The piece table and the property lists (`Prc`) that pieces may refer to.
#[derive(Debug, Default)]
pub struct Clx<'a> {
    pub grpprls: Vec<&'a [u8]>,
    pub pieces: Vec<Piece>,
}

/// Reads the `Clx` at `data` (the bytes `fcClx..fcClx + lcbClx` of the table stream).
pub fn clx(data: &[u8]) -> Result<Clx<'_>, DocError> {
    let mut out = Clx::default();
    let mut at = 0usize;
    while data.get(at) == Some(&0x01) {
        let cb = usize::from(u16_at(data, at + 1).ok_or(DocError::Damaged)?);
        let grpprl = data.get(at + 3..at + 3 + cb).ok_or(DocError::Damaged)?;
        out.grpprls.push(grpprl);
        at += 3 + cb;
    }
    if data.get(at) != Some(&0x02) {
        return Err(DocError::Damaged);
    }
    let lcb = u32_at(data, at + 1).ok_or(DocError::Damaged)? as usize;
    let plc = data.get(at + 5..).and_then(|rest| rest.get(..lcb)).ok_or(DocError::Damaged)?;
    if lcb < 4 || !(lcb - 4).is_multiple_of(12) {
        return Err(DocError::Damaged);
    }
    let n = (lcb - 4) / 12;
    let cps = 4 * (n + 1);
    for i in 0..n {
        let (cp, cp_end) = (u32_at(plc, 4 * i), u32_at(plc, 4 * i + 4));
        let (Some(cp), Some(cp_end)) = (cp, cp_end) else { return Err(DocError::Damaged) };
        let fc = u32_at(plc, cps + 8 * i + 2).ok_or(DocError::Damaged)?;
        let prm = u16_at(plc, cps + 8 * i + 6).ok_or(DocError::Damaged)?;
        if cp_end < cp || out.pieces.last().is_some_and(|p: &Piece| p.cp_end > cp) {
            return Err(DocError::Damaged);
        }
        let compressed = fc & 0x4000_0000 != 0;
        let fc = fc & 0x3FFF_FFFF;
        out.pieces.push(Piece { cp, cp_end, fc: if compressed { fc / 2 } else { fc }, compressed, prm });
    }
    Ok(out)
}

/// One character of the text: a UTF-16 code unit, where it is stored, and its piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub unit: u16,
    pub fc: u32,
    pub piece: u32,
}

/// The characters `0..ccp` (the main document) of the WordDocument stream `word`. Each takes at
/// least a byte of the stream, so a text longer than the stream is damaged (pieces reusing bytes).
pub fn text(word: &[u8], pieces: &[Piece], ccp: u32) -> Result<Vec<Unit>, DocError> {
    if ccp as usize > word.len() {
        return Err(DocError::Damaged);
    }
    // At most a unit per byte of the stream (checked above), and at most MAX_CHARS: reserved whole,
    // not grown by doubling from a guess.
    let ccp = ccp.min(MAX_CHARS);
    let mut out = Vec::with_capacity(ccp as usize);
    for (index, piece) in pieces.iter().enumerate() {
        if piece.cp >= ccp {
            break;
        }
        if piece.cp != out.len() as u32 {
            return Err(DocError::Damaged); // a gap in the text
        }
        for k in 0..piece.cp_end.min(ccp) - piece.cp {
            let (fc, unit) = if piece.compressed {
                let fc = piece.fc.checked_add(k).ok_or(DocError::Damaged)?;
                (fc, cp1252(*word.get(fc as usize).ok_or(DocError::Damaged)?))
            } else {
                let fc = k.checked_mul(2).and_then(|o| piece.fc.checked_add(o)).ok_or(DocError::Damaged)?;
                (fc, u16_at(word, fc as usize).ok_or(DocError::Damaged)?)
            };
            out.push(Unit { unit, fc, piece: index as u32 });
        }
    }
    if (out.len() as u32) < ccp {
        return Err(DocError::Damaged);
    }
    Ok(out)
}

/// A byte of compressed text as Unicode ([MS-DOC] 2.4.1: Latin-1 except these cp1252 characters).
fn cp1252(byte: u8) -> u16 {
    match byte {
        0x82 => 0x201A,
        0x83 => 0x0192,
        0x84 => 0x201E,
        0x85 => 0x2026,
        0x86 => 0x2020,
        0x87 => 0x2021,
        0x88 => 0x02C6,
        0x89 => 0x2030,
        0x8A => 0x0160,
        0x8B => 0x2039,
        0x8C => 0x0152,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        0x98 => 0x02DC,
        0x99 => 0x2122,
        0x9A => 0x0161,
        0x9B => 0x203A,
        0x9C => 0x0153,
        0x9F => 0x0178,
        b => u16::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Clx with one Prc and the given pieces (cp, cp_end, raw fc).
    fn clx_bytes(pieces: &[(u32, u32, u32)]) -> Vec<u8> {
        let mut b = vec![0x01, 3, 0, 0x16, 0x24, 1];
        b.push(0x02);
        b.extend(((pieces.len() * 12 + 4) as u32).to_le_bytes());
        b.extend(pieces[0].0.to_le_bytes());
        for p in pieces {
            b.extend(p.1.to_le_bytes());
        }
        for p in pieces {
            b.extend([0, 0]);
            b.extend(p.2.to_le_bytes());
            b.extend(3u16.to_le_bytes());
        }
        b
    }

    #[test]
    fn compressed_and_utf16_pieces() {
        // "A“" compressed at byte 4 (fc 8 | fCompressed), then "表格" as UTF-16 at byte 10.
        let mut word = vec![0u8; 14];
        word[4] = b'A';
        word[5] = 0x93;
        word[10..14].copy_from_slice(&[0x68, 0x88, 0x3C, 0x68]);
        let bytes = clx_bytes(&[(0, 2, 8 | 0x4000_0000), (2, 4, 10)]);
        let clx = clx(&bytes).unwrap();
        assert_eq!(clx.grpprls, vec![&[0x16, 0x24, 1][..]]);
        assert_eq!(clx.pieces[0], Piece { cp: 0, cp_end: 2, fc: 4, compressed: true, prm: 3 });
        let units = text(&word, &clx.pieces, 4).unwrap();
        let s = String::from_utf16(&units.iter().map(|u| u.unit).collect::<Vec<_>>()).unwrap();
        assert_eq!(s, "A\u{201C}表格");
        assert_eq!(units.iter().map(|u| u.fc).collect::<Vec<_>>(), [4, 5, 10, 12]);
        assert_eq!(text(&word, &clx.pieces, 3).unwrap().len(), 3, "only the main text");
    }

    #[test]
    fn damaged_tables_are_refused() {
        let word = vec![0u8; 8];
        assert_eq!(clx(&[0x03]).unwrap_err(), DocError::Damaged);
        assert_eq!(clx(&clx_bytes(&[(0, 2, 0)])[..12]).unwrap_err(), DocError::Damaged);
        let pieces = clx(&clx_bytes(&[(0, 100, 0)])).unwrap().pieces;
        assert_eq!(text(&word, &pieces, 100).unwrap_err(), DocError::Damaged, "longer than the stream");
        let pieces = clx(&clx_bytes(&[(0, 6, 8)])).unwrap().pieces;
        assert_eq!(text(&word, &pieces, 6).unwrap_err(), DocError::Damaged, "runs past the stream");
        let pieces = clx(&clx_bytes(&[(0, 2, 0)])).unwrap().pieces;
        assert_eq!(text(&word, &pieces, 3).unwrap_err(), DocError::Damaged, "text longer than its pieces");
    }
}
