#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# export-bench.sh BUILD_DIR [ROWS…]
#
# Whole-process wall time and peak memory (RSS) of `kehoach --export-pdf` on the reference plan
# and on copies of it whose appendix table has 10, 100, 1,000 and 10,000 rows, next to two
# references run on the same content in the same run:
#   pango-view  the plain text shaped and written to PDF (the floor: no layout work at all)
#   LibreOffice soffice --headless --convert-to pdf of the same content as an HTML table
# and the layout micro-benchmark (re-layout after one edit). Prints Markdown tables.
# Needs: /usr/bin/time (package time), pango-view (pango1.0-tools), soffice
# (libreoffice-writer-nogui, optional: skipped when missing).
set -eu

build=${1:?usage: export-bench.sh BUILD_DIR [ROWS…]}
shift
rows=("$@")
[ ${#rows[@]} -gt 0 ] || rows=(10 100 1000 10000)

src=$(cd "$(dirname "$0")/.." && pwd)
kehoach=$(cd "$build" && pwd)/src/kehoach
layout_bench=$(cd "$build" && pwd)/bench/layout-bench
sample=$src/data/samples/reference-25-kh-thcs.kehoach.json
work=$(mktemp -d /tmp/kehoach-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
repeat=${REPEAT:-3}

# measure CMD… → "wall cpu megabytes": the best wall time of $RUNS (default $repeat) runs, the CPU time
# (user + system) and peak RSS of that run. On a loaded machine the CPU time is the steadier one.
measure () {
  local best="" best_cpu="" best_rss="" runs=${RUNS:-$repeat}
  for _ in $(seq "$runs"); do
    if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
      echo "failed: $* ($(tail -1 "$work/err"))" >&2; echo "- - -"; return
    fi
    read -r wall user sys rss <"$work/time"
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then
      best=$wall; best_cpu=$(awk "BEGIN { printf \"%.2f\", $user + $sys }"); best_rss=$rss
    fi
  done
  echo "$best $best_cpu $(awk "BEGIN { printf \"%.0f\", $best_rss / 1024 }")"
}

have_soffice=0
command -v soffice >/dev/null && have_soffice=1
# LibreOffice's first start creates its profile: not part of any measurement
if [ $have_soffice = 1 ]; then
  export HOME=$work/home
  mkdir -p "$HOME"
  echo '<p>x</p>' >"$work/warm.html"
  soffice --headless --convert-to pdf --outdir "$work" "$work/warm.html" >/dev/null 2>&1 || true
fi

run_case () {
  local name=$1 plan=$2 base=$3 k p l
  # The samples are not approved: a final copy is refused, so export them as drafts.
  k=$(measure "$kehoach" --export-pdf "$work/$name.pdf" --draft "$plan")
  p=$(measure pango-view --no-display --font="Tinos 12" --width=600 --wrap=word \
                         --output="$work/$name-pango.pdf" "$base.txt")
  if [ $have_soffice = 1 ]; then
    # One run: LibreOffice needs about 20 minutes for 10,000 rows
    l=$(RUNS=1 measure soffice --headless --convert-to pdf:writer_web_pdf_Export \
                               --outdir "$work/lo" "$base.html")
  else
    l="- - -"
  fi
  pages=$(pdfinfo "$work/$name.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  read -r kt kc km <<<"$k"; read -r pt pc pm <<<"$p"; read -r lt lc lm <<<"$l"
  printf '| %s | %s | %s s (%s) | %s MB | %s s (%s) | %s MB | %s s (%s) | %s MB |\n' \
         "$name" "$pages" "$kt" "$kc" "$km" "$pt" "$pc" "$pm" "$lt" "$lc" "$lm"
}

echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
     "$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Wall time, best of $repeat runs (LibreOffice: 1 run), with its CPU time (user + system) in"
echo "parentheses; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| plan | pages | kehoach --export-pdf | peak RSS | pango-view | peak RSS | LibreOffice | peak RSS |"
echo "|---|---|---|---|---|---|---|---|"

/usr/bin/python3 "$src/bench/make-plan.py" "$sample" 0 "$work/reference-copy.kehoach.json" "$work/reference"
# The reference plan itself (its own 5 rows), with text and HTML of the same content
run_case reference "$sample" "$work/reference"
for n in "${rows[@]}"; do
  /usr/bin/python3 "$src/bench/make-plan.py" "$sample" "$n" "$work/rows-$n.kehoach.json" "$work/rows-$n"
  run_case "$n rows" "$work/rows-$n.kehoach.json" "$work/rows-$n"
done

if [ -x "$layout_bench" ]; then
  echo
  "$layout_bench" "$sample"
fi
