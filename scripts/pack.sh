#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): builds the corpus from data/raw (or
# $CORPUS_INPUT_DIR; or copies a pack already built in $CORPUS_PACK_DIR) and writes the explorer's data pack into the staging folder as data/,
# next to index.html. Runs the same library as `corpus build`; the build report goes to the
# terminal, and a folder with nothing buildable still gives an (empty) pack, so the app shows
# an empty corpus instead of failing to build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
input="${CORPUS_INPUT_DIR:-$root/data/raw}"
[[ "$input" = /* ]] || input="$root/$input"
staging="${TRUNK_STAGING_DIR:?scripts/pack.sh runs as a Trunk hook}"
cd "$root"
# scripts/dist.sh builds the pack first (optimized, with the full report): just copy it.
if [[ -n "${CORPUS_PACK_DIR:-}" ]]; then
  [[ -f "$CORPUS_PACK_DIR/index.bin" ]] || { echo "pack.sh: no index.bin in $CORPUS_PACK_DIR" >&2; exit 1; }
  rm -rf "$staging/data" && cp -r "$CORPUS_PACK_DIR" "$staging/data"
  exit 0
fi
set +e
cargo run -q -p corpus --bin corpus -- build "$input" --pack "$staging/data" -q
code=$?
set -e
if [[ $code -ne 0 && ! -f "$staging/data/index.bin" ]]; then
  echo "pack.sh: corpus build failed ($code)" >&2
  exit "$code"
fi
