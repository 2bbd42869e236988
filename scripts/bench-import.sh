#!/usr/bin/env bash
# Benchmarks the browser import (tests/bench/import.mjs) and writes its section of BENCHMARKS.md:
# N generated documents (default 1000) imported through the page in headless Chromium, input
# latency meanwhile, first results after a reload, the worker's memory, the single file's size.
# Usage: scripts/bench-import.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
eval "$(scripts/setup.sh --print-path)"
n="${1:-1000}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trunk build --release >/dev/null 2>&1
# The CLI's output does not depend on its build profile: the debug build the Trunk hook made.
cargo run -q --locked -p corpus --bin corpus -- generate --count "$n" --out "$tmp/docs" >/dev/null
cargo run -q --locked -p corpus --bin corpus -- build "$tmp/docs" --pack "$tmp/pack" --quiet >/dev/null
node tests/bench/import.mjs target/bench-import.jsonl dist "$tmp/docs" "$tmp/pack"
node tests/bench/import-report.mjs target/bench-import.jsonl BENCHMARKS.md
