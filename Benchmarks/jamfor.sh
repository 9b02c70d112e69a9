#!/usr/bin/env bash
# Benchmark of `ramverk jämför` (issue #6): 10 scenarios on the largest synthetic
# scenario (Benchmarks/generate.py N posts), each changing a few posts, a ram and
# adding a post, against `ramverk kör` on the base alone. A scenario should cost in
# proportion to what it changes, not the whole model.
#
# Usage: Benchmarks/jamfor.sh [N]       (default: 1000000)
# Needs: swift, python3, hyperfine.
set -euo pipefail

cd "$(dirname "$0")/.."
source Benchmarks/lib.sh
N=${1:-1000000}
require swift python3 hyperfine
warn_if_busy
build_release

base="$OUT/scenario-$N.ramverk"
[ -f "$base" ] || python3 Benchmarks/generate.py "$N" "$base"
alternatives="$OUT/alternativ-$N.ramverk"
python3 - "$base" "$alternatives" <<'PY'
import re, sys
base, out = sys.argv[1], sys.argv[2]
# Posts by their full path (names repeat across areas in a large file).
path, posts = [], []
for line in open(base, encoding="utf-8"):
    area = re.match(r"\s*område (.+?) \{", line)
    post = re.match(r"\s*post (.+?)\s{2,}2024:", line)
    if area: path.append(area.group(1).strip('"'))
    elif post: posts.append(path + [post.group(1).strip('"')])
    elif line.strip() == "}": path.pop()
def ref(parts): return ".".join(f'"{p}"' for p in parts)
with open(out, "w", encoding="utf-8") as f:
    f.write(f'inkludera "{base.rsplit("/", 1)[1]}"\n\n')
    for k in range(10):
        f.write(f'scenario "Alternativ {k + 1}" {{\n')
        for j in range(5):
            f.write(f'  {ref(posts[(k * 5 + j) * 7919 % len(posts)])}.2025 ökar med {k + j + 1} %\n')
        f.write(f'  ram 2025 = ram 2024 × 10{k} %\n')
        f.write(f'  post "Ny satsning {k + 1}" 2025: {(k + 1) * 1000}\n')
        f.write('}\n')
PY
echo "N=$N posts, 10 scenarios; nproc $(nproc); source $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
hyperfine -i --warmup 1 --runs 5 --export-markdown "$OUT/jamfor.md" \
    -n "kör (base only)" "$BIN kör $base --format json" \
    -n "jämför (base + 10 scenarios)" "$BIN jämför $alternatives --format json" || true
cat "$OUT/jamfor.md"
