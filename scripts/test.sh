#!/usr/bin/env bash
# Runs every test on a machine that has only the Rust toolchain: installs what is missing (the
# wasm32 target), skips what is already there, then builds the core for wasm32, compiles the
# benchmarks, lints, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "==> installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

echo "==> core builds for wasm32"
cargo build --locked -p nianbao-core --target wasm32-unknown-unknown --release

echo "==> benchmarks compile"
cargo bench --locked -p nianbao-core --no-run

echo "==> lints"
cargo clippy --locked --workspace --all-targets -- -D warnings

echo "==> tests"
cargo test --locked --workspace
