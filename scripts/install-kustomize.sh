#!/usr/bin/env bash
# Installs kustomize from Debian sid (bookworm has none) under .tools/kustomize, the way install-prometheus-3.sh
# installs Prometheus 3.5: downloaded with apt into .tools/apt, unpacked with dpkg-deb, nothing installed system-wide.
# The tests run `kustomize build generated/` with it. Idempotent: when kustomize is already there it only checks it.
#
#   bash scripts/install-kustomize.sh     (no root needed; re-run to repair)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sid-packages.sh

ROOT=.tools/kustomize
installed() { "$ROOT/usr/bin/kustomize" version >/dev/null 2>&1; }
if installed; then exit 0; fi

sid_unpack "$ROOT" kustomize
if ! installed; then
  echo "install-kustomize: the sid package kustomize gives no working $ROOT/usr/bin/kustomize" >&2
  exit 1
fi
echo "install-kustomize: kustomize $("$ROOT/usr/bin/kustomize" version) in $ROOT/usr/bin"
