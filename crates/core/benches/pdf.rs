//! The PDF reader per page: each PDF fixture read to text (`read_input`), with the page count as
//! throughput, so criterion reports the time per page. Run: `cargo bench -p nianbao-core --bench pdf`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/pdf");
    let mut files = Vec::new();
    for dir in [root.to_owned(), format!("{root}/libreoffice")] {
        let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries.into_iter().filter(|p| p.extension().is_some_and(|e| e == "pdf")) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let name = if dir == root { name } else { format!("libreoffice/{name}") };
            files.push((name, std::fs::read(&path).unwrap()));
        }
    }
    files
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf per page");
    for (name, bytes) in &fixtures() {
        let pages = nianbao_core::input::pdf::pages(bytes).unwrap().len() as u64;
        group.throughput(Throughput::Elements(pages));
        group.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| nianbao_core::read_input(black_box(bytes)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
