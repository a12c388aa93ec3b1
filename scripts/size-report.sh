#!/usr/bin/env bash
# Prints the size of the built app (dist/), raw and gzipped: file by file, then what each way of
# using it downloads, and how far the page's first load is from its 250 KB gzipped budget (exit
# status 1 when over it; scripts/test.sh reports that and goes on: size is a goal, not a test).
set -euo pipefail
cd "$(dirname "$0")/../dist"
gz() { gzip -9 -c "$1" | wc -c; }
printf '%-26s %10s %10s\n' "file" "bytes" "gzip -9"
for f in *; do
  printf '%-26s %10d %10d\n' "$f" "$(stat -c %s "$f")" "$(gz "$f")"
done
bundle() {
  local name=$1 raw=0 zipped=0
  shift
  for f in "$@"; do
    raw=$((raw + $(stat -c %s "$f")))
    zipped=$((zipped + $(gz "$f")))
  done
  printf '%-44s %10d %10d\n' "$name" "$raw" "$zipped"
  last_gz=$zipped
}
echo
printf '%-44s %10s %10s\n' "what is downloaded" "bytes" "gzip -9"
bundle "page, first load" index.html boot.js style.css nianbao-web.js nianbao-web_bg.wasm
page_gz=$last_gz
bundle "page, later on a PDF/.doc file" nianbao.js nianbao-api.js nianbao-api-wasm.js
bundle "page, later on a batch (many files)" batch.js batch.css batch-worker.js nianbao-api.js nianbao-api-wasm.js
bundle "page, later on a batch's .xlsx export" nianbao-xlsx.js nianbao-xlsx-wasm.js
bundle "widget (embed.js)" embed.js style.css widget.css nianbao-web.js nianbao-web_bg.wasm
bundle "API (nianbao.js)" nianbao.js nianbao-api.js nianbao-api_bg.wasm
bundle "offline file (nianbao-offline.html)" nianbao-offline.html
limit=$((250 * 1024))
echo
if [ "$page_gz" -gt "$limit" ]; then
  echo "the page's first load is $page_gz bytes gzipped, $((page_gz - limit)) over the $limit byte (250 KB) budget" >&2
  exit 1
fi
echo "the page's first load is $page_gz bytes gzipped, $((limit - page_gz)) under the $limit byte (250 KB) budget"
