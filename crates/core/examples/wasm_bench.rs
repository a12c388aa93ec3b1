//! Parse + check compiled to a bare wasm module for the browser benchmark (`scripts/bench-wasm.sh`,
//! `tests/browser/bench.mjs`): the page writes a report's bytes into `input` and calls `check`.

use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A buffer of `len` bytes for the report, to be filled by the caller before `check`.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    INPUT.with_borrow_mut(|bytes| {
        bytes.clear();
        bytes.resize(len, 0);
        bytes.as_mut_ptr()
    })
}

/// Parses and checks the report in the buffer `runs` times; returns the number of findings (or
/// `u32::MAX` when the bytes cannot be read).
#[no_mangle]
pub extern "C" fn check(runs: u32) -> u32 {
    INPUT.with_borrow(|bytes| {
        let mut findings = u32::MAX;
        for _ in 0..runs {
            let report = nianbao_core::check_bytes(std::hint::black_box(bytes));
            findings = report.map_or(u32::MAX, |r| r.findings.len() as u32);
        }
        findings
    })
}
