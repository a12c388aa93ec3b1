//! Word 97–2003 (.doc) reports give exactly the cells and findings of the .docx they were saved
//! from (LibreOffice made the .doc files); encrypted, damaged and non-Word compound files are
//! refused with their message, and no damage makes the reader panic.

mod common;

use common::{cell_values, fixture};
use nianbao_core::{check_bytes, Finding, ReadError, Report};

const FIXTURES: &[&str] =
    &["huaian-city-2024", "huaian-city-2024-blank-cell", "hongze-district-2023", "youchegang-2020", "youchegang-2020-extra-row"];

fn report(path: &str) -> Report {
    check_bytes(&fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A finding without its line: rule, cells, expected, actual, message.
type Unplaced = (&'static str, Vec<nianbao_core::CellKey>, Option<f64>, Option<f64>, String);

fn findings(r: &Report) -> Vec<Unplaced> {
    r.findings.iter().map(|f: &Finding| (f.rule, f.cells.clone(), f.expected, f.actual, f.message.clone())).collect()
}

#[test]
fn each_doc_gives_the_cells_and_findings_of_its_docx() {
    for name in FIXTURES {
        let doc = report(&format!("doc/{name}.doc"));
        let docx = report(&format!("structured/{name}.docx"));
        assert_eq!(doc.parsed.input.as_str(), "doc", "{name}");
        assert!(!doc.parsed.cells.is_empty(), "{name}");
        assert_eq!(cell_values(&doc), cell_values(&docx), "{name}");
        assert_eq!(findings(&doc), findings(&docx), "{name}");
        assert_eq!(
            (doc.parsed.organ.clone(), doc.parsed.year, doc.parsed.format, doc.parsed.sections.len()),
            (docx.parsed.organ.clone(), docx.parsed.year, docx.parsed.format, docx.parsed.sections.len()),
            "{name}"
        );
        let origins = |r: &Report| r.parsed.cells.iter().map(|c| c.origin).collect::<Vec<_>>();
        assert_eq!(origins(&doc), origins(&docx), "{name}: the same table, row and cell");
        assert!(doc.parsed.cells.iter().all(|c| c.origin.is_some()), "{name}");
    }
}

/// A copy of a .doc with `edit` applied to one of its streams (the container rewritten by cfb).
fn with_stream(doc: &[u8], name: &str, edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    use std::io::{Read, Seek, Write};
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(doc.to_vec())).unwrap();
    let mut data = Vec::new();
    file.open_stream(name).unwrap().read_to_end(&mut data).unwrap();
    edit(&mut data);
    let mut stream = file.create_stream(name).unwrap();
    stream.write_all(&data).unwrap();
    drop(stream);
    let mut cursor = file.into_inner();
    cursor.rewind().unwrap();
    cursor.into_inner()
}

/// A compound file holding only the given streams.
fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    for (name, data) in streams {
        file.create_stream(name).unwrap().write_all(data).unwrap();
    }
    file.into_inner().into_inner()
}

#[test]
fn encrypted_damaged_and_other_office_files_get_their_messages() {
    let err = |bytes: &[u8]| check_bytes(bytes).err();
    // Saved by LibreOffice with a password (RC4): fEncrypted.
    assert_eq!(err(&fixture("doc/youchegang-2020.encrypted.doc")), Some(ReadError::DocEncrypted));
    assert!(ReadError::DocEncrypted.to_string().contains("设置了密码保护"));

    let doc = fixture("doc/huaian-city-2024.doc");
    // Cut short: the container's directory and the streams are missing.
    assert_eq!(err(&doc[..4096]), Some(ReadError::DocDamaged));
    assert!(ReadError::DocDamaged.to_string().contains("已损坏或不完整"));
    // The FIB's piece-table pointer (fcClx) sent past the table stream.
    let clx_out_of_range = with_stream(&doc, "/WordDocument", |w| w[418..422].copy_from_slice(&u32::MAX.to_le_bytes()));
    assert_eq!(err(&clx_out_of_range), Some(ReadError::DocDamaged));
    // Word 95 (nFib 104).
    let word95 = with_stream(&doc, "/WordDocument", |w| w[2..4].copy_from_slice(&104u16.to_le_bytes()));
    assert_eq!(err(&word95), Some(ReadError::DocTooOld));
    // The fEncrypted bit set on a file built by hand.
    let encrypted = with_stream(&doc, "/WordDocument", |w| w[0x0B] |= 0x01);
    assert_eq!(err(&encrypted), Some(ReadError::DocEncrypted));

    // A password-protected .docx is a compound file with the encrypted package.
    assert_eq!(err(&compound(&[("/EncryptionInfo", b"\x04\x00\x04\x00"), ("/EncryptedPackage", b"xx")])), Some(ReadError::Encrypted));
    // An Excel workbook (or Microsoft Works .wps, whose text is in CONTENTS): not Word.
    assert_eq!(err(&compound(&[("/Workbook", b"\x09\x08")])), Some(ReadError::NotWord));
    assert_eq!(err(&compound(&[("/CONTENTS", b"CHNKWKS")])), Some(ReadError::NotWord));
    assert!(ReadError::NotWord.to_string().contains("不是 Word 文档"));
}

/// Which stream of the .doc an edit goes to.
const STREAMS: &[&str] = &["/WordDocument", "/1Table", "/Data"];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Bytes of the file overwritten anywhere, then cut anywhere: an answer or a refusal, never a panic.
    #[test]
    fn damaged_files_never_panic(edits in proptest::collection::vec((0usize..1 << 16, proptest::num::u8::ANY), 1..16), cut in 0usize..1 << 16) {
        let mut doc = fixture("doc/youchegang-2020.doc");
        for (at, byte) in edits {
            let at = at % doc.len();
            doc[at] = byte;
        }
        let _ = check_bytes(&doc[..cut.min(doc.len())]);
    }

    /// The streams' own structures damaged (FIB, piece table, property pages) inside a sound container.
    #[test]
    fn damaged_streams_never_panic(
        stream in 0usize..3,
        edits in proptest::collection::vec((0usize..4096, proptest::num::u8::ANY), 1..12),
    ) {
        let doc = with_stream(&fixture("doc/huaian-city-2024.doc"), STREAMS[stream], |data| {
            for (at, byte) in edits {
                // Mostly the first bytes, where the FIB and the table stream's indexes are.
                let at = at % data.len().max(1);
                if let Some(b) = data.get_mut(at) {
                    *b = byte;
                }
            }
        });
        let _ = check_bytes(&doc);
    }
}
