//! PDF: the text layer of a report PDF (WPS, Word, LibreOffice) read from its glyph positions
//! into the paragraphs and table grids the other structured inputs give, each table row with its page.

mod content;
mod encodings;
mod file;
mod filters;
mod fonts;
mod grid;
mod layout;
mod lines;
mod syntax;
mod unruled;

use crate::input::document::Block;
pub use content::{Glyph, Page, Rule};

/// Why a PDF could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// Protected by a password (or by permissions, which encrypt the content too).
    Encrypted,
    /// Not a complete, well-formed PDF.
    Damaged,
    /// No text layer: the pages are images (a scan) or outlines.
    NoText,
    /// Text whose fonts give no Unicode (no ToUnicode map): the characters cannot be known.
    Unmapped,
}

/// Whether the bytes are a PDF: `%PDF-` within the first KB (some producers put junk before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// The pages of a PDF as drawn.
pub fn pages(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    let file = file::File::parse(bytes).map_err(|e| match e {
        file::FileError::Encrypted => PdfError::Encrypted,
        file::FileError::Damaged => PdfError::Damaged,
    })?;
    let pages = file.pages().ok_or(PdfError::Damaged)?;
    if pages.is_empty() {
        return Err(PdfError::Damaged);
    }
    let pages = content::run_pages(&file, &pages);
    if pages.iter().any(|p| p.broken) {
        return Err(PdfError::Damaged);
    }
    Ok(pages)
}

/// The blocks of a PDF: its text lines as paragraphs and its ruled tables as grids, in reading order.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, PdfError> {
    let pages = contained(|| pages(bytes))?;
    let shown = pages.iter().flat_map(|p| &p.glyphs).filter(|g| !g.text.trim().is_empty()).count();
    let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
    if shown == 0 {
        return Err(PdfError::NoText);
    }
    if unmapped * 5 > shown {
        return Err(PdfError::Unmapped);
    }
    contained(|| layout::blocks(&pages).ok_or(PdfError::Damaged))
}

/// Runs the reader; on native builds that unwind, a panic (a bug met by a malformed file) becomes
/// the damaged-file error instead of ending the program. In wasm (panic = abort) it runs as is.
#[cfg(all(panic = "unwind", not(target_arch = "wasm32")))]
fn contained<T>(f: impl FnOnce() -> Result<T, PdfError>) -> Result<T, PdfError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or(Err(PdfError::Damaged))
}

#[cfg(not(all(panic = "unwind", not(target_arch = "wasm32"))))]
fn contained<T>(f: impl FnOnce() -> Result<T, PdfError>) -> Result<T, PdfError> {
    f()
}
