"""Wrong source/target/speaker on matched events, with the actor mentions behind them.

Runs the pipeline on an event gold file, pairs gold and predicted events as ``sitmap eval
events`` does, and lists every matched event whose source, target or speaker is wrong: the gold
code, the predicted code, the predicted actor's text/name/kind and the evidence, so that each
error can be put in a class (role assignment, actor not found, surname, code convention, country
missing, coreference, annotator disagreement). Prints the three accuracies first.

Usage: python tools/actor_errors.py eval/articles-dev.jsonl [--json errors.json]
"""

from __future__ import annotations

import argparse
import json

from sitmap.evaluate import events as ev
from sitmap.evaluate.metrics import assign


def _describe(actor: object) -> str | None:
    if actor is None:
        return None
    return f"{actor.text!r}/{actor.name}/{actor.kind}"  # type: ignore[attr-defined]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--json", help="write the errors as JSON to this file")
    args = ap.parse_args()
    gold = ev.read_event_gold(args.gold)
    docs, _ = ev.predict(gold)
    rows: list[dict[str, object]] = []
    right = {"source": 0, "target": 0, "speaker": 0}
    matched = 0
    for g_doc, p_doc in zip(gold, docs, strict=True):
        text = p_doc.text or g_doc.text
        golds, preds = g_doc.events, list(p_doc.events)
        anchors = [ev.anchor(text, g) for g in golds]
        sentences = [ev._sentence_span(p_doc, p) for p in preds]
        sim = [
            [ev.similarity(g, occ, p, s) for p, s in zip(preds, sentences, strict=True)]
            for g, occ in zip(golds, anchors, strict=True)
        ]
        for i, j in assign(sim, ev.MIN_SIMILARITY) if golds and preds else []:
            g, p = golds[i], preds[j]
            matched += 1
            for field in right:
                gold_value, pred = getattr(g, field), getattr(p, field)
                if field == "speaker":
                    ok, value, mention = ev.same_name(gold_value, pred), pred, None
                else:
                    value = pred.code if pred is not None else None
                    ok, mention = gold_value == value, _describe(pred)
                right[field] += ok
                if not ok:
                    rows.append(
                        {
                            "doc": g_doc.id,
                            "field": field,
                            "type": g.type,
                            "trigger": g.trigger,
                            "gold": gold_value,
                            "predicted": value,
                            "mention": mention,
                            "evidence": g.evidence or p.evidence,
                        }
                    )
    scores = {k: round(100 * v / matched, 1) if matched else 0.0 for k, v in right.items()}
    print(json.dumps({"matched": matched, **scores}))
    for row in rows:
        print(
            f"{row['doc']} {row['field']}: gold {row['gold']} predicted {row['predicted']} "
            f"{row['mention'] or ''} | {row['trigger']} | {str(row['evidence'])[:160]}"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
