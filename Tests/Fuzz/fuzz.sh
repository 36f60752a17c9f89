#!/usr/bin/env bash
# Builds the two libFuzzer targets (-sanitize=fuzzer,address), seeds them and runs them:
#   Tests/Fuzz/fuzz.sh run N    each target for N inputs (make fuzz; N defaults to 10 million)
#   Tests/Fuzz/fuzz.sh smoke    each target for 20 seconds (make test)
# claimsh-fuzz-script takes whole scripts against seeds/, seeded with examples/*.cq and the
# keywords in claimsh.dict; claimsh-fuzz-load takes JSON Lines, JSON arrays, articles with a
# header and snapshots, seeded from load-seeds/. A crash is saved under .build-fuzz/crashes/
# and replays without the sanitizer: `swift build` and run `claimsh-fuzz-script FILE`; once
# fixed, it goes in regressions/, which every run replays first.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-smoke}
runs=${2:-10000000}
flags=(-c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING)
for target in script load; do
  swift build "${flags[@]}" --product "claimsh-fuzz-$target" 2>&1 | grep -v 'ld.gold: warning' | grep -E 'error|Compiling|Build' || true
done
bin=$(swift build "${flags[@]}" --show-bin-path)
for target in script load; do [ -x "$bin/claimsh-fuzz-$target" ] || { echo "fuzz: claimsh-fuzz-$target did not build" >&2; exit 1; }; done
work=.build-fuzz/work
mkdir -p "$work/script" "$work/load" "$work/crashes" "$work/script-seeds" "$work/load-seeds"

# seeds: every example after a byte that picks the table mode; each loader seed after the byte
# that picks its kind (0 JSON Lines, 1 JSON, 2 article, 3 snapshot, 4 Parquet, 5 web page, 6 web archive)
for f in examples/*.cq; do { printf '\000'; cat "$f"; } >"$work/script-seeds/$(basename "$f")"; done
for f in Tests/Fuzz/load-seeds/*; do
  case "$f" in *.jsonl) kind='\000' ;; *.json) kind='\001' ;; *.html) kind='\005' ;; *.warc) kind='\006' ;; *) kind='\002' ;; esac
  { printf "$kind"; cat "$f"; } >"$work/load-seeds/$(basename "$f")"
done
swift build --product claimsh 2>&1 | grep -E 'error' || true
"$(swift build --show-bin-path)/claimsh" --corpus Tests/Fuzz/load-seeds/article.txt -c ".save $work/article.claimsh" >/dev/null 2>&1
{ printf '\003'; cat "$work/article.claimsh"; } >"$work/load-seeds/article.claimsh"
"$(swift build --show-bin-path)/claimsh" --corpus Tests/Fuzz/load-seeds/claims.jsonl -c ".export $work/claims.parquet claims" >/dev/null 2>&1
{ printf '\004'; cat "$work/claims.parquet"; } >"$work/load-seeds/claims.parquet"

case "$mode" in
  smoke) budget=(-max_total_time=20) ;;
  run) budget=(-runs="$runs") ;;
  *) echo "usage: $0 smoke | run [N]" >&2; exit 2 ;;
esac
common=(-timeout=30 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$work/crashes/")
# Swift's own crash reporter would fight the sanitizer's: the sanitizer reports
export SWIFT_BACKTRACE=enable=no
# leaks in Foundation, not in claimsh (see the file)
export LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
run() {
  local target=$1
  shift
  echo "fuzz: claimsh-fuzz-$target"
  "$bin/claimsh-fuzz-$target" "${common[@]}" "${budget[@]}" "$@" >"$work/$target.log" 2>&1 || status=1
  grep -E '^#[0-9]+ *DONE|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|ERROR|SUMMARY|Fatal error|Test unit written' "$work/$target.log" || true
}
run script -dict=Tests/Fuzz/claimsh.dict -max_len=1024 "$work/script" "$work/script-seeds" Tests/Fuzz/regressions/script
run load -detect_leaks=0 -max_len=16384 "$work/load" "$work/load-seeds" Tests/Fuzz/regressions/load
if [ $status -ne 0 ] || [ -n "$(ls -A "$work/crashes")" ]; then
  echo "fuzz: a target failed; logs in $work/*.log, inputs in $work/crashes:" >&2
  ls "$work/crashes" >&2
  exit 1
fi
