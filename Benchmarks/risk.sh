#!/usr/bin/env bash
# Benchmark of the Monte Carlo simulation (issue #5): `ramverk risk` on the 20-driver
# model of ../shared/bench/mc_model.md (Benchmarks/mc-modell.ramverk), 1 000 000
# iterations, whole process, paired in the same hyperfine run with ../shared/bench/mc.c
# (gcc -O2, single-threaded); then the peak memory of 10 000 000 iterations.
#
# Usage: Benchmarks/risk.sh [ITERATIONS]       (default: 1000000)
# Needs: swift, gcc, hyperfine, GNU time (apt-get install -y hyperfine time gcc).
set -euo pipefail

cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
YARDSTICKS=${BENCH_YARDSTICKS:-$ROOT/../shared/bench}
N=${1:-1000000}
[ -f "$YARDSTICKS/mc.c" ] || { echo "risk.sh: no $YARDSTICKS/mc.c (set BENCH_YARDSTICKS)" >&2; exit 2; }
require swift gcc hyperfine
warn_if_busy
build_release
gcc -O2 -o "$OUT/mc_c" "$YARDSTICKS/mc.c" -lm
echo "nproc: $(nproc); source: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

MODEL=Benchmarks/mc-modell.ramverk
echo "== agreement ($N iterations)"
"$OUT/mc_c" "$N"
"$BIN" risk "$MODEL" --iterationer "$N" --frö 42 | grep -E 'Resultat  |P\(resultat'

echo "== time ($N iterations, whole process)"
hyperfine --warmup 2 --runs 10 --export-markdown "$OUT/risk.md" \
    -n "mc.c (gcc -O2, 1 thread)" "$OUT/mc_c $N" \
    -n "ramverk risk (2 threads)" "$BIN risk $MODEL --iterationer $N" \
    -n "ramverk risk (1 thread)" "$BIN risk $MODEL --iterationer $N --trådar 1"
cat "$OUT/risk.md"

echo "== memory (10 000 000 iterations)"
/usr/bin/time -f 'ramverk: %e s, peak %M KiB' "$BIN" risk "$MODEL" --iterationer 10000000 >/dev/null
/usr/bin/time -f 'mc.c:    %e s, peak %M KiB' "$OUT/mc_c" 10000000 >/dev/null
