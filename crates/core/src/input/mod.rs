//! The input layer: bytes of any supported file (text in any common encoding, .docx, .doc, HTML,
//! PDF) →
//! report text, with each rendered table cell's origin. [`read`] is its one entry point.

pub mod decode;
#[cfg(feature = "doc")]
pub mod doc;
pub mod document;
pub mod docx;
pub mod html;
pub mod markup;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod zip;

pub use decode::ReadError;
use serde::Serialize;

/// What a report was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Text,
    Docx,
    /// Word 97–2003 (.doc) or WPS (.wps).
    Doc,
    Html,
    Pdf,
}

impl InputKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Docx => "docx",
            InputKind::Doc => "doc",
            InputKind::Html => "html",
            InputKind::Pdf => "pdf",
        }
    }
}

/// A report's text, ready to parse, and what it was read from.
pub struct Input {
    pub text: String,
    pub encoding: &'static str,
    pub kind: InputKind,
    /// For .docx, .doc, HTML and PDF: where each rendered table cell came from.
    pub rendered: Option<document::Rendered>,
}

/// Reads any input — plain text in any common encoding, a .docx, a .doc/.wps (with the `doc`
/// feature), an HTML page or a PDF (with the `pdf` feature) — into text.
/// `legacy` decodes non-Unicode text (GB18030/GBK); see [`decode::decode_with_legacy`].
pub fn read(bytes: &[u8], legacy: &dyn Fn(&[u8]) -> Option<String>) -> Result<Input, ReadError> {
    if bytes.len() > decode::MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"PK\x03\x04") && docx::is_docx(bytes) {
        let blocks = docx::read(bytes).map_err(|e| match e {
            docx::DocxError::Zip(zip::ZipError::Encrypted) => ReadError::Encrypted,
            docx::DocxError::Zip(zip::ZipError::TooLarge) => ReadError::ZipBomb,
            _ => ReadError::Docx,
        })?;
        return Ok(structured(blocks, "UTF-8", InputKind::Docx));
    }
    #[cfg(feature = "doc")]
    if bytes.starts_with(doc::SIGNATURE) {
        let blocks = doc::read(bytes).map_err(|e| match e {
            doc::DocError::Encrypted => ReadError::DocEncrypted,
            doc::DocError::EncryptedPackage => ReadError::Encrypted,
            doc::DocError::TooOld => ReadError::DocTooOld,
            doc::DocError::NotWord => ReadError::NotWord,
            doc::DocError::Damaged => ReadError::DocDamaged,
        })?;
        return Ok(structured(blocks, "UTF-16", InputKind::Doc));
    }
    #[cfg(feature = "pdf")]
    if pdf::is_pdf(bytes) {
        let blocks = pdf::read(bytes).map_err(|e| match e {
            pdf::PdfError::Encrypted => ReadError::PdfEncrypted,
            pdf::PdfError::Damaged => ReadError::PdfDamaged,
            pdf::PdfError::NoText => ReadError::PdfScanned,
            pdf::PdfError::Unmapped => ReadError::PdfUnmapped,
        })?;
        return Ok(structured(blocks, "UTF-8", InputKind::Pdf));
    }
    let decoded = decode::decode_with_legacy(bytes, legacy)?;
    Ok(from_text(decoded.text, decoded.encoding))
}

/// Text as pasted or decoded: HTML (a saved page, the clipboard's `text/html`) is read for its
/// structure; anything else is taken as it is.
pub fn from_text(text: String, encoding: &'static str) -> Input {
    if html::looks_like_html(&text) {
        structured(html::read(&text), encoding, InputKind::Html)
    } else {
        Input { text, encoding, kind: InputKind::Text, rendered: None }
    }
}

fn structured(blocks: Vec<document::Block>, encoding: &'static str, kind: InputKind) -> Input {
    let rendered = document::render(&blocks);
    Input { text: rendered.text.clone(), encoding, kind, rendered: Some(rendered) }
}
