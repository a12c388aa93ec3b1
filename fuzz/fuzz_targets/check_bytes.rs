//! The whole input path: bytes of any format → checked report → JSON document.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if let Ok(report) = nianbao_core::check_bytes(bytes) {
        let _ = report.to_json();
    }
});
