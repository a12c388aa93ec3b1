//! Reports that lost every separator (crawled from a portal page: one line, cells run together)
//! read to the same cells as the original, or honestly fewer — never a different value — and raise
//! no error the original does not have.

mod common;

use common::{fixture, sample, SAMPLES};
use nianbao_core::Severity;

/// The text with every white-space character removed.
fn glued(file: &str) -> String {
    let text = String::from_utf8(fixture(&format!("reports/{file}"))).unwrap();
    text.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect()
}

#[test]
fn every_sample_without_separators_reads_the_same_cells_or_fewer() {
    let mut read = 0;
    let mut total = 0;
    for file in SAMPLES {
        let original = sample(file);
        let r = nianbao_core::check_text(&glued(file)).unwrap();
        for cell in &r.parsed.cells {
            let same = original.parsed.cell(cell.key).map(|c| c.number());
            assert_eq!(same, Some(cell.number()), "{file}: {} read as {:?} ({:?})", cell.key, cell.number(), cell.raw);
        }
        let errors = |r: &nianbao_core::Report| {
            r.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| (f.rule, f.cells.clone())).collect::<Vec<_>>()
        };
        let before = errors(&original);
        for error in errors(&r) {
            assert!(before.contains(&error), "{file}: a new error {error:?}");
        }
        // Nor a warning of a rule the original does not raise: what could not be read is unread.
        let rules: Vec<&str> = original.findings.iter().map(|f| f.rule).collect();
        for f in r.findings.iter().filter(|f| f.severity != Severity::Unread) {
            assert!(rules.contains(&f.rule), "{file}: a new finding {} {}", f.rule, f.message);
        }
        eprintln!("{file}: {} of {} cells", r.parsed.cells.len(), original.parsed.cells.len());
        read += r.parsed.cells.len();
        total += original.parsed.cells.len();
    }
    eprintln!("all samples: {read} of {total} cells read without separators");
    assert!(read * 100 >= total * 90, "{read} of {total}: the cut of glued rows got worse");
}
