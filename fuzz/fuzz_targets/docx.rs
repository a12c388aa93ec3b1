//! .docx: a zip container (starts with `PK`) read through `input::docx::read`, or anything else
//! taken as WordprocessingML for `input::docx::blocks`; then rendered to the table reader's text.
#![no_main]

use nianbao_core::input::{docx, document};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let blocks = if bytes.starts_with(b"PK") {
        let _ = docx::is_docx(bytes);
        match docx::read(bytes) {
            Ok(blocks) => blocks,
            Err(_) => return,
        }
    } else {
        docx::blocks(&String::from_utf8_lossy(bytes))
    };
    let _ = document::render(&blocks);
});
