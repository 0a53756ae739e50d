#!/usr/bin/env python3
"""End-to-end benchmark of the knowledge base, side by side with what a Python user would do.

For each task it runs the release `entente` binary (a whole process: start, load and validate the
embedded dataset, answer) and the Python peer (a process that parses the same TOML files with the
standard library's tomllib and filters them for the same question, with no validation at all), and
prints the median wall time of each and the ratio.

Usage: python3 scripts/bench_kb.py [--runs N]     (builds the release binary first)
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "entente"

PEER_TIMELINE = r'''
import tomllib, pathlib
facts = []
for p in sorted(pathlib.Path("data").rglob("*.toml")):
    d = tomllib.loads(p.read_text())
    facts += d.get("relation", []) + d.get("event", []) + d.get("transfer", []) + d.get("driver", [])
side = {"NATO", "NAC", "CCDCOE", "ISAF", "OUP"}, {"KOR", "kor-nis", "yoon-suk-yeol"}
def who(f):
    return {f.get(k) for k in ("subject", "object", "supplier", "recipient")} | set(
        f.get("actors", []) + f.get("targets", []) + f.get("attendees", []) + f.get("affects", []))
rows = sorted((str(f.get("start") or f.get("date") or f.get("order_date")), f["title"] if "title" in f else f["system"])
              for f in facts if who(f) & side[0] and who(f) & side[1])
print(len(rows))
'''

PEER_LOAD = r'''
import tomllib, pathlib
n = 0
for p in sorted(pathlib.Path("data").rglob("*.toml")):
    d = tomllib.loads(p.read_text())
    n += sum(len(d.get(k, [])) for k in ("relation", "event", "transfer", "driver"))
print(n)
'''


def median_ms(cmd, runs):
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append((time.perf_counter() - t) * 1e3)
    return statistics.median(samples)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "entente"], cwd=ROOT, check=True)
    tasks = [
        ("load + validate (entente check)", [str(BIN), "check"], [sys.executable, "-c", PEER_LOAD]),
        ("timeline NATO KOR", [str(BIN), "timeline", "NATO", "KOR"], [sys.executable, "-c", PEER_TIMELINE]),
        # No tool does what the brief does; it is timed on its own.
        ("brief NATO KOR (HTML)", [str(BIN), "brief", "NATO", "KOR", "--out", "/tmp/entente-bench-brief.html"], None),
    ]
    print(f"{'task':34} {'entente ms':>11} {'python ms':>10} {'ratio':>7}")
    for name, ours, peer in tasks:
        a = median_ms(ours, args.runs)
        if peer is None:
            print(f"{name:34} {a:11.2f} {'-':>10} {'-':>7}")
            continue
        b = median_ms(peer, args.runs)
        print(f"{name:34} {a:11.2f} {b:10.2f} {b / a:6.1f}x")
    print(f"(median of {args.runs} runs each; whole processes, including start-up)")


if __name__ == "__main__":
    main()
