#!/usr/bin/env bash
# Runs the benchmarks and writes BENCHMARKS.md (machine, date, command, figures).
#   1. Build step: MB/s and documents/s on one core and on all cores, peak memory, for generated
#      corpora (default sizes 1000 10000 50000; deterministic, written to a temporary folder).
#   2. Bytes: the app shell (wasm + JS; raw / gzip / brotli) and the corpus payloads.
#   3. Browser (seed corpus): time to first results, heap, input-to-render latency, and the
#      same queries in FlexSearch and MiniSearch with recall against a brute-force scan.
# Usage: scripts/bench.sh [SIZE ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
eval "$(scripts/setup.sh --print-path)"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 50000)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
results="$tmp/results.jsonl"
cargo build --release --locked -p corpus
corpus=target/release/corpus
for n in "${sizes[@]}"; do
  "$corpus" generate --count "$n" --out "$tmp/raw-$n" >/dev/null
  bytes=$(du -sb "$tmp/raw-$n" | cut -f1)
  for jobs in 1 "$(nproc)"; do
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$corpus" build "$tmp/raw-$n" --out "$tmp/corpus-$n.json" --jobs "$jobs" --quiet >/dev/null
    read -r secs rss_kb < "$tmp/time"
    echo "{\"kind\":\"build\",\"docs\":$n,\"jobs\":$jobs,\"bytes\":$bytes,\"secs\":$secs,\"rss_kb\":$rss_kb,\"json\":\"$tmp/corpus-$n.json\"}" >> "$results"
  done
done
"$corpus" build data/raw --out "$tmp/corpus-seed.json" --quiet >/dev/null
cp "$tmp/corpus-seed.json" target/seed-corpus.json
echo "{\"kind\":\"payload\",\"name\":\"seed\",\"json\":\"$tmp/corpus-seed.json\"}" >> "$results"
# App shell without a corpus: the code alone.
mkdir -p "$tmp/empty"
CORPUS_INPUT_DIR="$tmp/empty" trunk build --release --dist "$tmp/dist-empty" >/dev/null 2>&1
echo "{\"kind\":\"shell\",\"dir\":\"$tmp/dist-empty\"}" >> "$results"
trunk build --release >/dev/null 2>&1
echo "{\"kind\":\"seedapp\",\"dir\":\"dist\"}" >> "$results"
node tests/bench/browser.mjs "$results"
node tests/bench/report.mjs "$results" > BENCHMARKS.md
echo "BENCHMARKS.md written"
