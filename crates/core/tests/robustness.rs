//! No input crashes the reader: arbitrary bytes, and arbitrary edits of real reports.

mod common;

use common::{fixture, SAMPLES};
use proptest::prelude::*;

fn samples() -> Vec<String> {
    SAMPLES.iter().map(|f| String::from_utf8(fixture(&format!("reports/{f}"))).unwrap()).collect()
}

/// An edit of a report: delete, insert or replace a run of characters at a position.
#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Replace { at: usize, len: usize, text: String },
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let at = |i: usize| {
            if chars.is_empty() {
                0
            } else {
                i % (chars.len() + 1)
            }
        };
        match edit {
            Edit::Delete { at: i, len } => {
                let start = at(*i);
                let end = (start + len).min(chars.len());
                chars.drain(start..end);
            }
            Edit::Insert { at: i, text } => {
                let start = at(*i);
                chars.splice(start..start, text.chars());
            }
            Edit::Replace { at: i, len, text } => {
                let start = at(*i);
                let end = (start + len).min(chars.len());
                chars.splice(start..end, text.chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// Pieces that matter to the reader: digits, separators, labels, headings, placeholders.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9 \t\n|/—.,+-]{0,12}",
        Just("三、收到和处理政府信息公开申请情况\n".to_owned()),
        Just("（七）总计".to_owned()),
        Just("\t\n\t".to_owned()),
        Just("- 4 -\n".to_owned()),
        Just("规章000".to_owned()),
        Just("\u{3000}\u{a0}".to_owned()),
        "\\PC{0,8}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..400).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), piece()).prop_map(|(at, text)| Edit::Insert { at, text }),
        (any::<usize>(), 0usize..40, piece()).prop_map(|(at, len, text)| Edit::Replace { at, len, text }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(report) = nianbao_core::check_bytes(&bytes) {
            let _ = report.to_json();
        }
    }

    #[test]
    fn arbitrary_edits_of_samples_never_panic(sample in 0..SAMPLES.len(), edits in proptest::collection::vec(edit(), 1..8)) {
        let text = apply(&samples()[sample], &edits);
        if let Ok(report) = nianbao_core::check_text(&text) {
            let json = report.to_json();
            prop_assert!(json.starts_with("{\"organ\""), "json starts with the organ field");
            for cell in &report.parsed.cells {
                prop_assert!(cell.span.line >= 1 && cell.span.line <= report.parsed.source.line_count());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn corrupted_docx_never_panics(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..12), cut in any::<usize>()) {
        let mut bytes = fixture("structured/youchegang-2020.docx");
        for (at, value) in flips {
            let i = at % bytes.len();
            bytes[i] = value;
        }
        bytes.truncate(bytes.len() - cut % (bytes.len() / 4));
        if let Ok(report) = nianbao_core::check_bytes(&bytes) {
            let _ = report.to_json();
        }
    }

    #[test]
    fn arbitrary_html_never_panics(text in "(<(/?)(table|tr|td|th|p|br|div)( rowspan=\"[0-9]{1,2}\"| colspan=[0-9])?>|[一二三0-9 &;#x<>]){0,80}") {
        let html = format!("<html><body>{text}</body></html>");
        let _ = nianbao_core::check_text(&html).map(|r| r.to_json());
    }
}

#[test]
fn half_a_report_and_huge_input() {
    let text = String::from_utf8(fixture("reports/huaian-city-2024.txt")).unwrap();
    let half: String = text.chars().take(text.chars().count() / 2).collect();
    let r = nianbao_core::check_text(&half).unwrap();
    assert!(r.findings.iter().any(|f| f.rule == "STRUCT-SECTION"));
    assert!(r.findings.iter().any(|f| f.rule == "STRUCT-TABLE" && f.message.starts_with("表四")));

    let big = text.repeat(600); // about 5 MB: parses, does not hang
    assert!(big.len() > 4_000_000);
    let r = nianbao_core::check_text(&big).unwrap();
    assert_eq!(r.parsed.sections.len(), 6);

    let too_big = vec![b'a'; nianbao_core::input::decode::MAX_INPUT_BYTES + 1];
    assert!(matches!(nianbao_core::check_bytes(&too_big), Err(nianbao_core::ReadError::TooLarge { .. })));
}
