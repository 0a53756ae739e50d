#!/usr/bin/env python3
"""Benchmark: the S-score panel over every ATOP dyad-year, entente (Rust) against a plain
pandas/numpy implementation of the same formula on the same file.

Usage: python3 scripts/bench_atop.py [atop-member-level.csv]

Both sides do the same work, timed from reading the file to the last S: read the ATOP
member-level file; tie every pair of members of the same alliance phase in force in a year; the
tie in i's portfolio towards k is the valuation (defense or offense 3, neutrality 2,
non-aggression 1, consultation alone 2) of what k undertakes in the alliances they share; a
state's tie with itself is 3; then S = 1 - 2 * sum_k |t_ik - t_jk| / (N * 3) for every pair of
the N COW system states, every year 1816-2016. The COW system is taken from the Rust example
(`--dump-system`, untimed) so that N is the same. Each side runs in its own process; peak RSS is
that process's maximum resident set (wait4). Each side repeats the whole job in-process and
reports its fastest run, so that a busy machine's preemptions count for neither. The checksums
(sum of all S) must agree.
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "fixtures", "atop", "atop-member-level.csv")


def plain(member_csv, system_csv, repeat=3):
    """Runs the plain implementation `repeat` times and prints the fastest (as the Rust side)."""
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_total, checksum, smin = plain_once(member_csv, system_csv)
        t = time.perf_counter() - t0
        best = t if best is None else min(best, t)
    print(f"total_s {best:.6f}")
    print(f"dyad_years {n_total}")
    print(f"checksum {checksum:.6f}")
    print(f"min_s {smin:.6f}")


def plain_once(member_csv, system_csv):
    """The plain pandas/numpy implementation: returns (dyad-years, sum of S, min S)."""
    import numpy as np
    import pandas as pd

    cols = ["atopid", "phase", "member", "yrent", "yrexit", "defense", "offense", "neutral", "nonagg", "consul"]
    m = pd.read_csv(member_csv, usecols=cols)
    system = pd.read_csv(system_csv)
    last = 2016
    m["yrexit_"] = m["yrexit"].where(m["yrexit"] != 0, last)
    # Member-years: one row per membership phase and year in force.
    m["year"] = [list(range(a, b + 1)) for a, b in zip(m["yrent"], m["yrexit_"])]
    my = m[["atopid", "phase", "member", "year", "defense", "offense", "neutral", "nonagg", "consul"]].explode("year")
    my["year"] = my["year"].astype(int)
    my = my.merge(system, left_on=["year", "member"], right_on=["year", "ccode"])
    # Directed pairs (i receives from k) within the same alliance phase and year.
    pairs = my[["atopid", "phase", "year", "member"]].merge(my, on=["atopid", "phase", "year"], suffixes=("_i", ""))
    pairs = pairs[pairs["member_i"] != pairs["member"]]
    flags = pairs.groupby(["year", "member_i", "member"])[["defense", "offense", "neutral", "nonagg", "consul"]].max().reset_index()
    flags["tie"] = np.select(
        [(flags.defense == 1) | (flags.offense == 1), flags.neutral == 1, flags.nonagg == 1, flags.consul == 1],
        [3, 2, 1, 2],
        0,
    )
    n_total, checksum, smin = 0, 0.0, np.inf
    ties_by_year = dict(tuple(flags.groupby("year")))
    for year, states in system.groupby("year"):
        codes = states["ccode"].to_numpy()
        n = len(codes)
        pos = pd.Series(np.arange(n), index=codes)
        t = np.zeros((n, n), dtype=np.int16)
        np.fill_diagonal(t, 3)
        ty = ties_by_year.get(year)
        if ty is not None:
            t[pos[ty["member_i"]].to_numpy(), pos[ty["member"]].to_numpy()] = ty["tie"].to_numpy()
        d = np.abs(t[:, None, :] - t[None, :, :]).sum(axis=2)
        iu = np.triu_indices(n, 1)
        s = 1.0 - 2.0 * d[iu] / (n * 3.0)
        n_total += len(s)
        checksum += s.sum()
        smin = min(smin, s.min())
    return n_total, checksum, smin


def measured(cmd):
    pid = os.fork()
    if pid == 0:
        fd = os.open(tmp_out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd, 1)
        os.execvp(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed with status {status}")
    with open(tmp_out) as f:
        out = f.read()
    return dict(l.split(" ", 1) for l in out.splitlines() if " " in l), usage.ru_maxrss


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--plain":
        plain(sys.argv[2], sys.argv[3])
        sys.exit(0)
    member_csv = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "entente-measures", "--example", "s_panel"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "s_panel")
    tmp = tempfile.mkdtemp()
    tmp_out = os.path.join(tmp, "out.txt")
    system_csv = os.path.join(tmp, "system.csv")
    subprocess.run([exe, member_csv, "--dump-system", system_csv], check=True, stdout=subprocess.DEVNULL)

    # Each side repeats its work in-process and reports its fastest run (Rust 20, Python 3).
    rust, rust_rss = measured([exe, member_csv, "--repeat", "20"])
    py, py_rss = measured([sys.executable, __file__, "--plain", member_csv, system_csv])
    rt, pt = float(rust["total_s"]), float(py["total_s"])
    print(f"file: {member_csv}")
    print(f"dyad-years: entente {rust['dyad_years']}, pandas/numpy {py['dyad_years']}")
    print(f"checksum (sum of S): entente {rust['checksum']}, pandas/numpy {py['checksum']}")
    print(f"{'':24}{'time (s, fastest)':>18}{'peak RSS (MB)':>16}")
    print(f"{'entente (Rust, sparse)':24}{rt:>18.4f}{rust_rss / 1024:>16.1f}")
    print(f"{'pandas/numpy (dense)':24}{pt:>18.4f}{py_rss / 1024:>16.1f}")
    print(f"speed-up: {pt / rt:.1f}x")
    if rust["dyad_years"] != py["dyad_years"] or abs(float(rust["checksum"]) - float(py["checksum"])) > 1e-3:
        sys.exit("the two implementations disagree")
