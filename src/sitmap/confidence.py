"""How sure sitmap is of each event: a score a threshold can trade recall for precision with.

One verb: ``score(doc)`` sets ``Event.confidence`` on every event of ``doc``. It runs last in
the pipeline, while the parse is still held, and reads only evidence the stages already left:
the predicate's lexicon entry (weak or strong sense), the trigger's part of speech, whether the
actors are coded, the epistemic status and attribution, negation/modal/conditional cues in the
sentence and on the trigger's own clause, the trigger inside a quotation, where the place and
the date were found, the sentence's position in the document, and signs of background or of a
second telling (a year long before publication, an earlier event of the same type in the
sentence or on the same trigger word in an earlier one, a quoted post, a generic relative
clause, a side named by a common noun, a background clause), and how the trigger was found and
written: its verb form (past, present, -ing, bare), a subordinate clause it heads, its own subject
and object in the parse, a noun named inside a phrase, how many PLOVER types its lemma can take,
a side the pipeline took from the trigger word itself, the later tellings merged into it, an act
not told as done (under "if", "whether" or a purpose infinitive), and how each side was coded: the
actor coder's own score, whether a side is named by a proper name or a demonym rather than by
common words, and both sides coded alike; whether the act is dated well before publication or has
stated deaths; of the whole document, how eventful it is (events per sentence) and how much of
it is quoted; and how often the trigger's lemma stood for a real event on the tuning splits (a
smoothed prior the fit tool writes beside the weights).

The score is a logistic regression over ``features(doc)``: ``P(real) = 1 / (1 + exp(-(b + w·x)))``.
The feature list, weights and intercept are data (``data/confidence.yaml``), fitted offline by
``tools/fit_confidence.py`` on the tuning splits (label: the event matched a gold event under
``sitmap.evaluate.events``' matching); scoring needs no scikit-learn.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sitmap import lexicons, modality
from sitmap.model import Document, Event
from sitmap.tokens import table

_STATUSES = ("reported", "quoted", "predicted", "hypothetical", "negated")
_NOMINAL = {"NOUN", "PROPN"}
_TYPES = ("ACCUSE", "AGREE", "CONSULT", "REQUEST", "SANCTION", "THREATEN", "COERCE", "SUPPORT")
_PERSONAL = {"i", "you", "we", "me", "us", "my", "your", "our"}


@dataclass(frozen=True)
class _Model:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    priors: dict[str, float] = field(default_factory=dict)  # trigger lemma -> log-odds offset


@cache
def _model() -> _Model:
    data = lexicons.yaml_file("confidence.yaml")
    weights = data["weights"]
    names = tuple(weights)
    unknown = set(names) - set(FEATURES)
    if unknown:  # a data file from another version of the feature list
        raise ValueError(f"confidence.yaml names unknown features: {sorted(unknown)}")
    priors = {str(k): float(v) for k, v in (data.get("trigger_priors") or {}).items()}
    return _Model(names, tuple(float(weights[n]) for n in names), float(data["intercept"]), priors)


@dataclass(frozen=True)
class _Cues:
    weak: frozenset[str]  # lemmas whose every sense is weak (need a coded actor)
    negating: frozenset[str]
    modals: frozenset[str]
    conditionals: frozenset[str]
    speech_acts: frozenset[str]
    predicting: frozenset[str]
    quote_open: str
    quote_close: str
    senses: dict[str, int]  # lemma -> PLOVER types its verb and noun entries can take


@cache
def _cues() -> _Cues:
    predicates = lexicons.yaml_file("predicates.yaml")
    weak = set()
    types: dict[str, set[str]] = {}
    for section in ("verbs", "nouns"):
        for lemma, spec in predicates[section].items():
            senses = spec if isinstance(spec, list) else [spec]
            if all(s.get("weak") for s in senses):
                weak.add(lemma.split()[-1])
            types.setdefault(lemma.split()[-1], set()).update(_types(spec))
    att = lexicons.yaml_file("attribution.yaml")
    return _Cues(
        weak=frozenset(weak),
        negating=frozenset(att["negating_words"]) | frozenset(att["negating_verbs"]),
        modals=frozenset(att["modals"]),
        conditionals=frozenset(att["conditionals"]),
        speech_acts=frozenset(att["speech_acts"]),
        predicting=frozenset(att["predicting_verbs"]),
        quote_open="".join(att["quote_open"]),
        quote_close="".join(att["quote_close"]),
        senses={lemma: len(t) for lemma, t in types.items()},
    )


def _types(spec: Any) -> set[str]:
    """Every PLOVER type a predicate entry names, its alternative senses included."""
    if isinstance(spec, list):
        return set().union(*(_types(s) for s in spec)) if spec else set()
    if not isinstance(spec, dict):
        return set()
    found = {spec["type"]} if isinstance(spec.get("type"), str) else set()
    for value in spec.values():
        if isinstance(value, dict | list):
            found |= _types(value)
    return found


FEATURES = (
    "weak",  # the trigger's lemma has only weak senses in predicates.yaml
    "nominal",  # the trigger is a noun ("the attack") rather than a verb
    "source_coded",
    "target_coded",
    "both_coded",
    "source_person",
    "target_person",
    *(f"status_{s}" for s in _STATUSES),  # asserted is the baseline
    "speaker",  # a speaker in the attribution chain
    "cited",  # a cited outlet or report in the chain
    "in_quote",  # the trigger sits inside quotation marks
    "negation_cue",  # a negating word in the sentence
    "modal_cue",  # a modal auxiliary in the sentence
    "conditional_cue",  # "if", "unless" ... in the sentence
    "question",  # the sentence asks
    "speech_act",  # ACCUSE, REJECT, REQUEST, THREATEN, SUPPORT
    "assault",
    "mode",  # a mode of violence was found
    "place_local",  # a place from the event's clause or sentence
    "place_wide",  # a place from the paragraph, dateline or document
    "date",  # a date expression for the event
    "position",  # sentence index / number of sentences (0 = lead)
    "lead",  # the first sentence
    "events_in_sentence",  # log(1 + other events in the same sentence)
    "long_sentence",  # words in the sentence / 40
    "capitalised",  # a capitalised trigger inside a sentence (often part of a name)
    "past",  # the trigger is a past-tense or past-participle verb
    "root",  # the trigger heads its sentence
    "depth",  # clauses between the trigger and the sentence root / 4
    "source_no_country",  # a source coded by sector only (GOV, MED): whose?
    "personal",  # "I", "you", "we" in the sentence outside quotes: opinion, not report
    "personal_document",  # share of the document's sentences that are personal
    "repeat",  # an earlier event of the document has the same type and actors: told again
    *(f"type_{t}" for t in _TYPES),
    "past_year",  # the sentence names a year two or more before publication: background
    "if_clause",  # the trigger sits in a conditional clause ("if the US were threatened")
    "same_act",  # an earlier event of the sentence has the same type: one act told twice
    "irrealis",  # a modal on the trigger, or the infinitive of "want", "try", "expect" ...
    "post",  # the sentence quotes a social-media post (an @handle, "tweet")
    "generic",  # the trigger in a relative clause on an indefinite noun ("an offender who kills")
    "restated",  # an earlier sentence has an event of the same type on the same trigger word
    "restated_side",  # ... and that event shares a coded side with this one
    "common_side",  # a coded side named by a common noun ("people", "officials"), not a name
    "aside",  # in background: a past "after" clause, a non-restrictive relative, an owned act
    "senses",  # log of the PLOVER types the trigger's lemma can take (1 type -> 0)
    "noun_embedded",  # a noun trigger inside a phrase (of a preposition, a compound, a possessive)
    "gerund",  # the trigger is an -ing form (VBG)
    "base_verb",  # the trigger is a bare infinitive or imperative (VB)
    "present",  # the trigger is a present-tense verb (VBZ, VBP)
    "side_in_trigger",  # a side's words are the trigger's own: a side the verb implies
    "told_again",  # log(1 + later tellings merged into this event)
    "subordinate",  # the trigger heads a subordinate clause (adverbial, relative, complement)
    "overt_subject",  # the trigger has its own subject (or agent, or a noun's possessor)
    "overt_object",  # the trigger has its own object (or a noun's "of"/"on"/"against" phrase)
    "modifier",  # the trigger modifies a noun as an adjective ("the indicted manager")
    "source_score",  # the actor coder's own score for the source (0 without a source)
    "target_score",  # ... for the target: a lexicon name scores high, a description or pronoun low
    "named_sides",  # coded sides named by a proper name (0, 0.5 or 1): who, not "officials"
    # How each side was coded, by the actor coder's score band (each 0, 0.5 or 1: a share of the
    # two sides): a lexicon name (>= 0.9), a description composed from words or a document alias
    # (0.6-0.8), a pronoun, a bare person or an implied or fallback side (< 0.6), or none.
    "sides_lexicon",
    "sides_described",
    "sides_weak",
    "sides_uncoded",
    "unrealised",  # under "if", "whether", "unless" or a purpose infinitive ("meant to punish")
    "same_sides",  # both sides coded with the same code ("he and Putin discussed": one side twice)
    "historical",  # the event happened well before publication (``Event.historical``)
    "fatalities",  # the text states deaths for the event: a concrete, reported act
    "events_per_sentence",  # log(1 + the document's events per sentence): an eventful report
    "quoted_document",  # share of the document's characters inside quotation marks
    # How often the trigger's lemma stood for a real event on the tuning splits: its smoothed
    # log-odds against all triggers' (``trigger_priors`` in the data file; 0 for a lemma unseen).
    "trigger_prior",
)


def features(doc: Document) -> list[dict[str, float]]:
    """One feature dict (``FEATURES``) per event of ``doc``, in ``doc.events`` order.

    Uses the sentence parses when ``doc._parses`` still holds them; without (a released or
    deserialised document) the part-of-speech and cue features fall back to the text.
    """
    cues = _cues()
    priors = _model().priors
    per_sentence = Counter(e.sentence for e in doc.events)
    quotes = _quote_spans(doc.text, cues)
    n_sentences = max(len(doc.sentences), 1)
    personal = {i for i, sent in enumerate(doc.sentences) if _personal(sent.text)}
    personal_share = len(personal) / n_sentences
    eventful = math.log1p(len(doc.events) / n_sentences)
    quoted = sum(end - start for start, end in quotes) / max(len(doc.text), 1)
    rows = []
    seen: set[tuple[str, str | None, str | None]] = set()
    seen_types: set[tuple[int, str]] = set()
    told: dict[tuple[str, str], int] = {}  # (trigger lemma, type) -> first sentence
    told_sides: dict[tuple[str, str, str], int] = {}  # (lemma, type, coded side) -> sentence
    for event in doc.events:
        tok = doc.trigger_token(event)
        words = _sentence_words(doc, event)
        lemma = _lemma(tok, event)
        source, target = event.source, event.target
        s_coded = bool(source is not None and source.code)
        t_coded = bool(target is not None and target.code)
        trigger_at = event.trigger_start if event.trigger_start is not None else event.start
        codes = [a.code for a in (source, target) if a is not None and a.code]
        row = {
            "weak": float(lemma in cues.weak),
            "nominal": float(tok is not None and tok.pos_ in _NOMINAL),
            "source_coded": float(s_coded),
            "target_coded": float(t_coded),
            "both_coded": float(s_coded and t_coded),
            "source_person": float(source is not None and source.kind == "person"),
            "target_person": float(target is not None and target.kind == "person"),
            **{f"status_{s}": float(event.status == s) for s in _STATUSES},
            "speaker": float(event.speaker is not None),
            "cited": float(event.cited_source is not None),
            "in_quote": float(any(s <= trigger_at < e for s, e in quotes)),
            "negation_cue": float(any(w in cues.negating for w in words)),
            "modal_cue": float(any(w in cues.modals for w in words)),
            "conditional_cue": float(any(w in cues.conditionals for w in words)),
            "question": float("?" in event.evidence),
            "speech_act": float(event.plover in cues.speech_acts),
            "assault": float(event.plover == "ASSAULT"),
            "mode": float(event.mode is not None),
            "place_local": float(event.place is not None and event.place_basis in _LOCAL),
            "place_wide": float(event.place is not None and event.place_basis not in _LOCAL),
            "date": float(event.date is not None and event.date.date is not None),
            "position": event.sentence / n_sentences,
            "lead": float(event.sentence == 0),
            "events_in_sentence": math.log1p(per_sentence[event.sentence] - 1),
            "long_sentence": len(words) / 40.0,
            "capitalised": float(
                event.trigger[:1].isupper() and not _starts_sentence(doc, event, trigger_at)
            ),
            "past": float(tok is not None and tok.tag_ in {"VBD", "VBN"}),
            "root": float(tok is not None and tok.dep_ == "ROOT"),
            "depth": _depth(tok) / 4.0,
            "source_no_country": float(s_coded and source is not None and not source.country),
            "personal": float(event.sentence in personal),
            "personal_document": personal_share,
            **{f"type_{t}": float(event.plover == t) for t in _TYPES},
            "repeat": float(_key(event) in seen),
            "past_year": float(_past_year(event.evidence, doc)),
            "if_clause": float(_in_clause(tok, cues.conditionals)),
            "same_act": float((event.sentence, event.plover) in seen_types),
            "irrealis": float(_irrealis(tok, cues)),
            "post": float(bool(_POST.search(event.evidence))),
            "generic": float(_generic(tok)),
            "restated": float(told.get((lemma, event.plover), event.sentence) < event.sentence),
            "restated_side": float(
                any(
                    told_sides.get((lemma, event.plover, c), event.sentence) < event.sentence
                    for c in codes
                )
            ),
            "common_side": float(any(_common(a) for a in (source, target))),
            "aside": float(_aside(tok)),
            "senses": math.log(max(cues.senses.get(lemma, 1), 1)),
            "noun_embedded": float(
                tok is not None and tok.pos_ in _NOMINAL and tok.dep_ in _EMBEDDED
            ),
            "gerund": float(tok is not None and tok.tag_ == "VBG"),
            "base_verb": float(tok is not None and tok.tag_ == "VB"),
            "present": float(tok is not None and tok.tag_ in {"VBZ", "VBP"}),
            "side_in_trigger": float(
                any(_overlaps(a, event) for a in (source, target) if a is not None)
            ),
            "told_again": math.log1p(len(event.mentions)),
            "subordinate": float(tok is not None and tok.dep_ in _SUBORDINATE),
            "overt_subject": float(_has(tok, _SUBJECTS)),
            "overt_object": float(_has(tok, _OBJECTS)),
            "modifier": float(tok is not None and tok.dep_ == "amod"),
            "source_score": source.score if source is not None else 0.0,
            "target_score": target.score if target is not None else 0.0,
            "named_sides": sum(_named(doc, event, a) for a in (source, target)) / 2.0,
            **_coding_bands(source, target),
            "unrealised": float(_unrealised(tok)),
            "same_sides": float(s_coded and t_coded and codes[0] == codes[1]),
            "historical": float(event.historical),
            "fatalities": float(event.fatalities is not None),
            "events_per_sentence": eventful,
            "quoted_document": quoted,
            "trigger_prior": priors.get(lemma, 0.0),
        }
        told.setdefault((lemma, event.plover), event.sentence)
        for code in codes:
            told_sides.setdefault((lemma, event.plover, code), event.sentence)
        seen.add(_key(event))
        seen_types.add((event.sentence, event.plover))
        rows.append(row)
    return rows


def trigger_lemma(doc: Document, event: Event) -> str:
    """The trigger's lemma, lower case (its words as written without the parse)."""
    return _lemma(doc.trigger_token(event), event)


