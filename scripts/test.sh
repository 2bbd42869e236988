#!/usr/bin/env bash
# Runs every test: Rust unit and integration tests (corpus crate and app logic), a strict
# corpus build of the seeds, the release build of the app, and the browser tests against the
# built dist/ in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
eval "$(scripts/setup.sh --print-path)"
step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }

step "cargo test (workspace)"
cargo test --workspace --locked

step "corpus build of the seeds (strict: any warning fails)"
cargo run -q --locked -p corpus -- build data/raw --out target/seed-corpus.json --strict

step "app build over the hostile test corpus (XSS payloads) → target/dist-hostile"
CORPUS_INPUT_DIR=tests/fixtures/hostile-corpus trunk build --release --dist target/dist-hostile

step "app release build (trunk) → dist, and the single file dist/explorer-offline.html"
trunk build --release
node scripts/single-file.mjs dist dist/explorer-offline.html

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
