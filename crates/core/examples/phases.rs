//! Instructions per parse and check of one sample, for profiling under callgrind (not a benchmark).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "tests/fixtures/reports/000_675c1ca713925614.txt".into());
    let bytes = std::fs::read(path).unwrap();
    for _ in 0..10 {
        std::hint::black_box(nianbao_core::check_bytes(std::hint::black_box(&bytes)).unwrap());
    }
}
