#!/usr/bin/env bash
# Benchmark of the language core: `ramverk kör` on synthetic scenarios of N posts,
# paired in the same run with `ledger -f J bal` on journals of N postings.
#
# Usage: Benchmarks/run.sh [SIZE ...]        (default: 10000 100000 1000000)
#
# Needs: swift, python3, hyperfine, ledger, GNU time (/usr/bin/time):
#   apt-get install -y hyperfine ledger time
# The yardstick journal generator is taken from ../shared/bench (override with
# BENCH_YARDSTICKS=DIR). Everything generated goes to Benchmarks/out/ (gitignored);
# the release build goes to .build-bench/ (gitignored). See BENCHMARKS.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/Benchmarks/out"
YARDSTICKS=${BENCH_YARDSTICKS:-$ROOT/../shared/bench}
SCRATCH="$ROOT/.build-bench"
export SWIFT_BACKTRACE=enable=no
export LC_ALL=C.UTF-8

if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(10000 100000 1000000); fi

for tool in swift python3 hyperfine ledger; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: GNU time is missing (apt-get install -y time)" >&2; exit 2; }
[ -f "$YARDSTICKS/gen_journals.py" ] || { echo "run.sh: no $YARDSTICKS/gen_journals.py (set BENCH_YARDSTICKS)" >&2; exit 2; }
for n in "${SIZES[@]}"; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge 2 ]] || { echo "run.sh: size '$n' is not a whole number ≥ 2" >&2; exit 2; }
done

mkdir -p "$OUT"

# Other work on the machine skews the timings; say so (measured before our own build).
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
if awk '{ exit !($1 > 0.5) }' /proc/loadavg; then
    echo "warning: the machine is busy (1-minute load $load_start > 0.5); the timings will be noisy" >&2
fi

echo "== build (release, --scratch-path .build-bench)"
if ! swift build -c release --scratch-path "$SCRATCH" >"$OUT/build.log" 2>&1; then
    cat "$OUT/build.log" >&2
    echo "run.sh: the release build failed" >&2
    exit 1
fi
tail -n 1 "$OUT/build.log"
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/ramverk"
[ -x "$BIN" ] || { echo "run.sh: no binary at $BIN" >&2; exit 1; }

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
revision="(not a git checkout)"
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    revision=$(git -C "$ROOT" rev-parse --short HEAD)
    if [ -n "$(git -C "$ROOT" --no-optional-locks status --porcelain -- Sources Package.swift)" ]; then
        revision="$revision + uncommitted changes under Sources/ or Package.swift"
    fi
fi
echo "source: $revision"
echo "ramverk: $("$BIN" --version), $(swift --version 2>&1 | head -n 1)"
echo "$(ledger --version | head -n 1)"
echo "$(hyperfine --version)"
echo "load average before the build: $load_start"

# Peak resident set size in KiB of one run (output thrown away).
peak_kib() {
    /usr/bin/time -f '%M' -o "$OUT/time.out" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$OUT/time.out"
}

RESULTS="$OUT/results.tsv"
printf 'size\tramverk_s\tramverk_sd\tramverk_min\tledger_s\tledger_sd\tledger_min\tramverk_kib\tledger_kib\n' > "$RESULTS"

for n in "${SIZES[@]}"; do
    echo "== $n posts"
    scenario="$OUT/scenario-$n.ramverk"
    journal="$OUT/j$n.journal"
    python3 Benchmarks/generate.py "$n" "$scenario"
    python3 "$YARDSTICKS/gen_journals.py" "$n" "$OUT" >/dev/null
    rm -f "$OUT/j$n.beancount"

    # The scenario must be valid and every check must pass (exit 0), or the timing is
    # of an error path.
    rc=0; "$BIN" kör "$scenario" >/dev/null 2>"$OUT/scenario-$n.stderr" || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "run.sh: ramverk kör $scenario exited $rc (expected 0):" >&2
        head -n 20 "$OUT/scenario-$n.stderr" >&2
        exit 1
    fi
    ledger -f "$journal" bal >/dev/null

    if   [ "$n" -le 20000 ];  then warmup=3; runs=10
    elif [ "$n" -le 200000 ]; then warmup=2; runs=5
    else                           warmup=1; runs=3
    fi
    hyperfine -N --warmup "$warmup" --runs "$runs" --output=null --style basic \
        --export-json "$OUT/hyperfine-$n.json" \
        -n ramverk "$BIN kör $scenario" \
        -n ledger "ledger -f $journal bal"

    r_kib=$(peak_kib "$BIN" kör "$scenario")
    l_kib=$(peak_kib ledger -f "$journal" bal)
    python3 - "$OUT/hyperfine-$n.json" "$n" "$r_kib" "$l_kib" >> "$RESULTS" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))["results"]
