#!/usr/bin/env bash
# "No change in behaviour" for speed work: records, or compares with a record, the CLI's
# `check --format json` of every fixture and sample and its `check --pair --format ndjson` of the
# fixtures folder. Usage: bash scripts/same-output.sh record DIR | compare DIR
# (builds the CLI in the `cli` profile; CARGO_TARGET_DIR is honoured).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?record or compare}
dir=${2:?a folder for the record}
cargo build -q --profile cli -p nianbao-cli
cli="${CARGO_TARGET_DIR:-target}/cli/nianbao"
out=$(mktemp -d)
files=$(find tests/fixtures -type f \( -name '*.txt' -o -name '*.docx' -o -name '*.html' -o -name '*.pdf' -o -name '*.doc' -o -name '*.md' -o -name '*.zip' \) | sort)
for f in $files ../shared/reports/*.txt; do
  "$cli" check --format json "$f" > "$out/$(echo "$f" | tr / _).json" 2>&1 || true
done
"$cli" check --pair --format ndjson tests/fixtures > "$out/_pair.ndjson" 2>&1 || true
if [ "$mode" = record ]; then
  rm -rf "$dir" && mv "$out" "$dir" && echo "recorded $(ls "$dir" | wc -l) outputs in $dir"
else
  if diff -rq "$dir" "$out"; then echo "all $(ls "$out" | wc -l) outputs the same"; else echo "outputs differ (diff -r $dir $out)"; exit 1; fi
fi
