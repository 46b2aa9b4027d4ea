# Sourced by the install-*.sh scripts: downloads packages of Debian sid into a folder without touching the system's
# apt state (its own sources file, lists and cache under .tools/apt) and unpacks them with dpkg-deb; dpkg never
# installs anything. Run from the repository root.
#
# The archive is the one this machine's apt already uses (its deb822 sources, else sources.list), with the suite
# set to sid: the repository names no host, and the install works behind a local mirror or proxy as apt does.
# SID_MIRROR=http://… overrides it.
#
#   source scripts/sid-packages.sh
#   sid_unpack .tools/<name> <package>...     (replaces the folder with the packages' files)

SID_APT=${SID_APT:-.tools/apt}
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

# The URI of the Debian archive among the machine's apt sources, found where apt-config says they are (APT_CONFIG
# points it elsewhere): the first `deb` source of a plain release suite (bookworm, not bookworm-security or -updates)
# that is signed by the Debian archive keyring or names no key; a third-party repository for Debian, such as
# Docker's, names a key of its own.
sid_mirror() {
  if [ -n "${SID_MIRROR:-}" ]; then
    echo "$SID_MIRROR"
    return
  fi
  local SOURCE_PARTS SOURCE_LIST
  eval "$(apt-config shell SOURCE_PARTS Dir::Etc::sourceparts/d SOURCE_LIST Dir::Etc::sourcelist/f)"
  local sources=("${SOURCE_PARTS%/}"/*.sources)
  local found=""
  if [ -e "${sources[0]}" ]; then
    # deb822 stanzas, separated by blank lines.
    found=$(awk -v keyring="$DEBIAN_KEYRING" '
      function flush() {
        if (!done && types ~ /(^| )deb( |$)/ && enabled != "no" && (signed == "" || signed == keyring) && suites ~ /(^| )[a-z]+( |$)/ && uri != "") {
          print uri
          done = 1
        }
        types = ""; uri = ""; suites = ""; signed = ""; enabled = ""
      }
      /^[ \t]*$/ { flush(); next }
      /^#/ { next }
      tolower($1) == "types:" { types = substr($0, index($0, ":") + 1) }
      tolower($1) == "uris:" { uri = $2 }
      tolower($1) == "suites:" { suites = substr($0, index($0, ":") + 1) }
      tolower($1) == "signed-by:" { signed = ($2 == "" ? "(a key written inline)" : $2) }
      tolower($1) == "enabled:" { enabled = tolower($2) }
      END { flush() }
    ' "${sources[@]}")
  fi
  if [ -z "$found" ] && [ -f "$SOURCE_LIST" ]; then
    # One-line format: deb [option=value ...] URI suite component...
    found=$(awk -v keyring="$DEBIAN_KEYRING" '
      $1 != "deb" { next }
      {
        options = ""; field = 2
        if ($2 ~ /^\[/) {
          while (field < NF && $field !~ /\]$/) { options = options " " $field; field++ }
          options = options " " $field; field++
        }
        signed = ""
        if (match(options, /signed-by=[^] ]*/)) signed = substr(options, RSTART + 10, RLENGTH - 10)
        if ($(field + 1) ~ /^[a-z]+$/ && (signed == "" || signed == keyring)) { print $field; exit }
      }
    ' "$SOURCE_LIST")
  fi
  if [ -z "$found" ]; then
    echo "sid-packages: no Debian archive among the apt sources ($SOURCE_PARTS*.sources, $SOURCE_LIST); set SID_MIRROR=http://<mirror>/debian" >&2
    return 1
  fi
  echo "$found"
}

sid_unpack() {
  local root=$1
  shift
  local mirror
  mirror=$(sid_mirror) || return 1
  mkdir -p "$SID_APT/lists/partial" "$SID_APT/cache/archives/partial" "$SID_APT/sources.list.d" "$SID_APT/download"
  echo "deb [signed-by=$DEBIAN_KEYRING] $mirror sid main" >"$SID_APT/sources.list"
  # Absolute paths: apt resolves relative Dir:: paths against its own root, not the working directory.
  local apt_dir
  apt_dir=$(cd "$SID_APT" && pwd)
  local apt_options=(
    -o "Dir::Etc::SourceList=$apt_dir/sources.list"
    -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
    -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::Cache=$apt_dir/cache"
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
