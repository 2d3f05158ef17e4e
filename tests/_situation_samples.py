"""Hand-built processed documents for the situations tests (no spaCy needed).

Each sample is one sentence of a report as an outlet might write it, with the event sitmap's
stages give for it written out by hand, so the merge rules are tested on exact, known values.
"""

from __future__ import annotations

from typing import Any

from sitmap import situations
from sitmap.model import Actor, DateExpr, Document, Event, Place, Source
from sitmap.store import Store

PLACES: dict[str, dict[str, Any]] = {
    "Mogadishu": dict(name="Mogadishu", geonameid=53654, country="SO", admin1="Banaadir",
                      lat=2.03711, lon=45.34375, feature_class="P", feature_code="PPLC"),
    "Afgooye": dict(name="Afgooye", geonameid=58933, country="SO", admin1="Lower Shabeelle",
                    lat=2.1381, lon=45.1212, feature_class="P", feature_code="PPL"),
    "Kismayo": dict(name="Kismayo", geonameid=55671, country="SO", admin1="Lower Juba",
                    lat=-0.35817, lon=42.54536, feature_class="P", feature_code="PPLA"),
    "Banaadir": dict(name="Banaadir", geonameid=64833, country="SO", admin1="Banaadir",
                     lat=2.06, lon=45.33, feature_class="A", feature_code="ADM1"),
    "Somalia": dict(name="Somalia", geonameid=51537, country="SO", admin1=None,
                    lat=6.0, lon=48.0, feature_class="A", feature_code="PCLI"),
    "Kirkuk": dict(name="Kirkuk", geonameid=94787, country="IQ", admin1="Kirkuk",
                   lat=35.46806, lon=44.39222, feature_class="P", feature_code="PPLA"),
    "New York City": dict(name="New York City", geonameid=5128581, country="US", admin1="NY",
                          lat=40.71427, lon=-74.00597, feature_class="P", feature_code="PPL"),
    "Washington": dict(name="Washington", geonameid=4140963, country="US", admin1="DC",
                       lat=38.89511, lon=-77.03637, feature_class="P", feature_code="PPLC"),
    "Nairobi": dict(name="Nairobi", geonameid=184745, country="KE", admin1="Nairobi Area",
                    lat=-1.28333, lon=36.81667, feature_class="P", feature_code="PPLC"),
    "Kenya": dict(name="Kenya", geonameid=192950, country="KE", admin1=None, lat=1.0, lon=38.0,
                  feature_class="A", feature_code="PCLI"),
    "Harare": dict(name="Harare", geonameid=890299, country="ZW", admin1="Harare",
                   lat=-17.82772, lon=31.05337, feature_class="P", feature_code="PPLC"),
    "London": dict(name="London", geonameid=2643743, country="GB", admin1="ENG",
                   lat=51.50853, lon=-0.12574, feature_class="P", feature_code="PPLC"),
    "Kampala": dict(name="Kampala", geonameid=232422, country="UG", admin1="C",
                    lat=0.31628, lon=32.58219, feature_class="P", feature_code="PPLC"),
    "Hamburg": dict(name="Hamburg", geonameid=2911298, country="DE", admin1="Hamburg",
                    lat=53.57532, lon=10.01534, feature_class="P", feature_code="PPLA"),
}  # fmt: skip

