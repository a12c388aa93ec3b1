//! nianbao-core: reads a 政府信息公开工作年度报告 (text in any common encoding) into its sections and
//! its three statistical tables, with the source position of every number, and checks it against
//! the rule catalogue. Pure Rust: no I/O, no threads; builds for wasm32-unknown-unknown.
//!
//! Data flows one way: bytes → text ([`decode`]; .docx and HTML through [`docx`], [`html`] and
//! [`document`]) → sections ([`sections`]) → tables ([`tables`]) → findings ([`rules`]) → the JSON
//! document ([`report`]).

pub mod cell;
pub mod decode;
pub mod document;
pub mod docx;
pub mod finding;
pub mod html;
pub mod markup;
pub mod meta;
pub mod parse;
pub mod prose;
pub mod report;
pub mod rules;
pub mod schema;
pub mod sections;
pub mod tables;
pub mod text;
pub mod tokens;
pub mod zip;

#[cfg(test)]
mod testing;

pub use decode::ReadError;
pub use finding::{Finding, Severity};
pub use report::{Parsed, Report};
pub use schema::{Format, TableKey};

/// A report's text, ready to parse, and what it was read from.
pub struct Input {
    pub text: String,
    pub encoding: &'static str,
    /// `text`, `docx` or `html`.
    pub kind: &'static str,
    /// For .docx and HTML: where each rendered table cell came from.
    pub rendered: Option<document::Rendered>,
}

/// Reads any input — plain text in any common encoding, a .docx, or an HTML page — into text.
/// `legacy` decodes non-Unicode text (GB18030/GBK); see [`decode::decode_with_legacy`].
pub fn read_input_with(bytes: &[u8], legacy: &dyn Fn(&[u8]) -> Option<String>) -> Result<Input, ReadError> {
    if bytes.len() > decode::MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"PK\x03\x04") && docx::is_docx(bytes) {
        let blocks = docx::read(bytes).map_err(|e| match e {
            docx::DocxError::Zip(zip::ZipError::Encrypted) => ReadError::Encrypted,
            docx::DocxError::Zip(zip::ZipError::TooLarge) => ReadError::ZipBomb,
            _ => ReadError::Docx,
        })?;
        return Ok(structured(blocks, "UTF-8", "docx"));
    }
    let decoded = decode::decode_with_legacy(bytes, legacy)?;
    Ok(from_text(decoded.text, decoded.encoding))
}

/// Text as pasted or decoded: HTML (a saved page, the clipboard's `text/html`) is read for its
/// structure; anything else is taken as it is.
pub fn from_text(text: String, encoding: &'static str) -> Input {
    if html::looks_like_html(&text) {
        structured(html::read(&text), encoding, "html")
    } else {
        Input { text, encoding, kind: "text", rendered: None }
    }
}

fn structured(blocks: Vec<document::Block>, encoding: &'static str, kind: &'static str) -> Input {
    let rendered = document::render(&blocks);
    Input { text: rendered.text.clone(), encoding, kind, rendered: Some(rendered) }
}

/// [`read_input_with`] using the crate's own GB18030 decoder (the `gb18030` feature).
pub fn read_input(bytes: &[u8]) -> Result<Input, ReadError> {
    read_input_with(bytes, &decode::gb18030)
}

/// Parses an input (without checking rules).
pub fn parse_input(input: Input) -> Parsed {
    let mut parsed = parse::parse(input.text, input.encoding);
    parsed.input = input.kind;
    if let Some(rendered) = &input.rendered {
        parsed.attach_origins(rendered);
    }
    parsed
}

/// Decodes and parses the bytes of a report file (text, .docx or HTML), without checking rules.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, ReadError> {
    read_input(bytes).map(parse_input)
}

/// Decodes, parses and checks the bytes of a report file.
pub fn check_bytes(bytes: &[u8]) -> Result<Report, ReadError> {
    parse_bytes(bytes).map(check_parsed)
}

/// Parses and checks report text (as pasted; HTML is read for its tables).
pub fn check_text(text: &str) -> Result<Report, ReadError> {
    check_bytes(text.as_bytes())
}

/// Runs every rule of the catalogue on a parsed report.
pub fn check_parsed(parsed: Parsed) -> Report {
    let findings = rules::run(&parsed, None);
    Report { parsed, findings }
}

/// Runs every rule, including the ones that compare with last year's report.
pub fn check_with_previous(parsed: Parsed, previous: &Parsed) -> Report {
    let findings = rules::run(&parsed, Some(previous));
    Report { parsed, findings }
}
