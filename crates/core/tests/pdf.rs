//! PDF reports read from their text layer give exactly the cells and findings of the same report's
//! text; LibreOffice PDFs of the .docx fixtures give the .docx's cells; scans, encrypted and
//! damaged PDFs are refused with their message.

mod common;

use common::{cell_values, fixture, key, pdf_of, sample};
use nianbao_core::{check_bytes, Finding, ReadError, Report};

fn pdf(name: &str) -> Report {
    check_bytes(&fixture(&format!("pdf/{name}"))).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A finding without its line: rule and cells.
fn findings(r: &Report) -> Vec<(&'static str, Vec<nianbao_core::schema::CellKey>)> {
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

/// One A4 page showing `content`, with a Helvetica font and a 1×1 image as resources.
fn one_page(content: &str) -> Vec<u8> {
    pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        &format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream",
    ])
}

#[test]
fn a_hand_made_pdf_reads() {
    let r = nianbao_core::read_input(&one_page("BT /F1 12 Tf 72 700 Td (Annual report 2024) Tj ET")).unwrap();
    assert_eq!(r.text, "Annual report 2024\n");
    assert_eq!(r.kind.as_str(), "pdf");
}

#[test]
fn bad_pdfs_are_refused_with_their_message() {
    let err = |bytes: &[u8]| check_bytes(bytes).unwrap_err();
    // A scan: the page is one image, no text.
    let scan = one_page("q 595 0 0 842 0 0 cm /Im1 Do Q");
    assert_eq!(err(&scan), ReadError::PdfScanned);
    assert!(ReadError::PdfScanned.to_string().starts_with("这份 PDF 没有文字层（扫描件）"));
    // Encrypted with qpdf (AES-256), once with an open password and once with permissions only.
    for name in ["encrypted-password.pdf", "encrypted-permissions.pdf"] {
        assert_eq!(err(&fixture(&format!("pdf/bad/{name}"))), ReadError::PdfEncrypted, "{name}");
    }
    // Cut short: the pages' objects are gone.
    let whole = fixture("pdf/huaian-city-2024.pdf");
    for len in [9, whole.len() / 10, whole.len() / 2, whole.len() * 9 / 10] {
        assert_eq!(err(&whole[..len]), ReadError::PdfDamaged, "cut at {len}");
    }
    // Garbage after a PDF header.
    assert_eq!(err(b"%PDF-1.7\n\x00\x01 garbage"), ReadError::PdfDamaged);
    // Over the size cap: refused before parsing.
    let mut big = whole.clone();
    big.resize(nianbao_core::input::decode::MAX_INPUT_BYTES + 1, b' ');
    assert!(matches!(err(&big), ReadError::TooLarge { .. }));
}

#[test]
fn cells_know_their_page() {
    let r = pdf("hongze-district-2023.pdf");
    let new = r.parsed.cell(key("applications.new.total")).unwrap().origin.unwrap();
    assert_eq!((new.page, new.describe()), (Some(3), "第 3 页 表格 2 第 4 行第 8 格".to_owned()));
    // 表三 runs on from page 3 to page 4: its rows keep their page.
    let carried_out = r.parsed.cell(key("applications.carried_out.total")).unwrap().origin.unwrap();
    assert_eq!((carried_out.page, carried_out.table), (Some(4), new.table));
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(json["input"], "pdf");
    assert_eq!(json["cells"]["applications.new.total"]["origin"]["page"], 3);
}

#[test]
fn damaged_bytes_never_panic() {
    // The reader contains panics (as the damaged-file error); a hook counts them so none hides.
    static PANICS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    std::panic::set_hook(Box::new(|_| {
        PANICS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }));
    let original = fixture("pdf/hongze-district-2024.pdf");
    let mut seed = 0x2545_f491_u64;
    for _ in 0..150 {
        let mut bytes = original.clone();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = (seed as usize) % bytes.len();
            bytes[at] = (seed >> 32) as u8;
        }
        let _ = check_bytes(&bytes);
    }
    let _ = std::panic::take_hook();
    assert_eq!(PANICS.load(std::sync::atomic::Ordering::SeqCst), 0);
}
