#!/usr/bin/env bash
# Installs everything the explorer needs to build and test, and nothing twice.
# Only package registries are used (rustup's target, crates.io, npm, Debian apt).
# Usage: scripts/setup.sh [--browser]   (--browser also installs Chromium, chromedriver, CJK fonts)
# Source it or put its tools on PATH with: eval "$(scripts/setup.sh --print-path)"
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
want_browser=0
case "${1:-}" in
  --browser) want_browser=1 ;;
  --print-path) echo "export PATH=\"$ROOT/node_modules/.bin:\$HOME/.cargo/bin:\$PATH\""; exit 0 ;;
esac
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# 1. wasm32 target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk 0.21.x (0.22 needs a newer rustc than ours)
TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q "trunk ${TRUNK_VERSION}"; then
  log "installing trunk ${TRUNK_VERSION} (cargo install, takes a few minutes once)"
  cargo install trunk --version "${TRUNK_VERSION}" --locked || cargo install trunk --version "${TRUNK_VERSION}"
fi

# 3. wasm-bindgen-cli at exactly the version in Cargo.lock
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [[ -z "$WB_VERSION" ]]; then echo "cannot read wasm-bindgen version from Cargo.lock" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen ${WB_VERSION}"; then
  log "installing wasm-bindgen-cli ${WB_VERSION}"
  cargo install wasm-bindgen-cli --version "${WB_VERSION}" --locked || cargo install wasm-bindgen-cli --version "${WB_VERSION}" --force
fi

# 4. npm tools: binaryen (a wasm-opt that reads current wasm), playwright-core, comparison engines
if [[ ! -x node_modules/.bin/wasm-opt ]] || [[ ! -f node_modules/.stamp ]] || [[ package-lock.json -nt node_modules/.stamp ]]; then
  log "installing npm tools (binaryen's wasm-opt, playwright-core, flexsearch, minisearch)"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.stamp
fi

# 5. browser for tests
if (( want_browser )); then
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  if (( ${#missing[@]} )); then
    log "installing from Debian: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
log "tools ready"
