"""``sitmap doctor``: is everything sitmap needs present and usable? One row per check."""

from __future__ import annotations

import time
from importlib import resources
from typing import Any

from sitmap.errors import SitmapError


def _timed(name: str, func) -> dict[str, Any]:
    start = time.perf_counter()
    try:
        detail = func()
        ok = True
    except (SitmapError, OSError, ImportError, ValueError, KeyError) as exc:
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return {"check": name, "ok": ok, "detail": f"{detail} ({time.perf_counter() - start:.1f}s)"}


def _model() -> str:
    from sitmap import nlp

    info = nlp.model_info()
    return f"{info['package']} {info['version']}: NER F {info['ner_f']:.3f}, LAS {info['las']:.3f}"


def _gazetteer() -> str:
    from sitmap import geo

    gaz = geo.gazetteer()
    place = geo.lookup("Deir ez-Zor")
    where = (
        f"Deir ez-Zor → {place.lat:.3f},{place.lon:.3f}"
        if place and place.lat
        else "no Deir ez-Zor"
    )
    return f"{len(gaz):,} names; {where}"


def _data() -> str:
    files = [p.name for p in resources.files("sitmap.data").iterdir() if p.is_file()]
    from sitmap import lexicons

    for name in files:
        if name.endswith((".yaml", ".yml")):
            lexicons.yaml_file(name)
        elif name.endswith(".tsv"):
            lexicons.tsv_file(name)
    return f"{len(files)} data files parse"


def check() -> list[dict[str, Any]]:
    """Run every check; never raises for a failing check (it is reported as not ok)."""
    return [
        _timed("data files", _data),
        _timed("spaCy model", _model),
        _timed("gazetteer", _gazetteer),
    ]
