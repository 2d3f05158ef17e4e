"""Unlabelled check: events on N random corpus articles (not in any gold), base vs this checkout."""

import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

CORPORA = "/work/shared/corpora"
WORKER = r"""
import json, sys
from sitmap.pipeline import extract
out = []
for line in open(sys.argv[1]):
    r = json.loads(line)
    try:
        d = extract(r["text"], source=r.get("source"), published=r.get("published_raw"),
                    title=r.get("title"))
    except Exception as e:
        out.append({"id": r["id"], "error": str(e)}); continue
    evs = []
    for e in d.events:
        def a(x):
            return (x.code or x.name) if x else "-"
        evs.append(" ".join([
            f"{e.plover}/{e.mode or '-'}", f"{a(e.source)}->{a(e.target)}", e.status,
            (e.place.name if e.place else "-"), ((e.date.date or "?") if e.date else "-"),
            f"{e.confidence:.2f}", "|", e.trigger, "|", e.evidence[:160].replace("\n", " ")]))
    out.append({"id": r["id"], "title": r.get("title"), "events": evs})
json.dump(out, open(sys.argv[2], "w"))
"""


def gold_ids():
    ids = set()
    for f in glob.glob("eval/*.jsonl") + glob.glob("/work/plan/dev*/*.jsonl"):
        for line in Path(f).read_text().splitlines():
            try:
                r = json.loads(line)
            except ValueError:
                continue
            for k in ("id", "doc_id", "a_doc", "b_doc"):
                v = r.get(k)
                if isinstance(v, str):
                    ids.add(v.split("-")[-1])
    return ids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--base", default="/work/main")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    gid = gold_ids()
    rows = []
    for f in sorted(glob.glob(f"{CORPORA}/*.jsonl")):
        for line in Path(f).read_text().splitlines():
            r = json.loads(line)
            if r["id"] in gid or not (80 <= len(r["text"].split()) <= 900):
                continue
            rows.append(r)
    random.Random(a.seed).shuffle(rows)
    rows = rows[: a.n]
    tmp = tempfile.mkdtemp()
    inp = os.path.join(tmp, "in.jsonl")
    with open(inp, "w") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    res = {}
    for name, root in (("base", a.base), ("new", os.getcwd())):
        env = dict(os.environ, PYTHONPATH=os.path.join(root, "src"))
        outp = os.path.join(tmp, name + ".json")
        subprocess.run([sys.executable, "-c", WORKER, inp, outp], env=env, check=True)
        res[name] = {d["id"]: d for d in json.loads(Path(outp).read_text())}
    plus = minus = 0
    for r in rows:
        b = res["base"][r["id"]].get("events", [])
        n = res["new"][r["id"]].get("events", [])
        gone = [e for e in b if e not in n]
        new = [e for e in n if e not in b]
        if gone or new:
            print(f"## {r['id']} {r.get('title')}")
            for e in gone:
                print("  -", e)
            for e in new:
                print("  +", e)
        plus += len(new)
        minus += len(gone)
    tb = sum(len(d.get("events", [])) for d in res["base"].values())
    tn = sum(len(d.get("events", [])) for d in res["new"].values())
    print(f"TOTAL base {tb} new {tn}: +{plus} -{minus}")


main()
