#!/usr/bin/env python3
"""Ingest on a Ballista cluster: GDELT 2.0 files ingested into an empty lake by one and by two
executors (one task per file), against the same files ingested here (`entente import`'s code,
file after file, two parser threads) and against DuckDB converting them to Parquet.

1. Builds release binaries (entente-scheduler, entente-executor, the cluster_ingest client and
   the lake example, which writes the files).
2. Writes --files generated GDELT 2.0 files of --rows rows each.
3. Ingests them locally, then on each cluster shape (executors x concurrent tasks; 1x1 and 2x1
   by default, each executor pinned to its own core with taskset), --repeat times each into a
   fresh lake (median), and checks every lake is byte for byte the local one.
4. DuckDB 2 threads: COPY (SELECT * FROM read_csv([files])) TO one Parquet file, the conversion a
   user would otherwise run. It does less than an ingest: no row checks, no actor resolution, no
   CAMEO to PLOVER, no dyad-day table, no manifest.

Usage: python3 scripts/bench_cluster_ingest.py [--files 8] [--rows 500000] [--repeat 3]
       [--shapes 1x1,2x1] [--work DIR] [--skip-build]
"""

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_cluster import Cluster, release, run, target_dir  # noqa: E402
from bench_events import GDELT2_COLUMNS, duckdb_python  # noqa: E402


def ingest(data, files, cluster=None):
    if os.path.exists(data):
        shutil.rmtree(data)
    cmd = [release("cluster_ingest", example=True), data] + files
    if cluster:
        cmd += ["--cluster", cluster]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def same_lake(a, b):
    """Every file of lake a is in lake b with the same bytes, and the other way round (the lock
    file and empty directories aside)."""
    def files(root):
        out = set()
        for d, _, fs in os.walk(root):
            for f in fs:
                if f != ".lock":
                    out.add(os.path.relpath(os.path.join(d, f), root))
        return out
    fa, fb = files(os.path.join(a, "lake")), files(os.path.join(b, "lake"))
    return fa == fb and all(filecmp.cmp(os.path.join(a, "lake", f), os.path.join(b, "lake", f), shallow=False)
                            for f in fa)


DUCKDB = r"""
import duckdb, json, sys, time
files, out, columns = json.loads(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
con = duckdb.connect()
con.execute("SET threads = 2")
con.execute("SET enable_progress_bar = false")
t = time.perf_counter()
con.execute(f"COPY (SELECT * FROM read_csv({files!r}, delim='\t', header=false, quote='', escape='', "
            f"columns={columns!r})) TO '{out}' (FORMAT parquet)")
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shapes", default="1x1,2x1")
    ap.add_argument("--work", default=None)
    ap.add_argument("--skip-build", action="store_true")
    a = ap.parse_args()
    work = os.path.abspath(a.work or os.path.join(target_dir(), "bench-cluster-ingest"))
    os.makedirs(work, exist_ok=True)
    if not a.skip_build:
        run(["cargo", "build", "--release", "-p", "entente-cluster", "--bins", "--example", "cluster_ingest"])
        run(["cargo", "build", "--release", "-p", "entente-events", "--example", "lake"])

    inputs = os.path.join(work, "inputs")
    os.makedirs(inputs, exist_ok=True)
    files = []
    for i in range(a.files):
        f = os.path.join(inputs, f"{a.rows}-{i}.export.CSV")
        if not os.path.exists(f):
            run([release("lake", example=True), "generate", f, str(a.rows), "--seed", str(100 + i),
                 "--start", f"2020-{1 + i % 12:02d}-01", "--per-day", "50000"])
        files.append(f)
    size = sum(os.path.getsize(f) for f in files)
    print(f"{a.files} files x {a.rows:,} rows, {size / 1e6:.0f} MB of TSV")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)

    results = {}
    local = os.path.join(work, "lake-local")
    runs = [ingest(local, files) for _ in range(a.repeat)]
    results["local"] = statistics.median(r["seconds"] for r in runs)
    events = runs[0]["events"]
    identical = {}
    for shape in a.shapes.split(","):
        n, k = (int(x) for x in shape.split("x"))
        c = Cluster(work, n, k)
        try:
            data = os.path.join(work, f"lake-{shape}")
            runs = [ingest(data, files, cluster=c.url) for _ in range(a.repeat)]
            results[shape] = statistics.median(r["seconds"] for r in runs)
            identical[shape] = same_lake(data, local) and all(r["events"] == events for r in runs)
            print(f"{shape}: {runs[-1]['workers']} executor process(es) ingested", flush=True)
            shutil.rmtree(data)
        finally:
            c.stop()

    py = duckdb_python(os.path.join(target_dir(), "bench-venv"))
    version = subprocess.run([py, "-c", "import duckdb; print(duckdb.__version__)"], capture_output=True,
                             text=True).stdout.strip()
    columns = {c.rsplit(" ", 1)[0]: c.rsplit(" ", 1)[1] for c in GDELT2_COLUMNS.split(", ")}
    pq = os.path.join(work, "duckdb.parquet")
    times = []
    for _ in range(a.repeat):
        out = subprocess.run([py, "-c", DUCKDB, json.dumps(files), pq, json.dumps(columns)], check=True,
                             capture_output=True, text=True).stdout
        times.append(json.loads(out)["seconds"])
        os.remove(pq)
    results["duckdb"] = statistics.median(times)
    shutil.rmtree(local)

    print()
    print(f"INGEST {events:,} events in {a.files} files ({size / 1e6:.0f} MB), medians of {a.repeat}")
    print(f"{'':34}{'seconds':>9}{'events/s':>12}{'vs 1x1':>8}  identical to local")
    order = ["local"] + a.shapes.split(",") + ["duckdb"]
    names = {"local": "entente here (2 parser threads)", "duckdb": f"DuckDB {version} COPY to Parquet"}
    for k in order:
        s = results[k]
        ratio = f"{results['1x1'] / s:.2f}" if "1x1" in results else ""
        same = {"local": "-", "duckdb": "n/a"}.get(k, "yes" if identical.get(k) else "NO")
        label = names.get(k, f"cluster {k} (executors x tasks)")
        print(f"{label:34}{s:9.2f}{events / s:12,.0f}{ratio:>8}  {same}")
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"seconds": results, "identical": identical, "events": events, "bytes": size}, f, indent=1)
    if not all(identical.values()):
        sys.exit("a lake ingested on the cluster differs from the local one")


if __name__ == "__main__":
    main()
