"""Hand-built processed documents for the store and export tests (no spaCy needed).

Sentences are from real 2017 reporting on Syria and Lebanon (Reuters, Anti-Media); the
events are what sitmap's stages should produce for them, written out by hand so the store
and the exports can be tested on exact, known values.
"""

from __future__ import annotations

from sitmap.model import Actor, DateExpr, Document, Event, Place, Source

DEIR = dict(name="Deir ez-Zor", geonameid=170794, country="SY", admin1="Deir ez-Zor",
            lat=35.33588, lon=40.14084, feature_class="P", feature_code="PPLA")  # fmt: skip
RAQQA = dict(name="Raqqa", geonameid=163915, country="SY", admin1="Raqqa",
             lat=35.95283, lon=39.00788, feature_class="P", feature_code="PPLA")  # fmt: skip
BEIRUT = dict(name="Beirut", geonameid=276781, country="LB", admin1="Beyrouth",
              lat=33.89332, lon=35.50157, feature_class="P", feature_code="PPLC")  # fmt: skip


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _actor(text: str, part: str, **kw) -> Actor:
    s, e = _span(text, part)
    return Actor(text=part, start=s, end=e, **kw)


def _place(text: str, part: str, info: dict, **kw) -> Place:
    s, e = _span(text, part)
    return Place(text=part, start=s, end=e, score=0.9, **info, **kw)


def _date(text: str, part: str, iso: str | None, precision: str = "day") -> DateExpr:
    s, e = _span(text, part)
    return DateExpr(text=part, start=s, end=e, date=iso, precision=precision, relative=True)


def _event(doc: Document, sentence: str, index: int, trigger: str, plover: str, cameo: str,
           **kw) -> Event:  # fmt: skip
    s, e = _span(doc.text, sentence)
    return Event(doc_id=doc.id, sentence=index, start=s, end=e, evidence=sentence,
                 trigger=trigger, plover=plover, cameo=cameo, **kw)  # fmt: skip