ACTORS: dict[str, dict[str, Any]] = {
    "al-Shabaab": dict(name="al-Shabaab", sector="insurgents", code="IMGINSSHB"),
    "Somali police": dict(name="Somali police", country="SOM", sector="police", code="SOMCOP"),
    "Somalia": dict(name="Somalia", country="SOM", code="SOM", kind="state"),
    "Somali troops": dict(name="Somali troops", country="SOM", sector="military", code="SOMMIL"),
    "Iraqi forces": dict(name="Iraqi forces", country="IRQ", sector="military", code="IRQMIL"),
    "Kurdish fighters": dict(name="Peshmerga", country="IRQ", sector="rebels", code="IRQREB"),
    "protesters": dict(name="protesters", sector="civilians", code="CVL"),
    "Trump": dict(name="Donald Trump", country="USA", sector="government", code="USAGOV",
                  kind="person"),
    "The United States": dict(name="United States", country="USA", code="USA", kind="state"),
    "Pelosi": dict(name="Nancy Pelosi", country="USA", sector="legislature", code="USALEG",
                   kind="person"),
    "Israel": dict(name="Israel", country="ISR", sector="government", code="ISRGOV",
                   kind="organisation"),
    "the United States": dict(name="United States", country="USA", code="USA", kind="state"),
    "Washington": dict(name=None, country="USA", sector="government", code="USAGOV"),
    "Congress": dict(name="U.S. Congress", country="USA", sector="legislature", code="USALEG",
                     kind="organisation"),
    "Islamic State": dict(name="Islamic State", sector="insurgents", code="IMGINSISI",
                          kind="organisation"),
    "a terrorist": dict(name="insurgents", country="USA", sector="insurgents", code="USAINS",
                        kind="group"),
    "Putin": dict(name="Vladimir Putin", country="RUS", sector="government", code="RUSGOV",
                  kind="person"),
    "North Korea": dict(name="North Korea", country="PRK", code="PRK", kind="state"),
    "Odinga": dict(name="Raila Odinga", country="KEN", sector="opposition", code="KENOPP",
                   kind="person"),
    "Museveni": dict(name="Yoweri Museveni", country="UGA", sector="government", code="UGAGOV",
                     kind="person"),
    "militants": dict(name="insurgents", country="SOM", sector="insurgents", code="SOMINS",
                      kind="group"),
    "opposition lawmakers": dict(name="opposition lawmakers", country="KEN",
                                 sector="legislature", code="KENLEG", kind="group"),
    "Jubilee lawmakers": dict(name="Jubilee Party lawmakers", country="KEN",
                              sector="legislature", code="KENLEG", kind="group"),
    "Raila Odinga": dict(name="Raila Odinga", country="KEN", sector="opposition",
                         code="KENOPP", kind="person"),
    "Former prime minister Raila Odinga": dict(name="Raila Odinga", country="KEN",
                                               sector="government", code="KENGOV",
                                               kind="person"),
    "Oburu Odinga": dict(name="Oburu Odinga", country="KEN", sector="legislature",
                         code="KENLEG", kind="person"),
    "Tendai Biti": dict(name="Tendai Biti", country="ZWE", sector="opposition", code="ZWEOPP",
                        kind="person"),
    "Nelson Chamisa": dict(name="Nelson Chamisa", country="ZWE", sector="opposition",
                           code="ZWEOPP", kind="person"),
    "Zimbabwean police": dict(name="police", country="ZWE", sector="police", code="ZWECOP",
                              kind="group"),
    "Robert Mugabe": dict(name="Robert Mugabe", country="ZWE", sector="government",
                          code="ZWEGOV", kind="person"),
    "war veterans": dict(name="war veterans", country="ZWE", sector="civilians", code="ZWECVL",
                         kind="group"),
    "Kagame": dict(name="Paul Kagame", country="RWA", sector="government", code="RWAGOV",
                   kind="person"),
    "Moses Wetangula": dict(name="Moses Wetangula", country="KEN", sector="legislature",
                            code="KENLEG", kind="person"),
    "Kennedy Mwangi": dict(name="Kennedy Mwangi", country="KEN", sector="legislature",
                           code="KENLEG", kind="person"),
    "Kenyan prosecutors": dict(name="prosecutors", country="KEN", sector="judiciary",
                               code="KENJUD"),
    "Ugandan police": dict(name="police", country="UGA", sector="police", code="UGACOP",
                           kind="group"),
    "Cyril Ramaphosa": dict(name="Cyril Ramaphosa", country="ZAF", sector="government",
                            code="ZAFGOV", kind="person"),
    "Noordin Haji": dict(name="Noordin Haji", country="KEN", sector="judiciary", code="KENJUD",
                         kind="person"),
    "Mary Odhiambo": dict(name="Mary Odhiambo", country="KEN", sector="judiciary", code="KENJUD",
                          kind="person"),
}  # fmt: skip


def report(
    outlet: str | None,
    published: str,
    sentence: str,
    *,
    trigger: str,
    plover: str = "ASSAULT",
    cameo: str = "19",
    source: str | None = None,
    target: str | None = None,
    place: str | None = None,
    date: str | None = None,
    precision: str = "day",
    status: str = "asserted",
    cited: str | None = None,
    url: str | None = None,
    mentions: tuple[str, ...] = (),
    fatalities: int | None = None,
) -> Document:
    """One processed document: ``sentence`` with one event (actors/places by ``ACTORS`` keys);
    ``mentions``: places the document names elsewhere (``place`` is the event's own)."""
    doc = Document(text=sentence, source=outlet, published=published,
                   url=url or f"https://{(outlet or 'unknown').lower().replace(' ', '')}.example/"
                   f"{abs(hash(sentence)) % 10**8}")  # fmt: skip

    def span(part: str) -> tuple[int, int]:
        i = sentence.index(part)
        return i, i + len(part)

    def actor(text: str | None) -> Actor | None:
        if text is None:
            return None
        s, e = span(text)
        return Actor(text=text, start=s, end=e, **{"kind": "group", **ACTORS[text]})

    ts, te = span(trigger)
    ev = Event(doc_id=doc.id, sentence=0, start=0, end=len(sentence), evidence=sentence,
               trigger=trigger, plover=plover, cameo=cameo, trigger_start=ts, trigger_end=te,
               source=actor(source), target=actor(target), status=status,
               fatalities=fatalities)  # fmt: skip
    if place:
        s, e = span(place) if place in sentence else (0, 0)
        ev.place = Place(text=place, start=s, end=e, score=0.9, **PLACES[place])
        ev.place_basis = "clause"
    if date:
        ev.date = DateExpr(text=date, start=0, end=0, date=date, precision=precision)
    ev.attribution = [Source(role="outlet", name=outlet or "")]
    if cited:
        ev.attribution.append(Source(role="cited", name=cited))
    doc.events = [ev]
    # every place the document names: the event's own, and ``mentions`` (names in PLACES)
    doc.places = [ev.place] if ev.place else []
    doc.places += [Place(text=m, start=0, end=0, score=0.9, **PLACES[m]) for m in mentions]
    return doc


def built(*docs) -> Store:
    """An in-memory store holding these documents, its situations built."""
    store = Store(":memory:")
    store.write_many(list(docs))
    situations.build(store)
    return store


def merged(store: Store) -> list[list[str]]:
    """Each situation as the sorted outlets of its members, sorted."""
    return sorted(
        sorted(m["outlet"] or "" for m in s["members"])
        for s in situations.query(store, nested=True, limit=None)
    )
