"""sitmap's data model: one `Document` carries the text and everything the stages add to it.

Every mention (actor, place, date) and every event keeps its character span into
`Document.text` and a score, so each result can be traced back to its evidence. All classes
are plain dataclasses that round-trip through JSON (`to_dict` / `from_dict`).

Vocabularies used in the fields:

* ``Event.status`` (epistemic status): ``asserted`` (the outlet's own claim), ``reported``
  (attributed to a cited outlet or report: "Reuters reported that ..."), ``quoted`` (direct or
  indirect speech of a person or body), ``predicted`` (future/modal: will, could, likely),
  ``hypothetical`` (conditional: if ...), ``negated`` (did not, denied ...).
* ``Source.role`` in an attribution chain: ``outlet`` (who published the document), ``cited``
  (a report or outlet the document cites), ``speaker`` (the person or body whose words carry
  the claim).
* ``DateExpr.precision``: ``day``, ``week``, ``month``, ``year``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any, ClassVar

STATUSES = ("asserted", "reported", "quoted", "predicted", "hypothetical", "negated")
SOURCE_ROLES = ("outlet", "cited", "speaker")


def content_id(*parts: object, length: int = 16) -> str:
    """Stable id from content: the same inputs always give the same id (idempotent stores)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


class _Json:
    """Mixin: dataclass <-> dict, skipping private (``_``-prefixed) runtime fields."""

    _nested: ClassVar[dict[str, type]] = {}
    _nested_lists: ClassVar[dict[str, type]] = {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            if f.name.startswith("_"):
                continue
            out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        kwargs: dict[str, Any] = {}
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        for key, value in data.items():
            if key not in names or key.startswith("_"):
                continue
            if value is not None and key in cls._nested:
                value = cls._nested[key].from_dict(value)
            elif value is not None and key in cls._nested_lists:
                value = [cls._nested_lists[key].from_dict(v) for v in value]
            elif key == "published" and isinstance(value, str):
                value = date.fromisoformat(value[:10])
            kwargs[key] = value
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, _Json):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass
class Span(_Json):
    """A character span of `Document.text` (``text == doc.text[start:end]``)."""

    start: int
    end: int
    text: str
    label: str = ""  # why it was marked, e.g. "donation appeal", "licence footer"


