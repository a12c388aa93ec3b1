//! Heap allocations per parse + check of each fixture, counted by a wrapping global allocator.
//! Run: `cargo run --profile bench -p nianbao-core --example allocs` (prints one line per file).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting allocations (including reallocations) and bytes requested.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    println!("{:<40} {:>12} {:>12}", "file", "allocations", "bytes");
    for dir in ["reports", "structured"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}")).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e != "py")) {
            let bytes = std::fs::read(&path).unwrap();
            // Once to warm up anything lazily initialised, then counted.
            drop(nianbao_core::check_bytes(&bytes));
            let (a, b) = (ALLOCATIONS.load(Relaxed), BYTES.load(Relaxed));
            let report = nianbao_core::check_bytes(std::hint::black_box(&bytes));
            let (allocations, bytes) = (ALLOCATIONS.load(Relaxed) - a, BYTES.load(Relaxed) - b);
            drop(report);
            println!("{:<40} {allocations:>12} {bytes:>12}", path.file_name().unwrap().to_string_lossy());
        }
    }
}
