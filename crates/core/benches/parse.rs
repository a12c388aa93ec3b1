//! Parse, and parse + check, of every sample report, synthetic layout, .docx and HTML fixture.
//! Run: `cargo bench -p nianbao-core` (medians are in target/criterion/*/new/estimates.json).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let mut files = Vec::new();
    for dir in ["reports", "synthetic", "structured"] {
        let mut entries: Vec<_> = std::fs::read_dir(format!("{root}/{dir}")).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries.into_iter().filter(|p| p.extension().is_some_and(|e| e != "py")) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.push((name, std::fs::read(&path).unwrap()));
        }
    }
    files
}

fn bench(c: &mut Criterion) {
    let files = fixtures();
    let mut parse = c.benchmark_group("parse");
    for (name, bytes) in &files {
        parse.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| nianbao_core::parse_bytes(black_box(bytes)).unwrap())
        });
    }
    parse.finish();
    let mut check = c.benchmark_group("parse+check");
    for (name, bytes) in &files {
        check.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| nianbao_core::check_bytes(black_box(bytes)).unwrap())
        });
    }
    check.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
