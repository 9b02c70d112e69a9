#!/usr/bin/env bash
# Benchmark of `ramverk kontrollera` (issue #8): a folder of 290 generated kommun files
# (one per kommun, 2 000 posts each, Benchmarks/generate.py with seeds 1…290), checked
# in one run on both cores. Target: ≤ 1 s wall.
#
# Usage: Benchmarks/kontrollera.sh [FILES] [POSTS]      (default: 290 2000)
# Needs: swift, python3, hyperfine.
set -euo pipefail

cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
FILES=${1:-290}
POSTS=${2:-2000}
require swift python3 hyperfine
warn_if_busy
build_release

folder="$OUT/kommuner-$FILES-$POSTS"
if [ ! -f "$folder/kommun-$FILES.ramverk" ]; then
    mkdir -p "$folder"
    for i in $(seq 1 "$FILES"); do python3 Benchmarks/generate.py "$POSTS" "$folder/kommun-$i.ramverk" "$i"; done
fi
echo "$FILES files × $POSTS posts ($(du -sh "$folder" | cut -f1)); nproc $(nproc); source $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
"$BIN" kontrollera --tyst "$folder" && echo "all hold"
hyperfine --warmup 2 --runs 10 --export-markdown "$OUT/kontrollera.md" "$BIN kontrollera --tyst $folder"
cat "$OUT/kontrollera.md"
