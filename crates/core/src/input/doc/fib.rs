//! The File Information Block at the start of the WordDocument stream ([MS-DOC] 2.5): which table
//! stream holds the tables, whether the file is encrypted, the main text's length, and where the
//! piece table and the property indexes are.

use super::{u16_at, u32_at, DocError};

/// `wIdent` of a Word 97 and later document.
const WORD_97: u16 = 0xA5EC;
/// `nFib` below this is Word 95 or older, whose FIB is laid out differently.
const FIRST_WORD_97_NFIB: u16 = 0x00C0;

/// What the reader needs from the FIB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fib {
    /// The table stream is `1Table` (else `0Table`).
    pub table_1: bool,
    /// Characters of the main document text (the rest are footnotes, headers, comments, text boxes).
    pub ccp_text: u32,
    /// (offset, length) in the table stream of the piece table (`Clx`).
    pub clx: (u32, u32),
    /// (offset, length) of the index of paragraph-property pages (`PlcBtePapx`).
    pub bte_papx: (u32, u32),
    /// (offset, length) of the index of character-property pages (`PlcBteChpx`).
    pub bte_chpx: (u32, u32),
}

/// Reads the FIB from the WordDocument stream.
pub fn read(word: &[u8]) -> Result<Fib, DocError> {
    let ident = u16_at(word, 0).ok_or(DocError::Damaged)?;
    let n_fib = u16_at(word, 2).ok_or(DocError::Damaged)?;
    let flags = u16_at(word, 0x0A).ok_or(DocError::Damaged)?;
    if flags & 0x0100 != 0 {
        // fEncrypted (RC4 or, with fObfuscated, XOR): only the FIB's first bytes are plain.
        return Err(DocError::Encrypted);
    }
    if ident != WORD_97 || n_fib < FIRST_WORD_97_NFIB {
        return Err(if ident == 0xA5DC || n_fib < FIRST_WORD_97_NFIB { DocError::TooOld } else { DocError::Damaged });
    }
    // FibBase (32 bytes), csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + fibRgFcLcbBlob.
    let csw = usize::from(u16_at(word, 32).ok_or(DocError::Damaged)?);
    let rg_lw = 34 + csw * 2;
    let cslw = usize::from(u16_at(word, rg_lw).ok_or(DocError::Damaged)?);
    let lw = rg_lw + 2;
    if cslw < 4 {
        return Err(DocError::Damaged);
    }
    let ccp_text = u32_at(word, lw + 3 * 4).ok_or(DocError::Damaged)?;
    let rg_fc = lw + cslw * 4;
    let cb_rg_fc_lcb = usize::from(u16_at(word, rg_fc).ok_or(DocError::Damaged)?);
    let blob = rg_fc + 2;
    let pair = |index: usize| -> Result<(u32, u32), DocError> {
        if index >= cb_rg_fc_lcb {
            return Err(DocError::Damaged);
        }
        let at = blob + index * 8;
        Ok((u32_at(word, at).ok_or(DocError::Damaged)?, u32_at(word, at + 4).ok_or(DocError::Damaged)?))
    };
    Ok(Fib { table_1: flags & 0x0200 != 0, ccp_text, clx: pair(33)?, bte_papx: pair(13)?, bte_chpx: pair(12)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A FIB with the usual counts (csw 14, cslw 22, cbRgFcLcb 93) and the given flags.
    fn fib_bytes(flags: u16) -> Vec<u8> {
        let mut b = vec![0u8; 154 + 93 * 8];
        b[0..2].copy_from_slice(&WORD_97.to_le_bytes());
        b[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
        b[0x0A..0x0C].copy_from_slice(&flags.to_le_bytes());
        b[32..34].copy_from_slice(&14u16.to_le_bytes());
        b[62..64].copy_from_slice(&22u16.to_le_bytes());
        b[64 + 12..64 + 16].copy_from_slice(&1234u32.to_le_bytes());
        b[152..154].copy_from_slice(&93u16.to_le_bytes());
        b[154 + 33 * 8..154 + 33 * 8 + 8].copy_from_slice(&[0x10, 0, 0, 0, 0x20, 0, 0, 0]);
        b
    }

    #[test]
    fn fields_and_refusals() {
        let fib = read(&fib_bytes(0x0200)).unwrap();
        assert_eq!((fib.table_1, fib.ccp_text, fib.clx), (true, 1234, (0x10, 0x20)));
        assert_eq!(read(&fib_bytes(0x0100)), Err(DocError::Encrypted));
        assert_eq!(read(&fib_bytes(0x8100)), Err(DocError::Encrypted), "XOR-obfuscated is encrypted too");
        let mut old = fib_bytes(0);
        old[2..4].copy_from_slice(&0x0068u16.to_le_bytes());
        assert_eq!(read(&old), Err(DocError::TooOld));
        assert_eq!(read(&fib_bytes(0)[..100]), Err(DocError::Damaged));
        assert_eq!(read(&[0xEC, 0xA5]), Err(DocError::Damaged));
    }
}
