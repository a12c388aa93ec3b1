//! PDF reports read from their text layer give exactly the cells and findings of the same report's
//! text; LibreOffice PDFs of the .docx fixtures give the .docx's cells; scans, encrypted and
//! damaged PDFs are refused with their message.

mod common;

use common::{cell_values, fixture, sample};
use nianbao_core::{check_bytes, Finding, ReadError, Report};

fn pdf(name: &str) -> Report {
    check_bytes(&fixture(&format!("pdf/{name}"))).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A finding without its line: rule and cells.
fn findings(r: &Report) -> Vec<(&'static str, Vec<String>)> {
    r.findings.iter().map(|f: &Finding| (f.rule, f.cells.clone())).collect()
}

#[test]
fn the_shared_pdfs_give_the_cells_and_findings_of_their_texts() {
    for name in ["hongze-district-2023", "hongze-district-2024", "huaian-city-2024"] {
        let from_text = sample(&format!("{name}.txt"));
        let r = pdf(&format!("{name}.pdf"));
        assert_eq!(r.parsed.input.as_str(), "pdf", "{name}");
        let (got, want) = (cell_values(&r), cell_values(&from_text));
        let missing: Vec<_> = want.iter().filter(|c| !got.contains(c)).collect();
        let extra: Vec<_> = got.iter().filter(|c| !want.contains(c)).collect();
        assert_eq!((&missing, &extra), (&vec![], &vec![]), "{name}: cells missing from the PDF, cells only in the PDF");
        assert_eq!(got, want, "{name}");
        assert_eq!(findings(&r), findings(&from_text), "{name}");
        assert!(r.parsed.cells.iter().all(|c| c.origin.is_some_and(|o| o.page.is_some())), "{name}: every cell knows its page");
    }
}

#[test]
fn libreoffice_pdfs_give_the_cells_of_their_docx() {
    for name in ["hongze-district-2023", "huaian-city-2024", "huaian-city-2024-blank-cell", "youchegang-2020", "youchegang-2020-extra-row"]
    {
        let docx = check_bytes(&fixture(&format!("structured/{name}.docx"))).unwrap();
        let r = pdf(&format!("libreoffice/{name}.pdf"));
        let (got, want) = (cell_values(&r), cell_values(&docx));
        let missing: Vec<_> = want.iter().filter(|c| !got.contains(c)).collect();
        let extra: Vec<_> = got.iter().filter(|c| !want.contains(c)).collect();
        assert_eq!((&missing, &extra), (&vec![], &vec![]), "{name}: cells missing from the PDF, cells only in the PDF");
        assert_eq!(got, want, "{name}");
        assert_eq!(findings(&r), findings(&docx), "{name}");
    }
}
