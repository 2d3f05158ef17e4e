"""Actor mentions → coded actors (country + sector, CAMEO-style codes).

``code(doc)`` fills ``doc.actors`` from the spaCy tokens of ``doc._spacy``; ``lookup(text)``
codes one phrase (a speaker, a source); ``outlet(text)`` names the news outlet in a phrase.

How it works: the lexicons under ``sitmap/data`` (countries, sector words and titles, named
organisations, office holders, outlets) are compiled once into a dictionary keyed by
lower-cased token sequences. A left-to-right scan finds the longest lexicon match at each
token ("pieces"); adjacent pieces are then read as one noun phrase and composed:

* ``Syrian`` + ``army`` → SYRMIL; ``Russia`` + ``'s`` + ``defence ministry`` → RUSMIL;
* ``Assad`` + ``'s`` + ``forces`` → SYRMIL (the office holder's country);
* ``U.S.-backed`` + ``militias`` → MLT (a patron lends no country);
* ``Secretary of State`` + ``Rex Tillerson`` → USAGOV on 2017 dates, code None in 2019;
* ``Syrian`` + ``Foreign Minister`` + an unknown PERSON → SYRGOV (coded from the title);
* ``rebels`` alone → REB; ``the group`` → nothing.

Codes are never filled with a default: what cannot be determined stays ``None``.

The package by concern: ``lexicon`` (the compiled lexicons), ``scan`` (tokens and the
longest-match scan), ``compose`` (pieces → coded actors), ``document`` (``code``), ``countries``
(countries for sector-only actors: ``localise``, ``with_country``, ``recode``), ``anaphora``
("the country" as the state named last), ``offices``
(``in_office``) and ``phrases`` (``lookup``, ``place_actor``, ``group``, ``outlet``).
"""

from sitmap.actors.countries import focus_country, localise, recode, with_country
from sitmap.actors.document import code
from sitmap.actors.offices import in_office
from sitmap.actors.phrases import group, lookup, outlet, place_actor

__all__ = [
    "code",
    "focus_country",
    "group",
    "in_office",
    "localise",
    "lookup",
    "outlet",
    "place_actor",
    "recode",
    "with_country",
]
