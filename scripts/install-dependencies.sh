#!/usr/bin/env bash
# Installs the Debian packages Ramverk needs, if they are missing: libedit (line editing
# in the REPL) with pkg-config to find it, and tmux, which the REPL's terminal test
# runs the binary in.
set -euo pipefail
needed=()
for package in libedit-dev pkg-config tmux; do
  dpkg -s "$package" >/dev/null 2>&1 || needed+=("$package")
done
if [ ${#needed[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi
