//! Every message of every fixture speaks the clerk's language: rows and columns as the form prints
//! them, never a machine key or a rule id (the page shows the rule id beside the message).

mod common;

use common::{assert_clerk_language, fixture, machine_names_in};

/// Every report file under tests/fixtures, with its path.
fn fixtures() -> Vec<String> {
    let root = format!("{}/../../tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(&root)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if ["txt", "docx", "html", "htm", "pdf", "doc"].iter().any(|e| path.extension().is_some_and(|x| x == *e)) {
                out.push(path.strip_prefix(&root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_detector_finds_machine_names() {
    assert_eq!(machine_names_in("其中 applications.granted.total、x 为空白"), ["applications.granted.total"]);
    assert_eq!(machine_names_in("carried_in 不平衡"), ["carried_in"]);
    assert_eq!(machine_names_in("核对（T3-PROCESSED）"), ["T3-PROCESSED"]);
    assert!(machine_names_in("表三“（一）予以公开”行“总计”列为 3，2024年，PDF、Word（.docx）").is_empty());
}

#[test]
fn no_message_of_any_fixture_shows_a_machine_name() {
    let files = fixtures();
    assert!(files.len() >= 20, "{files:?}");
    for file in files {
        if let Ok(report) = nianbao_core::check_bytes(&fixture(&file)) {
            assert_clerk_language(&file, &report);
        }
    }
}

#[test]
fn no_message_of_a_damaged_report_shows_a_machine_name() {
    // Dropped, blank, placeholder and wrong cells, in every layout: every kind of table finding.
    let text = String::from_utf8(fixture("synthetic/tab-rows-2021.txt")).unwrap();
    let damaged = text
        .replacen("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开\t8\t1\t0\t1\t0\t10", 1)
        .replacen("2.重复申请\t1\t0\t0\t0\t0\t1\t2", "2.重复申请\t1\t/\t0\t0\t0\t1\t", 1)
        .replacen("规章\t1\t0\t5", "规章\t1\t\t0.5", 1)
        .replacen("行政处罚\t45", "行政处罚\t待定", 1);
    let report = nianbao_core::check_text(&damaged).unwrap();
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule).collect();
    for rule in ["STRUCT-UNREAD", "CELL-BLANK", "CELL-PLACEHOLDER", "CELL-NUMBER", "T3-ROW-TOTAL"] {
        assert!(rules.contains(&rule), "{rule} in {rules:?}");
    }
    assert_clerk_language("damaged", &report);
}