def _lemma(tok: Any, event: Event) -> str:
    return (tok.lemma_ if tok is not None else event.trigger).lower()


_LOCAL = {"clause", "sentence"}
_EMBEDDED = {"pobj", "compound", "poss", "nmod", "appos", "npadvmod"}
_SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp", "csubj"}
_SUBJECTS = {"nsubj", "nsubjpass", "agent", "poss", "csubj"}
_OBJECTS = {"dobj", "dative", "attr", "oprd", "prep"}
_PARTICIPANT_PREPS = {"of", "on", "against", "with", "to", "into", "upon", "toward", "towards"}


def _coding_bands(*sides: Any) -> dict[str, float]:
    """The share of the two sides coded from a lexicon name, a description, weak evidence, or
    not coded at all (``Actor.score``: 1.0/0.9 a name; 0.6-0.8 words; 0.5/0.3 a pronoun, a bare
    person, a side implied or taken as a fallback)."""
    bands = dict.fromkeys(("sides_lexicon", "sides_described", "sides_weak", "sides_uncoded"), 0.0)
    for actor in sides:
        if actor is None or not actor.code:
            band = "sides_uncoded"
        elif actor.score >= _LEXICON_SCORE:
            band = "sides_lexicon"
        elif actor.score >= _DESCRIBED_SCORE:
            band = "sides_described"
        else:
            band = "sides_weak"
        bands[band] += 0.5
    return bands


