//! Shared by the integration tests: fixture loading and a compact, reviewable dump of a report.
#![allow(dead_code)]

use nianbao_core::schema::{self, TableKey};
use nianbao_core::Report;
use std::fmt::Write;

pub const SAMPLES: &[&str] = &[
    "000_675c1ca713925614.txt",
    "001_1feac183b5673ebd.txt",
    "002_f4b8342ecd306093.txt",
    "003_4130bab209259fbf.txt",
    "004_1a03130d040d2924.txt",
    "hongze-district-2023.txt",
    "hongze-district-2024.txt",
    "huaian-city-2024.txt",
];

pub const LAYOUTS: &[&str] = &["tab-rows-2021.txt", "pipe-rows-2021.txt", "cell-lines-2021.txt", "pdf-text-2021.txt", "markdown-2021.txt"];

pub fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/../../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

pub fn sample(name: &str) -> Report {
    nianbao_core::check_bytes(&fixture(&format!("reports/{name}"))).expect("sample is readable")
}

pub fn synthetic(name: &str) -> Report {
    nianbao_core::check_bytes(&fixture(&format!("synthetic/{name}"))).expect("synthetic is readable")
}

pub fn check(text: &str) -> Report {
    nianbao_core::check_text(text).expect("text is readable")
}

/// `(key, raw)` of every cell, for comparing two reads of the same report.
pub fn cell_values(report: &Report) -> Vec<(String, Option<f64>, String)> {
    report.parsed.cells.iter().map(|c| (c.key.to_string(), c.number(), c.raw.to_string())).collect()
}

/// A cell key from its SPEC name (a typo fails the test).
pub fn key(name: &str) -> nianbao_core::CellKey {
    nianbao_core::CellKey::parse(name).unwrap_or_else(|| panic!("no cell key {name:?}"))
}

/// The rule ids of the findings.
pub fn rules(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.rule).collect()
}

/// One line per table row: its cells as written (`∅` for blank) and the line they came from;
/// then the findings.
pub fn dump(report: &Report) -> String {
    let p = &report.parsed;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "organ: {} · year: {} · format: {} · published: {}",
        p.organ.as_deref().unwrap_or("-"),
        p.year.map_or("-".into(), |y| y.to_string()),
        p.format.as_str(),
        p.published.as_ref().map_or("-".into(), |d| format!("{} @{} ({})", d.date, d.line.unwrap_or(0), d.source))
    );
    let sections: Vec<String> = p.sections.iter().map(|s| format!("{}@{}", s.no, s.line)).collect();
    let _ = writeln!(out, "sections: {}", sections.join(" "));
    for table in TableKey::ALL {
        for row in schema::rows(table).into_iter().map(|r| r.key) {
            let cells: Vec<_> = p.cells.iter().filter(|c| c.key.table == table && c.key.row == row).collect();
            let Some(first) = cells.first() else { continue };
            let shown: Vec<String> = cells
                .iter()
                .map(|c| {
                    let raw = if c.raw.is_empty() { "∅" } else { c.raw.as_str() };
                    if table == TableKey::Active {
                        format!("{}={}", c.key.column, raw)
                    } else {
                        raw.to_owned()
                    }
                })
                .collect();
            let _ = writeln!(
                out,
                "{:<42} {:<40} @{}:{}",
                format!("{}.{}", table.as_str(), row),
                shown.join(" "),
                first.span.line,
                first.span.col
            );
        }
        for extra in &p.table(table).extra_rows {
            let _ = writeln!(out, "{}.<extra> {} {} @{}", table.as_str(), extra.label, extra.cells.join(" "), extra.line);
        }
    }
    let _ = writeln!(out, "findings:");
    for f in &report.findings {
        let cells: Vec<String> = f.cells.iter().map(|c| c.to_string()).collect();
        let _ = writeln!(out, "  {} {} @{} {:?} {}", f.severity.as_str(), f.rule, f.line.unwrap_or(0), cells, f.message);
    }
    out
}

/// A message shows no machine name: no cell key (`applications.new.total`), no key part
/// (`carried_in`), no rule id (`T3-BALANCE`), only the form's own words.
pub fn machine_names_in(message: &str) -> Vec<String> {
    let mut found = Vec::new();
    let words = message.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-'));
    for word in words.filter(|w| !w.is_empty()) {
        let key_like = word.contains('_') || ["active", "applications", "reviews"].iter().any(|t| word.contains(t));
        let rule_like = word.contains('-') && word.chars().any(|c| c.is_ascii_uppercase()) && !word.chars().any(|c| c.is_ascii_lowercase());
        let parses = nianbao_core::CellKey::parse(word).is_some()
            || nianbao_core::RowKey::parse(word).is_some_and(|_| word.len() > 3)
            || nianbao_core::ColumnKey::parse(word).is_some_and(|_| word.len() > 3);
        if key_like || rule_like || parses {
            found.push(word.to_owned());
        }
    }
    found
}

/// Fails on any finding whose message shows a machine name.
pub fn assert_clerk_language(what: &str, report: &Report) {
    for f in &report.findings {
        let names = machine_names_in(&f.message);
        assert!(names.is_empty(), "{what}: {} message shows {names:?}: {}", f.rule, f.message);
    }
}

/// A .docx with the given `word/document.xml`: a stored zip built by hand, entries with `flags`.
pub fn docx_with(document_xml: &[u8], flags: u16) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in [("[Content_Types].xml", &b"<Types/>"[..]), ("word/document.xml", document_xml)] {
        let offset = out.len() as u32;
        let fields = |central: bool| {
            let mut h = Vec::new();
            h.extend(if central { 0x0201_4b50u32 } else { 0x0403_4b50 }.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(flags.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend([0u8; 8]);
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 10]);
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(fields(false));
        out.extend(data);
        central.extend(fields(true));
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(2u16.to_le_bytes());
    out.extend(2u16.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A PDF of the given objects (numbered from 1; object 1 is the catalog) with a correct
/// cross-reference table.
pub fn pdf_of(objects: &[impl AsRef<str>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{}\nendobj\n", i + 1, body.as_ref()).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}
