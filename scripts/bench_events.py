#!/usr/bin/env python3
"""Event-lake benchmarks: entente against DuckDB on the same machine and the same files.

1. Ingest: a generated GDELT 2.0 export of N rows (default 10M) into the entente lake, against
   DuckDB's COPY (SELECT * FROM read_csv(...)) TO '....parquet'. Wall time, rows/s, MB/s,
   output bytes per event and peak RSS of each (each run in its own process, RSS from
   getrusage of that process).
2. Series: a lake of M events (default 100M, generated straight to Parquet), then the monthly
   NATO-KOR series (both directions): entente's dyad series against DuckDB querying the same
   Parquet (the dyad_day table; the events table is timed once for reference). Warm medians
   within one process/connection, plus entente's one-shot process time.

Usage: python3 scripts/bench_events.py [--rows 10000000] [--lake-events 100000000]
       [--work DIR] [--skip-ingest] [--skip-series] [--keep]
DuckDB comes from PyPI (installed into a venv under the work directory if missing).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GDELT2_COLUMNS = (
    "GLOBALEVENTID BIGINT, SQLDATE INTEGER, MonthYear INTEGER, Year INTEGER, FractionDate DOUBLE, "
    + ", ".join(
        f"Actor{i}{f} VARCHAR"
        for i in (1, 2)
        for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                  "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
    )
    + ", IsRootEvent INTEGER, EventCode VARCHAR, EventBaseCode VARCHAR, EventRootCode VARCHAR, QuadClass INTEGER, "
    "GoldsteinScale DOUBLE, NumMentions INTEGER, NumSources INTEGER, NumArticles INTEGER, AvgTone DOUBLE, "
    + ", ".join(
        f"{g}Geo_{f} {t}"
        for g in ("Actor1", "Actor2", "Action")
        for f, t in (("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"),
                     ("ADM1Code", "VARCHAR"), ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"),
                     ("Long", "DOUBLE"), ("FeatureID", "VARCHAR"))
    )
    + ", DATEADDED BIGINT, SOURCEURL VARCHAR"
)


def sh(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def measured(cmd):
    """Runs cmd in a fresh Python wrapper; returns (seconds, peak RSS bytes, stdout)."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)\n"
        "dt = time.perf_counter() - t\n"
        "sys.stderr.write(p.stderr)\n"
        "print(p.stdout, end='')\n"
        "print('@@', dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, p.returncode)\n"
    )
    print("+", " ".join(cmd), flush=True)
    out = subprocess.run([sys.executable, "-c", wrapper] + cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    body, _, tail = out.rpartition("@@")
    dt, rss, rc = tail.split()
    if int(rc) != 0:
        sys.exit(f"command failed ({rc}): {' '.join(cmd)}\n{body}")
    return float(dt), int(rss), body


def du(path):
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            if f.endswith(".parquet") or f.endswith(".dyx"):
                total += os.path.getsize(os.path.join(d, f))
    return total


def duckdb_python(work):
    """A Python with duckdb: this one if it has it, else a venv under work/."""
    try:
        import duckdb  # noqa: F401
        return sys.executable
    except ImportError:
        pass
    venv = os.path.join(work, "venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        sh([sys.executable, "-m", "venv", venv])
    if subprocess.run([py, "-c", "import duckdb"], capture_output=True).returncode != 0:
        sh([py, "-m", "pip", "install", "--quiet", "duckdb"])
    return py


def fmt_bytes(n):
    return f"{n / 2**20:,.1f} MiB" if n < 2**30 else f"{n / 2**30:,.2f} GiB"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--lake-events", type=int, default=100_000_000)
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "bench-events"))
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-series", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the generated lake for later runs")
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()

    os.makedirs(args.work, exist_ok=True)
    st = shutil.disk_usage(args.work)
    need = args.rows * 420 * 1.6 + args.lake_events * 70
    print(f"free disk at {args.work}: {fmt_bytes(st.free)} (need about {fmt_bytes(need)})")
    if st.free < need:
        sys.exit("not enough free disk space")
    print(f"machine: {os.cpu_count()} cores")

    sh(["cargo", "build", "--release", "-j2", "-p", "entente-events", "--example", "lake"], cwd=ROOT)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    lake_bin = os.path.join(target, "release", "examples", "lake")
    py = duckdb_python(args.work)
    duck_version = subprocess.run([py, "-c", "import duckdb; print(duckdb.__version__)"], capture_output=True, text=True).stdout.strip()
    print(f"duckdb {duck_version} (PyPI)")
    results = {}

    if not args.skip_ingest:
        tsv = os.path.join(args.work, f"gdelt2-{args.rows}.export.CSV")
        t = time.perf_counter()
        sh([lake_bin, "generate", tsv, str(args.rows), "--seed", "1", "--start", "2019-01-01", "--per-day", "100000"])
        size = os.path.getsize(tsv)
        print(f"generated {args.rows:,} rows, {fmt_bytes(size)} in {time.perf_counter() - t:.1f} s")
        data = os.path.join(args.work, "ingest-data")
        shutil.rmtree(data, ignore_errors=True)
        os.sync()
        e_dt, e_rss, out = measured([lake_bin, "ingest", data, "gdelt2", tsv])
        print(out.strip().splitlines()[-1])
        e_bytes = du(os.path.join(data, "lake"))
        e_events = du(os.path.join(data, "lake", "events"))
        pq = os.path.join(args.work, "duckdb-copy.parquet")
        if os.path.exists(pq):
            os.remove(pq)
        script = (
            "import duckdb, sys\n"
            "con = duckdb.connect()\n"
            f"con.execute(\"COPY (SELECT * FROM read_csv('{tsv}', delim='\\t', header=false, quote='', escape='', "
            f"columns={{{', '.join(repr(c.rsplit(' ', 1)[0]) + ': ' + repr(c.rsplit(' ', 1)[1]) for c in GDELT2_COLUMNS.split(', '))}}})) "
            f"TO '{pq}' (FORMAT parquet)\")\n"
        )
        os.sync()
        d_dt, d_rss, _ = measured([py, "-c", script])
        d_bytes = os.path.getsize(pq)
        n = args.rows
        print()
        print(f"INGEST {n:,} GDELT 2.0 rows ({fmt_bytes(size)} TSV)")
        print(f"{'':28}{'entente':>16}{'DuckDB COPY':>16}")
        print(f"{'wall time (s)':28}{e_dt:16.2f}{d_dt:16.2f}")
        print(f"{'rows/s':28}{n / e_dt:16,.0f}{n / d_dt:16,.0f}")
        print(f"{'MB/s (input)':28}{size / 1e6 / e_dt:16.1f}{size / 1e6 / d_dt:16.1f}")
        print(f"{'peak RSS':28}{fmt_bytes(e_rss):>16}{fmt_bytes(d_rss):>16}")
        print(f"{'output bytes':28}{fmt_bytes(e_bytes):>16}{fmt_bytes(d_bytes):>16}")
        print(f"{'bytes/event (events table)':28}{e_events / n:16.1f}{d_bytes / n:16.1f}")
        print(f"{'bytes/event (with dyad_day)':28}{e_bytes / n:16.1f}{'':>16}")
        print(f"ratio DuckDB/entente wall time: {d_dt / e_dt:.2f}x (>= 1 means entente is at least as fast)")
        results["ingest"] = dict(rows=n, tsv_bytes=size, entente_s=e_dt, duckdb_s=d_dt, entente_rss=e_rss, duckdb_rss=d_rss,
                                 entente_bytes=e_bytes, entente_events_bytes=e_events, duckdb_bytes=d_bytes)
        os.remove(tsv)
        os.remove(pq)
        shutil.rmtree(data, ignore_errors=True)

    if not args.skip_series:
        big = os.path.join(args.work, f"lake-{args.lake_events}")
        if not os.path.exists(os.path.join(big, "lake", "manifest.json")):
            shutil.rmtree(big, ignore_errors=True)
            g_dt, g_rss, out = measured([lake_bin, "generate-lake", big, str(args.lake_events), "--seed", "2",
                                         "--start", "2016-01-01", "--per-day", "100000"])
            print(out.strip())
            print(f"generated a {args.lake_events:,}-event lake in {g_dt:.0f} s, peak RSS {fmt_bytes(g_rss)}")
        stats_out = subprocess.run([lake_bin, "stats", big], capture_output=True, text=True, check=True).stdout
        stats = json.loads(stats_out[: stats_out.rfind("}") + 1])
        print(f"lake: {stats['events']:,} events, events {fmt_bytes(stats['events_bytes'])} "
              f"({stats['events_bytes'] / max(stats['events'], 1):.1f} bytes/event), dyad_day {stats['dyad_rows']:,} rows, "
              f"{fmt_bytes(stats['dyad_bytes'])}")
        # entente: warm (in-process repeats) and one-shot process.
        t = time.perf_counter()
        one = subprocess.run([lake_bin, "series", big, "NATO", "KOR", "--by", "month", "--symmetric", "--format", "json"],
                             capture_output=True, text=True, check=True)
        oneshot = (time.perf_counter() - t) * 1000
        e_rows = json.loads(one.stdout)
        rep = subprocess.run([lake_bin, "series", big, "NATO", "KOR", "--by", "month", "--symmetric", "--repeat", str(args.repeat),
                              "--format", "csv"], capture_output=True, text=True, check=True)
        line = [l for l in rep.stderr.splitlines() if l.startswith("series:")][0]
        e_first = float(line.split("first ")[1].split(" ms")[0])
        e_median = float(line.split("median ")[1].split(" ms")[0])
        glob_dyad = os.path.join(big, "lake", "dyad_day", "*", "*", "*.parquet")
        glob_events = os.path.join(big, "lake", "events", "*", "*", "*.parquet")
        script = f"""
import duckdb, json, statistics, time
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
q = '''SELECT strftime(day, '%Y-%m') AS period, SUM(events) AS events, SUM(quad1), SUM(quad2), SUM(quad3), SUM(quad4),
       SUM(goldstein_sum), SUM(mentions)
FROM read_parquet('{glob_dyad}', hive_partitioning = true)
WHERE (actor1 = 'NATO' AND actor2 = 'KOR') OR (actor1 = 'KOR' AND actor2 = 'NATO')
GROUP BY 1 ORDER BY 1'''
t = time.perf_counter(); rows = con.execute(q).fetchall(); first = (time.perf_counter() - t) * 1000
times = []
for _ in range({args.repeat}):
    t = time.perf_counter(); con.execute(q).fetchall(); times.append((time.perf_counter() - t) * 1000)
qe = '''SELECT strftime(day, '%Y-%m') AS period, COUNT(*) AS events
FROM read_parquet('{glob_events}', hive_partitioning = true)
WHERE (actor1 = 'NATO' AND actor2 = 'KOR') OR (actor1 = 'KOR' AND actor2 = 'NATO')
GROUP BY 1 ORDER BY 1'''
t = time.perf_counter(); erows = con.execute(qe).fetchall(); ev = (time.perf_counter() - t) * 1000
print(json.dumps(dict(first=first, median=statistics.median(times), events_ms=ev,
                      rows=[[r[0], int(r[1])] for r in rows], erows=[[r[0], int(r[1])] for r in erows])))
"""
        d_out = subprocess.run([py, "-c", script], capture_output=True, text=True, check=True).stdout
        at = d_out.rfind('{"first"')
        if at < 0:
            sys.exit(f"DuckDB's script printed no result: {d_out[-2000:]!r}")
        d = json.loads(d_out[at:])
        e_counts = {r["period"]: r["counts"]["events"] for r in e_rows if r["counts"]["events"]}
        d_counts = {p: n for p, n in d["rows"]}
        de_counts = {p: n for p, n in d["erows"]}
        agree = e_counts == d_counts == de_counts
        print()
        print(f"MONTHLY NATO–KOR SERIES (both directions) over {stats['events']:,} events, {len(e_rows)} months, "
              f"{sum(e_counts.values())} events")
        print(f"{'':36}{'entente':>12}{'DuckDB':>12}{'ratio':>9}")
        print(f"{'warm median (ms)':36}{e_median:12.3f}{d['median']:12.3f}{d['median'] / e_median:8.0f}x")
        print(f"{'first query in process (ms)':36}{e_first:12.3f}{d['first']:12.3f}{d['first'] / e_first:8.0f}x")
        print(f"{'one-shot process, entente (ms)':36}{oneshot:12.1f}")
        print(f"{'DuckDB over the events table (ms)':36}{'':12}{d['events_ms']:12.1f}")
        print(f"results identical (entente, DuckDB on dyad_day, DuckDB on events): {agree}")
        results["series"] = dict(events=stats["events"], entente_median_ms=e_median, entente_first_ms=e_first,
                                 entente_oneshot_ms=oneshot, duckdb_median_ms=d["median"], duckdb_first_ms=d["first"],
                                 duckdb_events_ms=d["events_ms"], agree=agree)
        if not args.keep:
            shutil.rmtree(big, ignore_errors=True)
    print()
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
