#!/usr/bin/env python3
"""Benchmark: the standard datasets as evidence (issue 14), entente beside pandas.

entente: the release example `evidence_bench` (crates/report/examples/evidence_bench.rs), in
process, on a data directory with the SIPRI register, ATOP and the UN-vote files imported:
  - load: the shipped knowledge base (parse + validate) and the evidence tables (imported ATOP,
    UN votes and SIPRI register, the register linked to the curated transfers);
  - brief: the whole HTML brief for USA–KOR, NATO–JPN, CHN–RUS, EU–KOR, POL–KOR (tables loaded);
  - partners: every counterpart of the ROK ranked by depth on 2024-12-31.

pandas: the same derivation from the same files, written the way an analyst would:
  - load: read the ATOP member file, the SIPRI register (Latin-1, preamble skipped) and the
    per-country UN-vote files, map every party to ids through the crosswalk, and pool the vote
    agreement per pair and year;
  - partners: for every counterpart of the ROK, the same three components as entente's index
    (ATOP alliances in force by strongest obligation; SIPRI deals at their order year plus each
    delivery year, decaying with a 3-year half-life; each year's UN-vote agreement above 0.5,
    decaying likewise), saturated with the same scales and averaged with the same weights over the
    covered dimensions; ranked. (No curated facts: it does less than entente.)
No other tool writes the brief, so it is timed on its own.

Usage: python3 scripts/bench_evidence.py [--runs N]   (builds the release binary and example,
imports the fixtures into a temporary data directory, installs pandas with pip if missing)
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIX = ROOT.parent / "shared" / "fixtures"
BIN = ROOT / "target" / "release" / "entente"
EXAMPLE = ROOT / "target" / "release" / "examples" / "evidence_bench"
CROSSWALK = ROOT / "data" / "crosswalk" / "countries.csv"


def pandas_peer(runs):
    import numpy as np
    import pandas as pd

    on = pd.Timestamp("2024-12-31")
    half_life = 3.0
    scale = {"institutional": 5.0, "political": 4.0, "defence_industrial": 15.0}
    weight = {"institutional": 0.25, "political": 0.20, "defence_industrial": 0.25}
    obligation_points = {"defense": 5.0, "offense": 4.0, "neutral": 2.0, "nonagg": 1.5, "consul": 1.0}

    def load():
        cw = pd.read_csv(CROSSWALK, dtype=str, keep_default_na=False)
        cow_to_id = {}
        sipri_to_id = {}
        for ident, cow, names in zip(cw["id"], cw["cow"], cw["sipri_names"]):
            if cow:
                cow_to_id.setdefault(int(cow), ident)
            for n in names.split(";"):
                if n:
                    sipri_to_id[n] = ident
        atop = pd.read_csv(FIX / "atop" / "atop-member-level.csv")
        atop = atop.assign(id=atop["member"].map(cow_to_id))
        reg = pd.read_csv(
            FIX / "sipri" / "trade-register.csv",
            skiprows=11,
            encoding="latin-1",
            header=0,
            on_bad_lines="skip",
            dtype=str,
        )
        reg.columns = [c.strip() for c in reg.columns]
        reg["supplier_id"] = reg["Supplier"].map(sipri_to_id)
        reg["recipient_id"] = reg["Recipient"].map(sipri_to_id)
        reg["order_year"] = pd.to_numeric(reg["Year of order"], errors="coerce")
        reg["ordered"] = pd.to_numeric(reg["Number ordered"], errors="coerce").fillna(0)
        votes = []
        for focal in (732, 731):
            f = pd.read_csv(FIX / "unvotes" / f"{focal}.csv", low_memory=False)
            cols = [c for c in f.columns if c.isdigit() and int(c) != focal]
            long = f.melt(id_vars=["year"], value_vars=cols, var_name="other", value_name="code").dropna()
            g = long.groupby(["year", "other", "code"]).size().unstack(fill_value=0)
            g = g.reindex(columns=[2.0, -1.0, -2.0], fill_value=0)
            g.columns = ["same", "one_abstained", "opposite"]
            g = g.reset_index()
            g["a"] = cow_to_id.get(focal, str(focal))
            g["b"] = g["other"].astype(int).map(cow_to_id)
            votes.append(g)
        votes = pd.concat(votes)
        return atop, reg, votes

    def decay(years_ago):
        return np.where(years_ago < 0, 0.0, 0.5 ** (years_ago / half_life))

    def partners(atop, reg, votes):
        me = "KOR"
        points = {}
        mine = atop[atop["id"] == me]
        pairs = mine.merge(atop, on=["atopid", "phase"], suffixes=("", "_o"))
        pairs = pairs[(pairs["id_o"] != me) & pairs["id_o"].notna()]
        open_ended = (pairs["yrexit"] == 0) & (pairs["yrexit_o"] == 0)
        for other, grp in pairs[open_ended].groupby("id_o"):
            best = 0.0
            for ob, p in obligation_points.items():
                if ((grp[ob] == 1) | (grp[ob + "_o"] == 1)).any():
                    best = max(best, p)
            points.setdefault(other, {})["institutional"] = best
        deals = reg[(reg["supplier_id"] == me) | (reg["recipient_id"] == me)].copy()
        deals["other"] = np.where(deals["supplier_id"] == me, deals["recipient_id"], deals["supplier_id"])
        deals = deals[deals["other"].notna()]
        base = 1.0 + 0.5 * np.log10(1.0 + deals["ordered"])
        deals["p"] = base * decay((on.year + 0.5) - (deals["order_year"] + 0.5))
        years = deals.assign(y=deals["Year(s) of delivery"].fillna("").str.split("; ")).explode("y")
        years = years[years["y"].str.strip() != ""]
        years["p"] = 0.5 * decay((on.year + 0.5) - (pd.to_numeric(years["y"], errors="coerce") + 0.5))
        for other, p in pd.concat([deals[["other", "p"]], years[["other", "p"]]]).groupby("other")["p"].sum().items():
            points.setdefault(other, {})["defence_industrial"] = p
        v = votes[(votes["a"] == me) & votes["b"].notna()].copy()
        joint = v["same"] + v["one_abstained"] + v["opposite"]
        v = v[joint >= 10]
        agreement = (v["same"] + 0.5 * v["one_abstained"]) / (v["same"] + v["one_abstained"] + v["opposite"])
        v["p"] = ((agreement - 0.5) / 0.5).clip(lower=0) * decay((on.year + 0.5) - (v["year"] + 0.5))
        for other, p in v.groupby("b")["p"].sum().items():
            points.setdefault(other, {})["political"] = p
        rows = []
        for other, dims in points.items():
            scores = {d: 100 * (1 - np.exp(-p / scale[d])) for d, p in dims.items()}
            covered = sum(weight[d] for d in scores)
            composite = sum(weight[d] * s for d, s in scores.items()) / covered
            rows.append((other, composite, composite * covered))
        rows.sort(key=lambda r: -r[2])
        return rows

    load_t, part_t = [], []
    for _ in range(runs):
        t = time.perf_counter()
        tables = load()
        load_t.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        ranking = partners(*tables)
        part_t.append((time.perf_counter() - t) * 1000)
    return statistics.median(load_t), statistics.median(part_t), len(ranking), ranking[0][0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    try:
        import pandas  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pandas"], check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "entente"], cwd=ROOT, check=True)
    subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "entente-report", "--example", "evidence_bench"],
        cwd=ROOT,
        check=True,
    )
    with tempfile.TemporaryDirectory() as d:
        def entente(*a):
            subprocess.run([str(BIN), *a, "--data-dir", d], check=True, capture_output=True)

        entente("import", "sipri", str(FIX / "sipri" / "trade-register.csv"))
        entente("import", "atop", str(FIX / "atop" / "atop-member-level.csv"), str(FIX / "atop" / "atop-alliance-level.csv"))
        entente("import", "unvotes", str(FIX / "unvotes" / "732.csv"), str(FIX / "unvotes" / "731.csv"))
        out = subprocess.run([str(EXAMPLE), d, str(args.runs)], check=True, capture_output=True, text=True).stdout
        rust = json.loads(out)
        # End to end, whole processes: what a user waits for.
        def wall(*a):
            ts = []
            for _ in range(args.runs):
                t = time.perf_counter()
                subprocess.run([str(BIN), *a, "--data-dir", d], check=True, capture_output=True)
                ts.append((time.perf_counter() - t) * 1000)
            return statistics.median(ts)

        html = pathlib.Path(d) / "brief.html"
        e2e_brief = wall("brief", "USA", "KOR", "--out", str(html))
        e2e_partners = wall("partners", "KOR", "--on", "2024-12-31", "--top", "0")
    py_load, py_partners, py_n, py_first = pandas_peer(args.runs)
    print(f"{'task':58}{'entente':>12}{'pandas':>12}{'ratio':>9}")
    print(f"{'load: knowledge base + every imported dataset (ms)':58}{rust['load_ms']:>12.1f}{py_load:>12.1f}{py_load / rust['load_ms']:>8.1f}x")
    print(f"{'partners KOR on 2024-12-31, every counterpart (ms)':58}{rust['partners_ms']:>12.1f}{py_partners:>12.1f}{py_partners / rust['partners_ms']:>8.1f}x")
    for b in rust["briefs"]:
        print(f"{'brief ' + b['pair'] + ' (tables loaded, ms)':58}{b['ms']:>12.1f}{'—':>12}{'':>9}")
    print(f"{'whole process: entente brief USA KOR (ms)':58}{e2e_brief:>12.1f}")
    print(f"{'whole process: entente partners KOR --top 0 (ms)':58}{e2e_partners:>12.1f}")
    print(f"counterparts ranked: entente {rust['partners']} (first {rust['first']}), pandas {py_n} (first {py_first})")


if __name__ == "__main__":
    main()
