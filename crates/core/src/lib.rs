//! nianbao-core: reads a 政府信息公开工作年度报告 (text in any common encoding) into its sections and
//! its three statistical tables, with the source position of every number, and checks it against
//! the rule catalogue. Pure Rust: no I/O, no threads; builds for wasm32-unknown-unknown.
//!
//! Data flows one way: bytes → text ([`decode`]) → sections ([`sections`]) → tables ([`tables`])
//! → findings ([`rules`]) → the JSON document ([`report`]).

pub mod cell;
pub mod decode;
pub mod finding;
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

#[cfg(test)]
mod testing;

pub use decode::ReadError;
pub use finding::{Finding, Severity};
pub use report::{Parsed, Report};
pub use schema::{Format, TableKey};

/// Decodes and parses the bytes of a report file, without checking rules.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, ReadError> {
    let decoded = decode::decode(bytes)?;
    Ok(parse::parse(decoded.text, decoded.encoding))
}

/// Decodes, parses and checks the bytes of a report file.
pub fn check_bytes(bytes: &[u8]) -> Result<Report, ReadError> {
    parse_bytes(bytes).map(check_parsed)
}

/// Parses and checks report text (as pasted).
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
