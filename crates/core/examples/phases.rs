//! Parse and check of one file RUNS times (default 10), for counting instructions under callgrind
//! (`scripts/bench-instructions.sh`) and profiling; not a benchmark by itself.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "tests/fixtures/reports/000_675c1ca713925614.txt".into());
    let runs: usize = args.next().map_or(10, |n| n.parse().expect("RUNS is a number"));
    let bytes = std::fs::read(path).unwrap();
    for _ in 0..runs {
        std::hint::black_box(nianbao_core::check_bytes(std::hint::black_box(&bytes)).unwrap());
    }
}
