"""Where each event's place came from, and how often each source of a place is right.

Runs the pipeline on event gold (whole articles or excerpts, as ``sitmap eval events`` does) and
tabulates the matched (real) events by ``place_basis`` (clause, sentence, previous, dateline,
document; ``none`` for an event left unplaced) × right/wrong, with the precision of each basis.
An unplaced event is right when the gold has no place either. On ACLED/GTD notes (``--conflict``)
each placed event counts as right when it lies within 50 km of the record's coordinates.

Usage: python tools/place_basis.py eval/articles-dev.jsonl [--list BASIS] [--wrong]
       python tools/place_basis.py ../shared/gold/acled-dev.jsonl --conflict
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from sitmap.evaluate import acled
from sitmap.evaluate.events import (
    MIN_SIMILARITY,
    _sentence_span,
    anchor,
    evaluate_events,
    predict,
    read_event_gold,
    same_place,
    similarity,
)
from sitmap.evaluate.metrics import assign, haversine_km


def _events_rows(path: Path, limit: int | None) -> list[dict]:
    gold = read_event_gold(path)[:limit]
    docs, _ = predict(gold)
    scores = evaluate_events(gold, docs)
    place = scores.fields["place"]
    print(
        f"detection F1 {100 * (scores.detection.f1 or 0):.1f}, place "
        f"{place.correct}/{place.total} = {100 * (place.accuracy or 0):.1f}%"
    )
    rows = []
    for g_doc, p_doc in zip(gold, docs, strict=True):
        text = p_doc.text or g_doc.text
        golds, preds = g_doc.events, list(p_doc.events)
        if not golds or not preds:
            continue
        anchors = [anchor(text, g) for g in golds]
        sents = [_sentence_span(p_doc, p) for p in preds]
        sim = [
            [similarity(g, o, p, s) for p, s in zip(preds, sents, strict=True)]
            for g, o in zip(golds, anchors, strict=True)
        ]
        for i, j in assign(sim, MIN_SIMILARITY):
            g, p = golds[i], preds[j]
            rows.append(
                {
                    "doc": g_doc.id,
                    "type": p.plover,
                    "trigger": p.trigger,
                    "basis": p.place_basis if p.place else "none",
                    "right": same_place(g.place, p.place),
                    "gold": g.place.name if g.place else None,
                    "pred": (p.place.name or p.place.text) if p.place else None,
                    "sentence": p.evidence,
                }
            )
    return rows


def _conflict_rows(path: Path, limit: int | None) -> list[dict]:
    records = acled.read_conflict_gold(path)[:limit]
    docs, _ = acled.predict(records)
    near = acled.evaluate_conflict(records, docs).measures["place_50km"]
    print(f"place_50km {near.correct}/{near.total} = {100 * (near.accuracy or 0):.1f}%")
    rows = []
    for rec, doc in zip(records, docs, strict=True):
        if rec.lat is None or rec.lon is None:
            continue
        for e in doc.events:
            near = (
                e.place is not None
                and e.place.lat is not None
                and haversine_km(rec.lat, rec.lon, e.place.lat, e.place.lon) <= acled.PLACE_KM
            )
            rows.append(
                {
                    "doc": rec.id,
                    "type": e.plover,
                    "trigger": e.trigger,
                    "basis": e.place_basis if e.place else "none",
                    "right": near,
                    "gold": rec.location if hasattr(rec, "location") else None,
                    "pred": (e.place.name or e.place.text) if e.place else None,
                    "sentence": e.evidence,
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--conflict", action="store_true", help="ACLED/GTD notes, not event gold")
    ap.add_argument("--list", metavar="BASIS", help="print the events of this basis")
    ap.add_argument("--wrong", action="store_true", help="with --list: only the wrong ones")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--dump", type=Path, help="write every event's row as JSON lines here")
    args = ap.parse_args(argv)
    rows = (_conflict_rows if args.conflict else _events_rows)(args.gold, args.limit)
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows))
    tally: Counter[tuple[str, bool]] = Counter((r["basis"], r["right"]) for r in rows)
    bases = sorted({b for b, _ in tally}, key=lambda b: -(tally[b, True] + tally[b, False]))
    right = sum(r["right"] for r in rows)
    print(f"{args.gold}: {right} of {len(rows)} events placed right")
    print(f"{'basis':10s} {'right':>6s} {'wrong':>6s} {'precision':>9s}")
    for b in bases:
        ok, bad = tally[b, True], tally[b, False]
        print(f"{b:10s} {ok:6d} {bad:6d} {100 * ok / (ok + bad):8.1f}%")
    if args.list:
        for r in rows:
            if r["basis"] == args.list and not (args.wrong and r["right"]):
                mark = "ok " if r["right"] else "BAD"
                print(
                    f"{mark} {r['doc']} [{r['type']} {r['trigger']!r}] gold={r['gold']!r} "
                    f"pred={r['pred']!r}\n    {r['sentence']}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
