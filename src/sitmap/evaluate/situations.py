"""Scoring cross-document situations against gold pairs: pairwise P/R/F1 and B-cubed.

Gold (``eval/GUIDE.md``, "Cross-document situations"): one JSON object a line, ``{"id", "a", "b",
"same", "why"}``; ``a`` and ``b`` are event mentions ``{"origin": "<corpus file>#<article id>",
"evidence": "<sentence>", "trigger": "<word(s)>", "type": "<PLOVER>"}`` in two different
articles, ``same`` says whether they are the same real-world event.

How a gold file is scored (what users get: whole articles through the whole pipeline):

1. every article a mention names is read from its corpus file as ``ingest`` reads it and
   ingested into a throw-away store (pipeline, then situations, as ``sitmap ingest`` does);
2. each gold mention is matched to sitmap's event in that article: the events told inside the
   gold sentence (their clause overlaps it: the first telling, or a later telling that
   ``sitmap.events.restatements`` merged into the event and keeps in ``Event.mentions``),
   best the one whose trigger matches the gold trigger, then the one of the gold type; where
   the gold sentence is not found in the text, the events whose evidence sentence shares most
   of its words; a mention sitmap finds no event for is **missed** (it can be in no
   situation with anything);
3. **pairwise**: a pair is predicted *same* when both mentions' events are in one situation;
   TP = gold same and predicted same, FP = gold different and predicted same, FN = gold same
   and not predicted same (a missed mention included);
4. **B-cubed** over the gold mentions: gold clusters are the connected components of the
   *same* pairs (mentions judged only as different stay alone); predicted clusters group the
   mentions whose events share a situation (a missed mention alone). Per mention, precision
   = |pred ∩ gold| / |pred|, recall = |pred ∩ gold| / |gold|, averaged.

Each missed merge gets a **reason** (``missed_by_reason`` counts them): ``no event`` (for one
mention or both: an extraction miss upstream, nothing the merge rules can do), the merge rule
that keeps the two events apart (``sitmap.situations.rules.explain``: type family, status,
dates, places, actors, counterpart unknown, too little evidence), or ``clustering`` (linked,
but placed in different situations of one component), with the rule that keeps a member of one
situation apart from a member of the other when the members are known (``clustering: one
document``, ``clustering: dates``: what the greedy clustering ran into). Each gold mention
without an event gets a **cause** (``mentions_missed`` counts them, ``miss_cause``): ``no event
in the sentence`` (no trigger found, or one dropped; "told elsewhere" when the article has the
act in another sentence and the gold sentence retells it untied), ``another act in the sentence``
(sitmap's events there have neither the gold trigger nor its type; the error names them,
``acts_in_sentence``, as ``a_acts``/``b_acts``: "convicted COERCE"), ``sentence not found``,
``article not found``.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitmap.errors import InputError
from sitmap.evaluate.metrics import PRF, ratio

MentionKey = tuple[str, str, str]
"""(origin, evidence, trigger): all mentions with the same key are the same mention."""


@dataclass(frozen=True)
class GoldMention:
    origin: str
    evidence: str
    trigger: str
    type: str | None = None

    @property
    def key(self) -> MentionKey:
        return (self.origin, self.evidence, self.trigger)


@dataclass(frozen=True)
class GoldPair:
    id: str
    a: GoldMention
    b: GoldMention
    same: bool
    why: str = ""


@dataclass
class SituationScores:
    """Pairwise and B-cubed scores, with what was matched and missed."""

    pairwise: PRF = field(default_factory=PRF)
    bcubed_precision: float | None = None
    bcubed_recall: float | None = None
    pairs: int = 0
    same: int = 0
    mentions: int = 0
    mentions_found: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    missed_by_reason: dict[str, int] = field(default_factory=dict)
    mentions_missed: dict[str, int] = field(default_factory=dict)  # why: no event, ...

    @property
    def bcubed_f1(self) -> float | None:
        p, r = self.bcubed_precision, self.bcubed_recall
        if p is None or r is None:
            return None
        return ratio(2 * p * r, p + r) if p + r else 0.0

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "pairs": self.pairs,
            "same": self.same,
            "mentions": self.mentions,
            "mentions_found": self.mentions_found,
            "mentions_missed": dict(sorted(self.mentions_missed.items(), key=lambda kv: -kv[1])),
            "pairwise": self.pairwise.to_dict(),
            "bcubed": {
                "precision": self.bcubed_precision,
                "recall": self.bcubed_recall,
                "f1": self.bcubed_f1,
            },
            "missed_by_reason": dict(sorted(self.missed_by_reason.items(), key=lambda kv: -kv[1])),
        }
        if errors:
            out["errors"] = self.errors
        return out


def read_situation_gold(path: str | Path) -> list[GoldPair]:
    """Read a gold pairs file; raises ``InputError`` naming the bad line."""
    path = Path(path)
    if not path.is_file():
        raise InputError("missing", f"gold file {path} does not exist", hint="check the path")
    pairs: list[GoldPair] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                a, b = (
                    GoldMention(
                        origin=str(m["origin"]),
                        evidence=str(m["evidence"]),
                        trigger=str(m["trigger"]),
                        type=m.get("type"),
                    )
                    for m in (rec["a"], rec["b"])
                )
                why = str(rec.get("why", ""))
                pair = GoldPair(str(rec.get("id", number)), a, b, bool(rec["same"]), why)
                pairs.append(pair)
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(
                    "malformed", f"{path}:{number}: not a gold pair ({exc})",
                    hint="see eval/GUIDE.md, section Cross-document situations",
                ) from exc  # fmt: skip
    return pairs


def evaluate_pairs(
    pairs: list[GoldPair],
    assignment: dict[MentionKey, str | None],
    keys: dict[MentionKey, Any] | None = None,
    missed: dict[MentionKey, str] | None = None,
    acts: dict[MentionKey, list[str]] | None = None,
    members: dict[str, list[Any]] | None = None,
) -> SituationScores:
    """Score a mention → situation assignment (None: mention missed) against gold pairs;
    ``keys`` (mention → its event's merge key) gives each missed merge its reason, ``missed``
    (mention → ``miss_cause``) why a mention has no event, ``acts`` (mention →
    ``acts_in_sentence``) which other acts sitmap found in its sentence, ``members``
    (situation id → its members' merge keys) what keeps two linked events' situations
    apart."""
    scores = SituationScores(pairs=len(pairs), same=sum(p.same for p in pairs))
    for p in pairs:
        sa, sb = assignment.get(p.a.key), assignment.get(p.b.key)
        predicted = sa is not None and sa == sb
        if p.same and predicted:
            scores.pairwise.tp += 1
        elif predicted:
            scores.pairwise.fp += 1
            scores.errors.append(_error("false merge", p, sa, sb))
        elif p.same:
            scores.pairwise.fn += 1
            error = _error("missed merge", p, sa, sb)
            error["reason"] = _reason(p, sa, sb, keys or {}, members or {})
            for side, m, sid in (("a", p.a, sa), ("b", p.b, sb)):
                if sid is None and missed and m.key in missed:
                    error[f"{side}_missed"] = missed[m.key]
                if sid is None and acts and acts.get(m.key):
                    error[f"{side}_acts"] = acts[m.key]
            scores.missed_by_reason[error["reason"]] = (
                scores.missed_by_reason.get(error["reason"], 0) + 1
            )
            scores.errors.append(error)
    mentions = sorted({m.key for p in pairs for m in (p.a, p.b)})
    scores.mentions = len(mentions)
    scores.mentions_found = sum(assignment.get(m) is not None for m in mentions)
    for m in mentions:
        if assignment.get(m) is None:
            cause = (missed or {}).get(m, "no event")
            scores.mentions_missed[cause] = scores.mentions_missed.get(cause, 0) + 1
    gold = _gold_clusters(pairs, mentions)
    pred: dict[MentionKey, str] = {}
    for m in mentions:
        sid = assignment.get(m)
        pred[m] = f"s:{sid}" if sid is not None else f"m:{m}"
    members: dict[str, set[MentionKey]] = defaultdict(set)
    for m, c in pred.items():
        members[c].add(m)
    if mentions:
        precision = recall = 0.0
        for m in mentions:
            pm, gm = members[pred[m]], gold[m]
            both = len(pm & gm)
            precision += both / len(pm)
            recall += both / len(gm)
        scores.bcubed_precision = precision / len(mentions)
        scores.bcubed_recall = recall / len(mentions)
    return scores


def _reason(
    p: GoldPair,
    sa: str | None,
    sb: str | None,
    keys: dict[MentionKey, Any],
    members: dict[str, list[Any]] | None = None,
) -> str:
    """Why a gold-same pair is not in one situation (see the module docstring)."""
    from sitmap.situations import rules

    if sa is None and sb is None:
        return "no event: both"
    if sa is None or sb is None:
        return "no event: one"
    ka, kb = keys.get(p.a.key), keys.get(p.b.key)
    if ka is None or kb is None:
        return "unknown"
    why = rules.explain(ka, kb)
    if why is not None:
        return why
    for x in (members or {}).get(sa or "", ()):
        for y in (members or {}).get(sb or "", ()):
            if not rules.compatible(x, y):
                return f"clustering: {rules.explain(x, y)}"
    return "clustering"


def _gold_clusters(pairs: list[GoldPair], mentions: list[MentionKey]) -> dict[MentionKey, set]:
    parent = {m: m for m in mentions}

    def find(m: MentionKey) -> MentionKey:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for p in pairs:
        if p.same:
            ra, rb = find(p.a.key), find(p.b.key)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[MentionKey, set[MentionKey]] = defaultdict(set)
    for m in mentions:
        groups[find(m)].add(m)
    return {m: groups[find(m)] for m in mentions}


def _error(kind: str, p: GoldPair, sa: str | None, sb: str | None) -> dict[str, Any]:
    return {
        "kind": kind, "id": p.id, "why": p.why,
        "a": f"[{p.a.trigger}] {p.a.evidence}", "b": f"[{p.b.trigger}] {p.b.evidence}",
        "situation_a": sa, "situation_b": sb,
    }  # fmt: skip


# -- running the pipeline -------------------------------------------------------------------------


def default_corpora() -> Path:
    """``../shared/corpora`` from the working directory, else ``shared/corpora``."""
    for candidate in (Path("../shared/corpora"), Path("shared/corpora")):
        if candidate.is_dir():
            return candidate
    raise InputError(
        "missing", "no corpora folder (../shared/corpora)", hint="pass --corpora FOLDER"
    )


def predict(
    pairs: list[GoldPair],
    corpora: str | Path | None = None,
    *,
    keys: dict[MentionKey, Any] | None = None,
    missed: dict[MentionKey, str] | None = None,
    acts: dict[MentionKey, list[str]] | None = None,
    members: dict[str, list[Any]] | None = None,
) -> dict[MentionKey, str | None]:
    """Ingest the articles the pairs name into a throw-away store; mention → situation id
    (and, into ``keys`` when given, mention → its event's merge key; into ``missed``, each
    mention without an event → ``miss_cause``; into ``acts``, the acts sitmap found in the
    sentence of such a mention → ``acts_in_sentence``; into ``members``, each of those
    situations → its members' merge keys)."""
    from sitmap import situations
    from sitmap.corpus import ingest
    from sitmap.situations import tables
    from sitmap.store import Store

    folder = Path(corpora) if corpora else default_corpora()
    wanted: dict[str, set[str]] = defaultdict(set)
    for p in pairs:
        for m in (p.a, p.b):
            name, _, article = m.origin.partition("#")
            wanted[name].add(article)
    with tempfile.TemporaryDirectory(prefix="sitmap-eval-") as tmp:
        subset = Path(tmp) / "articles.jsonl"
        with subset.open("w", encoding="utf-8") as out:
            for name, ids in sorted(wanted.items()):
                path = folder / name
                if not path.is_file():
                    raise InputError("missing", f"corpus {path} (named by the gold) not found",
                                     hint="pass --corpora FOLDER")  # fmt: skip
                with path.open(encoding="utf-8") as fh:
                    for line in fh:
                        rec = json.loads(line)
                        if str(rec.get("id")) in ids:
                            rec["id"] = f"{name}#{rec['id']}"
                            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        store = Store(Path(tmp) / "eval.duckdb")
        try:
            ingest([subset], db=store, workers=1)
            doc_of = {
                rid: did
                for did, rid in store.con.execute(
                    "SELECT coalesce(duplicate_of, id), json_extract_string(meta, '$.record_id') "
                    "FROM documents"
                ).fetchall()
            }
            assignment: dict[MentionKey, str | None] = {}
            by_id = {k.id: k for k in tables.iter_keys(store)} if keys is not None else {}
            for p in pairs:
                for m in (p.a, p.b):
                    if m.key in assignment:
                        continue
                    event_id = _match(store, doc_of.get(m.origin), m, missed, acts)
                    assignment[m.key] = (
                        situations.situation_of(store, event_id) if event_id else None
                    )
                    if keys is not None and event_id:
                        keys[m.key] = by_id.get(event_id)
            if members is not None and by_id:
                wanted_sids = sorted({s for s in assignment.values() if s is not None})
                for sid, event_id in store.con.execute(
                    "SELECT situation_id, event_id FROM situation_members "
                    "WHERE list_contains(?, situation_id) ORDER BY event_id",
                    [wanted_sids],
                ).fetchall():
                    if event_id in by_id:
                        members.setdefault(sid, []).append(by_id[event_id])
            return assignment
        finally:
            store.close()


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Telling:
    """One telling of an event: its own clause, or a later one merged into it
    (``Event.mentions``, by ``sitmap.events.restatements``)."""

    event_id: str
    start: int | None  # character span in the document text (None: unknown)
    end: int | None
    evidence: str  # the sentence (own telling) or the clause (later telling)
    trigger: str
    plover: str | None


def tellings_of(store: Any, doc_id: str) -> list[Telling]:
    """Every telling of every event of a stored document, in text order."""
    rows = store.con.execute(
        'SELECT id, start, "end", evidence, trigger, plover, '
        "json_extract(record, '$.mentions') FROM events WHERE doc_id = ? ORDER BY start, id",
        [doc_id],
    ).fetchall()
    out: list[Telling] = []
    for event_id, start, end, evidence, trigger, plover, mentions in rows:
        out.append(Telling(event_id, start, end, evidence or "", trigger or "", plover))
        for span in json.loads(mentions) if isinstance(mentions, str) else mentions or ():
            out.append(Telling(
                event_id, span.get("start"), span.get("end"),
                span.get("text") or "", span.get("label") or "", plover,
            ))  # fmt: skip
    return out


def locate(text: str, evidence: str) -> tuple[int, int] | None:
    """Where a gold evidence sentence lies in the article text (white space may differ)."""
    at = text.find(evidence)
    if at >= 0:
        return at, at + len(evidence)
    words = evidence.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    return (found.start(), found.end()) if found else None


def match_telling(text: str, tellings: list[Telling], m: GoldMention) -> str | None:
    """sitmap's event for a gold mention in its article (see the module docstring): an event
    told (first, or again later) inside the gold sentence, best the one whose trigger matches
    the gold trigger, then the one of the gold type. Where the sentence cannot be found in the
    text, the events whose evidence sentence shares most of its words."""
    span = locate(text, m.evidence) if text else None
    gold_words = set(_WORD.findall(m.evidence.lower()))
    trig = set(_WORD.findall(m.trigger.lower()))
    best, best_rank = None, None
    for t in tellings:
        if span is not None and t.start is not None and t.end is not None:
            if t.end <= span[0] or t.start >= span[1]:
                continue
            overlap = 1.0
        else:
            words = set(_WORD.findall(t.evidence.lower()))
            if not words or not gold_words:
                continue
            overlap = len(words & gold_words) / min(len(words), len(gold_words))
            if overlap < 0.6:
                continue
        words_of_trigger = set(_WORD.findall(t.trigger.lower()))
        rank = (
            bool(words_of_trigger & trig) or _stem_match(words_of_trigger, trig),
            (t.plover or "").upper() == (m.type or "").upper(),
            overlap,
        )
        if best_rank is None or rank > best_rank:
            best, best_rank = t.event_id, rank
    if best_rank is None or not (best_rank[0] or best_rank[1]):
        return None  # the sentence has events, but not this one
    return best


def miss_cause(text: str, tellings: list[Telling], m: GoldMention) -> str:
    """Why a gold mention has no event (for the recall of event detection, not the merge):
    ``article not found``, ``sentence not found`` (not in the article text), ``another act in
    the sentence`` (sitmap's events there have neither the gold trigger nor its type), or
    ``no event in the sentence`` with: ``(told elsewhere)`` when the article has an event of
    the gold type whose trigger is the gold trigger's word (``told_elsewhere``: the sentence
    retells an act sitmap found in another sentence, "The indictment lays out ..." after
    "Manafort was indicted on Monday", and ``events.restatements`` did not keep it as a
    telling), else whether a word of the gold trigger is a trigger of the event lexicon
    (``trigger_known``): ``(known trigger)``, so the context or a filter dropped it ("in the
    wake of allegations"), or ``(no trigger)``, a word the lexicon lacks ("kept undermining
    the minister")."""
    if not text:
        return "article not found"
    told = _told_in_sentence(text, tellings, m)
    if told is None:
        return "sentence not found"
    if told:
        return "another act in the sentence"
    if told_elsewhere(tellings, m):
        return "no event in the sentence (told elsewhere)"
    known = "known trigger" if trigger_known(m.trigger) else "no trigger"
    return f"no event in the sentence ({known})"


def told_elsewhere(tellings: list[Telling], m: GoldMention) -> bool:
    """Whether some telling of the article (outside the gold sentence, where ``miss_cause``
    asks) is of the gold type and has the gold trigger's word, as ``match_telling`` compares
    triggers (a shared word, or the same first four letters: "indicted" / "indictment")."""
    trig = set(_WORD.findall(m.trigger.lower()))
    kind = (m.type or "").upper()
    for t in tellings:
        words = set(_WORD.findall(t.trigger.lower()))
        if kind and (t.plover or "").upper() != kind:
            continue
        if words & trig or _stem_match(words, trig):
            return True
    return False


def trigger_known(trigger: str) -> bool:
    """Whether a word of ``trigger`` is, by a plain inflection ("accused", "allegations",
    "firing"), a verb or noun trigger of the event lexicon (``events.lexicon``: the curated and
    the generated entries). A diagnosis, not spaCy's lemma: "accused" tries "accused",
    "accuse" and "accus"."""
    from sitmap.events import lexicon

    lemmas = lexicon._lexicon().lemmas
    known = lemmas["VERB"] | lemmas["NOUN"]
    return any(form in known for w in _WORD.findall(trigger.lower()) for form in _forms(w))


def _forms(word: str) -> set[str]:
    """``word`` and what it may be inflected from: -s, -es, -ies, -ed, -d, -ing (+e)."""
    forms = {word}
    for suffix, back in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""),
                         ("ing", ""), ("ing", "e")):  # fmt: skip
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + back)
    return forms


def _told_in_sentence(text: str, tellings: list[Telling], m: GoldMention) -> list[Telling] | None:
    """sitmap's tellings inside a gold mention's sentence (None: the sentence is not found)."""
    span = locate(text, m.evidence) if text else None
    if span is None:
        return None
    return [
        t for t in tellings
        if t.start is not None and t.end is not None and t.end > span[0] and t.start < span[1]
    ]  # fmt: skip


def acts_in_sentence(text: str, tellings: list[Telling], m: GoldMention) -> list[str]:
    """The acts sitmap tells inside a gold mention's sentence, as "trigger TYPE" in text order
    (each once): what it found there instead of the gold act."""
    out: list[str] = []
    for t in _told_in_sentence(text, tellings, m) or []:
        act = f"{t.trigger} {t.plover or '?'}"
        if act not in out:
            out.append(act)
    return out


def _match(
    store: Any,
    doc_id: str | None,
    m: GoldMention,
    missed: dict[MentionKey, str] | None = None,
    acts: dict[MentionKey, list[str]] | None = None,
) -> str | None:
    """sitmap's event for a gold mention in its stored article (``match_telling``); into
    ``missed``, why there is none (``miss_cause``), into ``acts`` the acts it found there
    instead (``acts_in_sentence``)."""
    row = None
    if doc_id is not None:
        row = store.con.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    text = row[0] if row else ""
    tellings = tellings_of(store, doc_id) if text and doc_id is not None else []
    found = match_telling(text, tellings, m) if text else None
    if found is None and missed is not None:
        missed[m.key] = miss_cause(text, tellings, m)
    if found is None and acts is not None and text:
        acts[m.key] = acts_in_sentence(text, tellings, m)
    return found


def _stem_match(a: set[str], b: set[str]) -> bool:
    return any(x[:4] == y[:4] for x in a for y in b if len(x) >= 4 and len(y) >= 4)


def score_situations_file(
    gold: str | Path, *, corpora: str | Path | None = None
) -> SituationScores:
    """Read a gold pairs file, run sitmap on the articles it names, and score."""
    pairs = read_situation_gold(gold)
    keys: dict[MentionKey, Any] = {}
    missed: dict[MentionKey, str] = {}
    acts: dict[MentionKey, list[str]] = {}
    members: dict[str, list[Any]] = {}
    assignment = predict(pairs, corpora, keys=keys, missed=missed, acts=acts, members=members)
    return evaluate_pairs(pairs, assignment, keys, missed, acts, members)


__all__ = [
    "GoldMention",
    "GoldPair",
    "SituationScores",
    "Telling",
    "acts_in_sentence",
    "evaluate_pairs",
    "locate",
    "match_telling",
    "miss_cause",
    "predict",
    "read_situation_gold",
    "score_situations_file",
    "tellings_of",
    "told_elsewhere",
    "trigger_known",
]
