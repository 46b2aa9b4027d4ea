#!/usr/bin/env bash
# Installs Prometheus 3.5.3 (prometheus + promtool from Debian sid's `prometheus` package) under .tools/prometheus-3,
# beside the system's 2.42 (bookworm), so the tests and the bench run on both engines. Idempotent: when the right
# version is already there it only checks it. The sid package list lives in .tools/apt with its own sources file,
# lists and cache, so the system's apt state never sees sid; dpkg never installs anything.
#
#   bash scripts/install-prometheus-3.sh     (no root needed; re-run to repair)
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=3.5.3
ROOT=.tools/prometheus-3
APT=.tools/apt

installed() {
  "$ROOT/usr/bin/promtool" --version 2>/dev/null | grep -q "^promtool, version $VERSION[+ ]" &&
    "$ROOT/usr/bin/prometheus" --version 2>/dev/null | grep -q "^prometheus, version $VERSION[+ ]"
}
if installed; then exit 0; fi

mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/sources.list.d" "$APT/download"
echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main' >"$APT/sources.list"
# Absolute paths: apt resolves relative Dir:: paths against its own root, not the working directory.
here=$(pwd)
apt_options=(
  -o "Dir::Etc::SourceList=$here/$APT/sources.list"
  -o "Dir::Etc::SourceParts=$here/$APT/sources.list.d"
  -o "Dir::State::Lists=$here/$APT/lists"
  -o "Dir::Cache=$here/$APT/cache"
  -o "APT::Sandbox::User=root"
  -o "Debug::NoLocking=true"
)
apt-get "${apt_options[@]}" update -qq
(cd "$APT/download" && rm -f ./*.deb && apt-get "${apt_options[@]}" download -qq prometheus promtool)

debs=("$APT/download"/*.deb)
rm -rf "$ROOT" && mkdir -p "$ROOT"
for deb in "${debs[@]}"; do dpkg-deb -x "$deb" "$ROOT"; done
rm -f "${debs[@]}"
if ! installed; then
  echo "install-prometheus-3: the packages ${debs[*]##*/} do not give promtool and prometheus $VERSION:" >&2
  "$ROOT/usr/bin/promtool" --version >&2 || true
  exit 1
fi
echo "install-prometheus-3: $("$ROOT/usr/bin/promtool" --version | head -1) in $ROOT/usr/bin"
