#!/usr/bin/env python3
"""Validate a sitmap gold set (eval/dev.jsonl, eval/articles-dev.jsonl) against eval/GUIDE.md.

Checks, per line: valid JSON with exactly the documented fields; unique id of the
form "<reuters|unreliable>-<article id>-<n>"; text is a verbatim substring of the
origin article; published equals the article's published_raw as ISO date; source
is "Reuters" for the Reuters corpus; every event has the documented keys, a PLOVER
type, a well-formed actor code (BASE+SECTOR[+TAG]) or null, a place with plausible
coordinates or null, an ISO date with a matching precision, an allowed status, and a
trigger that occurs in the text. Prints summary counts; exits 1 on any error.

Whole-article items (the format is recognised by their "title" key) also need: an id
"<reuters|unreliable>-<article id>" without a suffix, the article's title and its whole text
verbatim, and per event an "evidence" span that occurs exactly once in the text and holds the
trigger; dates may also have "decade" precision (the first day of the decade).

Usage: python tools/check_gold.py [eval/dev.jsonl] [--corpora /work/shared/corpora]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
STATUSES = {"asserted", "reported", "quoted", "predicted", "hypothetical", "negated"}
PRECISIONS = {"day", "week", "month", "year"}
ARTICLE_PRECISIONS = PRECISIONS | {"decade"}
SECTORS = {
    "MIL",
    "GOV",
    "COP",
    "REB",
    "INS",
    "OPP",
    "CVL",
    "MED",
    "BUS",
    "JUD",
    "LEG",
    "NGO",
    "IGO",
    "REF",
    "SPY",
    "PTY",
    "MLT",
    "CRM",
    "HLH",
    "EDU",
    "LAB",
    "REL",
    "PRO",
}
# Organisation tags used in this gold set (see GUIDE.md, "Actor codes").
TAGS = {"ISI", "SDF", "COA", "UNO", "ALQ"}
ITEM_KEYS = ["id", "text", "published", "source", "origin", "events"]
EVENT_KEYS = [
    "trigger",
    "type",
    "source",
    "target",
    "place",
    "date",
    "date_precision",
    "status",
    "cited_source",
    "speaker",
]
ARTICLE_ITEM_KEYS = ["id", "title", "text", "published", "source", "origin", "events"]
ARTICLE_EVENT_KEYS = [EVENT_KEYS[0], "evidence", *EVENT_KEYS[1:]]
CORPORA = {"isot-reuters-2017-sample.jsonl", "isot-unreliable-2017-sample.jsonl"}


def iso3_codes() -> set[str]:
    try:
        import pycountry  # project dependency

        codes = {c.alpha_3 for c in pycountry.countries}
    except Exception:  # pragma: no cover - fallback when pycountry is absent
        codes = set()
    return codes | {"PSE", "VAT", "XKX", "KSV"}


def check_code(code, iso3: set[str]) -> str | None:
    if code is None:
        return None
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}([A-Z]{3}){0,2}", code):
        return f"malformed actor code {code!r}"
    base, rest = code[:3], code[3:]
    if base not in iso3 | {"IMG", "IGO"}:
        return f"unknown BASE in {code!r}"
    if base in {"IMG", "IGO"} and not rest:
        return f"{code!r}: IMG/IGO need a sector"
    if rest == "UNO" and base == "IGO":  # codes.yaml: "United Nations" IGOUNO (tag, no sector)
        return None
    if rest and rest[:3] not in SECTORS:
        return f"unknown SECTOR in {code!r}"
    if len(rest) == 6 and rest[3:] not in TAGS:
        return f"unknown TAG in {code!r}"
    return None


def load_corpora(root: Path) -> dict[str, dict[str, dict]]:
    out = {}
    for name in CORPORA:
        arts = {}
        with open(root / name, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                arts[r["id"]] = r
        out[name] = arts
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default="eval/dev.jsonl")
    ap.add_argument("--corpora", default="/work/shared/corpora")
    a = ap.parse_args(argv)
    corp = load_corpora(Path(a.corpora))
    iso3 = iso3_codes()
    errs: list[str] = []
    ids = set()
    n_items = n_events = 0
    by_type, by_status, by_origin = (
        collections.Counter(),
        collections.Counter(),
        collections.Counter(),
    )
    empty = 0
    countries = collections.Counter()
    with open(a.path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):

            def err(msg, ln=ln):
                errs.append(f"line {ln}: {msg}")

            try:
                it = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"invalid JSON: {e}")
                continue
            n_items += 1
            article = isinstance(it, dict) and "title" in it
            item_keys = ARTICLE_ITEM_KEYS if article else ITEM_KEYS
            event_keys = ARTICLE_EVENT_KEYS if article else EVENT_KEYS
            if list(it) != item_keys:
                err(f"item keys {list(it)} != {item_keys}")
                continue
            if it["id"] in ids:
                err(f"duplicate id {it['id']}")
            ids.add(it["id"])
            fname, _, aid = str(it["origin"]).partition("#")
            if fname not in corp or aid not in corp[fname]:
                err(f"unknown origin {it['origin']}")
                continue
            art = corp[fname][aid]
            rel = "reuters" in fname
            by_origin["Reuters" if rel else "unreliable"] += 1
            suffix = "" if article else r"-\d+"
            if not re.fullmatch(
                rf"{'reuters' if rel else 'unreliable'}-{re.escape(aid)}{suffix}", it["id"]
            ):
                err(f"id {it['id']} does not match origin")
            text = it["text"]
            if not isinstance(text, str) or not text.strip() or text not in art["text"]:
                err("text is not a verbatim substring of the origin article")
            if article and text != art["text"]:
                err("text is not the whole origin article, verbatim")
            if article and it["title"] != art.get("title"):
                err("title is not the origin article's title, verbatim")
            pub = dt.datetime.strptime(art["published_raw"].strip(), "%B %d, %Y").date().isoformat()
            if it["published"] != pub:
                err(f"published {it['published']} != {pub}")
            if rel and it["source"] != "Reuters":
                err("Reuters item must have source 'Reuters'")
            if not rel and it["source"] is not None and it["source"] not in text:
                err("unreliable item names an outlet not in the text")
            evs = it["events"]
            if not isinstance(evs, list):
                err("events must be a list")
                continue
            if not evs:
                empty += 1
            for k, ev in enumerate(evs):
                n_events += 1

                def everr(msg, k=k):
                    err(f"event {k}: {msg}")

                if list(ev) != event_keys:
                    everr(f"keys {list(ev)} != {event_keys}")
                    continue
                if not ev["trigger"] or ev["trigger"] not in text:
                    everr(f"trigger {ev['trigger']!r} not in text")
                if article:
                    evidence = ev["evidence"]
                    if not isinstance(evidence, str) or not evidence.strip():
                        everr("evidence must be a non-empty string")
                    elif text.count(evidence) != 1:
                        everr(f"evidence occurs {text.count(evidence)} times in text, not once")
                    elif ev["trigger"] not in evidence:
                        everr(f"trigger {ev['trigger']!r} not in its evidence")
                if ev["type"] not in TYPES:
                    everr(f"bad type {ev['type']}")
                if ev["status"] not in STATUSES:
                    everr(f"bad status {ev['status']}")
                by_type[ev["type"]] += 1
                by_status[ev["status"]] += 1
                for role in ("source", "target"):
                    m = check_code(ev[role], iso3)
                    if m:
                        everr(f"{role}: {m}")
                    elif ev[role] and ev[role][:3] not in {"IMG", "IGO"}:
                        countries[ev[role][:3]] += 1
                if ev["source"] is None and ev["target"] is None:
                    everr("event has neither source nor target")
                p = ev["place"]
                if p is not None and (
                    not isinstance(p, dict)
                    or set(p) != {"name", "lat", "lon"}
                    or not p["name"]
                    or not isinstance(p["lat"], (int, float))
                    or not isinstance(p["lon"], (int, float))
                    or not -90 <= p["lat"] <= 90
                    or not -180 <= p["lon"] <= 180
                ):
                    everr(f"bad place {p!r}")
                d, prec = ev["date"], ev["date_precision"]
                if (d is None) != (prec is None):
                    everr("date and date_precision must both be set or both null")
                if d is not None:
                    try:
                        dd = dt.date.fromisoformat(d)
                    except (TypeError, ValueError):
                        everr(f"bad date {d!r}")
                    else:
                        if prec not in (ARTICLE_PRECISIONS if article else PRECISIONS):
                            everr(f"bad precision {prec!r}")
                        if prec == "decade" and (dd.year % 10, dd.month, dd.day) != (0, 1, 1):
                            everr("decade precision needs the first day of the decade")
                        if prec == "month" and dd.day != 1:
                            everr("month precision needs day 01")
                        if prec == "year" and (dd.month, dd.day) != (1, 1):
                            everr("year precision needs -01-01")
                        if prec == "week" and dd.weekday() != 0:
                            everr("week precision needs the Monday of the week")
                if (
                    ev["status"] == "reported"
                    and not ev["cited_source"]
                    and not re.search(r"\breport", text, re.I)
                ):
                    everr("reported status without cited_source or a 'report' cue")
                if ev["status"] == "quoted" and not ev["speaker"]:
                    everr("quoted status needs a speaker")
                for f in ("cited_source", "speaker"):
                    if ev[f] is not None and (not isinstance(ev[f], str) or not ev[f].strip()):
                        everr(f"{f} must be a non-empty string or null")
    print(
        f"items: {n_items} (Reuters {by_origin['Reuters']}, unreliable {by_origin['unreliable']}); "
        f"no-event items: {empty}; events: {n_events}"
    )
    print("by type:", dict(sorted(by_type.items(), key=lambda x: -x[1])))
    print("by status:", dict(sorted(by_status.items(), key=lambda x: -x[1])))
    print(f"country bases ({len(countries)}):", " ".join(sorted(countries)))
    if errs:
        print(f"\n{len(errs)} error(s):")
        for e in errs:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
