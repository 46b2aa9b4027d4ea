#!/usr/bin/env bash
# Installs Prometheus 3.5.3 (prometheus + promtool from Debian sid's `prometheus` package) under .tools/prometheus-3,
# beside the system's 2.42 (bookworm), so the tests and the bench run on both engines. Idempotent: when the right
# version is already there it only checks it. The sid package list lives in .tools/apt with its own sources file,
# lists and cache, so the system's apt state never sees sid; dpkg never installs anything.
#
#   bash scripts/install-prometheus-3.sh     (no root needed; re-run to repair)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sid-packages.sh

VERSION=3.5.3
ROOT=.tools/prometheus-3

installed() {
  "$ROOT/usr/bin/promtool" --version 2>/dev/null | grep -q "^promtool, version $VERSION[+ ]" &&
    "$ROOT/usr/bin/prometheus" --version 2>/dev/null | grep -q "^prometheus, version $VERSION[+ ]"
}
if installed; then exit 0; fi

sid_unpack "$ROOT" prometheus promtool
if ! installed; then
  echo "install-prometheus-3: the sid packages prometheus and promtool do not give promtool and prometheus $VERSION:" >&2
  "$ROOT/usr/bin/promtool" --version >&2 || true
  exit 1
fi
echo "install-prometheus-3: $("$ROOT/usr/bin/promtool" --version | head -1) in $ROOT/usr/bin"
