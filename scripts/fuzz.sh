#!/usr/bin/env bash
# Fuzzes corpus::process (ingest + extract) for a bounded time, seeded with the real documents
# and the hostile-input fixtures. Needs the nightly toolchain (present on our machines) and
# cargo-fuzz (installed from crates.io when missing).
# Usage: scripts/fuzz.sh [SECONDS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi
seeds=corpus/fuzz/corpus/ingest
mkdir -p "$seeds"
cp data/raw/* corpus/tests/fixtures/bad/* "$seeds"/ 2>/dev/null || true
cd corpus
cargo +nightly fuzz run ingest -- -max_total_time="$secs" -rss_limit_mb=4096 -max_len=262144 -timeout=30
