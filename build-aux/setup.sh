#!/usr/bin/env bash
# Shared by build-aux/run and build-aux/test: installs the Debian packages listed in
# build-aux/debian-packages.txt when missing, makes sure the vi_VN.UTF-8 locale exists,
# then configures and builds in _build. Idempotent: a second run installs nothing.
# Arguments name further package lists that only some tests need (build-aux/test gives
# debian-packages-word-tests.txt): when one cannot be installed, setup warns and goes on, and
# the tests that need it skip.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${KEHOACH_BUILD_DIR:-$top/_build}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing_packages() {
  local list=$1 wanted missing=()
  mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")
  for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

ensure_vietnamese_locale() {
  # The interface tests start the app with LANG=vi_VN.UTF-8.
  if ! locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
    echo "Generating the vi_VN.UTF-8 locale"
    as_root localedef -i vi_VN -f UTF-8 vi_VN.UTF-8
  fi
}

configure_and_build() {
  local options=(-Dwerror=true)
  if [ -f "$build_dir/build.ninja" ]; then
    meson setup --reconfigure "${options[@]}" "$build_dir" "$top" >/dev/null
  else
    meson setup "${options[@]}" "$build_dir" "$top"
  fi
  meson compile -C "$build_dir"
}

install_missing_packages "$top/build-aux/debian-packages.txt"
for optional_list in "$@"; do
  install_missing_packages "$optional_list" ||
    echo "Warning: could not install the packages of $optional_list; the tests that need them skip" >&2
done
ensure_vietnamese_locale
configure_and_build
