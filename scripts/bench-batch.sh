#!/usr/bin/env bash
# Benchmark: COUNT reports (default 1000) through the CLI in one batch. Builds the CLI (profile `cli`),
# fills a folder with copies of the fixture reports (text, .docx, HTML; cycled), runs
# `nianbao check --pair --format ndjson FOLDER` RUNS times (default 3) and prints one JSON object
# with the fastest and median wall times and the median CPU time. Usage: [PROFILE=release] bash scripts/bench-batch.sh [COUNT] [RUNS] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000}
RUNS=${2:-3}
JOBS=${3:-}
TARGET=${CARGO_TARGET_DIR:-target}

PROFILE=${PROFILE:-cli}
cargo build --profile "$PROFILE" --locked -q -p nianbao-cli
NIANBAO="$TARGET/$PROFILE/nianbao"

DIR="$TARGET/bench-batch/$COUNT"
rm -rf "$DIR" && mkdir -p "$DIR"
mapfile -t SOURCES < <(ls tests/fixtures/reports/*.txt tests/fixtures/structured/*.docx tests/fixtures/structured/*.html | sort)
for ((i = 0; i < COUNT; i++)); do
  src=${SOURCES[i % ${#SOURCES[@]}]}
  cp "$src" "$DIR/$(printf '%04d' "$i")-$(basename "$src")"
done
BYTES=$(du -sb "$DIR" | cut -f1)
# The copies written back to the disk now, not by the kernel's flusher during the timed runs (it
# took one of the two cores for tens of milliseconds after the copying).
sync

jobs_arg=()
[ -n "$JOBS" ] && jobs_arg=(--jobs "$JOBS")
TIMES=()
CPU=()
TIMEFORMAT='%R %U %S'
for ((run = 0; run < RUNS; run++)); do
  # The last run's output is removed first: truncating its 20 MB in the timed command's redirection
  # took the shell 6–11 ms, which is not the CLI's work.
  rm -f "$DIR.ndjson"
  timing=$( { time "$NIANBAO" check --pair --format ndjson "${jobs_arg[@]}" "$DIR" > "$DIR.ndjson" 2> /dev/null; } 2>&1 ) || true
  read -r real user sys <<< "$timing"
  TIMES+=("$real")
  CPU+=("$(awk "BEGIN { print $user + $sys }")")
done
checked=$(grep -c '"report":' "$DIR.ndjson")
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
best=$(printf '%s\n' "${TIMES[@]}" | sort -n | head -1)
wall=$(median "${TIMES[@]}")
cpu=$(median "${CPU[@]}")
# On a busy machine the wall time includes waiting for a core; the CPU time (user + system) does not.
printf '{"reports": %d, "bytes": %d, "runs": %d, "jobs": "%s", "cores": %d, "best_seconds": %.3f, "median_seconds": %.3f, "median_cpu_seconds": %.3f, "reports_per_second": %.0f, "cpu_ms_per_report": %.2f}\n' \
  "$checked" "$BYTES" "$RUNS" "${JOBS:-all}" "$(nproc)" "$best" "$wall" "$cpu" "$(awk "BEGIN { print $checked / $wall }")" "$(awk "BEGIN { print $cpu * 1000 / $checked }")"
