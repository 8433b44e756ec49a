#!/usr/bin/env bash
# Builds the libFuzzer target of the Word import with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer (LeakSanitizer comes with ASan) and runs it.
#
#   tests/fuzz/run-fuzz-docx.sh [RUNS] [extra libFuzzer flags...]
#
# RUNS defaults to 10000000 executions. Same build directory as run-fuzz.sh (_build-fuzz or
# $KEHOACH_FUZZ_BUILD_DIR); the corpus grows in <build>/fuzz-docx-corpus, findings land in
# <build>/fuzz-docx-findings/. Copy a finding into tests/fuzz/docx-regressions/ once it is fixed:
# the fuzz-docx-corpus test then replays it in every build. See docs/reliability.md.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${KEHOACH_FUZZ_BUILD_DIR:-$top/_build-fuzz}
runs=${1:-10000000}
shift || true

if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang meson setup "$build_dir" "$top" -Dwerror=true -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
meson compile -C "$build_dir" tests/fuzz/fuzz-docx

corpus="$build_dir/fuzz-docx-corpus"
seeds="$build_dir/fuzz-docx-seeds"
findings="$build_dir/fuzz-docx-findings"
mkdir -p "$corpus" "$seeds" "$findings"
# The seeds: XML parts of the rule fixtures, the reference Word plans, every earlier finding.
cp "$top"/tests/fuzz/docx-seeds/* "$top"/tests/docx-import/*.docx "$seeds"/
if compgen -G "$top/tests/fuzz/docx-regressions/*" >/dev/null; then
  cp "$top"/tests/fuzz/docx-regressions/* "$seeds"/
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export G_SLICE=always-malloc G_DEBUG=gc-friendly

# One core; inputs up to 16 KB (the seeds' XML parts are up to 7 KB; the reference packages,
# 30 to 60 KB, are only read as seeds); 10 s counts as a hang, 2 GB as the memory limit.
exec nice "$build_dir/tests/fuzz/fuzz-docx" \
  -runs="$runs" \
  -max_len=16384 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -malloc_limit_mb=2048 \
  -dict="$top/tests/fuzz/docx.dict" \
  -artifact_prefix="$findings/" \
  -print_final_stats=1 \
  "$@" \
  "$corpus" "$seeds"
