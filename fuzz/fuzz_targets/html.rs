//! HTML: `input::html::read` on the text, and the pasted-text path (`from_text`, which reads HTML
//! for its tables) through to a checked report.
#![no_main]

use nianbao_core::input::{document, html};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let _ = document::render(&html::read(&text));
    let input = nianbao_core::from_text(text, "UTF-8");
    let _ = nianbao_core::check_parsed(nianbao_core::parse_input(input)).to_json();
});
