#!/usr/bin/env python3
"""Cluster benchmark: the event lake's queries on a Ballista cluster of one and two executors,
against the same queries locally (entente-sql's DataFusion, and the lake's own dyadic queries).

1. Builds release binaries: entente-scheduler, entente-executor, the cluster_bench client and
   the lake example (which generates lakes).
2. Generates a lake of N GDELT 2.0-like events (default 20M; about 28 bytes/event on disk).
3. For each cluster shape (executors x concurrent tasks: 1x1, 2x1, 1x2 by default) starts a
   scheduler and the executors on loopback, waits until they are registered, runs every query
   --repeat times (median) and checks the answers against the local ones, then stops them.
4. Prints every figure, the speed-up of 2x1 over 1x1 and the cluster's overhead over local.

On a two-core machine, 1x1 against 2x1 is one core against two (each executor is pinned to its
own core with taskset where available): the only scaling a single two-core box can show. More
executors than cores only add contention.

Usage: python3 scripts/bench_cluster.py [--events 20000000] [--per-day 100000] [--repeat 3]
       [--shapes 1x1,2x1,1x2] [--work DIR] [--keep] [--skip-build]
Binaries go to $CARGO_TARGET_DIR (default: target/); the lake and logs to --work
(default: $CARGO_TARGET_DIR/bench-cluster).
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")


def release(name, example=False):
    return os.path.join(target_dir(), "release", "examples" if example else "", name)


def run(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def executors_alive(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as r:
            body = r.read().decode()
    except urllib.error.HTTPError as e:
        body = e.read().decode()
    except OSError:
        return -1
    # "ready: 2 executors registered" or "not ready: 0/1 executors registered"
    try:
        return int(body.split(":")[1].split()[0].split("/")[0])
    except (IndexError, ValueError):
        return -1


def pinning(i, tasks):
    """taskset prefix giving executor i its own `tasks` cores, so that 1x1 against 2x1 is one core
    against two whatever the scheduler and the client do; empty where taskset is missing."""
    if not shutil.which("taskset"):
        return []
    n = os.cpu_count() or 1
    cores = sorted({(i * tasks + k) % n for k in range(tasks)})
    return ["taskset", "-c", ",".join(map(str, cores))]


class Cluster:
    def __init__(self, work, executors, tasks):
        self.procs = []
        self.logs = os.path.join(work, f"logs-{executors}x{tasks}")
        os.makedirs(self.logs, exist_ok=True)
        out = open(os.path.join(self.logs, "scheduler.out"), "w")
        err = open(os.path.join(self.logs, "scheduler.err"), "w")
        self.procs.append(subprocess.Popen(
            [release("entente-scheduler"), "--port", "0", "--log-level", "warn"], stdout=out, stderr=err))
        deadline = time.time() + 60
        self.port = None
        while self.port is None:
            with open(out.name) as f:
                for line in f:
                    if "listening on" in line:
                        self.port = int(line.split()[3].rsplit(":", 1)[1])
            if time.time() > deadline or self.procs[0].poll() is not None:
                self.stop()
                sys.exit(f"the scheduler did not start: see {self.logs}")
            time.sleep(0.05)
        self.url = f"df://127.0.0.1:{self.port}"
        for i in range(executors):
            wd = os.path.join(self.logs, f"executor{i + 1}-work")
            os.makedirs(wd, exist_ok=True)
            self.procs.append(subprocess.Popen(
                pinning(i, tasks) + [release("entente-executor"), "--scheduler", self.url, "--port", str(free_port()),
                 "--grpc-port", str(free_port()), "--concurrent-tasks", str(tasks), "--work-dir", wd,
                 "--log-level", "warn"],
                stdout=open(os.path.join(self.logs, f"executor{i + 1}.out"), "w"),
                stderr=open(os.path.join(self.logs, f"executor{i + 1}.err"), "w")))
        deadline = time.time() + 60
        while executors_alive(self.port) < executors:
            if time.time() > deadline or any(p.poll() is not None for p in self.procs):
                self.stop()
                sys.exit(f"the executors did not register: see {self.logs}")
            time.sleep(0.1)

    def stop(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in reversed(self.procs):
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def bench(data, repeat, cluster=None, local=False):
    cmd = [release("cluster_bench", example=True), data, "--repeat", str(repeat)]
    if cluster:
        cmd += ["--cluster", cluster]
    if local:
        cmd += ["--local"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return {r["query"]: r for r in (json.loads(line) for line in out.splitlines() if line.strip())}


DUCKDB = r"""
import duckdb, json, statistics, sys, time
lake, repeat, queries = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
for t in ("events", "dyad_day"):
    con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{lake}/{t}/**/*.parquet', hive_partitioning = true)")
