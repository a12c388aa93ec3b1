//! Word 97–2003 (.doc) and WPS: the compound file read through `input::doc::read`, then rendered
//! to the table reader's text.
#![no_main]

use nianbao_core::input::{doc, document};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(blocks) = doc::read(bytes) {
        let _ = document::render(&blocks);
    }
});
