#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# docx-export-bench.sh BUILD_DIR [ROWS…]
#
# Whole-process wall time and peak memory (RSS) of `kehoach --export-docx` next to
# `kehoach --export-pdf` of the same plan in the same run: the reference plan, then copies of it
# whose appendix table has 1,000 and 10,000 rows (bench/make-plan.py). Targets (issue 14): the
# reference plan's Word export within 1.5× its PDF export; 10,000 rows under 5 s and 150 MB.
# Prints a Markdown table. Needs /usr/bin/time (package time).
set -eu

build=${1:?usage: docx-export-bench.sh BUILD_DIR [ROWS…]}
shift
rows=("$@")
[ ${#rows[@]} -gt 0 ] || rows=(1000 10000)

src=$(cd "$(dirname "$0")/.." && pwd)
kehoach=$(cd "$build" && pwd)/src/kehoach
sample=$src/data/samples/reference-25-kh-thcs.kehoach.json
work=$(mktemp -d /tmp/kehoach-docx-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
repeat=${REPEAT:-5}

# measure CMD… → "wall cpu megabytes": the best wall time of $repeat runs, the CPU time
# (user + system) and peak RSS of that run
measure () {
  local best="" best_cpu="" best_rss=""
  for _ in $(seq "$repeat"); do
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

run_case () {
  local name=$1 plan=$2 d p
  # The samples are not approved: both exports as drafts (watermark included)
  d=$(measure "$kehoach" --export-docx "$work/$name.docx" --draft "$plan")
  p=$(measure "$kehoach" --export-pdf "$work/$name.pdf" --draft "$plan")
  read -r dt dc dm <<<"$d"; read -r pt pc pm <<<"$p"
  printf '| %s | %s KB | %s s (%s) | %s MB | %s s (%s) | %s MB | %s |\n' \
         "$name" "$(( $(stat -c %s "$work/$name.docx") / 1024 ))" "$dt" "$dc" "$dm" "$pt" "$pc" "$pm" \
         "$(awk "BEGIN { printf \"%.2f\", $dt / $pt }")"
}

echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
     "$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Wall time, best of $repeat runs, with its CPU time (user + system) in parentheses;"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| plan | .docx | kehoach --export-docx | peak RSS | kehoach --export-pdf | peak RSS | docx / pdf |"
echo "|---|---|---|---|---|---|---|"
run_case reference "$sample"
for n in "${rows[@]}"; do
  /usr/bin/python3 "$src/bench/make-plan.py" "$sample" "$n" "$work/rows-$n.kehoach.json"
  run_case "$n rows" "$work/rows-$n.kehoach.json"
done
