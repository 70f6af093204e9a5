#!/usr/bin/env bash
# Installs, idempotently, what the real-editor integration tests (npm run test:integration) and `npm start`
# need on a Debian 12 + Node 20 machine that can reach only Debian's apt mirrors and the npm registry:
#   apt: chromium     headless browser that loads code-server's web workbench (driven by playwright-core)
#        ripgrep      seeds @vscode/ripgrep, whose postinstall would otherwise download rg from GitHub
#        libkrb5-dev  headers for code-server's native `kerberos` module
#   npm: code-server@4.100.3 (= VS Code 1.100.3 server + web workbench; the last release that installs on
#        Node 20) into the git-ignored .vscode-test-tools/ folder, NOT into the project's dependencies.
# playwright-core comes from the project's devDependencies (npm ci). It never downloads a browser here.
#
# Environment: VSCODE_TEST_TOOLS (tools folder, default <repo>/.vscode-test-tools), CODE_SERVER_VERSION,
#   CLINALIGN_SETUP_NO_BROWSER=1 (skip chromium: `npm start` needs only code-server).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${VSCODE_TEST_TOOLS:-$REPO/.vscode-test-tools}"
CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
# @vscode/ripgrep version used by this code-server release, and the rg release tag its postinstall wants.
RG_PKG_VERSION="1.15.11"
RG_TAG="v13.0.0-10"
MARKER="$TOOLS/.code-server-$CS_VERSION.installed"

log() { echo "[setup-vscode-test-env] $*"; }
t0=$(date +%s)

# --- 1. Debian packages (only the missing ones) --------------------------------------------------------
pkgs=()
[ -n "${CLINALIGN_SETUP_NO_BROWSER:-}" ] || command -v chromium >/dev/null 2>&1 || pkgs+=(chromium)
command -v rg >/dev/null 2>&1 || pkgs+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || pkgs+=(libkrb5-dev)

# Without root, say what is missing and every way on, rather than failing inside apt (issue 15).
without_root() {
  log "$1"
  log "  ClinAlign needs these Debian packages: ${pkgs[*]}. Without root you can:"
  log "  - ask someone with root to run: sudo apt-get install -y --no-install-recommends ${pkgs[*]}, then run this again;"
  log "  - run 'sudo -v' first if you may use sudo with a password, then run this again;"
  log "  - for npm start only: put a desktop VS Code 'code' on PATH, or set CODE_SERVER=/path/to/code-server (4.100.x)."
  exit 1
}

if [ ${#pkgs[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || without_root "not root and no sudo: cannot install ${pkgs[*]}"
    sudo -n true 2>/dev/null || without_root "sudo needs a password here: cannot install ${pkgs[*]}"
    SUDO="sudo -n"
  fi
  log "installing Debian packages with apt-get${SUDO:+ (through sudo)}: ${pkgs[*]} (about a minute)"
  log "apt-get update"
  $SUDO apt-get update -q
  log "apt-get install ${pkgs[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}"
  log "Debian packages installed in $(( $(date +%s) - t0 ))s"
else
  log "apt packages present"
fi

# --- 2. code-server into the tools folder ----------------------------------------------------------------
mkdir -p "$TOOLS"
# Serialise concurrent runs (two terminals running npm test / npm start at once).
exec 9>"$TOOLS/.setup.lock"
flock 9

if [ -f "$MARKER" ] && [ -x "$TOOLS/node_modules/.bin/code-server" ]; then
  log "code-server $CS_VERSION already installed in $TOOLS"
  exit 0
fi

log "installing code-server@$CS_VERSION into $TOOLS (about a minute on first run)"
mkdir -p "$TOOLS/tmp" "$TOOLS/xdg"
# @vscode/ripgrep's postinstall fetches rg from GitHub (unreachable). It first looks for
# $TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<tag>-<target>.tar.gz, so seed that with Debian's rg.
arch="$(uname -m)"
case "$arch" in
  x86_64)  rg_target="x86_64-unknown-linux-musl" ;;
  aarch64) rg_target="aarch64-unknown-linux-musl" ;;
  *) log "unsupported architecture $arch"; exit 1 ;;
esac
seed_dir="$TOOLS/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$seed_dir"
tar czf "$seed_dir/ripgrep-$RG_TAG-$rg_target.tar.gz" -C "$(dirname "$(command -v rg)")" rg

cd "$TOOLS"
[ -f package.json ] || echo '{"name":"vscode-test-tools","private":true}' > package.json
# npm_config_yes:          node-pty's postinstall runs `npx node-gyp ...`, which would abort ("npx canceled")
# npm_config_unsafe_perm:  code-server's postinstall refuses to run as root without it
# TMPDIR / XDG_CONFIG_HOME: keep the ripgrep seed and any config writes inside the tools folder
TMPDIR="$TOOLS/tmp" XDG_CONFIG_HOME="$TOOLS/xdg" npm_config_yes=true npm_config_unsafe_perm=true \
  npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CS_VERSION" </dev/null

# XDG_DATA_HOME: code-server writes logs under ~/.local/share/code-server otherwise.
version_line="$(XDG_CONFIG_HOME="$TOOLS/xdg" XDG_DATA_HOME="$TOOLS/xdg" \
  "$TOOLS/node_modules/.bin/code-server" --version --config "$TOOLS/config.yaml" 2>/dev/null | tail -1)"
case "$version_line" in
  "$CS_VERSION"*) ;;
  *) log "code-server did not report version $CS_VERSION (got: $version_line)"; exit 1 ;;
esac
rm -rf "$TOOLS/tmp"
touch "$MARKER"
log "code-server $version_line ready in $(( $(date +%s) - t0 ))s"
