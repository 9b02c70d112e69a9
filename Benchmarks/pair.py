#!/usr/bin/env python3
"""Interleaved timing of two or more commands on a noisy machine.

Usage: Benchmarks/pair.py ROUNDS 'COMMAND A' 'COMMAND B' ...

Runs every command once per round, the order reversed every other round, so that
drift of the host (other tenants, a slow vCPU) falls on all of them alike; prints
mean and quantiles of each command's wall time (output thrown away). hyperfine runs
one command's runs after the other's, which on this project's VMs measured the same
binary 10.1 and 12.0 ms apart an hour later (BENCHMARKS.md, "Session 6").
"""
import os
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = [command.split() for command in sys.argv[2:]]
    environment = dict(os.environ, SWIFT_BACKTRACE="enable=no")
    times: list[list[float]] = [[] for _ in commands]
    with open(os.devnull, "w") as null:
        # Warm-up: the first runs of a binary read it from disk.
        for _ in range(3):
            for command in commands:
                subprocess.run(command, stdout=null, stderr=null, env=environment)
        for round_ in range(rounds):
            order = range(len(commands)) if round_ % 2 == 0 else reversed(range(len(commands)))
            for index in order:
                start = time.perf_counter()
                subprocess.run(commands[index], stdout=null, stderr=null, env=environment)
                times[index].append(time.perf_counter() - start)
    for command, measured in zip(sys.argv[2:], times):
        ordered = sorted(measured)
        quantile = lambda p: ordered[min(int(len(ordered) * p), len(ordered) - 1)] * 1e3
        print(f"{command}\n  mean {statistics.mean(ordered) * 1e3:.2f} ms, p10 {quantile(0.1):.2f}, "
              f"p25 {quantile(0.25):.2f}, p50 {quantile(0.5):.2f}, p75 {quantile(0.75):.2f}, p90 {quantile(0.9):.2f}")


if __name__ == "__main__":
    main()
