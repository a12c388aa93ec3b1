//! PDF: the text layer read through `input::pdf::read` (objects, streams, fonts, glyph layout,
//! table grids), then rendered to the table reader's text.
#![no_main]

use nianbao_core::input::{document, pdf};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(blocks) = pdf::read(bytes) {
        let _ = document::render(&blocks);
    }
});
