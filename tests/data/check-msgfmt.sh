#!/bin/sh
# msgfmt --check (header, c-format specifiers, plural forms) on every translation, and its
# statistics must report every message translated: no fuzzy, no untranslated.
# Usage: check-msgfmt.sh PODIR. Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
podir=$1
n=0
failed=0
for lang in $(sed -e 's/#.*//' "$podir/LINGUAS"); do
  n=$((n + 1))
  if out=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$podir/$lang.po" 2>&1); then
    echo "ok $n - msgfmt --check accepts $lang.po"
  else
    echo "not ok $n - msgfmt --check accepts $lang.po"
    echo "$out" | sed 's/^/# /'
    failed=1
  fi
  n=$((n + 1))
  case "$out" in
    *fuzzy*|*untranslated*|'')
      echo "not ok $n - $lang.po is complete: $out"
      failed=1 ;;
    *' translated message'*)
      echo "ok $n - $lang.po is complete: $out" ;;
    *)
      echo "not ok $n - $lang.po statistics: $out"
      failed=1 ;;
  esac
done
echo "1..$n"
exit $failed
