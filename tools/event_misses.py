"""Why gold events are missed on whole articles: each missed gold event with a cause.

Runs the pipeline on a whole-article gold file (keeping the parses), pairs gold and predicted
events as ``sitmap eval events`` does, and classifies every unmatched gold event:

* ``anchor``: the evaluator cannot find the gold trigger/evidence in the text;
* ``not-candidate``: the sentence never reached the parser (no trigger lemma in it);
* ``not-in-lexicon``: no word of the gold trigger is a lexicon verb or noun;
* ``lexicon-condition``: a word is in the lexicon but its prep/object condition failed, or
  the tagger gave it another part of speech (the detail names the failed check per sense);
* ``dropped/...``: the trigger fires but no event came out: ``uncoded-person`` (a side is a
  person the actor coder leaves uncoded), ``uncoded-other`` (a side is another phrase with no
  code), ``no-args`` (the parse gives no side), ``merged-into-verb``;
* ``unmatched``: an event came out at the trigger but was paired with another gold event or
  fell under the matching threshold.

Usage: python tools/event_misses.py eval/articles-dev.jsonl [--list]
"""

from __future__ import annotations

import argparse
import copy
import re
from collections import Counter

from sitmap import events, pipeline
from sitmap.evaluate import events as ev
from sitmap.events import arguments, lexicon
from sitmap.events.syntax import _children, _expand, _objects, _pobjs

SPEECH = {"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE"}


def _quoted(text: str, start: int) -> bool:
    """Whether a position lies inside a double quotation."""
    before = text[:start]
    opens = before.count("“") + before.count('"') // 2 * 0
    closes = before.count("”")
    return opens > closes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    pipeline.release = lambda doc: doc  # keep the parses for the diagnosis
    golds = ev.read_event_gold(args.gold)
    lex = lexicon._lexicon()
    causes: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    rows = []
    for g_doc in golds:
        doc, _ = ev.predict([g_doc])
        doc = doc[0]
        text = doc.text

        raw = copy.copy(doc)
        events.extract(raw)
        doc._raw_events = raw.events
        preds = list(doc.events)
        anchors = [ev.anchor(text, g) for g in g_doc.events]
        sents = [ev._sentence_span(doc, p) for p in preds]
        sim = [
            [ev.similarity(g, occ, p, s) for p, s in zip(preds, sents, strict=True)]
            for g, occ in zip(g_doc.events, anchors, strict=True)
        ]
        pairs = ev.assign(sim, ev.MIN_SIMILARITY) if g_doc.events and preds else []
        matched = {i for i, _ in pairs}
        golds_ev = [x.evidence for x in g_doc.events]
        for i, g in enumerate(g_doc.events):
            if i in matched:
                continue
            occ = anchors[i]
            span = ev.find_span(text, g.evidence) if g.evidence else None
            extra = []
            if g.type in SPEECH:
                extra.append("speech-act")
            if occ and _quoted(text, occ[0][0]):
                extra.append("in-quotes")
            if any(j in matched and golds_ev[j] == g.evidence for j in range(len(golds_ev))):
                extra.append("sentence-has-matched-event")
            if _nominal(doc, occ):
                extra.append("nominal")
            cause, detail = _cause(doc, g, occ, span, preds, lex)
            if cause == "unmatched":
                extra.append("competing")
            causes[cause] += 1
            for t in extra:
                tags[t] += 1
            rows.append((cause, g.type, g.trigger, detail, ",".join(extra), g.evidence or ""))
    total = sum(causes.values())
    print(f"missed gold events: {total}")
    for cause, n in causes.most_common():
        print(f"  {cause:20} {n}")
    print("tags (overlapping):")
    for t, n in tags.most_common():
        print(f"  {t:20} {n}")
    type_counts = Counter(r[1] for r in rows)
    print("missed by gold type:", dict(type_counts.most_common()))
    if args.list:
        for r in sorted(rows):
            print(" | ".join(r[:5]), "|", r[5][:160])


def _nominal(doc, occ) -> bool:
    """Whether the gold trigger's first word is a noun in the parse (or the tagging)."""
    if not occ or doc._spacy is None:
        return False
    start = occ[0][0]
    for tok in doc._spacy:
        if tok.idx <= start < tok.idx + len(tok):
            return tok.pos_ in {"NOUN", "PROPN"} and tok.ent_type_ == ""
    return False


