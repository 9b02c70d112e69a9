#!/usr/bin/env bash
# Installs the Debian packages Ramverk needs, if they are missing: libedit-dev and
# pkg-config to build it (line editing in the REPL). With --test also what the tests use
# beyond Swift: chromium, for the test that renders the HTML report headless
# (Tests/EndToEndTests/HTMLScreenshotTests.swift), python3, whose csv module reads the
# CSV reports back, and tmux, which the REPL's terminal test runs the binary in. Those
# tests are skipped, with a note, where a tool is missing; CI (.ci/run) installs them,
# so there they run.
set -euo pipefail
# libedit-dev brings libbsd-dev, libmd-dev and libncurses-dev, whose static libraries
# the release build links in (Package.swift); named here so that stays true.
packages=(libedit-dev libbsd-dev libmd-dev libncurses-dev pkg-config)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium python3 tmux)
fi
needed=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || needed+=("$package")
done
if [ ${#needed[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi
