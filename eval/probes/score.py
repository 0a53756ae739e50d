#!/usr/bin/env python3
"""Scores the claims a binary prints for the probe articles against their .expected lines.

usage: python3 eval/probes/score.py BINARY [DIR]   (DIR: eval/probes/dev by default)

BINARY prints an article's claims one per line as the `lines` example does
(`cargo build --release -p entente-claims --example lines`, then target/release/examples/lines).
A gold claim is found when a predicted claim of the same sentence is left (one to one: first
every gold claim a prediction agrees with in full, then the rest, the best-agreeing first); a claim is right when its set of actors and recipients and its date equal
the gold ones (the start of a gold range, or a date the gold line accepts in "(accept X)"; the
recipients a comment accepts, "(accept recipient(s) X Y)", "(accept no recipient)"). A claim
whose actors are a list counts as one claim per actor where the gold splits it so.
Precision divides by all predicted claims, recall by all gold claims (lines marked
optional are left out). Looser than the corpus's alignment (same sentence, not overlapping quotes).
"""
import collections
import glob
import os
import re
import subprocess
import sys


def gold(path):
    out = []
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#") or "optional" in line.lower():
            continue
        p = [x.strip() for x in line.split("|")]
        if len(p) < 5 or not p[0].isdigit():
            continue
        bare, notes = comments(p[3])
        a, _, r = bare.partition("->")
        split = lambda t: {x for x in t.replace(",", " ").split() if x != "-"}
        actors, recipients = split(a), split(r)
        # The sides it accepts: its own, and those a comment names ("accept recipient(s) TUR
        # AZE", "accept no recipient").
        sides = [actors | recipients]
        for c in notes:
            m = re.search(r"accept recipients?(?:\(s\))? ([A-Z][A-Z0-9 ]*)", c)
            if m:
                sides.append(actors | split(m[1]))
            if re.search(r"accept no recipient", c):
                sides.append(set(actors))
        out.append((int(p[0]), sides, dates(p[4]), actors, recipients))
    return out


def comments(field):
    """A field without its comments (parentheses, which may hold parentheses: "(accept
    recipient(s) TUR AZE)"), and the comments."""
    bare, notes, depth = [], [], 0
    for ch in field:
        if ch == "(":
            if depth == 0:
                notes.append("")
            else:
                notes[-1] += ch
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
            if depth > 0:
                notes[-1] += ch
        elif depth > 0:
            notes[-1] += ch
        else:
            bare.append(ch)
    return "".join(bare), notes


def dates(field):
    """The dates a gold date field accepts: its date (the start of a range "A..B", as the corpus
    compares start dates; None for "none") and any alternative "(accept X)" names."""
    one = lambda d: None if d.strip().lower() in ("none", "") else d.strip().split("..")[0]
    main, _, comment = field.partition("(")
    accepted = {one(main)}
    m = re.match(r"\s*accept (\S+)\)", comment)
    if m:
        accepted.add(one(m[1]))
    return accepted


def predicted(binary, article):
    out = []
    lines = subprocess.run([binary, article], capture_output=True, text=True, check=True).stdout
    for line in lines.splitlines():
        m = re.match(r'(\d+) (\S+) (\S+) \[(.*?)\]->\[(.*?)\] (None|Some\("(.*?)"\))', line)
        if m:
            actors = set(re.findall(r"([A-Za-z0-9_-]+)<", m[4]))
            recipients = set(re.findall(r"([A-Za-z0-9_-]+)<", m[5]))
            out.append((int(m[1]), actors | recipients, m[7], actors, recipients))
    return out


def per_actor(exp, pred):
    """A claim whose actors are a list ("Albania and Croatia joined NATO") is read as one claim
    per actor where the gold splits that list so (a gold claim with the same recipients for each
    of its actors, none with them all): the guidelines' "one claim per actor" and a joint
    subject are both accepted, as the corpus accepts either order for symmetric events."""
    out = []
    for sentence, ids, date, actors, recipients in pred:
        singles = [g for g in exp if g[0] == sentence and len(g[3]) == 1 and g[3] < actors and g[4] == recipients]
        joint = any(g[0] == sentence and ids in g[1] for g in exp)
        covered = set().union(*(g[3] for g in singles)) == actors if singles else False
        if len(actors) >= 2 and covered and not joint:
            out.extend((sentence, {a} | recipients, date, {a}, recipients) for a in sorted(actors))
        else:
            out.append((sentence, ids, date, actors, recipients))
    return out


def align(exp, pred):
    """Gold index -> predicted index, one to one within a sentence: the gold claims a prediction
    agrees with in full first, then the others, each with the best-agreeing one left."""
    used, out = set(), {}
    for full in (True, False):
        for g, (sentence, sides, date, *_) in enumerate(exp):
            if g in out:
                continue
            cands = [i for i, p in enumerate(pred) if p[0] == sentence and i not in used]
            if full:
                cands = [i for i in cands if pred[i][1] in sides and pred[i][2] in date]
            if not cands:
                continue
            best = max(cands, key=lambda i: (pred[i][1] in sides, pred[i][2] in date))
            used.add(best)
            out[g] = best
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "dev")
    total = collections.Counter()
    for article in sorted(glob.glob(os.path.join(folder, "a[0-9]*.txt"))):
        exp = gold(article[:-4] + ".expected")
        pred = per_actor(exp, predicted(binary, article))
        total["gold"] += len(exp)
        total["predicted"] += len(pred)
        for g, best in align(exp, pred).items():
            sentence, sides, date, *_ = exp[g]
            total["found"] += 1
            total["pair"] += pred[best][1] in sides
            total["date"] += pred[best][2] in date
            total["claim"] += pred[best][1] in sides and pred[best][2] in date
    p = total["claim"] / max(total["predicted"], 1)
    r = total["claim"] / max(total["gold"], 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(dict(total), "claim precision %.3f recall %.3f F1 %.3f" % (p, r, f))


if __name__ == "__main__":
    main()
