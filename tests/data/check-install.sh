#!/bin/bash
# Installs the build into a staging directory (as a package build would, with DESTDIR) and
# checks that everything a desktop needs lands in its place.
# Usage: check-install.sh BUILDDIR APP_ID. Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
builddir=$1
app_id=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

n=0
failed=0
check() {
  local name=$1
  shift
  n=$((n + 1))
  if "$@" >/dev/null 2>&1; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name"
    failed=1
  fi
}

# meson install prints the list of files; keep it for the log only.
if ! meson install -C "$builddir" --destdir "$stage" --no-rebuild >"$stage.log" 2>&1; then
  echo "not ok 1 - meson install --destdir succeeds"
  sed 's/^/# /' "$stage.log"
  rm -f "$stage.log"
  echo "1..1"
  exit 1
fi
rm -f "$stage.log"
check "meson install --destdir succeeds" true

# Where the build was configured to install: prefix, bindir, datadir, localedir.
dirs=$(meson introspect --buildoptions "$builddir" | /usr/bin/python3 -c '
import json, sys
options = {o["name"]: o["value"] for o in json.load(sys.stdin)}
print(options["prefix"].rstrip("/"))
for name in ("bindir", "datadir", "localedir", "libdir"):
    value = options[name]
    print(value if value.startswith("/") else options["prefix"].rstrip("/") + "/" + value)
')
prefix=$stage$(sed -n 1p <<<"$dirs")
bin=$stage$(sed -n 2p <<<"$dirs")/kehoach
share=$stage$(sed -n 3p <<<"$dirs")
localedir=$stage$(sed -n 4p <<<"$dirs")
libdir=$stage$(sed -n 5p <<<"$dirs")

check "bin/kehoach is installed and executable" test -x "$bin"
# The window part is a private module that kehoach opens only when no command-line option is
# given: the command-line exports never load GTK.
gui_module=$libdir/kehoach/libkehoach-gui.so
check "the GUI module is installed in libdir/kehoach" test -f "$gui_module"
check "the GUI module exports its entry point" \
  sh -c "nm -D --defined-only '$gui_module' | grep -q ' T kehoach_gui_main\$'"
check "the installed kehoach does not link GTK" \
  sh -c "! readelf -d '$bin' | grep -q 'libgtk-4'"
check "the installed kehoach answers --version" \
  sh -c "'$bin' --version | grep -q '^kehoach'"
check "the desktop file is installed" test -f "$share/applications/$app_id.desktop"
check "the installed desktop file is valid" desktop-file-validate "$share/applications/$app_id.desktop"
check "the desktop file has its Vietnamese comment" \
  grep -q '^Comment\[vi\]=Soạn thảo và in kế hoạch hành chính đúng thể thức$' "$share/applications/$app_id.desktop"
check "the AppStream metadata is installed" test -f "$share/metainfo/$app_id.metainfo.xml"
check "the AppStream metadata has its Vietnamese summary" \
  grep -q '<summary xml:lang="vi">' "$share/metainfo/$app_id.metainfo.xml"
check "the scalable application icon is installed" test -f "$share/icons/hicolor/scalable/apps/$app_id.svg"
check "the symbolic application icon is installed" \
  test -f "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "the plan file icon is installed" test -f "$share/icons/hicolor/scalable/mimetypes/$app_id-plan.svg"
check "the GSettings schema is installed" test -f "$share/glib-2.0/schemas/$app_id.gschema.xml"
check "the installed schema compiles" glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"
check "the MIME type is installed" test -f "$share/mime/packages/$app_id.xml"
check "the sample plans are installed" \
  test -n "$(find "$share/kehoach/samples" -name '*.kehoach.json' -print -quit 2>/dev/null)"
mo=$localedir/vi/LC_MESSAGES/kehoach.mo
check "the Vietnamese translation is installed" test -s "$mo"
check "the installed translation is the one of vi.po" \
  sh -c "msgunfmt '$mo' | grep -q 'Cơ quan chủ quản'"
# The staged tree holds nothing outside the prefix (no absolute install_dir escaped DESTDIR).
check "nothing is installed outside the prefix" \
  test -z "$(find "$stage" -type f ! -path "$prefix/*" -print -quit)"

echo "1..$n"
exit $failed
