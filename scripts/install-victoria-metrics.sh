#!/usr/bin/env bash
# Installs Debian sid's current VictoriaMetrics (victoria-metrics + vmalert) under .tools/victoria-metrics, beside the
# system's 1.79 (bookworm's `victoria-metrics` package, installed by .ci/run with apt), so the end-to-end test
# (`npm run e2e`) runs vmalert on both. Idempotent: when a working vmalert and victoria-metrics are already there it
# only checks them. Downloads and unpacks like scripts/install-prometheus-3.sh (scripts/sid-packages.sh: own sources
# file, lists and cache under .tools/apt; dpkg never installs anything).
#
#   bash scripts/install-victoria-metrics.sh     (no root needed; re-run to repair)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/sid-packages.sh

ROOT=.tools/victoria-metrics

# Debian's builds print no -version; the binaries' -help must work and name the flags the test sets.
# (Output captured first: `grep -q` closing the pipe early would fail the pipeline under pipefail.)
installed() {
  local vmalert_help vm_help
  vmalert_help=$("$ROOT/usr/bin/vmalert" -help 2>&1) && vm_help=$("$ROOT/usr/bin/victoria-metrics" -help 2>&1) &&
    grep -q -- '-rule.evalDelay' <<<"$vmalert_help" && grep -q -- '-search.latencyOffset' <<<"$vm_help"
}
if installed; then exit 0; fi

sid_unpack "$ROOT" victoria-metrics
if ! installed; then
  echo "install-victoria-metrics: sid's victoria-metrics package gives no working vmalert with -rule.evalDelay in $ROOT/usr/bin" >&2
  exit 1
fi
echo "install-victoria-metrics: sid's victoria-metrics in $ROOT/usr/bin"
