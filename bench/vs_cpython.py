#!/usr/bin/env python3
"""Loopscope against CPython 3.12 on the workloads in bench/workloads/.

    bench/vs_cpython.py [--loopscope build/bin/loopscope] [--python PATH] [--runs N]

Each workload runs N times (default 5) as a whole process under `loopscope run` (the engine
records its full trace, as always) and under CPython 3.12's own asyncio; the best wall time of
each is kept. Both must print the same output. The table gives the times and the speed-up
(CPython's time / Loopscope's time: above 1.0 means Loopscope is faster).
"""

import argparse
import glob
import os
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
sys.path.insert(0, os.path.join(ROOT, "tests", "conformance", "harness"))
import record  # noqa: E402  (finds the pyenv interpreters as the conformance recorder does)


def best_of(command, runs):
    """Best wall time of `runs` runs, and the output (which must not vary)."""
    best, output = None, None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
        if output is not None and result.stdout != output:
            sys.exit(f"{' '.join(command)}: output differs between runs")
        output = result.stdout
        best = elapsed if best is None else min(best, elapsed)
    return best, output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loopscope", default=os.path.join(ROOT, "build", "bin", "loopscope"))
    parser.add_argument("--python", help="CPython 3.12 (default: found as record.py finds it)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    python = args.python
    if not python:
        found = record.find_interpreter("3.12")
        if not found:
            print("no CPython 3.12 found (pass --python)", file=sys.stderr)
            return 77
        python = found[0]
    if not os.access(args.loopscope, os.X_OK):
        sys.exit(f"no executable at {args.loopscope}: build first")

    print(f"{'workload':<22}{'loopscope':>12}{'CPython 3.12':>14}{'speed-up':>10}")
    slower = []
    for path in sorted(glob.glob(os.path.join(BENCH_DIR, "workloads", "*.py"))):
        name = os.path.basename(path)[:-3]
        ours, ours_out = best_of([args.loopscope, "run", path], args.runs)
        theirs, their_out = best_of([python, path], args.runs)
        if ours_out != their_out:
            sys.exit(f"{name}: Loopscope printed {ours_out!r}, CPython printed {their_out!r}")
        ratio = theirs / ours
        print(f"{name:<22}{ours * 1000:>10.0f}ms{theirs * 1000:>12.0f}ms{ratio:>9.2f}x")
        if ratio < 1:
            slower.append(name)
    if slower:
        print("slower than CPython on:", ", ".join(slower))
    return 0


if __name__ == "__main__":
    sys.exit(main())
