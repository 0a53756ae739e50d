#!/usr/bin/env python3
"""Benchmark: importing the SIPRI trade register with entente vs pandas, side by side.

entente: the release example `import_sipri` (crates/datasets/examples/import_sipri.rs), which streams
the register through `entente_datasets::sipri::read`: decoding, preamble, `?` columns into flags,
delivery-year lists, numbers, the four records broken across lines rejoined, parties resolved to
entente ids through the crosswalk, and row accounting with line-numbered rejections.

pandas: `pandas.read_csv` plus the same cleaning written the way an analyst would (vectorised where
pandas allows): Latin-1, skip the preamble, rejoin the broken records, `?` columns into booleans,
split the delivery years into lists of ints, parse the numbers, map the status, classify the parties
by their markers and map them to ids through the same crosswalk file, count the unparsable numbers.
(It does not report line numbers for rejections, so it does a little less than entente.)

Each side runs as its own process. Printed per side: the median in-process import time (from
opening the file to the cleaned table, excluding interpreter start-up and `import pandas`), the
median whole-process wall time, and the peak resident set size of the process (from wait4).

Usage: python3 scripts/bench_sipri.py [--runs N] [FILE]   (builds the release example first;
installs pandas with pip if it is missing)
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT.parent / "shared" / "fixtures" / "sipri" / "trade-register.csv"
EXAMPLE = ROOT / "target" / "release" / "examples" / "import_sipri"
CROSSWALK = ROOT / "data" / "crosswalk" / "countries.csv"

PANDAS_PEER = r'''
import sys, time
import pandas as pd
import numpy as np

path, crosswalk, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
ORGS = {"African Union": "AU", "European Union": "EU", "NATO": "NATO", "OSCE": "OSCE",
        "Regional Security System": "RSS", "United Nations": "UN"}
STATUS = {"New": "New", "Second hand": "SecondHand", "Second hand but modernized": "SecondHandModernized"}

def load():
    cw = pd.read_csv(crosswalk, dtype=str, keep_default_na=False)
    names = {}
    for ident, sipri in zip(cw["id"], cw["sipri_names"]):
        for n in sipri.split(";"):
            if n:
                names[n] = ident
    df = pd.read_csv(path, encoding="latin-1", skiprows=11, header=0, dtype=str, keep_default_na=False)
    # pandas names the three " " columns " ", " .1", " .2".
    flags = [c for c in df.columns if c.split(".")[0].strip() == ""]
    tiv = ["SIPRI TIV per unit", "SIPRI TIV for total order", "SIPRI TIV of delivered weapons"]
    # Records broken across lines: the second part has an empty Recipient and the 3 TIV values in
    # its first columns; move them up and drop the part.
    cont = df["Recipient"].eq("") & df["Supplier"].ne("")
    idx = df.index[cont]
    df.loc[idx - 1, tiv] = df.loc[idx, ["Supplier", "Year of order", flags[0]]].to_numpy()
    df = df[~cont].copy()
    df = df.fillna("")
    for c in ["Recipient", "Supplier", "Weapon designation", "Weapon description", "Comments"]:
        df[c] = df[c].str.strip()
    df["order_year_uncertain"] = df[flags[0]].eq("?")
    df["ordered_uncertain"] = df[flags[1]].eq("?")
    df["delivered_uncertain"] = df[flags[2]].eq("?")
    bad = pd.Series(False, index=df.index)
    for c in ["Year of order", "Number ordered", "Number delivered"] + tiv:
        num = pd.to_numeric(df[c], errors="coerce")
        bad |= num.isna() & df[c].ne("")
        df[c] = num
    df["delivery_years"] = [[int(y) for y in s.split("; ")] if s else [] for s in df["Year(s) of delivery"]]
    df["status"] = df["status"].map(STATUS)
    bad |= df["status"].isna()
    for side in ["Recipient", "Supplier"]:
        s = df[side]
        org = s.str.endswith("**")
        nonstate = s.str.endswith("*") & ~org
        unknown = s.str.lower().str.startswith("unknown") & ~org & ~nonstate
        df[side + "_kind"] = np.select([org, nonstate, unknown], ["Organisation", "NonState", "Unknown"], "State")
        df[side + "_id"] = s.str.rstrip("*").map(ORGS).where(org, s.map(names).where(~nonstate & ~unknown))
    kept = df[~bad]
    return len(df), len(kept), int(bad.sum())

times = []
for _ in range(runs):
    t = time.perf_counter()
    rows, kept, rejected = load()
    times.append((time.perf_counter() - t) * 1e3)
times.sort()
try:
    peak = next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = "?"
print(f"median_ms={times[len(times) // 2]:.3f} runs={runs} rows_read={rows} kept={kept} rejected={rejected} "
      f"peak_rss_kib={peak} pandas={pd.__version__}")
'''


def run(cmd):
    """Runs a process; returns (stdout, wall ms, peak RSS MiB) for that process alone."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t) * 1e3
    if status != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}")
    # Each side reports its own peak (VmHWM). wait4's ru_maxrss (KiB on Linux) is only a fallback:
    # it also counts this script's memory at fork time.
    peak = field(out, "peak_rss_kib")
    return out, wall, (int(peak) if peak.isdigit() else usage.ru_maxrss) / 1024


def field(out, key):
    for tok in out.split():
        if tok.startswith(key + "="):
            return tok.split("=", 1)[1]
    return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10, help="processes per side (each imports --inner times)")
    ap.add_argument("--inner", type=int, default=5, help="imports per process (median reported)")
    ap.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    args = ap.parse_args()
    # pandas is never imported here: this process stays small, and only the children are measured.
    if subprocess.run([sys.executable, "-c", "import pandas"], capture_output=True).returncode != 0:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pandas"], check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "entente-datasets", "--example", "import_sipri"],
                   cwd=ROOT, check=True)

    sides = {
        "entente": [str(EXAMPLE), args.file, "--runs", str(args.inner)],
        "pandas": [sys.executable, "-c", PANDAS_PEER, args.file, str(CROSSWALK), str(args.inner)],
    }
    # The sides alternate, so that both see the same machine load.
    samples = {name: ([], [], [], "") for name in sides}
    for _ in range(args.runs):
        for name, cmd in sides.items():
            out, wall, peak = run(cmd)
            inproc, walls, rss, _ = samples[name]
            inproc.append(float(field(out, "median_ms")))
            walls.append(wall)
            rss.append(peak)
            samples[name] = (inproc, walls, rss, out.splitlines()[0])
    results = {name: (statistics.median(i), statistics.median(w), max(r), line)
               for name, (i, w, r, line) in samples.items()}

    print(f"file: {args.file} ({os.path.getsize(args.file):,} bytes); pandas {field(results['pandas'][3], 'pandas')}, "
          f"Python {sys.version.split()[0]}; {args.runs} processes x {args.inner} imports per side\n")
    print(f"{'':10} {'import (in process)':>20} {'whole process':>15} {'peak RSS':>10}   rows")
    for name, (inproc, wall, rss, line) in results.items():
        rows = " ".join(f"{k}={field(line, k)}" for k in ("rows_read", "kept", "rejected"))
        print(f"{name:10} {inproc:17.1f} ms {wall:12.1f} ms {rss:7.1f} MiB   {rows}")
    e, p = results["entente"], results["pandas"]
    print(f"\nratio (pandas / entente): import {p[0] / e[0]:.1f}x, whole process {p[1] / e[1]:.1f}x, "
          f"peak RSS {p[2] / e[2]:.1f}x")


if __name__ == "__main__":
    main()
