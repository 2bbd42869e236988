#!/usr/bin/env bash
# Builds dist/ for static hosting. Asset URLs are relative, so the same dist/ works at the
# site root or under any subpath (e.g. copied to /var/www/html/explorer/ → /explorer/).
# Usage: scripts/dist.sh [--input DIR] [--out DIR]
#   --input DIR  build the embedded corpus from your own documents instead of data/raw
#   --out DIR    where to write the site (default dist)
set -euo pipefail
cd "$(dirname "$0")/.."
input="" out="dist"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --input) input=$(realpath "$2"); shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
scripts/setup.sh
eval "$(scripts/setup.sh --print-path)"
if [[ -n "$input" ]]; then
  # Print the build report for the chosen folder first: every file accounted for.
  cargo run -q --release -p corpus -- build "$input" --out target/corpus-preview.json
  export CORPUS_INPUT_DIR="$input"
fi
trunk build --release --dist "$out"
echo "dist written to $out/ — serve it with any static file server, e.g. node scripts/serve.mjs --dir $out --prefix /explorer/"