out = {}
for name, sql in queries.items():
    times, rows = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows = len(con.execute(sql).fetchall())
        times.append((time.perf_counter() - t) * 1000)
    out[name] = {"duckdb_ms": statistics.median(times), "duckdb_rows": rows}
print(json.dumps(out))
"""


def duckdb_bench(data, repeat, sqls):
    """The same SQL in DuckDB (what a user would otherwise run on one machine) over the same
    Parquet files; a warm process, medians of `repeat` runs."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from bench_events import duckdb_python
    py = duckdb_python(os.path.join(target_dir(), "bench-venv"))
    version = subprocess.run([py, "-c", "import duckdb; print(duckdb.__version__)"], capture_output=True,
                             text=True).stdout.strip()
    print(f"duckdb {version} (PyPI)", flush=True)
    out = subprocess.run([py, "-c", DUCKDB, os.path.join(data, "lake"), str(repeat), json.dumps(sqls)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=20_000_000)
    ap.add_argument("--per-day", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shapes", default="1x1,2x1,1x2")
    ap.add_argument("--work", default=None)
    ap.add_argument("--keep", action="store_true", help="keep the lake for another run")
    ap.add_argument("--skip-build", action="store_true")
    a = ap.parse_args()
    work = os.path.abspath(a.work or os.path.join(target_dir(), "bench-cluster"))
    os.makedirs(work, exist_ok=True)

    if not a.skip_build:
        run(["cargo", "build", "--release", "-p", "entente-cluster", "--bins", "--example", "cluster_bench"])
        run(["cargo", "build", "--release", "-p", "entente-events", "--example", "lake"])

    data = os.path.join(work, f"lake-{a.events}")
    if not os.path.exists(os.path.join(data, "lake", "manifest.json")):
        t = time.time()
        run([release("lake", example=True), "generate-lake", data, str(a.events), "--per-day", str(a.per_day),
             "--start", "2019-01-01"])
        print(f"lake generated in {time.time() - t:.0f} s", flush=True)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(data, "lake")) for f in fs)
    print(f"lake: {a.events:,} events, {size / 1e6:.0f} MB on disk ({size / a.events:.1f} bytes/event)")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)

    results = {"local": bench(data, a.repeat, local=True)}
    sqls = {q: r["sql"] for q, r in results["local"].items() if "sql" in r}
    for q, r in duckdb_bench(data, a.repeat, sqls).items():
        results["local"][q].update(r)
    for shape in a.shapes.split(","):
        n, k = (int(x) for x in shape.split("x"))
        c = Cluster(work, n, k)
        try:
            t = time.time()
            results[shape] = bench(data, a.repeat, cluster=c.url)
            print(f"{shape}: {time.time() - t:.0f} s", flush=True)
        finally:
            c.stop()
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(results, f, indent=1)

    shapes = a.shapes.split(",")
    queries = list(results["local"].keys())
    head = ["query", "lake ms", "DuckDB ms", "local SQL ms"] + [f"{s} ms" for s in shapes]
    if "1x1" in shapes and "2x1" in shapes:
        head.append("1x1/2x1")
    head += ["cluster/local", "identical"]
    rows = []
    for q in queries:
        loc = results["local"][q]
        r = [q, f"{loc['lake_ms']:.1f}" if "lake_ms" in loc else "", f"{loc['duckdb_ms']:.0f}" if "duckdb_ms" in loc else "",
             f"{loc['local_ms']:.0f}" if "local_ms" in loc else ""]
        for s in shapes:
            r.append(f"{results[s][q]['cluster_ms']:.0f}")
        if "1x1" in shapes and "2x1" in shapes:
            r.append(f"{results['1x1'][q]['cluster_ms'] / results['2x1'][q]['cluster_ms']:.2f}")
        best = min(results[s][q]["cluster_ms"] for s in shapes)
        r.append(f"{best / loc['local_ms']:.2f}" if "local_ms" in loc else "")
        same = all(results[s][q].get("identical", True) for s in shapes)
        r.append("yes" if same else "NO")
        rows.append(r)
    w = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    print()
    for r in [head, ["-" * n for n in w]] + rows:
        print("  ".join(str(x).ljust(n) for x, n in zip(r, w)).rstrip())
    print(f"\n(medians of {a.repeat} runs; results in {os.path.join(work, 'results.json')})")
    if not all(all(results[s][q].get("identical", True) for s in shapes) for q in queries):
        sys.exit("some cluster answers differ from the local ones")
    if not a.keep:
        shutil.rmtree(data)


if __name__ == "__main__":
    main()