def _failed_check(tok) -> str:
    """Which check of ``lexicon._trigger`` turns a lexicon verb down, sense by sense: the
    clause it sits in (the content of an appeal or a demand), a bound preposition, the object
    list, the frame (complement, wish, directive, thing object), a refusal or threat condition,
    or another sense (``senses``); a noun or another part of speech is named as such."""
    lex = lexicon._lexicon()
    lemma = lexicon._lemma(tok)
    if tok.pos_ != "VERB" or lemma not in lex.verbs:
        return f"pos {tok.pos_}"
    if lexicon._requested(tok) or lexicon._demanded(tok):
        return "content of an appeal/threat/demand"
    children = list(tok.children)
    why = []
    for e in lex.verbs[lemma]:
        labels = lexicon.labelled_as(tok) if e.prep == "as" else []
        bound = any(lexicon._bound_prep(c, e.prep) for c in children) if e.prep else True
        if not (bound or lexicon._marked_clause(children, e.prep) or labels):
            why.append(f"{e.type} prep {e.prep}")
            continue
        if e.objects:
            named = _pobjs(tok, {"as"}) + labels if e.prep == "as" else []
            objs = named or _objects(tok, e.prep) + _children(tok, lexicon._COMPLEMENTS)
            if not any(c.lemma_.lower() in e.objects for c in objs):
                why.append(f"{e.type} object [{' '.join(c.lemma_ for c in objs)}]")
                continue
        if not lexicon._frame_holds(tok, e):
            why.append(f"{e.type} frame")
            continue
        if e.refusal and not lexicon._refused(tok):
            why.append(f"{e.type} refusal")
            continue
        if e.threat and lexicon._hostile_content(tok) is None:
            why.append(f"{e.type} threat")
            continue
        why.append(f"{e.type} figurative or other sense")
        break
    return "; ".join(why)


def _cause(doc, g, occ, span, preds, lex):
    if not occ:
        return "anchor", "trigger/evidence not found"
    start = occ[0][0]
    index = next(
        (s.index for s in doc.sentences if s.start <= start < s.end),
        None,
    )
    if index is None:
        return "anchor", "outside kept sentences"
    if index not in doc._parses:
        return "not-candidate", ""
    sent = doc.sentences[index]
    pdoc = doc._parses[index]
    lo, hi = occ[0][0] - sent.start, occ[-1][1] - sent.start
    if span is not None and len(occ) == 1 and occ[0] == span:
        lo, hi = span[0] - sent.start, span[1] - sent.start
    words = {w.lower() for w in re.findall(r"\w+", g.trigger)}
    toks = [t for t in pdoc if lo <= t.idx < hi and (t.lower_ in words or not words)]
    if not toks:
        toks = [t for t in pdoc if lo <= t.idx < hi]
    fired = [(t, lexicon._trigger(t)) for t in toks]
    fired = [(t, f) for t, f in fired if f is not None]
    if not fired:
        in_lex = [
            t
            for t in toks
            if lexicon._lemma(t) in lex.verbs
            or lexicon._lemma(t) in lex.nouns
            or lexicon._lemma(t) in lex.predicatives
        ]
        if in_lex:
            return "lexicon-condition", ",".join(
                f"{t.text}/{t.pos_}/{t.dep_}[{_failed_check(t)}]" for t in in_lex
            )
        return "not-in-lexicon", ",".join(sorted({lexicon._lemma(t) for t in toks}))[:60]
    at = {sent.start + t.idx for t, _ in fired}
    produced = [p for p in preds if p.trigger_start in at]
    if produced:
        return "unmatched", ";".join(f"{p.plover}:{p.trigger}" for p in produced)
    t, (entry, nominal) = fired[0]
    why = "nominal" if nominal else "verb"
    if nominal and arguments._merged_into_verb(t):
        return "dropped/merged-into-verb", f"{why} {entry.type}"
    src, tgt = arguments._arguments(t, entry, nominal)
    sides = _expand(src + tgt)
    # which side is missing: a person the actor coder leaves uncoded, another uncoded phrase,
    # or no argument in the parse at all
    sub = (
        "uncoded-person"
        if any(x.ent_type_ == "PERSON" for x in sides)
        else "uncoded-other"
        if sides
        else "no-args"
    )
    raw = [e for e in doc._raw_events if e.trigger_start in at]
    if raw:
        actors = ";".join(
            f"{a.text if a else None}={a.code if a else None}"
            for e in raw
            for a in (e.source, e.target)
        )
        return f"dropped/{sub}", f"no-coded-actor(after attribution) {why} {entry.type} [{actors}]"
    args = ",".join(x.text for x in src + tgt)
    if entry.needs_target:
        return f"dropped/{sub}", f"needs-target {why} {entry.type} [{args}]"
    if entry.weak or nominal:
        return f"dropped/{sub}", f"weak/nominal-uncoded {why} {entry.type} [{args}]"
    return f"dropped/{sub}", f"no-args {why} {entry.type} [{args}]"


if __name__ == "__main__":
    main()
