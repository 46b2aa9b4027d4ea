# Sourced by the install-*.sh scripts: downloads packages of Debian sid into a folder without touching the system's
# apt state (its own sources file, lists and cache under .tools/apt) and unpacks them with dpkg-deb; dpkg never
# installs anything. Run from the repository root.
#
#   source scripts/sid-packages.sh
#   sid_unpack .tools/<name> <package>...     (replaces the folder with the packages' files)

SID_APT=.tools/apt

sid_unpack() {
  local root=$1
  shift
  mkdir -p "$SID_APT/lists/partial" "$SID_APT/cache/archives/partial" "$SID_APT/sources.list.d" "$SID_APT/download"
  echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main' >"$SID_APT/sources.list"
  # Absolute paths: apt resolves relative Dir:: paths against its own root, not the working directory.
  local here
  here=$(pwd)
  local apt_options=(
    -o "Dir::Etc::SourceList=$here/$SID_APT/sources.list"
    -o "Dir::Etc::SourceParts=$here/$SID_APT/sources.list.d"
    -o "Dir::State::Lists=$here/$SID_APT/lists"
    -o "Dir::Cache=$here/$SID_APT/cache"
    -o "APT::Sandbox::User=root"
    -o "Debug::NoLocking=true"
  )
  apt-get "${apt_options[@]}" update -qq
  # One download folder per target, so two installers running at once never unpack each other's packages.
  local download="$SID_APT/download/${root##*/}"
  mkdir -p "$download"
  (cd "$download" && rm -f ./*.deb && apt-get "${apt_options[@]}" download -qq "$@")
  local debs=("$download"/*.deb)
  rm -rf "$root" && mkdir -p "$root"
  local deb
  for deb in "${debs[@]}"; do dpkg-deb -x "$deb" "$root"; done
  rm -f "${debs[@]}"
}
