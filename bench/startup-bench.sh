#!/bin/sh
# Start-up time and peak memory of kehoach opening the reference plan, next to GNOME Text
# Editor opening a text file of the same plan, alternating, in one Xvfb and D-Bus session.
# Run by hand (bench/README.md), never by meson test.
#
#   bench/startup-bench.sh [BUILD_DIR] [N]        (defaults: _build, 10)
#
# For each launch: the time until the app's first window is mapped (polled with xdotool
# every 5 ms); the time of its first frame, recorded inside the app by the preloaded
# bench/frame-probe module (exact); the time the first painted content is seen from outside
# (a capture with ImageMagick's import that is not one uniform colour: a check on the probe,
# late by up to one capture); and the peak RSS (VmHWM) read 2 s after the window appeared,
# just before the app is killed. Both apps are measured the same way. "File shown" is the
# first frame, except when kehoach's first frame was a blank window (a slow load): then it
# is when the window takes the plan's title. One launch of each,
# not counted, comes first: it starts the session's accessibility bus.
set -eu

build=${1:-_build}
n=${2:-10}
src=$(cd "$(dirname "$0")/.." && pwd)
plan=${PLAN:-$src/data/samples/reference-25-kh-thcs.kehoach.json}
text=${TEXT:-/work/shared/reference/000_9d40fd3c18f1ff50.txt}
build=$(cd "$build" && pwd)
probe=$build/bench/libframe-probe.so
[ -f "$probe" ] || { echo "startup-bench: build $probe first (meson compile -C $build)" >&2; exit 1; }

if [ -z "${STARTUP_BENCH_INNER:-}" ]; then
  for tool in xvfb-run dbus-run-session xdotool import gnome-text-editor; do
    command -v "$tool" >/dev/null || { echo "startup-bench: $tool is missing" >&2; exit 1; }
  done
  STARTUP_BENCH_INNER=1 exec xvfb-run -a -s '-screen 0 1280x1024x24' \
    dbus-run-session -- "$0" "$build" "$n"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now_ms () { echo $(( $(date +%s%N) / 1000000 )); }

# measure NAME COMMAND...: launches COMMAND in the background and appends
# "NAME mapped_ms painted_ms shown_ms peak_kb capture_ms" to $tmp/results.
measure () {
  name=$1; shift
  home=$tmp/home-$name-$$-$(now_ms)
  mkdir -p "$home/data" "$home/config" "$home/cache"
  frames=$home/frames
  start=$(now_ms)
  XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache \
    LD_PRELOAD=$probe FRAME_PROBE_LOG=$frames \
    "$@" >"$tmp/$name.log" 2>&1 &
  pid=$!
  win=
  while [ -z "$win" ]; do
    win=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n 1 || true)
    if [ -z "$win" ]; then
      kill -0 "$pid" 2>/dev/null || { echo "$name exited early:" >&2; cat "$tmp/$name.log" >&2; exit 1; }
      if [ $(( $(now_ms) - start )) -gt 30000 ]; then echo "$name: no window in 30 s" >&2; exit 1; fi
      sleep 0.005
    fi
  done
  mapped=$(( $(now_ms) - start ))
  # Painted: the window's pixels are no longer one colour (a fresh window is uniform).
  # The figure is the time when the first successful capture began; one capture's duration
  # (the "capture" column) is the uncertainty.
  while :; do
    t0=$(now_ms)
    title=$(xdotool getwindowname "$win" 2>/dev/null || true)
    sd=$(import -window "$win" -depth 8 -format '%[fx:standard_deviation>0.01?1:0]' info: 2>/dev/null || echo 0)
    [ "$sd" = 1 ] && break
    if [ $(( $(now_ms) - start )) -gt 30000 ]; then echo "$name: never painted" >&2; exit 1; fi
  done
  capture=$(( $(now_ms) - t0 ))
  painted=$(( t0 - start ))
  first_frame=$(( $(head -n 1 "$frames") / 1000 - start ))
  # kehoach loads the file in a thread. When that takes more than a moment, it presents a
  # blank "New Plan" window meanwhile: the plan is shown when the window takes the plan's
  # title (GTK paints it in the next frame, within ~16 ms). Otherwise the first frame already
  # has the plan (the title read just before the capture was the plan's).
  shown=$first_frame
  if [ -n "${BLANK_TITLE:-}" ] && case $title in "$BLANK_TITLE"*) true ;; *) false ;; esac; then
    while xdotool getwindowname "$win" 2>/dev/null | grep -q "^$BLANK_TITLE"; do
      if [ $(( $(now_ms) - start )) -gt 30000 ]; then echo "$name: file never shown" >&2; exit 1; fi
      sleep 0.005
    done
    shown=$(( $(now_ms) - start ))
  fi
  [ -n "${SHOT_DIR:-}" ] && import -window "$win" "$SHOT_DIR/$name.png" 2>/dev/null || true
  sleep 2
  peak=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$name $mapped $first_frame $painted $shown $peak $capture" >>"$tmp/results"
}

export GSK_RENDERER=${GSK_RENDERER:-cairo}
echo "startup-bench: $n alternating launches each; $(uptime)"
BLANK_TITLE=
measure warm-up-kehoach env GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory "$build/src/kehoach" "$plan"
measure warm-up-text-editor env GSETTINGS_BACKEND=memory gnome-text-editor --standalone "$text"
i=0
while [ "$i" -lt "$n" ]; do
  BLANK_TITLE='New Plan'
  measure kehoach env GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory "$build/src/kehoach" "$plan"
  BLANK_TITLE=
  measure text-editor env GSETTINGS_BACKEND=memory gnome-text-editor --standalone "$text"
  i=$((i + 1))
done
echo "after the run: $(uptime)"

# Minimum, median and maximum of column $2 for app $1.
stats () {
  awk -v app="$1" '$1 == app { print $'"$2"' }' "$tmp/results" | sort -n |
    awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
           printf "%s / %s / %s", v[1], m, v[NR] }'
}
printf '\n| app | window mapped, ms | first frame, ms | first paint seen, ms | file shown, ms | peak RSS, kB | one capture, ms |\n'
printf '|---|---|---|---|---|---|---|\n'
for app in kehoach text-editor; do
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$app" "$(stats $app 2)" "$(stats $app 3)" \
         "$(stats $app 4)" "$(stats $app 5)" "$(stats $app 6)" "$(stats $app 7)"
done
echo "(min / median / max of $n launches each)"
