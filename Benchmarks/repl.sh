#!/usr/bin/env bash
# The REPL's what-if speed (issue #7: an answer in ≤ 50 ms on the largest scenario):
# loads a generated scenario of N posts (default 1 000 000) in `ramverk repl`, types
# 20 what-ifs on posts spread through the file with `:tid` on, three times, and prints
# the smallest, median and largest time from each `:om` line to its answer. Then the
# same from outside: the run with 1 000 what-ifs against the run with none.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
scenario="/tmp/ramverk-repl-$n.ramverk"
[ -f "$scenario" ] || python3 Benchmarks/generate.py "$n" "$scenario"
# RAMVERK=path/to/ramverk uses a binary already built (release).
ramverk="${RAMVERK:-}"
if [ -z "$ramverk" ]; then
  swift build -c release >/dev/null
  ramverk="$(swift build -c release --show-bin-path)/ramverk"
fi

# 20 posts, each by its full path, at even steps through the file.
python3 - "$scenario" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
step = len(lines) // 21
stack, targets = [], []
for number, line in enumerate(lines):
    text = line.strip()
    opened = re.match(r'område (.+?) \{$', text)
    if opened:
        stack.append(opened.group(1))
    elif text == '}':
        stack.pop()
    elif text.startswith('post ') and len(targets) < 20 and number >= step * (len(targets) + 1):
        name = re.match(r'post (".*?"|.+?)\s+2024:', text).group(1).strip('"')
        targets.append('.'.join('"%s"' % part for part in stack + [name]))
kinds = ['= 800', 'ökar med 10 %', 'minskar med 2 000', 'uteblir']
with open('/tmp/ramverk-repl-20.txt', 'w', encoding='utf-8') as out:
    out.write(':tid\n' + ''.join(':om %s %s\n' % (t, kinds[i % 4]) for i, t in enumerate(targets)))
with open('/tmp/ramverk-repl-1000.txt', 'w', encoding='utf-8') as out:
    out.write(''.join(':om %s ökar med 1\n' % targets[i % 20] for i in range(1000)))
PY

echo "ramverk repl, $n posts: 20 what-ifs (time from the :om line to the answer, :tid)"
for run in 1 2 3; do
  "$ramverk" repl "$scenario" < /tmp/ramverk-repl-20.txt | grep -o 'tid: [0-9,]* ms' | tail -n 20 \
    | sed 's/tid: //; s/ ms//; s/,/./' | sort -n \
    | awk '{ t[NR] = $1 } END { printf "  run: min %s ms, median %s ms, max %s ms\n", t[1], t[int((NR + 1) / 2)], t[NR] }'
done
echo "From outside: wall time with no what-if, and with 1 000"
for run in 1 2 3; do
  none=$( { /usr/bin/time -f %e "$ramverk" repl "$scenario" < /dev/null > /dev/null; } 2>&1 )
  many=$( { /usr/bin/time -f %e "$ramverk" repl "$scenario" < /tmp/ramverk-repl-1000.txt > /dev/null; } 2>&1 )
  echo "  run: $none s / $many s"
done
