#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ (every one that `cargo fuzz list` shows, or the ones named),
# each for SECONDS (default 60), starting from its committed seeds (fuzz/seeds/<target>/) plus the
# corpus grown by earlier runs (fuzz/corpus/<target>/, not committed). Installs cargo-fuzz if it is
# missing. Inputs are up to 20 kB (a report is 5–10 kB of text), or the largest seed (a .doc is
# ~45 kB). A crash, a run over 10 s (hang) or over 2 GB of memory fails the run, and libFuzzer writes
# the input to fuzz/artifacts/<target>/. Built without a sanitizer: the core has no unsafe code, and
# the debug assertions (overflow checks) stay on. Stable Rust works with RUSTC_BOOTSTRAP=1.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}
shift || true
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list)
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${seconds}s"
  mkdir -p "corpus/$target"
  max_len=$(find "seeds/$target" -type f -printf '%s\n' | sort -n | tail -1)
  max_len=$(( max_len > 20000 ? max_len : 20000 ))
  cargo fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
