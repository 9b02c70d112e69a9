# Shared by the benchmark scripts: the checks and the release build they all need.
# Source it after `cd` to the repository; it sets ROOT, OUT, SCRATCH and BIN.

ROOT=$(pwd)
OUT="$ROOT/Benchmarks/out"
SCRATCH="$ROOT/.build-bench"
export SWIFT_BACKTRACE=enable=no
mkdir -p "$OUT"

# require TOOL… — exits 2 naming the first tool that is missing.
require() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$(basename "$0"): $tool is missing" >&2; exit 2; }
    done
}

# Other work on the machine skews the timings; say so.
warn_if_busy() {
    if awk '{ exit !($1 > 0.5) }' /proc/loadavg; then
        echo "warning: the machine is busy (load $(cut -d' ' -f1 /proc/loadavg)); the timings will be noisy" >&2
    fi
}

# The release binary, built into .build-bench/.
build_release() {
    swift build -c release --scratch-path "$SCRATCH" >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/ramverk"
}
