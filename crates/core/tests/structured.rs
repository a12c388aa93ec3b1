//! Word (.docx) and HTML reports read with their real table structure give exactly the cells of
//! the same report's text; bad files (not a zip, a zip bomb, encrypted, broken .doc, PDF, images) are
//! refused with their message.

mod common;

use common::{cell_values, docx_with, fixture, key, sample};
use nianbao_core::input::document::Origin;
use nianbao_core::{check_bytes, Finding, ReadError};

fn structured(name: &str) -> nianbao_core::Report {
    check_bytes(&fixture(&format!("structured/{name}"))).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A finding without its line: rule, cells, expected, actual.
type Unplaced = (&'static str, Vec<nianbao_core::CellKey>, Option<f64>, Option<f64>);

/// Findings without their lines (the rendered text has other line numbers than the original).
fn findings(r: &nianbao_core::Report) -> Vec<Unplaced> {
    r.findings.iter().map(|f: &Finding| (f.rule, f.cells.clone(), f.expected, f.actual)).collect()
}

#[test]
fn docx_and_html_give_the_cells_of_the_text() {
    for (structured_file, text_file, input) in [
        ("huaian-city-2024.docx", "huaian-city-2024.txt", "docx"),
        ("youchegang-2020.docx", "001_1feac183b5673ebd.txt", "docx"),
        ("hongze-district-2023.docx", "hongze-district-2023.txt", "docx"),
        ("youchegang-2020.gbk.html", "001_1feac183b5673ebd.txt", "html"),
        ("huaian-city-2024.word-clipboard.html", "huaian-city-2024.txt", "html"),
    ] {
        let from_text = sample(text_file);
        let r = structured(structured_file);
        assert_eq!(r.parsed.input.as_str(), input, "{structured_file}");
        assert_eq!(cell_values(&r), cell_values(&from_text), "{structured_file}");
        assert_eq!(findings(&r), findings(&from_text), "{structured_file}");
        assert_eq!(
            (r.parsed.organ.clone(), r.parsed.year, r.parsed.format),
            (from_text.parsed.organ.clone(), from_text.parsed.year, from_text.parsed.format),
            "{structured_file}"
        );
        assert_eq!(r.parsed.sections.len(), 6, "{structured_file}");
        assert!(r.parsed.cells.iter().all(|c| c.origin.is_some()), "{structured_file}: every cell knows its table cell");
    }
}

#[test]
fn cells_know_their_table_row_and_cell() {
    let r = structured("huaian-city-2024.docx");
    // 表三 is the second table; its header takes rows 1–3, 一、本年新收 is row 4: a label then 7 values.
    assert_eq!(r.parsed.cell(key("applications.new.total")).unwrap().origin, Some(Origin { table: 2, row: 4, cell: 8, page: None }));
    assert_eq!(r.parsed.cell(key("reviews.review.upheld")).unwrap().origin, Some(Origin { table: 3, row: 4, cell: 1, page: None }));
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(json["input"], "docx");
    assert_eq!(json["cells"]["applications.new.total"]["origin"], serde_json::json!({"table": 2, "row": 4, "cell": 8}));
}

#[test]
fn a_blank_cell_and_an_extra_row_in_word() {
    let r = structured("huaian-city-2024-blank-cell.docx");
    let blank = r.parsed.cell(key("applications.denied_secret.commercial")).unwrap();
    assert_eq!((blank.raw.as_str(), blank.number()), ("", None));
    assert_eq!(r.parsed.value(key("applications.denied_secret.total")), Some(2.0), "no shift after the blank");
    assert_eq!(r.findings.iter().map(|f| f.rule).collect::<Vec<_>>(), ["CELL-BLANK"]);

    let r = structured("youchegang-2020-extra-row.docx");
    let extra = &r.parsed.table(nianbao_core::TableKey::Active).extra_rows;
    assert_eq!(
        (extra[0].label.as_str(), extra[0].cells.clone()),
        ("其他主动公开文件", vec!["12".to_owned(), "+2".to_owned(), "30".to_owned()])
    );
    assert_eq!(cell_values(&r), cell_values(&sample("001_1feac183b5673ebd.txt")));
}

#[test]
fn the_portal_around_a_saved_page_is_left_out() {
    let r = structured("youchegang-2020.gbk.html");
    assert_eq!(r.parsed.encoding, "GB18030");
    let text = r.parsed.source.text();
    for chrome in ["欢迎访问", "首页", "当前位置", "主办单位", "分享到", "_hmt"] {
        assert!(!text.contains(chrome), "{chrome} is page chrome, not report");
    }
    assert_eq!(r.parsed.published, None, "the portal's date in the top bar is not the report's");
}

#[test]
fn bad_files_are_refused_with_their_message() {
    let err = |bytes: &[u8]| check_bytes(bytes).unwrap_err();
    // Encrypted entries.
    let encrypted = docx_with(b"<w:document/>", 1);
    assert_eq!(err(&encrypted), ReadError::Encrypted);
    // A zip bomb: 64 MB of zeros, deflated, declared as deflate.
    let mut bomb = docx_with(&miniz_oxide::deflate::compress_to_vec(&vec![0u8; 64 << 20], 6), 0);
    let cd = bomb.windows(4).rposition(|w| w == 0x0201_4b50u32.to_le_bytes()).unwrap();
    bomb[cd + 10] = 8;
    assert_eq!(err(&bomb), ReadError::ZipBomb);
    assert!(ReadError::ZipBomb.to_string().contains("解压后超过 32 MB"));
    // A .docx cut short: not readable.
    let docx = fixture("structured/huaian-city-2024.docx");
    assert!(matches!(err(&docx[..docx.len() / 2]), ReadError::Zip | ReadError::Docx | ReadError::Binary));
    // A broken .doc/.wps (read by tests/doc.rs; refused when the `doc` feature is off), PDF, images, another zip.
    let old_word = if cfg!(feature = "doc") { ReadError::DocDamaged } else { ReadError::OldWord };
    assert_eq!(err(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old word"), old_word);
    assert!(ReadError::OldWord.to_string().contains("请另存为 .docx"));
    assert_eq!(err(b"%PDF-1.4 ..."), ReadError::PdfDamaged, "a PDF with nothing after its header");
    assert_eq!(err(b"\x89PNG\r\n\x1a\n...."), ReadError::Image);
    assert_eq!(
        err(&{
            let mut z = docx_with(b"x", 0);
            // Rename the entry in the central directory: a zip that is not a Word document.
            let at = z.windows(17).rposition(|w| w == b"word/document.xml").unwrap();
            z[at..at + 4].copy_from_slice(b"xxxx");
            z
        }),
        ReadError::Zip
    );
}
