#!/usr/bin/env bash
# Builds dist/ for static hosting. Asset URLs are relative, so the same dist/ works at the
# site root or under any subpath (e.g. copied to /var/www/html/explorer/ → /explorer/).
# Usage: scripts/dist.sh [--input DIR] [--out DIR] [--single-file]
#   --input DIR    build the corpus (dist/data) from your own documents instead of data/raw
#   --out DIR      where to write the site (default dist)
#   --single-file  also write OUT/explorer-offline.html: the whole explorer (app, corpus and the
#                  import) in one file that opens from disk (scripts/single-file.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
input="" out="dist" single=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --input) input=$(realpath "$2"); shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --single-file) single=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
scripts/setup.sh
eval "$(scripts/setup.sh --print-path)"
[[ -n "$input" ]] || input="$PWD/data/raw"
# The build step, optimized, with its report (every file accounted for); the Trunk hook then
# copies this pack into dist/data instead of building it again.
cargo build -q --locked --profile native -p corpus
rm -rf target/dist-pack
target/native/corpus build "$input" --pack target/dist-pack || [[ -f target/dist-pack/index.bin ]]
export CORPUS_PACK_DIR="$PWD/target/dist-pack"
trunk build --release --dist "$out"
if (( single )); then
  node scripts/single-file.mjs "$out" "$out/explorer-offline.html"
  echo "one file: $out/explorer-offline.html — copy it anywhere and double-click it (no server needed)"
fi
echo "dist written to $out/ — serve it with any static file server, e.g. node scripts/serve.mjs --dir $out --prefix /explorer/"
