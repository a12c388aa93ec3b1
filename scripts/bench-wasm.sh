#!/usr/bin/env bash
# Browser benchmark: parse + check of each fixture through the core built for wasm32 as the app is
# (release profile, opt-level "z", then wasm-opt -Oz), run in Debian's Chromium by
# tests/browser/bench.mjs (playwright-core; `npm ci` in tests/browser first). Prints one JSON line
# per file with the median of 200 samples. Usage: bash scripts/bench-wasm.sh [FILES...]
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release --locked -q -p nianbao-core --target wasm32-unknown-unknown --example wasm_bench
WASM="$TARGET/wasm32-unknown-unknown/release/examples/wasm_bench.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types "$WASM" -o "$WASM.opt"
if [ $# -eq 0 ]; then
  set -- tests/fixtures/reports/*.txt tests/fixtures/structured/*.docx tests/fixtures/structured/*.html
fi
files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
(cd tests/browser && node bench.mjs "$(realpath "$WASM.opt")" "${files[@]}")
