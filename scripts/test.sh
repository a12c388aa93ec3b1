#!/usr/bin/env bash
# Runs every test on a machine that has only the Rust toolchain: installs what is missing
# (scripts/setup.sh), builds the core for wasm32, runs each benchmark once, builds the app with
# trunk and reports its size, lints, runs the Rust tests, then the browser tests in Chromium
# against the built dist/, and last fuzzes each cargo-fuzz target of fuzz/ for 60 s from its seeds
# (scripts/fuzz.sh: installs cargo-fuzz if missing; FUZZ_SECONDS=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_app
setup_browser_tests
setup_xlsx_test

say "core builds for wasm32"
cargo build --locked -p nianbao-core --target wasm32-unknown-unknown --release

say "benchmarks run once each (criterion --test)"
cargo bench --locked -p nianbao-core --bench parse -- --test

say "lints"
cargo clippy --locked --workspace --all-targets -- -D warnings

say "app build (trunk, release)"
trunk build --release --locked
# Over the page's size budget fails the run, after the tests below have run too.
size_ok=1
bash scripts/size-report.sh || size_ok=0

say "Rust tests"
cargo test --locked --workspace

say "browser tests (Chromium)"
(cd tests/browser && node --test --test-concurrency=1)

if [ "${FUZZ_SECONDS:-60}" -gt 0 ]; then
  say "fuzzing, ${FUZZ_SECONDS:-60} s per target (cargo-fuzz)"
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
fi

[ "$size_ok" = 1 ] || { echo "the page is over its size budget (see the size report above)" >&2; exit 1; }
