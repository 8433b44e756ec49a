#!/usr/bin/env bash
# Builds the libFuzzer target for the plan file loader with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer (LeakSanitizer comes with ASan) and runs it.
#
#   tests/fuzz/run-fuzz.sh [RUNS] [extra libFuzzer flags...]
#
# RUNS defaults to 10000000 executions. The fuzz build lives in _build-fuzz (or
# $KEHOACH_FUZZ_BUILD_DIR); the growing corpus in <build>/fuzz-corpus, and any crash, leak or
# timeout in <build>/fuzz-findings/. Copy a finding into tests/fuzz/regressions/ once it is
# fixed: the fuzz-corpus test then replays it in every build. See docs/reliability.md.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${KEHOACH_FUZZ_BUILD_DIR:-$top/_build-fuzz}
runs=${1:-10000000}
shift || true

if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang meson setup "$build_dir" "$top" -Dwerror=true -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
meson compile -C "$build_dir" tests/fuzz/fuzz-plan-json

corpus="$build_dir/fuzz-corpus"
seeds="$build_dir/fuzz-seeds"
findings="$build_dir/fuzz-findings"
mkdir -p "$corpus" "$seeds" "$findings"
# The seeds: the samples, the valid fixture, every malformed case and every earlier finding.
cp "$top"/data/samples/*.json "$top"/tests/json/valid-small.kehoach.json \
   "$top"/tests/json/malformed/*.json "$seeds"/
if compgen -G "$top/tests/fuzz/regressions/*" >/dev/null; then
  cp "$top"/tests/fuzz/regressions/* "$seeds"/
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# GLib's slice allocator and type system keep memory on purpose; plain malloc makes leaks ours.
export G_SLICE=always-malloc G_DEBUG=gc-friendly

# One core (the machine is shared); inputs up to 8 KB, which covers every construct of the
# format while keeping executions fast (big inputs are tested by tests/json/test-json-limits);
# any input taking more than 10 s counts as a hang, and 2 GB as the memory limit. Later flags
# given on the command line override these.
exec nice "$build_dir/tests/fuzz/fuzz-plan-json" \
  -runs="$runs" \
  -max_len=8192 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -malloc_limit_mb=2048 \
  -dict="$top/tests/fuzz/plan-json.dict" \
  -artifact_prefix="$findings/" \
  -print_final_stats=1 \
  "$@" \
  "$corpus" "$seeds"
