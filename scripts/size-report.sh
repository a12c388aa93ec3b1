#!/usr/bin/env bash
# Prints the size of the built app (dist/), raw and gzipped, file by file and in total.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total_raw=0
total_gz=0
printf '%-26s %10s %10s\n' "file" "bytes" "gzip -9"
for f in *; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-26s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-26s %10d %10d\n' "total" "$total_raw" "$total_gz"