_LEXICON_SCORE = 0.9
_DESCRIBED_SCORE = 0.6


def _has(tok: Any, deps: set[str]) -> bool:
    """Whether the trigger has a dependent of one of ``deps``; a preposition counts only when it
    introduces a participant ("attack on the base", not "summit in Nairobi") and has its object."""
    if tok is None:
        return False
    for child in tok.children:
        if child.dep_ not in deps:
            continue
        if child.dep_ != "prep":
            return True
        if child.lower_ in _PARTICIPANT_PREPS and any(g.dep_ == "pobj" for g in child.children):
            return True
    return False


def _overlaps(actor: Any, event: Event) -> bool:
    """The actor's words overlap the trigger's (a side the pipeline took from the verb)."""
    if event.trigger_start is None or event.trigger_end is None:
        return actor.text.lower() == event.trigger.lower()
    return actor.start < event.trigger_end and event.trigger_start < actor.end


def score(doc: Document) -> Document:
    """Set ``Event.confidence`` (the modelled probability that the event is real, 2 decimals)."""
    model = _model()
    for event, row in zip(doc.events, features(doc), strict=True):
        event.confidence = probability(row, model)
    return doc


def probability(row: dict[str, float], model: _Model | None = None) -> float:
    """The logistic model's probability for one feature dict, rounded to 2 decimals."""
    model = model or _model()
    z = model.intercept + sum(
        w * row.get(n, 0.0) for n, w in zip(model.features, model.weights, strict=True)
    )
    return round(1.0 / (1.0 + math.exp(-z)), 2)


