#!/usr/bin/env bash
# Installs the real-client test tooling (code-server, playwright-core, chromium, neovim) idempotently, outside the repo.
#
# Safe for CI (CI=true, no stdin): never prompts, installs only what is missing, and
# re-running on a provisioned machine does nothing but verify. See shared/e2e-real-vscode.md.
# Prints the code-server binary path as the last line: `CODE_SERVER_BIN=<path>`.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"   # newest line that still runs on Node 20 (later ones need Node 24)
PLAYWRIGHT_VERSION="1.65.1"     # pinned so a registry release cannot change browser-driving behaviour under us
RIPGREP_PKG_VERSION="1.15.11"   # the @vscode/ripgrep version code-server 4.100.3 pulls in
RIPGREP_ARCHIVE="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
CACHE="${SECURE_IAC_E2E_CACHE:-$HOME/.cache/secure-iac-e2e}"
APT_PACKAGES=(chromium libkrb5-dev ripgrep neovim)

export DEBIAN_FRONTEND=noninteractive
log() { printf '[e2e-setup] %s\n' "$*"; }
start=$(date +%s)

# --- apt: only when something is missing, so a warm run never touches the network -------------
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for p in "${APT_PACKAGES[@]}"; do is_installed "$p" || missing+=("$p"); done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo -n"   # -n: fail instead of prompting in CI
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q "${missing[@]}" </dev/null
else
  log "apt: ${APT_PACKAGES[*]} already installed"
fi

# --- ripgrep archive: @vscode/ripgrep's postinstall downloads one unless it finds it cached ---
tmpdir=$(node -p "require('os').tmpdir()")
rg_dir="$tmpdir/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
if [[ -s "$rg_dir/$RIPGREP_ARCHIVE" ]]; then
  log "ripgrep archive already at $rg_dir/$RIPGREP_ARCHIVE"
else
  mkdir -p "$rg_dir"
  stage=$(mktemp -d)
  cp /usr/bin/rg "$stage/rg"
  # Write to a temp name then rename, so an interrupted run never leaves a truncated archive behind.
  tar -czf "$rg_dir/$RIPGREP_ARCHIVE.part" -C "$stage" rg
  mv "$rg_dir/$RIPGREP_ARCHIVE.part" "$rg_dir/$RIPGREP_ARCHIVE"
  rm -rf "$stage"
  log "ripgrep archive placed at $rg_dir/$RIPGREP_ARCHIVE"
fi

# --- npm tooling in the cache folder (never in the project's package.json) -------------------
mkdir -p "$CACHE"
CS_BIN="$CACHE/node_modules/.bin/code-server"
installed_version() { node -p "try{require('$CACHE/node_modules/$1/package.json').version}catch{''}"; }

want=()
# The marker is written only after a complete install: a half-finished postinstall (native
# modules) leaves package.json in place but must not count as installed.
if [[ -x "$CS_BIN" && -f "$CACHE/.code-server-$CODE_SERVER_VERSION.ok" \
      && "$(installed_version code-server)" == "$CODE_SERVER_VERSION" ]]; then
  log "code-server $CODE_SERVER_VERSION already in $CACHE"
else
  want+=("code-server@$CODE_SERVER_VERSION")
fi
if [[ "$(installed_version playwright-core)" == "$PLAYWRIGHT_VERSION" ]]; then
  log "playwright-core $PLAYWRIGHT_VERSION already in $CACHE"
else
  want+=("playwright-core@$PLAYWRIGHT_VERSION")
fi

if ((${#want[@]})); then
  # Own package.json so npm treats the cache as a project and never walks up into anything else.
  [[ -f "$CACHE/package.json" ]] || echo '{ "name": "secure-iac-e2e-cache", "private": true }' >"$CACHE/package.json"
  log "npm: installing ${want[*]} into $CACHE (a few minutes on 2 cores for code-server)"
  # unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty runs `npx node-gyp`.
  # Both packages are always named so npm keeps either one when adding the other.
  (cd "$CACHE" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false \
     npm_config_audit=false npm install --save-exact \
     "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" </dev/null)
  # npm 11 warns that dependency install scripts are "not yet covered by allowScripts"; today they
  # still run, but if a future npm skips them code-server installs "fine" and then cannot open a
  # terminal or watch files. Check the postinstall's products so that failure shows up here.
  vs="$CACHE/node_modules/code-server/lib/vscode"
  for f in "$vs/node_modules.asar" "$vs/node_modules/node-pty/build/Release/pty.node" \
           "$vs/node_modules/@vscode/spdlog/build/Release/spdlog.node"; do
    [[ -e "$f" ]] || { log "ERROR: code-server postinstall did not produce $f (install scripts skipped?)"; exit 1; }
  done
  "$CS_BIN" --version >/dev/null   # proves the binary loads before we mark the install complete
  touch "$CACHE/.code-server-$CODE_SERVER_VERSION.ok"
fi

log "code-server: $("$CS_BIN" --version | head -1)"
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
log "nvim: $(nvim --version | head -1)"
log "done in $(( $(date +%s) - start ))s; cache: $CACHE"
echo "CODE_SERVER_BIN=$CS_BIN"
