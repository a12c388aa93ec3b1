#!/usr/bin/env bash
# Sets up what is missing (scripts/setup.sh) and serves the app on http://127.0.0.1:8080/.
# The built page is also in dist/: copy that folder to any static server, or any sub-folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_app
say "building and serving on http://127.0.0.1:8080/ (Ctrl-C to stop)"
exec trunk serve --release --locked --no-autoreload --address 127.0.0.1 --port 8080
