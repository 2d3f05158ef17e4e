"""One line per eval json; TUNING-SUM over articles-dev*.json."""

import json
import sys
from pathlib import Path

FIELDS = ["type", "source", "target", "status", "speaker", "place", "date"]


def pct(x):
    return "  -  " if x is None else f"{100 * x:5.1f}"


for d in sys.argv[1:]:
    d = Path(d)
    print(f"== {d}")
    tot = {"tp": 0, "fp": 0, "fn": 0, **{f: 0 for f in FIELDS}, "all": 0}
    for f in sorted(d.glob("*.json")):
        j = json.loads(f.read_text())
        n = f.stem
        if "detection" in j:
            det = j["detection"]
            fl = j["fields"]
            s = " ".join(f"{k[:4]} {pct(fl[k]['accuracy'])}" for k in FIELDS if k in fl)
            print(
                f"{n:22} P {pct(det['precision'])} R {pct(det['recall'])} "
                f"({det['tp']}/{det['tp'] + det['fp']}/{det['tp'] + det['fn']}) {s} "
                f"all {pct((j.get('all_fields_right') or {}).get('share'))} "
                f"auc {pct(j.get('confidence_auc'))}"
            )
            if n.startswith("articles-dev"):
                for k in ("tp", "fp", "fn"):
                    tot[k] += det[k]
                for k in FIELDS:
                    tot[k] += fl.get(k, {}).get("correct", 0)
                tot["all"] += (j.get("all_fields_right") or {}).get("events", 0)
        elif "measures" in j:
            m = j["measures"]
            print(f"{n:22} " + " ".join(f"{k} {pct(v['accuracy'])}" for k, v in m.items()))
        elif "pairwise" in j:
            pw, b = j["pairwise"], j["bcubed"]
            print(
                f"{n:22} pairwise P {pct(pw['precision'])} R {pct(pw['recall'])} "
                f"F1 {pct(pw['f1'])} ({pw['tp']}/{pw['tp'] + pw['fp']}/{pw['tp'] + pw['fn']}) "
                f"B3 P {pct(b['precision'])} R {pct(b['recall'])} F1 {pct(b['f1'])} "
                f"mentions {j['mentions_found']}/{j['mentions']}"
            )
    if tot["tp"]:
        tp = tot["tp"]
        print(
            f"TUNING-SUM (articles-dev*) tp {tp} fp {tot['fp']} fn {tot['fn']} "
            f"P {pct(tp / (tp + tot['fp']))} R {pct(tp / (tp + tot['fn']))} "
            + " ".join(f"{k} {tot[k]}" for k in FIELDS)
            + f" all {tot['all']}"
        )
