#!/usr/bin/env bash
# Installs what the app build and the tests need, skipping whatever is already there:
# the wasm32 target, trunk 0.21.14, the wasm-bindgen-cli that matches Cargo.lock, wasm-opt
# (npm's binaryen), Node.js, Debian's Chromium with CJK fonts, the browser tests' npm packages, and
# (for the tests only) make for the CLI's jemalloc and LibreOffice Calc.
# Sourced by scripts/serve.sh and scripts/test.sh; `bash scripts/setup.sh [app|all]` runs it alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*"; }

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > /dev/null
}

setup_app() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (several minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (must match Cargo.lock)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if ! command -v npm > /dev/null; then
    say "installing Node.js and npm"
    apt_install nodejs npm
  fi
  if ! command -v wasm-opt > /dev/null; then
    say "installing wasm-opt (binaryen)"
    npm install -g --no-audit --no-fund binaryen > /dev/null
  fi
}

setup_browser_tests() {
  if [ ! -x /usr/bin/chromium ] || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
    say "installing Chromium and CJK fonts"
    apt_install chromium chromium-driver fonts-noto-cjk
  fi
  if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
    say "installing playwright-core (no browser download) and axe-core"
    (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund > /dev/null)
  fi
}

# The CLI (built by the tests, not by the app): on Linux it links jemalloc, which its crate
# builds from C source with make (the C compiler is the one Rust already links with).
setup_cli() {
  if ! command -v make > /dev/null; then
    say "installing make (the CLI builds jemalloc)"
    apt_install make
  fi
}

# Tests only (not the app): LibreOffice Calc converts the CLI's .xlsx export to CSV in
# crates/cli/tests/xlsx.rs, the one test that needs it.
setup_xlsx_test() {
  if ! dpkg -s libreoffice-calc-nogui > /dev/null 2>&1; then
    say "installing LibreOffice Calc without GUI (the .xlsx export test)"
    apt_install libreoffice-calc-nogui
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_app
  if [ "${1:-all}" = all ]; then
    setup_cli
    setup_browser_tests
    setup_xlsx_test
  fi
fi
