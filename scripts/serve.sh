#!/usr/bin/env bash
# Sets up and serves the app. The browser app is not built yet (issue 4): until it is, this builds
# the CLI and checks a sample report with it, so a fresh machine shows the product working.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --release -p nianbao-cli
sample="tests/fixtures/reports/huaian-city-2024.txt"
echo "==> nianbao check $sample"
./target/release/nianbao check "$sample" || true
echo
echo "Check your own report:  ./target/release/nianbao check 报告.txt   (or --format json)"