# -- evidence helpers ---------------------------------------------------------------------------


def _key(event: Event) -> tuple[str, str | None, str | None]:
    return (
        event.plover,
        event.source.code if event.source else None,
        event.target.code if event.target else None,
    )


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_POST = re.compile(r"(?<![\w.])@\w{2,}|\btweet(?:s|ed)?\b", re.IGNORECASE)


def _past_year(text: str, doc: Document) -> bool:
    """A year in ``text`` two or more years before the document's publication."""
    if doc.published is None:
        return False
    return any(int(y) <= doc.published.year - 2 for y in _YEAR.findall(text))


def _in_clause(tok: Any, marks: frozenset[str], limit: int = 6) -> bool:
    """Whether the trigger or a clause above it (up to ``limit`` steps) is introduced by one
    of ``marks``."""
    steps = 0
    while tok is not None and steps < limit:
        if any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok, steps = tok.head, steps + 1
    return False


def _irrealis(tok: Any, cues: _Cues) -> bool:
    """A modal on the trigger ("should be lynched") or the trigger as the infinitive of a
    wanting, trying or expecting verb ("is expected to sign", "tried to improve")."""
    if tok is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in cues.modals for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() in cues.predicting


def _generic(tok: Any) -> bool:
    """The trigger heads a relative clause on an indefinite noun ("an offender who kills")."""
    if tok is None or tok.dep_ != "relcl":
        return False
    return any(c.dep_ == "det" and c.lower_ in {"a", "an", "any"} for c in tok.head.children)


