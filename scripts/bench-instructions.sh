#!/usr/bin/env bash
# Instructions per parse + check of each fixture, counted by callgrind (repeatable on a busy machine,
# unlike wall time). Builds `examples/phases.rs` in the bench profile (opt-level 3, as criterion) and
# runs it under `valgrind --tool=callgrind` once with 1 run and once with 1 + N runs (default 10);
# the difference divided by N is one parse + check, without start-up and reading the file.
# Prints one line per file: name, instructions. Usage: bash scripts/bench-instructions.sh [N] [FILES...]
# With OPT_LEVEL=z the program is built as the page's wasm is (opt-level "z", fat LTO, one codegen
# unit; in its own target folder): natively, but with the page's inlining, whose missed calls
# (iterator steps, `RangeInclusive::contains`, closures) show there as they do in the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
shift || true
TARGET=${CARGO_TARGET_DIR:-target}
if [ -n "${OPT_LEVEL:-}" ]; then
  export CARGO_PROFILE_BENCH_OPT_LEVEL=$OPT_LEVEL CARGO_PROFILE_BENCH_LTO=true CARGO_PROFILE_BENCH_CODEGEN_UNITS=1
  TARGET="$TARGET/opt-level-$OPT_LEVEL"
  export CARGO_TARGET_DIR=$TARGET
fi
cargo build --profile bench -q -p nianbao-core --example phases
PHASES="$TARGET/release/examples/phases"
[ -x "$TARGET/bench/examples/phases" ] && PHASES="$TARGET/bench/examples/phases"
if [ $# -eq 0 ]; then
  set -- tests/fixtures/reports/*.txt tests/fixtures/structured/*.docx tests/fixtures/structured/*.html
fi
instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PHASES" "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
for file in "$@"; do
  one=$(instructions "$file" 1)
  many=$(instructions "$file" $((N + 1)))
  printf '%-40s %12d\n' "$(basename "$file")" $(((many - one) / N))
done
