#!/usr/bin/env bash
# Benchmark of `ramverk jämför` (issue #6): scenarios on the largest synthetic scenario
# (Benchmarks/generate.py N posts), each changing five posts and a ram and adding a
# post. Timed: `kontrollera` of the base alone (load, check, evaluate), and `jämför
# --bara-ändringar` with 1 and with 10 scenarios; (t10 − t1) / 9 is what one more
# scenario costs, which should be a small part of evaluating the base.
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
python3 - "$base" "$OUT" "$N" <<'PY'
import re, sys
base, out, n = sys.argv[1], sys.argv[2], sys.argv[3]
# Posts by their full path (names repeat across areas in a large file).
path, posts = [], []
for line in open(base, encoding="utf-8"):
    area = re.match(r"\s*område (.+?) \{", line)
    post = re.match(r"\s*post (.+?)\s{2,}2024:", line)
    if area: path.append(area.group(1).strip('"'))
    elif post: posts.append(path + [post.group(1).strip('"')])
    elif line.strip() == "}": path.pop()
def ref(parts): return ".".join(f'"{p}"' for p in parts)
for count in (1, 10):
    with open(f"{out}/alternativ-{n}-{count}.ramverk", "w", encoding="utf-8") as f:
        f.write(f'inkludera "{base.rsplit("/", 1)[1]}"\n\n')
        for k in range(count):
            f.write(f'scenario "Alternativ {k + 1}" {{\n')
            for j in range(5):
                f.write(f'  {ref(posts[(k * 5 + j) * 7919 % len(posts)])}.2025 ökar med {k + j + 1} %\n')
            f.write(f'  ram 2025 = ram 2024 × 10{k} %\n')
            f.write(f'  post "Ny satsning {k + 1}" 2025: {(k + 1) * 1000}\n')
            f.write('}\n')
PY
echo "N=$N posts; nproc $(nproc); source $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
hyperfine -i --warmup 1 --runs 5 --export-markdown "$OUT/jamfor.md" \
    -n "kontrollera (base only)" "$BIN kontrollera --tyst $base" \
    -n "jämför, 1 scenario" "$BIN jämför --bara-ändringar $OUT/alternativ-$N-1.ramverk" \
    -n "jämför, 10 scenarios" "$BIN jämför --bara-ändringar $OUT/alternativ-$N-10.ramverk"
cat "$OUT/jamfor.md"
/usr/bin/time -f 'jämför, 10 scenarios: peak %M KiB' "$BIN" jämför --bara-ändringar "$OUT/alternativ-$N-10.ramverk" >/dev/null || true
