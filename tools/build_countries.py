"""Generate src/sitmap/data/countries.tsv from pycountry, countryinfo and country_extras.yaml.

Run: ``pip install countryinfo==1.0.1 && python tools/build_countries.py``

pycountry gives the ISO 3166-1 list (names, official and common names); countryinfo gives
alternative spellings, demonyms and capitals; country_extras.yaml adds wire-service short forms,
fixes and the countries ISO 3166-1 lacks (Kosovo: XK, CAMEO KSV). A demonym shared by several
entries ("Congolese", "French") goes to the most populous sovereign one. Plural nationality
nouns ("Syrians") are derived by rule.
"""

from __future__ import annotations

import glob
import json
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

import countryinfo
import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sitmap" / "data" / "countries.tsv"
EXTRAS = Path(__file__).with_name("country_extras.yaml")
_NO_PLURAL = ("ese", "ish", "ch", "ss", "sh", "nd", "ar", "ine", "ic", "z")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def usable(name: str | None) -> bool:
    """A name worth matching in English text: Latin letters, no inverted "X, Republic of"."""
    if not name:
        return False
    folded = ascii_fold(name)
    return bool(_LATIN.match(folded)) and not (folded.isupper() and len(folded) <= 3)


def plural(demonym: str) -> str | None:
    """'Syrian' -> 'Syrians'; None for words without an -s plural ('Chinese', 'Swiss', 'U.S.')."""
    if demonym.isupper() or "." in demonym or demonym.endswith(_NO_PLURAL):
        return None
    return demonym + "s"


def countryinfo_rows() -> dict[str, list[dict]]:
    folder = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    rows: dict[str, list[dict]] = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if iso3:
            rows.setdefault(iso3, []).append(data)
    return rows


def build() -> list[dict[str, str]]:
    extras = yaml.safe_load(EXTRAS.read_text(encoding="utf-8"))
    drop_dem = set(extras["drop"]["demonyms"])
    drop_alias = set(extras["drop"]["aliases"])
    info = countryinfo_rows()
    entries: dict[str, dict] = {}
    for c in pycountry.countries:
        names: list[str] = []
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if usable(value):
                names.append(value)
        dems: list[str] = []
        capital = ""
        population = 0
        for data in info.get(c.alpha_3, []):
            names.append(data.get("name") or "")
            names.extend(data.get("altSpellings") or [])
            if data.get("demonym"):
                dems.append(data["demonym"])
            cap = data.get("capital") or ""
            capital = capital or (cap[0] if isinstance(cap, list) and cap else cap)
            population = max(population, int(data.get("population") or 0))
        names.extend(extras["aliases"].get(c.alpha_3, []))
        dems.extend(extras["demonyms"].get(c.alpha_3, []))
        display = getattr(c, "common_name", None) or c.name
        if "," in display:
            display = next((n for n in names if usable(n)), display)
        display = extras["names"].get(c.alpha_3, display)
        capital = extras["capitals"].get(c.alpha_3, capital)
        entries[c.alpha_3] = {
            "iso3": c.alpha_3,
            "iso2": c.alpha_2,
            "name": display,
            "aliases": names,
            "demonyms": dems,
            "capital": capital,
            "population": population,
        }
    for iso3, extra in (extras.get("extra_countries") or {}).items():
        entries[iso3] = {
            "iso3": iso3,
            "iso2": extra["iso2"],
            "name": extra["name"],
            "aliases": [extra["name"], *extras["aliases"].get(iso3, [])],
            "demonyms": list(extras["demonyms"].get(iso3, [])),
            "capital": extras["capitals"].get(iso3, extra.get("capital", "")),
            "population": int(extra.get("population", 0)),
        }
    # the most populous entry keeps a shared demonym / capital
    owner: dict[str, str] = {}
    for iso3, e in sorted(entries.items(), key=lambda kv: -kv[1]["population"]):
        for d in e["demonyms"]:
            owner.setdefault(ascii_fold(d), iso3)
    forced = {ascii_fold(d): iso3 for iso3, ds in extras["demonyms"].items() for d in ds}
    owner.update(forced)
    forced_alias = {ascii_fold(a): iso3 for iso3, al in extras["aliases"].items() for a in al}
    rows = []
    for iso3, e in sorted(entries.items()):
        aliases = []
        for n in e["aliases"]:
            folded = ascii_fold(n)
            explicit = forced_alias.get(folded) == iso3
            if folded in drop_alias or (not explicit and (not usable(n) or folded in forced_alias)):
                continue
            if folded not in aliases:
                aliases.append(folded)
        dems = []
        for d in e["demonyms"]:
            folded = ascii_fold(d)
            if (
                folded
                and folded not in drop_dem
                and owner.get(folded) == iso3
                and folded not in dems
            ):
                dems.append(folded)
        people = [p for p in (plural(d) for d in dems) if p]
        people += extras["people"].get(iso3, [])
        rows.append(
            {
                "iso3": iso3,
                "iso2": e["iso2"],
                "name": ascii_fold(e["name"]),
                "aliases": "|".join(aliases),
                "demonyms": "|".join(dems),
                "people": "|".join(dict.fromkeys(people)),
                "capital": ascii_fold(e["capital"]) if usable(e["capital"]) else "",
            }
        )
    return rows


def main() -> None:
    rows = build()
    cols = ["iso3", "iso2", "name", "aliases", "demonyms", "people", "capital"]
    lines = [
        "# Countries: ISO 3166-1 codes, names, aliases, demonyms (adjectives), plural nationality",
        "# nouns and capitals. GENERATED by tools/build_countries.py from pycountry "
        f"{pycountry.__version__ if hasattr(pycountry, '__version__') else ''}".rstrip()
        + " and countryinfo 1.0.1",
        "# plus tools/country_extras.yaml; do not edit by hand. Built " + date.today().isoformat(),
        "\t".join(cols),
    ]
    lines += ["\t".join(r[c] for c in cols) for r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