by = {r["command"]: r for r in data}
n, rk, lk = sys.argv[2], sys.argv[3], sys.argv[4]
r, l = by["ramverk"], by["ledger"]
print(f"{n}\t{r['mean']:.4f}\t{r['stddev'] or 0:.4f}\t{r['min']:.4f}\t"
      f"{l['mean']:.4f}\t{l['stddev'] or 0:.4f}\t{l['min']:.4f}\t{rk}\t{lk}")
EOF
done

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average after the sized runs: $load_end"

echo "== Haninge scenario (exit 1 expected: the printed document has mistakes)"
rc=0; "$BIN" kör Scenarios/haninge-2021.ramverk >/dev/null 2>&1 || rc=$?
if [ "$rc" -gt 1 ]; then
    echo "run.sh: ramverk kör Scenarios/haninge-2021.ramverk exited $rc (expected 0 or 1)" >&2
    exit 1
fi
hyperfine -N -i --warmup 20 --runs 200 --output=null --style basic \
    --export-json "$OUT/hyperfine-haninge.json" \
    -n "ramverk kör haninge" "$BIN kör Scenarios/haninge-2021.ramverk" \
    -n "ramverk --version" "$BIN --version"

python3 - "$RESULTS" "$OUT/hyperfine-haninge.json" "$load_start" "$load_end" <<'EOF' | tee "$OUT/results.md"
import json, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])][1:]
print()
print("| posts | ramverk s mean ± sd (min) | ledger s mean ± sd (min) | ramverk posts/s | ledger postings/s "
      "| ratio (ramverk/ledger) | ramverk peak RSS | ramverk B/post | ledger B/posting |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
verdict = []
for n, rs, rsd, rmin, ls, lsd, lmin, rk, lk in rows:
    n, rk, lk = int(n), int(rk), int(lk)
    rs, rsd, rmin, ls, lsd, lmin = map(float, (rs, rsd, rmin, ls, lsd, lmin))
    rps, lps = n / rs, n / ls
    ratio = rps / lps
    rb, lb = rk * 1024 / n, lk * 1024 / n
    print(f"| {n:,} | {rs:.3f} ± {rsd:.3f} ({rmin:.3f}) | {ls:.3f} ± {lsd:.3f} ({lmin:.3f}) | {rps:,.0f} | {lps:,.0f} | "
          f"{ratio:.2f}× | {rk / 1024:,.0f} MiB | {rb:,.0f} | {lb:,.0f} |".replace(",", " "))
    if n == 1_000_000:
        verdict.append(f"- 1M: ratio {ratio:.2f}× (target ≥ 5×): {'MET' if ratio >= 5 else 'NOT MET'}")
        verdict.append(f"- 1M: {rb:.0f} bytes per post peak RSS (target ≤ 300): {'MET' if rb <= 300 else 'NOT MET'}")
h = {r["command"]: r for r in json.load(open(sys.argv[2]))["results"]}
k, v = h["ramverk kör haninge"], h["ramverk --version"]
print()
print(f"Haninge (`ramverk kör Scenarios/haninge-2021.ramverk`): mean {k['mean']*1000:.2f} ms ± "
      f"{k['stddev']*1000:.2f} ms, median {k['median']*1000:.2f} ms, max {k['max']*1000:.2f} ms "
      f"({len(k['times'])} runs); `ramverk --version`: mean {v['mean']*1000:.2f} ms")
verdict.append(f"- Haninge: {k['mean']*1000:.2f} ms mean (target ≤ 10 ms): {'MET' if k['mean'] <= 0.010 else 'NOT MET'}")
if not any(int(r[0]) == 1_000_000 for r in rows):
    verdict.append("- 1M targets: not measured in this run (pass 1000000 as a size)")
print()
print("posts/s and the ratio use the means; peak RSS is one run under /usr/bin/time -f %M.")
print(f"Load average: {sys.argv[3]} before the build, {sys.argv[4]} after the sized runs.")
print()
print("Targets:")
print("\n".join(verdict))
EOF