def sample_documents() -> list[Document]:
    """Four processed documents, eight events (see the module docstring)."""
    # A: Anti-Media, two Syria events: one quoted with a text date, one with coordinates only.
    s1 = ("Syrian government forces shelled Deir ez-Zor on Monday, the Syrian defence "
          "ministry said.")  # fmt: skip
    s2 = "U.S.-led coalition aircraft struck Islamic State positions near Raqqa."
    s3 = "U.S. troops attacked army positions in Raqqa."
    a = Document(text=f"{s1} {s2} {s3}", source="Anti-Media", published="2017-09-13",
                 path="antimedia/deir.txt",
                 title="Syrian Army Closing in on Deir ez-Zor")  # fmt: skip
    a.events = [
        _event(a, s1, 0, "shelled", "ASSAULT", "19", mode="artillery",
               source=_actor(a.text, "Syrian government forces", name="Syrian Arab Army",
                             country="SYR", sector="military", code="SYRMIL"),
               place=_place(a.text, "Deir ez-Zor", DEIR), place_basis="clause",
               date=_date(a.text, "on Monday", "2017-09-11"), status="quoted",
               attribution=[Source(role="outlet", name="Anti-Media"),
                            Source(role="speaker", name="Syrian defence ministry",
                                   text="the Syrian defence ministry")],
               confidence=0.8),
        _event(a, s2, 1, "struck", "ASSAULT", "19", mode="aerial",
               source=_actor(a.text, "U.S.-led coalition", name="US-led coalition",
                             sector="military", code="IGOMILCOA"),
               target=_actor(a.text, "Islamic State", name="Islamic State",
                             sector="insurgents", code="IMGINSISI"),
               place=_place(a.text, "Raqqa", RAQQA, qualifier="near"), place_basis="clause",
               attribution=[Source(role="outlet", name="Anti-Media")], confidence=0.7),
        _event(a, s3, 2, "attacked", "ASSAULT", "19",
               source=_actor(a.text, "U.S. troops", name="U.S. troops", country="USA",
                             sector="military", code="USAMIL"),
               target=_actor(a.text, "army", name="Syrian Arab Army", country="SYR",
                             sector="military", code="SYRMIL"),
               place=_place(a.text, "Raqqa", RAQQA), place_basis="clause",
               attribution=[Source(role="outlet", name="Anti-Media")], confidence=0.6),
    ]  # fmt: skip
    a.actors = [e.source for e in a.events if e.source]
    a.places = [e.place for e in a.events if e.place]
    a.dates = [a.events[0].date]

    # B: Reuters, Beirut: a protest and a meeting (CONSULT is not an ACLED event type).
    t1 = "Thousands of protesters marched in Beirut on Sunday against the U.S. decision."
    t2 = "Lebanese President Michel Aoun met the U.S. envoy in Beirut on Monday."
    b = Document(text=f"BEIRUT (Reuters) - {t1} {t2}", source="Reuters",
                 published="2017-12-05", url="https://www.reuters.com/article/lebanon-protest",
                 path="reuters.jsonl#2")  # fmt: skip
    b.events = [
        _event(b, t1, 0, "marched", "PROTEST", "14",
               source=_actor(b.text, "protesters", name="protesters", country="LBN",
                             sector="protesters", code="LBNPRO"),
               place=_place(b.text, "Beirut", BEIRUT), place_basis="clause",
               date=_date(b.text, "on Sunday", "2017-12-03"),
               attribution=[Source(role="outlet", name="Reuters")], confidence=0.9),
        _event(b, t2, 1, "met", "CONSULT", "04",
               source=_actor(b.text, "Michel Aoun", name="Michel Aoun", country="LBN",
                             sector="government", code="LBNGOV", kind="person"),
               target=_actor(b.text, "U.S. envoy", name="U.S. envoy", country="USA",
                             sector="government", code="USAGOV"),
               place=_place(b.text, "Beirut", BEIRUT), place_basis="clause",
               date=_date(b.text, "on Monday", "2017-12-04"),
               attribution=[Source(role="outlet", name="Reuters")], confidence=0.9),
    ]  # fmt: skip
    b.places = [e.place for e in b.events]

    # C: no place at all; a negated and a predicted event.
    u1 = "Russia did not bomb civilians in Syria, the Kremlin said."
    u2 = "Moscow will punish the rebels, Putin warned."
    c = Document(text=f"{u1} {u2}", source="Anti-Media", published="2017-10-02",
                 path="antimedia/kremlin.txt")  # fmt: skip
    c.events = [
        _event(c, u1, 0, "bomb", "ASSAULT", "19", status="negated",
               source=_actor(c.text, "Russia", name="Russia", country="RUS", code="RUS",
                             kind="state"),
               attribution=[Source(role="outlet", name="Anti-Media"),
                            Source(role="speaker", name="Kremlin")]),
        _event(c, u2, 1, "punish", "THREATEN", "13", status="predicted",
               source=_actor(c.text, "Moscow", name="Russia", country="RUS", code="RUS",
                             kind="state"),
               target=_actor(c.text, "rebels", name="rebels", sector="rebels", code="REB"),
               attribution=[Source(role="outlet", name="Anti-Media"),
                            Source(role="speaker", name="Vladimir Putin", text="Putin")]),
    ]  # fmt: skip

    # D: Reuters corroborating A's first event (same date, type, actor and place).
    r1 = "Syrian army artillery pounded Deir ez-Zor on Monday, a war monitor said."
    d = Document(text=f"AMMAN (Reuters) - {r1}", source="Reuters", published="2017-09-12",
                 url="https://www.reuters.com/article/syria-deir",
                 path="reuters.jsonl#7")  # fmt: skip
    d.events = [
        _event(d, r1, 0, "pounded", "ASSAULT", "19", mode="artillery",
               source=_actor(d.text, "Syrian army", name="Syrian Arab Army", country="SYR",
                             sector="military", code="SYRMIL"),
               place=_place(d.text, "Deir ez-Zor", DEIR), place_basis="clause",
               date=_date(d.text, "on Monday", "2017-09-11"), status="reported",
               attribution=[Source(role="outlet", name="Reuters"),
                            Source(role="cited", name="Syrian Observatory for Human Rights")],
               confidence=0.8),
    ]  # fmt: skip
    return [a, b, c, d]


def event_ids(docs: list[Document]) -> dict[str, Event]:
    return {e.id: e for doc in docs for e in doc.events}
