#!/usr/bin/env bash
# Rebuilds fuzz/seeds/<target>/ from tests/fixtures: each seed named by its SHA-1 (libFuzzer's
# convention), so a file present twice is kept once. For a new target, add a `seed <target> …` line.
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../tests/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seed() { # seed TARGET FILE...
  local target=$1; shift
  mkdir -p "seeds/$target"
  for f in "$@"; do cp "$f" "seeds/$target/$(sha1sum < "$f" | cut -c1-40)"; done
}

rm -rf seeds
# Word: the archives, and two of their document.xml (the docx target reads non-zip input as
# WordprocessingML; the others differ from these in a cell or two).
for docx in "$fixtures"/structured/{hongze-district-2023,youchegang-2020}.docx; do
  unzip -p "$docx" word/document.xml > "$tmp/$(basename "$docx").xml"
done
# HTML as UTF-8 (the html target reads bytes as UTF-8) next to the GBK page as saved.
iconv -f GBK -t UTF-8 "$fixtures/structured/youchegang-2020.gbk.html" > "$tmp/youchegang-2020.html"
# Text in the other encodings the decoder detects.
iconv -f UTF-8 -t UTF-16LE "$fixtures/reports/hongze-district-2023.txt" > "$tmp/utf16le.txt"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$fixtures/synthetic/worked-example-2019.txt"; } > "$tmp/utf16be-bom.txt"
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$fixtures/synthetic/tab-rows-2021.txt"; } > "$tmp/utf8-bom-crlf.txt"

seed check_bytes "$fixtures"/reports/*.txt "$fixtures"/synthetic/*.txt "$fixtures"/encodings/*.txt \
  "$fixtures"/structured/*.docx "$fixtures"/structured/*.gbk.html "$tmp/utf16le.txt" \
  "$fixtures"/doc/hongze-district-2023.doc
seed docx "$fixtures"/structured/*.docx "$tmp"/*.docx.xml
seed html "$fixtures"/structured/*.word-clipboard.html "$tmp/youchegang-2020.html" \
  "$fixtures"/synthetic/pipe-rows-2021.txt
seed decode "$fixtures"/encodings/*.txt "$fixtures"/reports/huaian-city-2024.txt "$tmp/utf16le.txt" \
  "$tmp/utf16be-bom.txt" "$tmp/utf8-bom-crlf.txt"
seed doc "$fixtures"/doc/{hongze-district-2023,youchegang-2020,youchegang-2020.encrypted}.doc
# The smallest PDF with a text layer and tables, and the two encrypted ones (a few KB).
seed pdf "$fixtures"/pdf/libreoffice/hongze-district-2023.pdf "$fixtures"/pdf/bad/*.pdf
seed archive "$fixtures"/archive/hongze.zip
