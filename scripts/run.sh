#!/usr/bin/env bash
# Installs what is missing, builds the corpus and the app, and serves the explorer on
# http://127.0.0.1:${PORT:-8080}/ with the seed corpus (data/raw) as its data pack.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
eval "$(scripts/setup.sh --print-path)"
trunk build --release
exec node scripts/serve.mjs --dir dist --port "${PORT:-8080}"
