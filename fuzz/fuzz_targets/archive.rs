//! A .zip of reports: opening it and unpacking every member (and `extract` of each) never panics,
//! and a member extracted again is the member as unpacked.
#![no_main]

use nianbao_core::batch::archive::{extract, is_archive, Expansion};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    if !is_archive("fuzz.zip", bytes) {
        return;
    }
    if let Ok(members) = Expansion::open("fuzz.zip", bytes.to_vec(), nianbao_core::input::decode::gb18030) {
        for member in members {
            if let Ok(content) = &member.content {
                assert_eq!(extract(bytes, &member.location).as_ref(), Ok(content));
            }
        }
    }
});