def _common(actor: Any) -> bool:
    """A coded side whose words are all lower case: a common noun ("people"), no name."""
    if actor is None or not actor.code or actor.kind == "pronoun":
        return False
    return not any(ch.isupper() for ch in actor.text)


_NAMED_ENTITIES = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}


def _named(doc: Document, event: Event, actor: Any) -> bool:
    """A coded side named by a proper name or a demonym ("Kenya's army", "William Ruto",
    "Pakistani troops"), not only by common words ("officials", "the police"): a proper noun or
    a named entity in the side's span in the parse, or a capitalised word other than a
    determiner or the sentence's first word."""
    if actor is None or not actor.code or actor.kind == "pronoun":
        return False
    pdoc = doc._parses.get(event.sentence) if doc._parses else None
    if pdoc is not None:
        offset = doc.sentences[event.sentence].start if event.sentence < len(doc.sentences) else 0
        span = [
            pdoc[i]
            for i, idx in enumerate(table(pdoc).idx)
            if actor.start <= offset + idx < actor.end
        ]
        if span:
            return any(
                t.pos_ == "PROPN"
                or t.ent_type_ in _NAMED_ENTITIES
                or (t.i > 0 and t.text[:1].isupper() and t.lower_ not in _DETERMINERS)
                for t in span
            )  # fmt: skip
    words = actor.text.split()
    first = 1 if _starts_sentence(doc, event, actor.start) else 0
    return any(w[:1].isupper() and w.lower() not in _DETERMINERS for w in words[first:])


