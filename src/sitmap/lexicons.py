"""Load the lexicons and tables under ``sitmap/data`` once (cached), by file name.

Data files start with ``#`` comment lines saying where they came from; loaders skip them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

_PACKAGE = "sitmap.data"


def read_text(name: str) -> str:
    """Raw text of a packaged data file."""
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


@cache
def _yaml_loader() -> type:
    """A safe YAML loader whose booleans are YAML 1.2's (true/false only): in YAML 1.1 "on",
    "off", "yes" and "no" are booleans, so a word list holding the preposition "on" or the
    country code "NO" (Norway) would hold True or False instead."""
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("LexiconLoader", (base,), {})
    bool_tag = "tag:yaml.org,2002:bool"
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in rules if tag != bool_tag]
        for first, rules in base.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return loader


@cache
def yaml_file(name: str) -> Any:
    """A packaged YAML file, parsed (cached)."""
    return yaml.load(read_text(name), Loader=_yaml_loader())


@cache
def json_file(name: str) -> Any:
    """A packaged JSON file, parsed (cached)."""
    return json.loads(read_text(name))


@cache
def tsv_file(name: str) -> tuple[dict[str, str], ...]:
    """A packaged TSV file with a header row, as a tuple of dicts (cached).

    Lines starting with ``#`` are comments; empty cells become empty strings.
    """
    reader = csv.DictReader(io.StringIO(_strip_comments(read_text(name))), delimiter="\t")
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


@cache
def country_forms(column: str = "names") -> tuple[tuple[str, str], ...]:
    """Each written form of each country in ``countries.tsv`` as (form, ISO3) pairs, in file
    order: ``names`` (the name and its aliases: "Syria", "Syrian Arab Republic"),
    ``demonyms`` ("Syrian"), ``people`` ("Syrians") or ``capital`` ("Damascus").

    The one place the country tables are read for names: the actor lexicon, the place
    mentions and the place context all take their country words from here.
    """
    pairs: list[tuple[str, str]] = []
    for row in tsv_file("countries.tsv"):
        if column == "names":
            forms = [row["name"], *row["aliases"].split("|")]
        else:
            forms = row[column].split("|")
        pairs.extend((form, row["iso3"]) for form in forms if form)
    return tuple(pairs)


@cache
def country_names(geo_aliases: bool = False) -> frozenset[str]:
    """Lower-cased names and aliases of countries (:func:`country_forms`); with
    ``geo_aliases`` also the gazetteer's extra country names (``geo.yaml`` ``country_aliases``:
    "the United States", "Burma", "Soviet Union")."""
    names = {form for form, _ in country_forms()}
    if geo_aliases:
        for aliases in yaml_file("geo.yaml")["country_aliases"].values():
            names.update(aliases)
    return frozenset(n.lower() for n in names)
