//! Text decoding: BOMs, UTF-16 detection, GB18030, binary refusal and newline normalization, with
//! the crate's decoder and with none (as when the browser's decoder refuses).
#![no_main]

use nianbao_core::input::decode;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = decode::decode_with_legacy(bytes, &decode::gb18030);
    let _ = decode::decode_with_legacy(bytes, &|_| None);
});
