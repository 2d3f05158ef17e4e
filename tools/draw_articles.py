#!/usr/bin/env python3
"""Draw whole articles for a new gold split, at random with a fixed seed, before any annotation.

How eval/articles-dev2.jsonl was drawn (``python tools/draw_articles.py``), and
eval/articles-dev3.jsonl the same way with its own seed (``python tools/draw_articles.py
--split articles-dev3.jsonl``):

1. Both ISOT samples in ../shared/corpora are read; an article qualifies when its text has
   150-500 words (whitespace tokens).
2. Articles already used by any gold set are excluded: by origin (``eval/*.jsonl`` items and the
   ``a``/``b`` mentions of the situation pairs) and by text overlap (any run of ten words of
   the article, case and punctuation ignored, that also occurs in a gold text, evidence or
   title in ``eval/*.jsonl`` or ``../shared/gold/*.jsonl``; the split being drawn itself and
   the splits drawn after it in ``SPLITS`` are not counted, so each split's draw stays
   reproducible after later splits were added). Articles whose
   title or opening 200 characters repeat an already kept article are dropped too.
3. Each file is shuffled with ``random.Random(SEED)`` and walked in that order. An article's main
   country is the country named most often (names, aliases, demonyms, nationality nouns and
   capitals from src/sitmap/data/countries.tsv, read as a plain table, plus a few US
   institutions for the USA; ties go to the country named first); a foreign country named fewer
   than three times is no main country (the article counts as US/none). Its kind is a rough
   keyword guess (conflict, diplomacy, protest, crime/courts, economy/sanctions, otherwise
   politics). An article is taken while its file still needs one of its half (non-US or US/none
   main country), its non-US main country has fewer than two articles in the whole split, and
   its kind has fewer than four in that file. When a file has too few qualifying non-US
   articles (the samples are mostly US politics), a second walk in the same order fills the
   rest from the other half. From eval/articles-dev3.jsonl on (``KIND_CAP_YIELDS``), a middle
   walk first lets a non-US article past the kind cap while the non-US half is short: the
   non-US articles of the samples are nearly all of the "politics" kind, so the cap alone
   kept them out. eval/articles-dev4.jsonl is drawn the same way as articles-dev3 with its own
   seed (``--split articles-dev4.jsonl``); it excludes every earlier split, articles-dev2 and
   articles-dev3 included. eval/articles-dev5.jsonl likewise (``--split articles-dev5.jsonl``),
   excluding every earlier split, articles-dev4 included. The sixth split (``--split
   articles-dev6.jsonl``, kept outside eval/ until its round ends) excludes every earlier split
   and lets a non-US article have 120-700 words (``NON_US_WORDS``): with 150-500 words the
   samples had no unused non-US Reuters article and only Russia ones in the other file. The
   seventh (``--split articles-dev7.jsonl``, kept outside eval/ until its round ends) excludes
   every earlier split, articles-dev6 included, and lets a non-US article have 120-1,000 words:
   the samples have 11 unused non-US Reuters articles (9 under 120 words) and 9 unused non-US
   articles in the other file (8 of them Russia), so only 5 pass the length and country caps.
   The eighth (``--split articles-dev8.jsonl``, kept outside eval/ until its round ends)
   excludes every earlier split, articles-dev7 included, lets a non-US article have 120-1,500
   words and lets a country have three articles (``MAX_PER_COUNTRY_SPLIT``): after seven
   draws at two per country within 120-1,000 words the samples are nearly out of unused
   non-US articles, so the non-US half would otherwise be filled with US ones.
   The ninth (``--split articles-dev9.jsonl``, kept outside eval/ until its round ends)
   excludes every earlier split, articles-dev8 included, and has no non-US quota and no kind
   cap (``NO_QUOTA``): after eight draws the samples are out of non-US articles (the unused
   ones are 9 Reuters articles, all under 120 words, and 3 low-credibility ones, all Russia,
   the country the last two splits already drew most), so a quota would only refill the
   non-US half with the same few stories. Each file gives its first 12 articles in the seeded
   order that have 120-1,500 words, whatever their country or kind, with at most three per
   non-US main country in the split (US/none is not capped: most of the samples are US
   politics). The tenth (``--split articles-dev10.jsonl``, kept outside eval/ until its round
   ends) is drawn the same way as the ninth with its own seed, excluding every earlier split,
   articles-dev9 included. The eleventh (``--split articles-dev11.jsonl``) likewise, excluding
   every earlier split, articles-dev10 included. The twelfth and thirteenth
   (``--split articles-dev12.jsonl``, ``--split articles-dev13.jsonl``) likewise, each
   excluding every earlier split.

Nothing here runs sitmap: the table is read as text, so the draw is independent of the
pipeline. Prints one line per drawn article (file, id, words, main country, kind, title);
``--jsonl`` prints the drawn corpus records instead.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPLITS = {  # whole-article splits drawn by this tool, in the order they were drawn: seed
    "articles-dev2.jsonl": 20261130,
    "articles-dev3.jsonl": 20261207,
    "articles-dev4.jsonl": 20261214,
    "articles-dev5.jsonl": 20261221,
    "articles-dev6.jsonl": 20261228,
    "articles-dev7.jsonl": 20270104,
    "articles-dev8.jsonl": 20270111,
    "articles-dev9.jsonl": 20270201,
    "articles-dev10.jsonl": 20270208,
    "articles-dev11.jsonl": 20270215,
    "articles-dev12.jsonl": 20270222,
    "articles-dev13.jsonl": 20270301,
}
# splits whose non-US half may pass the kind cap
KIND_CAP_YIELDS = {
    "articles-dev3.jsonl",
    "articles-dev4.jsonl",
    "articles-dev5.jsonl",
    "articles-dev6.jsonl",
    "articles-dev7.jsonl",
    "articles-dev8.jsonl",
}
WORDS = (150, 500)  # an article's length in whitespace tokens
# splits whose non-US articles may have this wider length (the samples are nearly out of unused
# non-US articles of 150-500 words)
NON_US_WORDS = {
    "articles-dev6.jsonl": (120, 700),
    "articles-dev7.jsonl": (120, 1000),
    "articles-dev8.jsonl": (120, 1500),
    "articles-dev9.jsonl": (120, 1500),
    "articles-dev10.jsonl": (120, 1500),
    "articles-dev11.jsonl": (120, 1500),
    "articles-dev12.jsonl": (120, 1500),
    "articles-dev13.jsonl": (120, 1500),
}
# splits drawn at random within the length and country caps: no non-US half, no kind cap
NO_QUOTA = {
    "articles-dev9.jsonl",
    "articles-dev10.jsonl",
    "articles-dev11.jsonl",
    "articles-dev12.jsonl",
    "articles-dev13.jsonl",
}
OUTPUT = "articles-dev2.jsonl"  # the default split
SEED = SPLITS[OUTPUT]
PER_FILE = 12
FILES = ("isot-reuters-2017-sample.jsonl", "isot-unreliable-2017-sample.jsonl")
SHINGLE = 10  # words: an article sharing any run of this many words with a gold text overlaps
MAX_PER_COUNTRY = 2
MAX_PER_COUNTRY_SPLIT = {
    "articles-dev8.jsonl": 3,
    "articles-dev9.jsonl": 3,
    "articles-dev10.jsonl": 3,
    "articles-dev11.jsonl": 3,
    "articles-dev12.jsonl": 3,
    "articles-dev13.jsonl": 3,
}  # splits with a wider country cap
MAX_PER_KIND = 4
MIN_MENTIONS = 3
US_INSTITUTIONS = (
    "Trump",
    "Congress",
    "Senate",
    "White House",
    "Republicans?",
    "Democrats?",
    "Obama",
)
KINDS = (  # first match wins; rough, only to spread the draw over kinds of story
    ("conflict", r"\b(?:killed|attack\w*|troops|militants?|air ?strikes?|bomb\w*|fighting|war)\b"),
    ("protest", r"\b(?:protest\w*|rall(?:y|ies)|demonstrat\w+|march(?:ed|ers)?)\b"),
    (
        "crime/courts",
        r"\b(?:court|judge|arrest\w*|charged|prosecutors?|police|lawsuit|sentenced)\b",
    ),
    ("economy/sanctions", r"\b(?:sanctions?|tariffs?|trade|economy|economic|oil|exports?)\b"),
    ("diplomacy", r"\b(?:talks|summit|visit\w*|minister|ambassador|diplomat\w*|treaty)\b"),
)


Patterns = list[tuple[str, tuple[str, ...], re.Pattern[str]]]


def _country_patterns() -> Patterns:
    """Per ISO3 code: its names (a cheap substring pre-check) and one regex of names, aliases,
    demonyms, people and capital."""
    path = ROOT / "src" / "sitmap" / "data" / "countries.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    header = next(r for r in rows if r[0] == "iso3")
    out = []
    for row in rows:
        if row[0].startswith("#") or row == header or len(row) < len(header):
            continue
        rec = dict(zip(header, row, strict=False))
        names = {rec["name"], rec["capital"]}
        for key in ("aliases", "demonyms", "people"):
            names.update(n for n in rec[key].split("|") if n)
        names = {n for n in names if len(n) >= 2 and not n.isdigit()}
        # bare "US" is too ambiguous in lower-case prose; keep it only in capitals (the
        # regex is case-sensitive)
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        if rec["iso3"] == "USA":  # US stories rarely name the country; its institutions count
            alt += "|" + "|".join(US_INSTITUTIONS)
            names.update(n.rstrip("s?") for n in US_INSTITUTIONS)
        # "New Mexico", "New Jersey", "Indiana" are US places, not Mexico, Jersey or India
        pattern = re.compile(rf"(?<![\w.])(?<!New )(?:{alt})(?![\w])")
        out.append((rec["iso3"], tuple(names), pattern))
    return out


def main_country(text: str, patterns: Patterns) -> str | None:
    """The country named most often in ``text`` (ties: the one named first)."""
    counts: dict[str, tuple[int, int]] = {}
    for iso3, names, pat in patterns:
        if not any(name in text for name in names):
            continue
        if iso3 == "GEO" and "Tbilisi" not in text:  # "Georgia" in US news is the US state
            continue
        hits = [m.start() for m in pat.finditer(text)]
        if hits:
            counts[iso3] = (len(hits), -hits[0])
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    # a foreign country named once or twice ("an Indian-American lawyer") is no main country
    return best if best == "USA" or counts[best][0] >= MIN_MENTIONS else None


def kind(text: str) -> str:
    """A rough kind of story from keywords (the first kind whose words occur twice or more)."""
    for name, pattern in KINDS:
        if len(re.findall(pattern, text, flags=re.I)) >= 2:
            return name
    return "politics"


def _gold_texts(split: str = OUTPUT) -> tuple[set[str], list[str]]:
    """Origins and texts of every gold set, except ``split`` (the split being drawn) and the
    splits drawn after it."""
    order = list(SPLITS)
    skip = set(order[order.index(split) :]) if split in SPLITS else {split}
    origins: set[str] = set()
    texts: list[str] = []
    for path in sorted((ROOT / "eval").glob("*.jsonl")):
        if path.name in skip:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            for part in (item, item.get("a"), item.get("b")):
                if isinstance(part, dict):
                    if part.get("origin"):
                        origins.add(part["origin"])
                    texts.extend(
                        str(part.get(k)) for k in ("text", "title", "evidence") if part.get(k)
                    )
    for path in sorted((ROOT.parent / "shared" / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line).get("text") or ""))
    return origins, texts


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def draw(
    corpora: Path, seed: int | None = None, per_file: int = PER_FILE, split: str = OUTPUT
) -> list[dict]:
    """The drawn corpus records for ``split``, each with added ``_file``, ``_main_country`` and
    ``_kind`` (``seed`` defaults to the split's seed in ``SPLITS``)."""
    seed = SPLITS.get(split, SEED) if seed is None else seed
    origins, texts = _gold_texts(split)
    index = set().union(*(_shingles(t) for t in texts if len(t.split()) >= SHINGLE))
    patterns = _country_patterns()
    wide = NON_US_WORDS.get(split, WORDS)
    country_cap = MAX_PER_COUNTRY_SPLIT.get(split, MAX_PER_COUNTRY)
    per_country: collections.Counter[str] = collections.Counter()
    seen_keys: set[str] = set()
    drawn: list[dict] = []
    guessed: dict[tuple[str, str], tuple[str | None, str]] = {}
    for name in FILES:
        records = [
            json.loads(line)
            for line in (corpora / name).read_text(encoding="utf-8").splitlines()
            if line
        ]
        random.Random(seed).shuffle(records)
        halves = {"non-US": per_file // 2, "US": per_file - per_file // 2}
        kinds: collections.Counter[str] = collections.Counter()
        taken = 0
        # pass 1 keeps the halves; pass 2 fills a half the file cannot supply with the other
        # (keep the halves, apply the kind cap to non-US articles too)
        walks = [(True, True), (True, False), (False, True)]
        if split not in KIND_CAP_YIELDS:
            walks.remove((True, False))
        if split in NO_QUOTA:  # one walk: only the length and country caps
            walks = [(False, False)]
        for strict, cap_non_us in walks:
            for rec in records:
                if taken == per_file:
                    break
                text = rec.get("text") or ""
                words = len(text.split())
                lo, hi = min(WORDS[0], wide[0]), max(WORDS[1], wide[1])
                if not lo <= words <= hi or f"{name}#{rec['id']}" in origins:
                    continue
                keys = {(rec.get("title") or "").strip().lower(), text[:200]}
                if keys & seen_keys or not index.isdisjoint(_shingles(text)):
                    continue
                if (name, rec["id"]) not in guessed:  # the walks revisit articles: guess each once
                    title = rec.get("title") or ""
                    country = main_country(f"{title}\n{text}", patterns)
                    guessed[name, rec["id"]] = (country, kind(text))
                country, story = guessed[name, rec["id"]]
                half = "US" if country in (None, "USA") else "non-US"
                low, high = wide if half == "non-US" or split in NO_QUOTA else WORDS
                if not low <= words <= high:
                    continue
                capped = kinds[story] >= MAX_PER_KIND and (cap_non_us or half == "US")
                capped = capped and split not in NO_QUOTA
                if (strict and not halves[half]) or capped:
                    continue
                if half == "non-US" and per_country[country] >= country_cap:
                    continue
                halves[half] -= 1
                taken += 1
                kinds[story] += 1
                per_country[country] += 1
                seen_keys |= keys
                drawn.append({**rec, "_file": name, "_main_country": country, "_kind": story})
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument(
        "--split", default=OUTPUT, help="the split to draw (its seed and exclusions)"
    )
    parser.add_argument("--seed", type=int, default=None, help="override the split's seed")
    parser.add_argument(
        "--jsonl", action="store_true", help="print the drawn records as JSON lines"
    )
    args = parser.parse_args(argv)
    for rec in draw(args.corpora, args.seed, split=args.split):
        if args.jsonl:
            print(json.dumps(rec, ensure_ascii=False))
        else:
            words = len(rec["text"].split())
            cols = (rec["_file"][:13], rec["id"], words, rec["_main_country"], rec["_kind"])
            print("\t".join(map(str, cols)), rec["title"], sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
