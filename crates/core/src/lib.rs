//! nianbao-core: reads a 政府信息公开工作年度报告 (text in any common encoding, .docx, .doc, HTML, PDF) into its
//! sections and its three statistical tables, with the source position of every number, and checks
//! it against the rule catalogue. Pure Rust: no I/O, no threads; builds for wasm32-unknown-unknown.
//!
//! Data flows one way: bytes → text ([`input`]) → sections and tables ([`read`]) → findings
//! ([`check`]) → the JSON document ([`Report`]). This file is the API; the layers are modules.

pub mod batch;
pub mod check;
pub mod decimal;
pub mod input;
pub mod read;
pub mod schema;
pub mod text;
pub mod words;

#[cfg(test)]
mod testing;

pub use check::finding::{Finding, Severity};
pub use check::report::Report;
pub use check::rules::{catalogue_markdown, Rule, ALL as RULES};
pub use input::{from_text, Input, InputKind, ReadError};
pub use read::Parsed;
pub use schema::{CellKey, ColumnKey, Format, RowKey, TableKey};

/// [`input::read`] with a caller's decoder for non-Unicode text (the browser's `TextDecoder`).
pub fn read_input_with(bytes: &[u8], legacy: &dyn Fn(&[u8]) -> Option<String>) -> Result<Input, ReadError> {
    input::read(bytes, legacy)
}

/// [`input::read`] using the crate's own GB18030 decoder (the `gb18030` feature).
pub fn read_input(bytes: &[u8]) -> Result<Input, ReadError> {
    input::read(bytes, &input::decode::gb18030)
}

/// Parses an input (without checking rules).
pub fn parse_input(input: Input) -> Parsed {
    let mut parsed = read::parse(input.text, input.encoding);
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
    let findings = check::run(&parsed, None);
    Report { parsed, findings }
}

/// Runs every rule, including the ones that compare with last year's report.
pub fn check_with_previous(parsed: Parsed, previous: &Parsed) -> Report {
    let findings = check::run(&parsed, Some(previous));
    Report { parsed, findings }
}
