#!/usr/bin/env bash
# Sets up a fresh Debian machine with Swift, builds Ramverk in release mode and runs
# the bundled Haninge scenario. Exit code 1 at the end is expected: the scenario's
# checks find the mistakes printed in Haninge's budget document.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
bash scripts/install-dependencies.sh
swift build -c release
exec .build/release/ramverk kör Scenarios/haninge-2021.ramverk
