#!/usr/bin/env python3
"""Share of CPU samples per pipeline stage, from `perf script -F comm,ip,sym` output.

Usage: perf script -i perf.data -F comm,ip,sym | Benchmarks/perf_stages.py [--top K]

With --top K, also lists the K hottest leaf functions (self time) of each stage,
demangled with `swift demangle --simplified` when it is on the PATH.

Each sample's call chain is walked from the leaf towards main; the first frame that
belongs to a known stage gets the sample (so the stdlib work a stage calls — hashing,
string appends, retain/release, malloc — counts for that stage). Samples with no
Ramverk frame (process start, dynamic loading, kernel work outside the chain) are
"outside the pipeline".
"""
import collections
import shutil
import subprocess
import sys

# (stage, substrings of mangled Swift symbols), tried in this order on each frame.
STAGES = [
    ("lexing (Lexer, TokenStream)", ["s7Ramverk5Lexer", "s7Ramverk11TokenStream"]),
    ("parsing (Parser)", ["s7Ramverk6Parser"]),
    ("reading the file (SourceFile, FileSystem, ProgramLoader)",
     ["s7Ramverk10SourceFile", "FileSystem", "s7Ramverk13ProgramLoader"]),
    ("checking / name tables (Checker)", ["s7Ramverk7Checker"]),
    ("evaluation and checks (Evaluator)", ["s7Ramverk9Evaluator"]),
    ("report building: Layout.recordMismatches", ["recordMismatches"]),
    ("report building: rest (DriftbudgetReportBuilder)", ["DriftbudgetReportBuilder"]),
    ("text rendering (TextReportRenderer, SwedishNumberFormat)",
     ["TextReportRenderer", "SwedishNumberFormat", "s7Ramverk9TextTable"]),
    ("writing stdout (Terminal)", ["8Terminal"]),
    ("other work in RunCommand.run (freeing the model, report, text)", ["RunCommand"]),
]


def classify(frames):
    for symbol in frames:
        for stage, needles in STAGES:
            if any(n in symbol for n in needles):
                return stage
    return "outside the pipeline (start-up, loader, unattributed kernel)"


def demangle(symbols):
    if not symbols or not shutil.which("swift"):
        return {s: s for s in symbols}
    result = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(symbols),
                            capture_output=True, text=True)
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) < len(symbols):
        return {s: s for s in symbols}
    return dict(zip(symbols, lines))


def main():
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 0
    counts = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    frames = []
    total = 0

    def finish():
        nonlocal total
        if frames:
            stage = classify(frames)
            counts[stage] += 1
            leaves[stage][frames[0]] += 1
            total += 1

    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line.strip():
            finish()
            frames = []
            continue
        if line.startswith((" ", "\t")):
            parts = line.split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else "")
    finish()
    if total == 0:
        sys.exit("no samples")
    print(f"{'stage':<66} {'share':>7}")
    order = [s for s, _ in STAGES] + ["outside the pipeline (start-up, loader, unattributed kernel)"]
    for stage in order:
        if counts[stage]:
            print(f"{stage:<66} {100 * counts[stage] / total:6.1f} %")
    print(f"{'samples':<66} {total:>7}")
    if top:
        names = demangle(sorted({s for c in leaves.values() for s, _ in c.most_common(top)}))
        for stage in order:
            if not counts[stage]:
                continue
            print(f"\n{stage} ({100 * counts[stage] / total:.1f} % of all samples), hottest leaf functions:")
            for symbol, count in leaves[stage].most_common(top):
                print(f"  {100 * count / total:5.1f} %  {names.get(symbol, symbol)[:140]}")


if __name__ == "__main__":
    main()
