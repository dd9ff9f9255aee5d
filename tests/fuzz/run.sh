#!/usr/bin/env bash
# Runs every libFuzzer target in tests/fuzz for a bounded time; scripts/dev test calls it after building the
# fuzz preset. Fails when any target crashes, leaks, times out on an input (-timeout), goes over its memory
# limit (-rss_limit_mb, which also caps single allocations) or does not run at all.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET] [PARALLEL]
#
# FUZZ_TIMEOUT: seconds one input may take (10; wall-clock, so raise it on a loaded machine). FUZZ_WORK: where
# runs write (BUILD_DIR/fuzz-run), so that a long run beside the suite keeps its own folder.
# Everything a run writes is under FUZZ_WORK/<target>: a copy of the seed corpus (libFuzzer adds
# the inputs it finds there), crash artifacts, the log and the scratch files the harnesses open (TMPDIR). The
# tracked seeds in tests/fuzz/corpus are only read.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$(cd "$1" && pwd)
WORK=${FUZZ_WORK:-$BUILD/fuzz-run}
SECONDS_PER_TARGET=${2:-30}
PARALLEL=${3:-2}

# target -> -max_len: a few times the largest seed, so that mutations can grow inputs without spending the
# run on megabyte files (a project.json is KBs; an audio header, its first blocks and a packet or two of a
# compressed stream fit in 16 KB; captions are a sentence).
declare -A MAX_LEN=([project]=16384 [audio]=16384 [safetensors]=4096 [caption]=1024)
# target -> -malloc_limit_mb, the largest single allocation allowed (the RSS limit when not given). The audio
# reader may believe a header only as far as the file could hold (AudioFileReader.cpp), so no input of 16 KB
# has a reason to allocate 128 MB at once; the two regression seeds in corpus/audio ask for 255 MB and 4 GB.
declare -A MALLOC_LIMIT=([audio]=128)

run_one() {
  local target=$1 work=$WORK/$1 dict=()
  rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts" "$work/tmp"
  cp "$ROOT/tests/fuzz/corpus/$target/"* "$work/corpus/"
  [ -f "$ROOT/tests/fuzz/$target.dict" ] && dict=(-dict="$ROOT/tests/fuzz/$target.dict")
  local rc=0
  # halt_on_error/abort: the first report ends the run with a failure; libFuzzer then writes the input as
  # artifacts/crash-*, leak-*, timeout-* or oom-*. Third-party leaks only are suppressed (lsan.supp).
  TMPDIR=$work/tmp \
  ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:allocator_may_return_null=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$ROOT/tests/sanitizer/lsan.supp:print_suppressions=0 \
  QT_QPA_PLATFORM=offscreen \
    "$BUILD/tests/fuzz/fuzz_$target" -max_total_time="$SECONDS_PER_TARGET" -max_len="${MAX_LEN[$target]}" \
      -rss_limit_mb=2048 -malloc_limit_mb="${MALLOC_LIMIT[$target]:-2048}" -timeout="${FUZZ_TIMEOUT:-10}" \
      -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${dict[@]}" \
      "$work/corpus" >"$work/log" 2>&1 || rc=$?
  # A target that exits 0 without libFuzzer's closing line did not fuzz (a missing library, an early exit).
  if [ "$rc" -eq 0 ] && ! grep -q '^Done [0-9]* runs' "$work/log"; then rc=1; fi
  echo "$rc" >"$work/rc"
}

targets=(project audio safetensors caption)
for t in "${targets[@]}"; do
  [ -x "$BUILD/tests/fuzz/fuzz_$t" ] || { echo "fuzz: $BUILD/tests/fuzz/fuzz_$t is not built" >&2; exit 1; }
done
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$PARALLEL" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

failed=0
for t in "${targets[@]}"; do
  work=$WORK/$t
  stat() { sed -n "s/^stat::$1: *//p" "$work/log" | tail -1; }
  printf 'fuzz_%-12s %10s runs  %6s exec/s  corpus %s -> %s inputs  rss %s MB\n' "$t" "$(stat number_of_executed_units)" \
    "$(stat average_exec_per_sec)" "$(ls "$ROOT/tests/fuzz/corpus/$t" | wc -l)" "$(ls "$work/corpus" | wc -l)" \
    "$(stat peak_rss_mb)"
  if [ "$(cat "$work/rc")" != 0 ]; then
    failed=1
    echo "fuzz_$t FAILED (exit $(cat "$work/rc")); input(s) in $work/artifacts, log $work/log:" >&2
    tail -n 60 "$work/log" >&2
  fi
done
exit "$failed"