@dataclass
class Sentence(_Json):
    """One sentence of the document, with its character span."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Actor(_Json):
    """A coded actor mention: who, in CAMEO-style codes.

    ``code`` is country + sector codes (``SYRMIL``, ``USAGOV``, ``IMGREB`` for an
    international militant group ...). Codes that cannot be determined stay ``None``:
    sitmap never fills a missing code with a default.
    """

    text: str
    start: int
    end: int
    name: str | None = None  # canonical name: "Syrian Arab Army", "Rex Tillerson"
    country: str | None = None  # ISO 3166-1 alpha-3, e.g. "SYR"; None for non-state groups
    sector: str | None = None  # military, government, police, rebels, insurgents, ...
    code: str | None = None  # CAMEO-style: "SYRMIL", "USAGOV", "IMGSDF"
    kind: str = "group"  # state | organisation | person | group
    role: str | None = None  # for persons: "Secretary of State"
    score: float = 1.0


@dataclass
class Place(_Json):
    """A toponym resolved to a GeoNames-style entry, or left unresolved with ``geonameid`` None.

    An unresolved name (a street, a river, a hamlet the gazetteer lacks) carries the position,
    country and admin1 of the document's focus place as an approximate location when the
    document has one, with ``name`` None and a low ``score``; otherwise no position.
    """

    text: str
    start: int
    end: int
    name: str | None = None  # gazetteer name, e.g. "Deir ez-Zor"
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 as in GeoNames, e.g. "SY"
    admin1: str | None = None  # first-level division name
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None  # GeoNames: P populated place, A admin region, ...
    feature_code: str | None = None  # PPLA, ADM1, PCLI, ...
    population: int | None = None
    qualifier: str | None = None  # directional qualifier kept from the text: "south", "north-east"
    score: float = 0.0


@dataclass
class DateExpr(_Json):
    """A date expression in the text and the date it denotes against ``published``.

    ``date`` stays None when it cannot be resolved (e.g. "on Monday" without a publication
    date): the expression is kept, the date is never invented.
    """

    text: str
    start: int
    end: int
    date: str | None = None  # ISO date: first day of the period (month/year/decade precision)
    precision: str | None = None  # day | week | month | year | decade
    relative: bool = False  # "last year", "on Monday" (resolved against published)
    score: float = 1.0

    def days(self) -> tuple[date, date] | None:
        """The first and last day the date covers (by its precision), or None without one."""
        try:
            first = date.fromisoformat(self.date[:10]) if self.date else None
        except ValueError:
            return None
        return date_span(first, self.precision) if first else None


def date_span(first: date, precision: str | None) -> tuple[date, date]:
    """First and last day of the period starting at ``first`` of this precision (day, week,
    month, year, decade; none given: a day)."""
    p = precision or "day"
    if p == "week":
        return first, first + timedelta(days=6)
    if p == "month":
        nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    if p == "year":
        return first, date(first.year, 12, 31)
    if p == "decade":
        return first, date(first.year + 9, 12, 31)
    return first, first


@dataclass
class Source(_Json):
    """One link of an attribution chain: outlet → cited source → speaker."""

    role: str  # outlet | cited | speaker
    name: str
    text: str | None = None  # the words in the document ("Reuters", "Tillerson")
    start: int | None = None
    end: int | None = None
    code: str | None = None  # actor code when the source is a coded actor (USAGOV)


@dataclass
class Event(_Json):
    """Who did what to whom, where, when, according to whom, how sure — with its evidence."""

    doc_id: str
    sentence: int  # index into Document.sentences
    start: int  # character span of the event clause in Document.text
    end: int
    evidence: str  # the sentence text
    trigger: str  # the predicate word as written, e.g. "encircle", "bombing"
    plover: str  # PLOVER event type, e.g. "ASSAULT"
    cameo: str  # CAMEO root code beside it, e.g. "19"
    trigger_start: int | None = None  # character span of the trigger word in Document.text
    trigger_end: int | None = None
    source: Actor | None = None
    target: Actor | None = None
    mode: str | None = None  # aerial, ground, artillery, ... where the text says
    place: Place | None = None
    place_basis: str | None = None  # clause | sentence | dateline | previous | document
    date: DateExpr | None = None
    status: str = "asserted"  # see STATUSES
    historical: bool = False  # happened well before publication ("last year")
    attribution: list[Source] = field(default_factory=list)
    confidence: float = 0.5
    id: str = ""
    fatalities: int | None = None  # deaths the text states for this event; None: not stated
    mentions: list[Span] = field(default_factory=list)  # later tellings of this act (clauses)

    _nested: ClassVar[dict[str, type]] = {
        "source": Actor,
        "target": Actor,
        "place": Place,
        "date": DateExpr,
    }
    _nested_lists: ClassVar[dict[str, type]] = {"attribution": Source, "mentions": Span}

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(
                self.doc_id,
                self.trigger_start if self.trigger_start is not None else self.start,
                self.plover,
                self.source.start if self.source else None,
                self.target.start if self.target else None,
                length=20,
            )

    @property
    def cited_source(self) -> str | None:
        """Name of the first cited source in the chain, if any."""
        return next((s.name for s in self.attribution if s.role == "cited"), None)

    @property
    def speaker(self) -> str | None:
        """Name of the speaker in the chain, if any."""
        return next((s.name for s in self.attribution if s.role == "speaker"), None)


@dataclass
class Skip(_Json):
    """A document that was not processed, and why (a clear, actionable reason)."""

    reason: str  # short code: empty, binary, encoding, too-large, not-english, malformed, ...
    message: str  # one line a person can act on
    path: str | None = None
    doc_id: str | None = None
    detail: str | None = None  # e.g. the detected language


@dataclass
class Document(_Json):
    """One article and everything sitmap found in it.

    Stages add to a document in place and return it: ``ingest`` fills the text fields and
    ``removed`` (boilerplate spans), ``nlp`` the sentences and the spaCy analysis, then
    ``actors``, ``events``, ``attribution``, ``geo`` and ``when`` their lists.
    ``_spacy`` and ``_parses`` hold the spaCy objects at run time and are never serialised.
    """

    text: str
    id: str = ""
    source: str | None = None  # outlet / publisher, e.g. "Anti-Media", "Reuters"
    url: str | None = None
    published: date | None = None
    title: str | None = None
    language: str | None = None
    path: str | None = None  # where it was read from
    removed: list[Span] = field(default_factory=list)  # boilerplate, excluded from events
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    _spacy: Any = field(default=None, repr=False, compare=False)
    _parses: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)

    _nested_lists: ClassVar[dict[str, type]] = {
        "removed": Span,
        "sentences": Sentence,
        "actors": Actor,
        "places": Place,
        "dates": DateExpr,
        "events": Event,
    }

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)
        if isinstance(self.published, str):
            self.published = date.fromisoformat(self.published[:10])

    @property
    def clean_text(self) -> str:
        """``text`` with removed (boilerplate) spans blanked by spaces: offsets are unchanged."""
        if not self.removed:
            return self.text
        chars = list(self.text)
        for span in self.removed:
            for i in range(span.start, min(span.end, len(chars))):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence holding character offset ``char``."""
        for sent in self.sentences:
            if sent.start <= char < sent.end:
                return sent
        return None

    def trigger_token(self, event: Event) -> Any:
        """The spaCy token of ``event``'s trigger while the parses are held, else None."""
        pdoc = self._parses.get(event.sentence) if self._parses else None
        if pdoc is None or event.trigger_start is None or event.sentence >= len(self.sentences):
            return None
        at = event.trigger_start - self.sentences[event.sentence].start
        from sitmap.tokens import token_at

        return token_at(pdoc, at)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Result(_Json):
    """What a batch run returns: processed documents and skip records, nothing lost."""

    documents: list[Document] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)

    _nested_lists: ClassVar[dict[str, type]] = {"documents": Document, "skips": Skip}


def as_dict(obj: Any) -> Any:
    """JSON-ready form of any model object (or list of them)."""
    return _plain(obj) if not hasattr(obj, "__dataclass_fields__") else obj.to_dict()


__all__ = [
    "SOURCE_ROLES",
    "STATUSES",
    "Actor",
    "DateExpr",
    "Document",
    "Event",
    "Place",
    "Result",
    "Sentence",
    "Skip",
    "Source",
    "Span",
    "as_dict",
    "content_id",
]
