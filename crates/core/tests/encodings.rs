//! A report saved as GBK (Chinese Windows), UTF-16 or UTF-8 with BOM reads exactly like UTF-8.

mod common;

use common::{cell_values, fixture, SAMPLES};

#[test]
fn gbk_utf16_and_bom_copies_parse_identically() {
    let mut pure_gbk = 0;
    for file in SAMPLES {
        let utf8 = fixture(&format!("reports/{file}"));
        let text = String::from_utf8(utf8.clone()).unwrap();
        let reference = nianbao_core::check_bytes(&utf8).unwrap();

        // GBK where the text fits in it (most reports); GB18030, its superset, where it has
        // characters GBK lacks (U+00A0 in 000).
        let (gbk, _, lossy) = encoding_rs::GBK.encode(&text);
        pure_gbk += usize::from(!lossy);
        let gbk = if lossy { encoding_rs::GB18030.encode(&text).0 } else { gbk };
        let mut utf16le = vec![0xff, 0xfe];
        utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16be = vec![0xfe, 0xff];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(&utf8);
        let crlf = text.replace('\n', "\r\n").into_bytes();

        for (encoding, bytes, name) in [
            ("GB18030", gbk.into_owned(), if lossy { "GB18030" } else { "GBK" }),
            ("UTF-16LE", utf16le, "UTF-16LE"),
            ("UTF-16BE", utf16be, "UTF-16BE"),
            ("UTF-8", bom, "UTF-8 BOM"),
            ("UTF-8", crlf, "CRLF"),
        ] {
            let r = nianbao_core::check_bytes(&bytes).unwrap_or_else(|e| panic!("{file} as {name}: {e}"));
            assert_eq!(r.parsed.encoding, encoding, "{file} as {name}");
            assert_eq!(cell_values(&r), cell_values(&reference), "{file} as {name}");
            assert_eq!(r.findings, reference.findings, "{file} as {name}");
            let lines: Vec<_> = r.parsed.cells.iter().map(|c| (c.span.line, c.span.col)).collect();
            let expected: Vec<_> = reference.parsed.cells.iter().map(|c| (c.span.line, c.span.col)).collect();
            assert_eq!(lines, expected, "{file} as {name}: positions");
        }
    }
    assert_eq!(pure_gbk, 6, "six samples fit in GBK itself");
}
