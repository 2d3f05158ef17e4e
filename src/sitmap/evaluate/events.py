"""Event scoring: predicted ``Document.events`` against gold events in JSONL.

Gold format, one document a line::

    {"id": "...", "text": "...", "published": "2017-12-31" | null, "source": "Reuters" | null,
     "origin": "...", "events": [{"trigger": "encircled", "type": "ASSAULT",
     "source": "SYRMIL" | null, "target": "IMGINSISI" | null,
     "place": {"name": "Deir ez-Zor", "lat": 35.336, "lon": 40.141} | null,
     "date": "2017-09-04" | null, "date_precision": "day" | "week" | "month" | "year" | null,
     "status": "reported", "cited_source": "Reuters" | null, "speaker": "Rex Tillerson" | null}]}

Matching rule (within one document, one-to-one). Gold events carry no offsets, so a gold event
is anchored by the occurrences of its trigger in the text the pipeline processed (the
predicted document's ``text``, which ingest may have normalised): case-insensitive whole-word
matches, or if there are none, the words sharing a stem with one of its words. The
similarity of gold event *g* and predicted event *p* is 0 unless an occurrence lies inside
*p*'s sentence; otherwise it is the sum of

* 0.20  an occurrence lies inside *p*'s sentence (the anchor),
* 0.40  an occurrence overlaps *p*'s clause span ``[p.start, p.end)``,
* 0.25  the triggers agree: they share a stem (lower-cased, one of the suffixes -ing/-ed/-es/
        -s/-e stripped) or an occurrence overlaps *p*'s trigger span (``trigger_start``),
* 0.10  same PLOVER type,
* 0.05  × the share of actors (source, target) agreeing on country + sector (first 6 chars).

Pairs below ``MIN_SIMILARITY`` (0.45) are never matched: the clause must hold the gold trigger
(≥ 0.60) or the triggers must agree in the same sentence (≥ 0.45); type and actors only
break ties. The pairs are chosen with the Hungarian algorithm
(``scipy.optimize.linear_sum_assignment``) maximising the summed similarity.

Detection: a matched pair is a true positive, an unmatched prediction a false positive, an
unmatched gold event a false negative (P/R/F1 as in ``metrics``). Field accuracy is computed on
matched pairs only, ``None == None`` counting as correct:

* ``type``: the PLOVER type; ``source``/``target``: the exact actor code, and ``source_6`` /
  ``target_6`` its first 6 characters (country + sector);
* ``status``; ``cited_source`` and ``speaker``: names equal after case-folding, dropping a
  leading "the" and punctuation, or one a whole-word part of the other ("Tillerson" ~ "Rex
  Tillerson");
* ``place``: within 50 km (both ``None`` correct, one ``None`` wrong; a gold place without
  coordinates is compared by name; a predicted country or region of the gold place's name
  counts within 2,000 km, since the centroids of large areas differ between sources);
* ``date``: the predicted ISO date equals the gold one at the gold precision (same day, ISO
  week, month or year; precision ``None`` means day).

Per PLOVER type, a pair counts as a true positive of type *t* only when both sides are *t*;
macro-F1 averages the per-type F1 over the types present in gold or predictions. The confusion
table has gold types as rows (plus ``SPURIOUS`` for unmatched predictions) and predicted types
as columns (plus ``MISSING`` for unmatched gold events).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sitmap.errors import InputError, SitmapError
from sitmap.evaluate.metrics import PRF, Tally, assign, haversine_km, ratio
from sitmap.model import Document, Event

MIN_SIMILARITY = 0.45
PLACE_KM = 50.0
AREA_KM = 2000.0  # a named area's centroid: see same_place
FIELDS = (
    "type",
    "source",
    "source_6",
    "target",
    "target_6",
    "status",
    "cited_source",
    "speaker",
    "place",
    "date",
)
# The fields an event must have right to count as "right in every field".
ALL_FIELDS = ("type", "source", "target", "status", "speaker", "place", "date")
CURVE_THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
MISSING = "MISSING"
SPURIOUS = "SPURIOUS"


@dataclass
class GoldPlace:
    name: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class GoldEvent:
    """One annotated event (see the module docstring for the fields)."""

    trigger: str
    type: str
    source: str | None = None
    target: str | None = None
    place: GoldPlace | None = None
    date: str | None = None
    date_precision: str | None = None
    status: str = "asserted"  # the model's default when the annotator gives none
    cited_source: str | None = None
    speaker: str | None = None
    evidence: str | None = None  # whole-article gold: a span of the text holding the event

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldEvent:
        place = data.get("place")
        return cls(
            trigger=data["trigger"],
            type=data["type"],
            source=data.get("source"),
            target=data.get("target"),
            place=GoldPlace(place.get("name"), place.get("lat"), place.get("lon"))
            if place
            else None,
            date=data.get("date"),
            date_precision=data.get("date_precision"),
            status=data.get("status") or "asserted",
            cited_source=data.get("cited_source"),
            speaker=data.get("speaker"),
            evidence=data.get("evidence"),
        )


@dataclass
class GoldDocument:
    """One annotated article."""

    id: str
    text: str
    published: str | None = None
    source: str | None = None
    origin: str | None = None
    events: list[GoldEvent] = field(default_factory=list)
    title: str | None = None  # whole articles: passed to the pipeline as the title, not scored

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldDocument:
        return cls(
            id=str(data.get("id") or ""),
            text=data["text"],
            title=data.get("title"),
            published=data.get("published"),
            source=data.get("source"),
            origin=data.get("origin"),
            events=[GoldEvent.from_dict(e) for e in data.get("events") or []],
        )


@dataclass
class EventScores:
    """What ``evaluate_events`` returns; ``to_dict`` is the JSON written by ``--json``."""

    documents: int = 0
    detection: PRF = field(default_factory=PRF)
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    per_type: dict[str, PRF] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    all_right: int = 0  # matched events right in every field of ALL_FIELDS
    confidence: list[tuple[float, bool]] = field(default_factory=list)  # (score, real) per pred

    @property
    def gold(self) -> int:
        return self.detection.tp + self.detection.fn

    @property
    def predicted(self) -> int:
        return self.detection.tp + self.detection.fp

    @property
    def macro_f1(self) -> float | None:
        """Mean per-type F1 over the types present in gold or predictions."""
        values = [s.f1 for s in self.per_type.values() if s.f1 is not None]
        return sum(values) / len(values) if values else None

    @property
    def all_right_share(self) -> float | None:
        """Predicted events that are real and right in every field of ``ALL_FIELDS``."""
        return ratio(self.all_right, self.predicted)

    @property
    def confidence_auc(self) -> float | None:
        """ROC AUC of ``Event.confidence`` separating real (matched) from spurious events."""
        return roc_auc(self.confidence)

    def confidence_curve(self) -> list[dict[str, Any]]:
        """Precision and recall of the events kept at each confidence threshold."""
        rows = []
        for threshold in CURVE_THRESHOLDS:
            kept = [real for score, real in self.confidence if score >= threshold]
            real = sum(kept)
            rows.append(
                {
                    "threshold": threshold,
                    "events": len(kept),
                    "precision": ratio(real, len(kept)),
                    "recall": ratio(real, self.gold),
                }
            )
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.detection.tp,
            "detection": self.detection.to_dict(),
            "all_fields_right": {
                "events": self.all_right,
                "share": self.all_right_share,
                "fields": list(ALL_FIELDS),
            },
            "confidence_auc": self.confidence_auc,
            "confidence_curve": self.confidence_curve(),
            "macro_f1": self.macro_f1,
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "confusion": self.confusion,
            "skipped": self.skipped,
            "errors": self.errors,
        }


def read_event_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file; raises ``InputError`` naming the bad line."""
    path = Path(path)
    if not path.is_file():
        raise InputError("missing", f"gold file {path} does not exist", hint="check the path")
    docs: list[GoldDocument] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                docs.append(GoldDocument.from_dict(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise InputError(
                    "malformed",
                    f"{path}:{number}: not a gold event document ({exc})",
                    hint="each line needs 'text' and 'events' with 'trigger' and 'type'",
                ) from exc
    return docs


def read_predictions(path: str | Path) -> list[Document]:
    """Read predicted documents: ``Document.to_dict()`` JSON, one a line."""
    path = Path(path)
    if not path.is_file():
        raise InputError("missing", f"predictions file {path} does not exist")
    with path.open(encoding="utf-8") as fh:
        return [Document.from_dict(json.loads(line)) for line in fh if line.strip()]


def align(gold_docs: Sequence[GoldDocument], predicted: Iterable[Document]) -> list[Document]:
    """The prediction for each gold document, by gold id (``id`` or ``meta["gold_id"]``), else
    by identical text; a gold document without one gets an empty prediction (all missed)."""
    by_key: dict[str, Document] = {}
    for doc in predicted:
        for key in (doc.meta.get("gold_id"), doc.id, "text:" + doc.text):
            if key:
                by_key.setdefault(str(key), doc)
    out = []
    for g in gold_docs:
        doc = by_key.get(g.id) if g.id else None
        doc = doc or by_key.get("text:" + g.text) or Document(text=g.text, id=g.id or "")
        out.append(doc)
    return out


def predict(gold_docs: Iterable[GoldDocument]) -> tuple[list[Document], list[dict[str, str]]]:
    """Run ``pipeline.extract`` on each gold text; documents it refuses become empty predictions
    and are listed as skipped ``{"id", "reason"}``."""
    from sitmap import pipeline  # the stages load only when predictions are asked for

    docs, skipped = [], []
    for g in gold_docs:
        try:
            doc = pipeline.extract(g.text, source=g.source, published=g.published, title=g.title)
        except SitmapError as exc:
            skipped.append({"id": g.id, "reason": str(exc)})
            doc = Document(text=g.text)
        doc.meta["gold_id"] = g.id
        docs.append(doc)
    return docs, skipped


def evaluate_events(
    gold_docs: Sequence[GoldDocument], predicted_docs: Sequence[Document]
) -> EventScores:
    """Score predicted documents against gold, paired by position (see ``align``)."""
    if len(gold_docs) != len(predicted_docs):
        raise InputError(
            "mismatch",
            f"{len(gold_docs)} gold documents but {len(predicted_docs)} predictions",
            hint="pair them with sitmap.evaluate.events.align first",
        )
    scores = EventScores(documents=len(gold_docs))
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for g_doc, p_doc in zip(gold_docs, predicted_docs, strict=True):
        _score_document(g_doc, p_doc, scores, confusion)
    scores.confusion = {
        g: {p: confusion[g][p] for p in sorted(confusion[g], key=_no_event_last)}
        for g in sorted(confusion, key=_no_event_last)
    }
    return scores


def _no_event_last(key: str) -> tuple[bool, str]:
    return (key in (MISSING, SPURIOUS), key)


def _score_document(
    g_doc: GoldDocument,
    p_doc: Document,
    scores: EventScores,
    confusion: dict[str, Counter[str]],
) -> None:
    # Predicted spans index the predicted text (ingest may have normalised it): anchor there.
    text = p_doc.text or g_doc.text
    golds, preds = g_doc.events, list(p_doc.events)
    anchors = [anchor(text, g) for g in golds]
    sentences = [_sentence_span(p_doc, p) for p in preds]
    sim = [
        [similarity(g, occ, p, sent) for p, sent in zip(preds, sentences, strict=True)]
        for g, occ in zip(golds, anchors, strict=True)
    ]
    pairs = assign(sim, MIN_SIMILARITY) if golds and preds else []
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    types = scores.per_type

    for i, j in pairs:
        g, p = golds[i], preds[j]
        scores.detection.tp += 1
        confusion[g.type][p.plover] += 1
        if g.type == p.plover:
            types.setdefault(g.type, PRF()).tp += 1
        else:
            types.setdefault(g.type, PRF()).fn += 1
            types.setdefault(p.plover, PRF()).fp += 1
        compared = _compare(g, p)
        if all(ok for name, ok, _, _ in compared if name in ALL_FIELDS):
            scores.all_right += 1
        for name, ok, gold_value, pred_value in compared:
            scores.fields[name].add(ok)
            if not ok:
                scores.errors.append(
                    {
                        "doc": g_doc.id,
                        "kind": "field",
                        "field": name,
                        "trigger": g.trigger,
                        "gold": gold_value,
                        "predicted": pred_value,
                        "sentence": p.evidence,
                    }
                )
    for i, g in enumerate(golds):
        if i in matched_g:
            continue
        scores.detection.fn += 1
        confusion[g.type][MISSING] += 1
        types.setdefault(g.type, PRF()).fn += 1
        scores.errors.append(
            {
                "doc": g_doc.id,
                "kind": "missed",
                "trigger": g.trigger,
                "gold": g.type,
                "predicted": None,
                "sentence": _sentence_around(text, anchors[i]),
            }
        )
    for j, p in enumerate(preds):
        scores.confidence.append((p.confidence, j in matched_p))
        if j in matched_p:
            continue
        scores.detection.fp += 1
        confusion[SPURIOUS][p.plover] += 1
        types.setdefault(p.plover, PRF()).fp += 1
        scores.errors.append(
            {
                "doc": g_doc.id,
                "kind": "spurious",
                "trigger": p.trigger,
                "gold": None,
                "predicted": p.plover,
                "sentence": p.evidence,
            }
        )


def similarity(
    gold: GoldEvent,
    occurrences: Sequence[tuple[int, int]],
    pred: Event,
    sentence: tuple[int, int],
) -> float:
    """The matching similarity of the module docstring (0 when not anchored in the sentence)."""
    if not any(_overlaps(o, sentence) for o in occurrences):
        return 0.0
    score = 0.20
    if any(_overlaps(o, (pred.start, pred.end)) for o in occurrences):
        score += 0.40
    trigger_span = (pred.trigger_start, pred.trigger_end)
    on_trigger = trigger_span[0] is not None and trigger_span[1] is not None
    if _stems(gold.trigger) & _stems(pred.trigger) or (
        on_trigger and any(_overlaps(o, trigger_span) for o in occurrences)
    ):
        score += 0.25
    if gold.type == pred.plover:
        score += 0.10
    actors = [
        _prefix(gold.source) == _prefix(_code(pred.source)),
        _prefix(gold.target) == _prefix(_code(pred.target)),
    ]
    return round(score + 0.05 * sum(actors) / 2, 6)


def _compare(g: GoldEvent, p: Event) -> list[tuple[str, bool, Any, Any]]:
    src, tgt = _code(p.source), _code(p.target)
    p_place = _place_dict(p.place)
    g_place = _place_dict(g.place)
    p_date = p.date.date if p.date else None
    return [
        ("type", g.type == p.plover, g.type, p.plover),
        ("source", g.source == src, g.source, src),
        ("source_6", _prefix(g.source) == _prefix(src), g.source, src),
        ("target", g.target == tgt, g.target, tgt),
        ("target_6", _prefix(g.target) == _prefix(tgt), g.target, tgt),
        ("status", g.status == p.status, g.status, p.status),
        ("cited_source", same_name(g.cited_source, p.cited_source), g.cited_source, p.cited_source),
        ("speaker", same_name(g.speaker, p.speaker), g.speaker, p.speaker),
        ("place", same_place(g.place, p.place), g_place, p_place),
        ("date", same_date(g.date, g.date_precision, p_date), g.date, p_date),
    ]


def _place_dict(place: Any) -> dict[str, Any] | None:
    return None if place is None else {"name": place.name, "lat": place.lat, "lon": place.lon}


def same_place(gold: GoldPlace | None, pred: Any, *, km: float = PLACE_KM) -> bool:
    """Both ``None``, or within ``km`` (by name when the gold place has no coordinates)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold.lat is None or gold.lon is None:
        return same_name(gold.name, pred.name or pred.text)
    if pred.lat is None or pred.lon is None:
        return False
    distance = haversine_km(gold.lat, gold.lon, pred.lat, pred.lon)
    if distance <= km:
        return True
    # A country or region is a point only by convention: the gold's centroid and the
    # gazetteer's lie hundreds of km apart for large areas (Morocco: 199 km, Russia: 335 km).
    # The same area by name counts (exactly: "Sudan" is not "South Sudan"); the distance bound
    # keeps namesakes apart (Georgia the state and the country).
    area = getattr(pred, "feature_class", None) not in (None, "P")
    names = {_norm_name(n) for n in (pred.name, pred.text) if n}
    return area and distance <= AREA_KM and _norm_name(gold.name or "") in names


def same_date(gold: str | None, precision: str | None, pred: str | None) -> bool:
    """Both ``None``, or the same day / ISO week / month / year / decade at the gold precision."""
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        g, p = date.fromisoformat(gold[:10]), date.fromisoformat(pred[:10])
    except ValueError:
        return False
    if precision == "decade":
        return g.year // 10 == p.year // 10
    if precision == "year":
        return g.year == p.year
    if precision == "month":
        return (g.year, g.month) == (p.year, p.month)
    if precision == "week":
        return g.isocalendar()[:2] == p.isocalendar()[:2]
    return g == p


def same_name(gold: str | None, pred: str | None) -> bool:
    """Both ``None``, or equal after normalising, or one a whole-word part of the other."""
    if gold is None or pred is None:
        return gold is None and pred is None
    a, b = _norm_name(gold), _norm_name(pred)
    if not a or not b:
        return a == b
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _norm_name(name: str) -> str:
    words = re.findall(r"\w+", name.casefold())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _code(actor: Any) -> str | None:
    return None if actor is None else actor.code


def _prefix(code: str | None) -> str | None:
    return None if code is None else code[:6]


_SUFFIXES = ("ing", "ed", "es", "s", "e")


def stem(word: str) -> str:
    """A crude stem for trigger comparison: lower-cased, one common suffix stripped."""
    w = word.casefold()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2]:  # "stopped"→"stop", "shell"/"shelled"→"shel"
        w = w[:-1]
    return w


def _stems(phrase: str) -> set[str]:
    return {stem(w) for w in re.findall(r"\w+", phrase) if len(w) >= 3}


def anchor(text: str, gold: GoldEvent) -> list[tuple[int, int]]:
    """Where a gold event is in ``text``: its trigger's occurrences inside its ``evidence`` span
    (whole articles, where "said" occurs many times), the span itself when the trigger is not
    found in it; without evidence (or evidence not found), the trigger's occurrences anywhere."""
    if gold.evidence:
        span = find_span(text, gold.evidence)
        if span is not None:
            start, end = span
            inside = _occurrences(text[start:end], gold.trigger)
            return [(start + a, start + b) for a, b in inside] or [span]
    return _occurrences(text, gold.trigger)


def find_span(text: str, evidence: str) -> tuple[int, int] | None:
    """``evidence`` in ``text``: verbatim, else the same words with any punctuation or spacing
    between them (ingest normalises quotes, dashes and white space)."""
    at = text.find(evidence)
    if at >= 0:
        return (at, at + len(evidence))
    words = re.findall(r"\w+", evidence)
    if not words:
        return None
    match = re.search(r"\W+".join(re.escape(w) for w in words), text)
    return (match.start(), match.end()) if match else None


def roc_auc(scored: Sequence[tuple[float, bool]]) -> float | None:
    """The probability that a random positive scores above a random negative (ties count half);
    ``None`` without both classes."""
    pos = sorted(s for s, real in scored if real)
    neg = sorted(s for s, real in scored if not real)
    if not pos or not neg:
        return None
    wins = 0.0
    for s in pos:
        below = bisect.bisect_left(neg, s)
        ties = bisect.bisect_right(neg, s) - below
        wins += below + ties / 2
    return wins / (len(pos) * len(neg))


def _occurrences(text: str, trigger: str) -> list[tuple[int, int]]:
    """Where the gold trigger is in the text: exact whole-word matches, else stem matches."""
    exact = [
        (m.start(), m.end())
        for m in re.finditer(rf"(?<!\w){re.escape(trigger.strip())}(?!\w)", text, re.IGNORECASE)
    ]
    if exact or not trigger.strip():
        return exact
    wanted = _stems(trigger)
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text) if stem(m.group()) in wanted]


def _sentence_span(doc: Document, event: Event) -> tuple[int, int]:
    """The predicted event's sentence: ``doc.sentences``, else its evidence, else its clause."""
    if 0 <= event.sentence < len(doc.sentences):
        s = doc.sentences[event.sentence]
        if s.start <= event.start < s.end or not event.evidence:
            return (s.start, s.end)
    if event.evidence:
        at = doc.text.find(event.evidence)
        if at >= 0:
            return (at, at + len(event.evidence))
    return (event.start, event.end)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_around(text: str, occurrences: Sequence[tuple[int, int]]) -> str | None:
    """The sentence-ish stretch of text around the first occurrence of a gold trigger."""
    if not occurrences:
        return None
    start, end = occurrences[0]
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


__all__ = [
    "ALL_FIELDS",
    "FIELDS",
    "MIN_SIMILARITY",
    "EventScores",
    "GoldDocument",
    "GoldEvent",
    "GoldPlace",
    "align",
    "anchor",
    "evaluate_events",
    "find_span",
    "predict",
    "read_event_gold",
    "read_predictions",
    "roc_auc",
    "same_date",
    "same_name",
    "same_place",
    "similarity",
    "stem",
]
