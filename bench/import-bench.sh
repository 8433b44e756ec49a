#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# import-bench.sh BUILD_DIR [SECTIONS…]
#
# Whole-process wall time and peak memory (RSS) of `kehoach --import-docx` and then
# `kehoach --export-pdf` on generated Word plans (bench/make-docx.py: 14 sections print on 16
# pages), next to LibreOffice converting the same .docx to PDF in the same run
# (`soffice --headless --convert-to pdf`, skipped when soffice is missing). Prints a Markdown
# table. Needs /usr/bin/time (package time), pdfinfo (poppler-utils), Debian's python3.
set -eu

build=${1:?usage: import-bench.sh BUILD_DIR [SECTIONS…]}
shift
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(14 140 875)

src=$(cd "$(dirname "$0")/.." && pwd)
kehoach=$(cd "$build" && pwd)/src/kehoach
work=$(mktemp -d /tmp/kehoach-import-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-3}

# measure CMD… → "wall megabytes" of the fastest of $runs runs
measure () {
  local best="" best_rss=""
  for _ in $(seq "$runs"); do
    if ! /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
      echo "failed: $* ($(tail -1 "$work/err"))" >&2; echo "- -"; return
    fi
    read -r wall rss <"$work/time"
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then
      best=$wall; best_rss=$rss
    fi
  done
  echo "$best $((best_rss / 1024))"
}

echo "| sections | pages | .docx | import | export-pdf | import + export | LibreOffice | ratio |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sections[@]}"; do
  docx="$work/plan-$n.docx"
  /usr/bin/python3 "$src/bench/make-docx.py" "$n" "$docx"
  read -r import_s import_mb < <(measure "$kehoach" --import-docx "$work/plan-$n.kehoach.json" "$docx")
  read -r export_s export_mb < <(measure "$kehoach" --export-pdf "$work/plan-$n.pdf" --draft \
                                   "$work/plan-$n.kehoach.json")
  pages=$(pdfinfo "$work/plan-$n.pdf" | awk '/^Pages:/ { print $2 }')
  size=$(( $(stat -c %s "$docx") / 1024 ))
  total=$(awk "BEGIN { printf \"%.2f\", $import_s + $export_s }")
  peak=$(( import_mb > export_mb ? import_mb : export_mb ))
  lo="–"; ratio="–"
  if command -v soffice >/dev/null; then
    read -r lo_s lo_mb < <(RUNS=1 measure soffice --headless --convert-to pdf --outdir "$work/lo" "$docx")
    lo="$lo_s s, $lo_mb MB"
    ratio=$(awk "BEGIN { printf \"%.0f×\", $lo_s / $total }")
  fi
  echo "| $n | $pages | $size KB | $import_s s, $import_mb MB | $export_s s, $export_mb MB | $total s, $peak MB | $lo | $ratio |"
done