def _aside(tok: Any) -> bool:
    """The trigger is an owned act or sits in background: a past temporal clause or a
    non-restrictive relative clause (``sitmap.modality``)."""
    if tok is None:
        return False
    if modality.presupposed(tok):
        return True
    node, steps = tok, 0
    while steps < 8:
        if modality.background(node) or modality.aside(node):
            return True
        if node.head.i == node.i:
            return False
        node, steps = node.head, steps + 1
    return False


_UNREALISED_MARKS = frozenset({"if", "unless", "whether", "lest"})
_PURPOSE = {"mean", "intend", "design", "aim", "seek", "order"}  # "meant to", "in order to"


def _unrealised(tok: Any) -> bool:
    """The act is not told as done: the trigger or a clause above it (up to 4 steps) is
    introduced by "if", "unless", "whether" or "lest", or the trigger is a purpose infinitive
    ("in order to", "meant to", an adverbial "to" clause: "sent troops to secure the port")."""
    if _in_clause(tok, _UNREALISED_MARKS, limit=4):
        return True
    if tok is None or not any(c.tag_ == "TO" for c in tok.children):
        return False
    if tok.dep_ == "advcl":
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _PURPOSE


def _depth(tok: Any) -> int:
    depth = 0
    while tok is not None and tok.head.i != tok.i and depth < 8:
        tok, depth = tok.head, depth + 1
    return depth


def _personal(text: str) -> bool:
    """First or second person outside quotation marks."""
    outside = re.sub(r"[“\"][^”\"]*[”\"]", " ", text)
    return any(w in _PERSONAL for w in re.findall(r"[a-z]+", outside.lower()))


def _sentence_words(doc: Document, event: Event) -> list[str]:
    pdoc = doc._parses.get(event.sentence) if doc._parses else None
    if pdoc is not None:
        return list(table(pdoc).lower)
    return re.findall(r"\w+(?:'\w+)?|n't", event.evidence.lower())


def _starts_sentence(doc: Document, event: Event, char: int) -> bool:
    if 0 <= event.sentence < len(doc.sentences):
        return doc.text[doc.sentences[event.sentence].start : char].strip(" \"'“‘") == ""
    return event.evidence.lstrip(" \"'“‘").startswith(event.trigger)


def _quote_spans(text: str, cues: _Cues) -> list[tuple[int, int]]:
    pattern = re.compile(
        f"[{re.escape(cues.quote_open)}]([^{re.escape(cues.quote_close)}]{{3,2000}})"
        f"[{re.escape(cues.quote_close)}]"
    )
    return [(m.start(1), m.end(1)) for m in pattern.finditer(text)]


__all__ = ["FEATURES", "features", "probability", "score", "trigger_lemma"]
