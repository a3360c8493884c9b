#!/usr/bin/env bash
# Installs everything dyad needs on Debian 12. Idempotent: skips packages already present.
# Usage: scripts/setup.sh [--with-browser] [--with-bench]   (root or sudo)
# --with-browser: kept for compatibility (chromium and node are always installed now) plus wrk;
# --with-bench: wrk, for the HTTP API benchmarks (doc/benchmarks.md).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  libicu-dev libutf8proc-dev libtbb-dev libsqlite3-dev sqlite3
  libzstd-dev zlib1g-dev libgumbo-dev libhowardhinnant-date-dev libxxhash-dev
  libre2-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  wordnet-base festlex-poslex iso-codes
  zstd gzip
  chromium
)
# The dashboard (web/) builds with npm and its browser tests need node >= 20;
# Debian's nodejs only when there is no node at all (a NodeSource node
# bundles npm, and Debian's npm would conflict with it).
if ! command -v node >/dev/null; then
  packages+=(nodejs npm)
fi
for arg in "$@"; do
  case "$arg" in
    --with-browser) packages+=(wrk) ;;
    --with-bench) packages+=(wrk) ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present" >&2
fi
