#!/usr/bin/env bash
# Fuzz/run.sh SEKUNDER — runs the libFuzzer target over the whole pipeline for SEKUNDER
# seconds (default 60). Exit 0 when no input crashed, hung or broke an invariant;
# otherwise the input is in .build-fuzzer/crashes/ and the exit code is libFuzzer's.
#
# Builds Fuzz/ (a package of its own) into .build-fuzzer/ with
# -sanitize=fuzzer,address. Seeds: every .ramverk file in the repository, every
# ```ramverk block of the README and docs/, and every input in Fuzz/regressions/.
# The corpus libFuzzer grows is kept in .build-fuzzer/corpus/ between runs.
#
# Reproduce one input:  .build-fuzzer/debug/RamverkFuzz FILE
# Options after SEKUNDER go to libFuzzer (e.g. -jobs=2, -seed=7).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
case "$seconds" in
  ''|*[!0-9]*) echo "usage: Fuzz/run.sh SEKUNDER [libFuzzer-flaggor]" >&2; exit 64 ;;
esac

# A trap must end the process at once: swift-backtrace can take half a minute.
export SWIFT_BACKTRACE=enable=no
# LeakSanitizer is off: the Swift runtime keeps its metadata caches until exit.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"

scratch=.build-fuzzer
# Debug, so the harness may `@testable import` the library; -O on top, which makes it
# run about eight times faster (overflow and bounds checks stay on).
swift build --package-path Fuzz --scratch-path "$scratch" -c debug \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -O --product RamverkFuzz
binary="$scratch/debug/RamverkFuzz"

# Seeds, rebuilt every run from what the repository holds now.
seeds="$scratch/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$scratch/corpus" "$scratch/crashes"
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  cp "$file" "$seeds/file-$n.ramverk"
done < <(find . -path ./.git -prune -o -path './.build*' -prune -o -name '*.ramverk' -type f -print0)
for markdown in README.md docs/*.md; do
  awk -v out="$seeds/$(basename "$markdown" .md)" '
    /^```ramverk/ { inside = 1; n++; file = out "-" n ".ramverk"; printf "" > file; next }
    /^```/ && inside { inside = 0; close(file); next }
    inside { print >> file }
  ' "$markdown"
done
# REPL seeds: the script of Fuzz/repl-script.txt typed into a session with each scenario.
for scenario in Scenarios/*.ramverk; do
  { printf '#!repl\n'; cat Fuzz/repl-script.txt; printf '# fil: scenario.ramverk\n'; cat "$scenario"; } \
    > "$seeds/repl-$(basename "$scenario")"
done
{ printf '#!repl\n'; cat Fuzz/repl-script.txt; } > "$seeds/repl-tom.ramverk"
if [ -d Fuzz/regressions ]; then
  cp Fuzz/regressions/* "$seeds/" 2>/dev/null || true
fi
echo "fuzz: $(ls "$seeds" | wc -l) seeds, $seconds s" >&2

set +e
"$binary" "$scratch/corpus" "$seeds" \
  -dict=Fuzz/ramverk.dict \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -max_len=32768 \
  -artifact_prefix="$scratch/crashes/" \
  -print_final_stats=1 \
  "$@" 2>&1 | tee "$scratch/last-run.log"
status=${PIPESTATUS[0]}
set -e

# The figures for docs/tillförlitlighet.md.
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/last-run.log" | tail -n 1)
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$scratch/last-run.log" | tail -n 1)
echo "fuzz: ${runs:-?} körningar, ${speed:-?} per sekund, slutkod $status, korpus $(ls "$scratch/corpus" | wc -l) filer" >&2
if [ "$status" -ne 0 ]; then
  echo "fuzz: indata som kraschade ligger i $scratch/crashes/; lägg det i Fuzz/regressions/ och rätta felet" >&2
fi
exit "$status"
