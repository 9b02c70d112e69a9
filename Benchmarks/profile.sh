#!/usr/bin/env bash
# Where `ramverk kör` spends its time on a synthetic scenario of N posts: samples the
# release binary with perf and sums the samples per pipeline stage.
#
# Usage: Benchmarks/profile.sh [N]           (default: 1000000)
#
# Needs perf (apt-get install -y linux-perf) and a kernel that lets it sample
# (kernel.perf_event_paranoid ≤ 2, or root). Output: the stage table and the hottest
# leaf functions per stage; perf.data stays in Benchmarks/out/ for `perf report`.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/Benchmarks/out"
SCRATCH="$ROOT/.build-bench"
N=${1:-1000000}
export SWIFT_BACKTRACE=enable=no

command -v perf >/dev/null || { echo "profile.sh: perf is missing (apt-get install -y linux-perf)" >&2; exit 2; }
mkdir -p "$OUT"

if ! swift build -c release --scratch-path "$SCRATCH" >"$OUT/build.log" 2>&1; then
    cat "$OUT/build.log" >&2
    exit 1
fi
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/ramverk"

scenario="$OUT/scenario-$N.ramverk"
python3 Benchmarks/generate.py "$N" "$scenario"

# Frame-pointer call chains: cheap, and enough to attribute Swift frames. glibc's
# malloc has none, so a few percent of samples land in "outside the pipeline".
perf record -q -g -o "$OUT/perf-$N.data" "$BIN" kör "$scenario" >/dev/null
perf script -i "$OUT/perf-$N.data" -F comm,ip,sym 2>/dev/null | python3 Benchmarks/perf_stages.py --top 8
