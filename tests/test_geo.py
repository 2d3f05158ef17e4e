"""Geo stage: gazetteer look-ups, resolution in context, qualifiers, event places, the cache."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from sitmap import geo
from sitmap.geo import index
from sitmap.model import Actor, Event


def near(place, lat: float, lon: float, km: float = 25.0) -> bool:
    return place is not None and geo.distance_km(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Deir ez-Zor", 35.336, 40.141),
        ("Deir al-Zor", 35.336, 40.141),
        ("Dayr az Zawr", 35.336, 40.141),
        ("Deir Ezzor", 35.336, 40.141),
        ("Raqqa", 35.953, 39.009),
        ("Raqqah", 35.953, 39.009),
        ("Ar Raqqah", 35.953, 39.009),
        ("Aleppo", 36.202, 37.161),
        ("Halab", 36.202, 37.161),
        ("Mosul", 36.335, 43.119),
        ("Kiev", 50.455, 30.524),
        ("Kyiv", 50.455, 30.524),
        ("Kabul", 34.528, 69.172),
        ("Sanaa", 15.355, 44.206),
        ("Sana'a", 15.355, 44.206),
        ("Mogadishu", 2.037, 45.344),
        ("Maiduguri", 11.847, 13.157),
        ("Sittwe", 20.146, 92.898),
    ],
)
def test_geo_lookup_spelling_variants(name: str, lat: float, lon: float) -> None:
    place = geo.lookup(name)
    assert near(place, lat, lon), (name, place)
    assert place.feature_class == "P"
    assert (place.start, place.end) == (0, len(name))


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("Rakhine state", "MM", "Rakhine"),
        ("Deir ez-Zor province", "SY", "Dayr az Zawr"),  # admin1: GeoNames' English name
        ("Idlib governorate", "SY", "Idlib"),
        ("Anbar province", "IQ", "Al Anbār"),
        ("Texas", "US", "Texas"),
    ],
)
def test_geo_lookup_admin_regions(name: str, country: str, admin1: str) -> None:
    place = geo.lookup(name)
    assert place is not None and place.feature_code == "ADM1"
    assert (place.country, place.admin1) == (country, admin1)
    assert place.lat is not None and place.lon is not None


def test_geo_lookup_region_is_near_its_capital() -> None:
    region = geo.lookup("Deir ez-Zor province")
    assert near(region, 35.336, 40.141, km=150)
    assert region.geonameid != geo.lookup("Deir ez-Zor").geonameid


@pytest.mark.parametrize(
    ("name", "iso2", "lat", "lon"),
    [
        ("Syria", "SY", 35.0, 38.0),
        ("U.S.", "US", 39.76, -98.5),
        ("Britain", "GB", 54.0, -2.0),
        ("Myanmar", "MM", 21.0, 96.0),
        ("Burma", "MM", 21.0, 96.0),
    ],
)
def test_geo_lookup_countries(name: str, iso2: str, lat: float, lon: float) -> None:
    place = geo.lookup(name)
    assert place is not None and place.feature_code == "PCLI" and place.country == iso2
    assert near(place, lat, lon, km=161)


def test_geo_lookup_unknown_and_country_filter() -> None:
    assert geo.lookup("Xqzzyville") is None
    assert geo.lookup("Tripoli").country == "LY"
    assert geo.lookup("Tripoli", country="LB").country == "LB"
    many = geo.candidates("Alexandria")
    assert len(many) > 3 and {"EG", "US"} <= {p.country for p in many}


def test_geo_distance_km() -> None:
    # Damascus to Aleppo, about 310 km as the crow flies.
    assert geo.distance_km(33.51, 36.29, 36.20, 37.16) == pytest.approx(310, abs=10)
    assert geo.distance_km(1.0, 2.0, 1.0, 2.0) == 0.0


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "country", "admin1"),
    [
        (
            "Lebanese troops clashed with gunmen in Tripoli, the country's second city, after "
            "fighting spread from Beirut.",
            "Tripoli",
            "LB",
            None,
        ),
        (
            "Forces loyal to eastern commander Khalifa Haftar advanced on Tripoli, the Libyan "
            "capital, officials in Benghazi said.",
            "Tripoli",
            "LY",
            None,
        ),
        (
            "A man was arrested in Alexandria after police in Arlington and Fairfax County, "
            "Virginia, searched his car.",
            "Alexandria",
            "US",
            "Virginia",
        ),
        (
            "Protesters gathered in Alexandria and Cairo on Friday to denounce the Egyptian "
            "government.",
            "Alexandria",
            "EG",
            None,
        ),
    ],
)
def test_geo_resolve_context_disambiguation(analysed, text, mention, country, admin1) -> None:
    doc = geo.resolve(analysed(text))
    place = next(p for p in doc.places if p.text == mention)
    assert place.country == country
    if admin1:
        assert place.admin1 == admin1


@pytest.mark.model
def test_geo_resolve_qualifiers_and_demonyms(analysed) -> None:
    text = (
        "The U.S.-led coalition has been bombing the Syrian Arab Army in the front lines against "
        "Islamic State in southern Raqqa, while Kurdish fighters hold much of north-east Syria."
    )
    doc = geo.resolve(analysed(text))
    by_text = {p.text: p for p in doc.places}
    assert by_text["Raqqa"].qualifier == "south" and near(by_text["Raqqa"], 35.953, 39.009)
    assert by_text["Syria"].qualifier == "northeast" and by_text["Syria"].country == "SY"
    assert not any(p.text in {"Syrian", "Kurdish"} for p in doc.places)
    for p in doc.places:
        assert text[p.start : p.end] == p.text


@pytest.mark.model
def test_geo_resolve_keeps_unresolvable_toponym(analysed) -> None:
    text = "Fighting was reported in Qzzwerbad and in Mosul on Sunday, residents said."
    doc = analysed(text)
    start = text.index("Qzzwerbad")
    doc = geo.resolve(
        doc,
        spans=[(start, start + len("Qzzwerbad")), (text.index("Mosul"), text.index("Mosul") + 5)],
    )
    unresolved = [p for p in doc.places if p.geonameid is None]
    assert [p.text for p in unresolved] == ["Qzzwerbad"]
    mosul = next(p for p in doc.places if p.text == "Mosul")
    assert near(mosul, 36.335, 43.119)


def _event(doc, clause: str, **actors) -> Event:
    start = doc.text.index(clause)
    sent = doc.sentence_at(start)
    return Event(
        doc_id=doc.id,
        sentence=sent.index,
        start=start,
        end=start + len(clause),
        evidence=sent.text,
        trigger="bombed",
        plover="ASSAULT",
        cameo="19",
        **actors,
    )


@pytest.mark.model
def test_geo_resolve_event_place_clause_not_actor(analysed) -> None:
    text = (
        "Russia bombed Islamic State positions near Deir ez-Zor in eastern Syria on Tuesday, "
        "the Russian defence ministry said. Moscow has backed Syrian President Bashar al-Assad "
        "since 2015."
    )
    doc = analysed(text)
    clause = "Russia bombed Islamic State positions near Deir ez-Zor in eastern Syria on Tuesday"
    source = Actor(text="Russia", start=0, end=6, country="RUS", code="RUS", kind="state")
    doc.events = [_event(doc, clause, source=source)]
    geo.resolve(doc)
    event = doc.events[0]
    assert event.place_basis == "clause"
    assert event.place.name == "Deir ez-Zor" and event.place.country == "SY"
    assert near(event.place, 35.336, 40.141)


@pytest.mark.model
def test_geo_resolve_event_place_sentence_and_document(analysed) -> None:
    text = (
        "Islamic State militants attacked an army checkpoint in Maiduguri on Monday. "
        "Witnesses said the gunmen fled, residents of Maiduguri said. "
        "The army said it would hunt the attackers."
    )
    doc = analysed(text)
    in_sentence = _event(doc, "Islamic State militants attacked an army checkpoint")
    in_sentence.trigger_start = text.index("attacked")
    in_document = _event(doc, "it would hunt the attackers")
    doc.events = [in_sentence, in_document]
    geo.resolve(doc)
    assert in_sentence.place_basis == "sentence" and in_sentence.place.name == "Maiduguri"
    # No document-wide place by default: the text does not say where the hunt happens.
    assert in_document.place is None and in_document.place_basis is None
    geo.resolve(doc, document_place=True)  # asked for: the document's place, marked as such
    assert in_document.place_basis == "document" and in_document.place.name == "Maiduguri"
    assert in_document.place.score < in_sentence.place.score


def _placed(text: str, **kwargs) -> list[tuple[str, str | None, str | None]]:
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2017-11-29", source="Wire", **kwargs)
    return [(e.trigger, e.place and e.place.name, e.place_basis) for e in doc.events]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # where the speaker spoke is not where the reported attack happened
            "Defense Secretary Jim Mattis said in Washington on Monday that Russian jets "
            "bombed rebel positions.",
            [("bombed", None, None)],
        ),
        (  # a dateline places a lead-sentence act of its own country's actors
            "BEIRUT (Reuters) - Lebanese police arrested three men on Monday, the army said.",
            [("arrested", "Beirut", "dateline")],
        ),
        (  # ... but not fighting by another country's forces that the story reports
            "BEIRUT (Reuters) - Syrian warplanes bombed rebel positions on Monday, a monitor said.",
            [("bombed", None, None)],
        ),
        (  # an attacked place is where the attack happened, even without a preposition
            "Russian jets bombed Aleppo on Monday.",
            [("bombed", "Aleppo", "clause")],
        ),
        (  # a place after a setting preposition in the clause
            "Police arrested two protesters on Monday at a rally in Chicago.",
            [("arrested", "Chicago", "clause")],
        ),
        (  # a place that only modifies a noun is no setting
            "Police arrested two protesters at the Mexico border wall on Monday.",
            [("arrested", None, None)],
        ),
    ],
)
def test_geo_event_place_is_the_setting_the_text_gives(text, expected) -> None:
    assert _placed(text) == expected


@pytest.mark.model
def test_geo_event_place_document_place_only_when_asked() -> None:
    text = (
        "Protesters marched in Chicago on Monday against the new law. "
        "The mayor later criticised the organisers."
    )
    assert _placed(text) == [("marched", "Chicago", "clause"), ("criticised", None, None)]
    assert _placed(text, document_place=True)[1] == ("criticised", "Chicago", "document")


def test_geo_setting_prepositions() -> None:
    from sitmap.geo.placement import is_setting
    from sitmap.model import Place

    def place_in(text: str, name: str) -> Place:
        start = text.index(name)
        return Place(text=name, start=start, end=start + len(name))

    for text in (
        "fighting in northern Syria",
        "clashes on the outskirts of Mosul",
        "a rally in the north of Iraq",
    ):
        name = text.split()[-1]
        assert is_setting(place_in(text, name), text), text
    for text in ("a policy on Mexico", "troops moved into Syria", "refugees from Syria"):
        name = text.split()[-1]
        assert not is_setting(place_in(text, name), text), text


def test_geo_cache_reuse(tmp_path, monkeypatch) -> None:
    gaz = geo.gazetteer()
    assert geo.gazetteer() is gaz  # one build per process
    assert index.cache_path().is_file()
    monkeypatch.setenv("SITMAP_CACHE", str(tmp_path))
    assert index.cache_path().parent == tmp_path
    small = index.Gazetteer()
    small.add(
        geonameid=1,
        name="Deir ez-Zor",
        country="SY",
        admin1=None,
        lat=35.3,
        lon=40.1,
        fclass="P",
        fcode="PPL",
        population=1,
        alternates=["Deir al-Zor"],
    )
    small.freeze()
    index._write(small, index.cache_path())
    assert [p.name for p in index._read(index.cache_path()).candidates("Deir al Zor")] == [
        "Deir ez-Zor"
    ]
    assert not list(tmp_path.glob("*.tmp"))  # written through a temp file and renamed
    index.cache_path().write_bytes(b"not a pickle")
    assert index._read(index.cache_path()) is None  # corrupt cache: rebuilt, never loaded
    stale = pickle.dumps(index.Gazetteer(version="old"))
    index.cache_path().write_bytes(stale)
    assert index._read(index.cache_path()) is None


def test_geo_cache_of_another_version_kept_while_read(tmp_path, monkeypatch) -> None:
    """Writing a cache removes other versions' caches unless one was read within the hour
    (another checkout may be on it), whatever the file system does with access times."""
    monkeypatch.setenv("SITMAP_CACHE", str(tmp_path))
    old = index.Gazetteer(version=index.VERSION)
    index._write(old, tmp_path / "gazetteer-geo-old.pickle")
    unused = tmp_path / "gazetteer-geo-unused.pickle"
    unused.write_bytes(b"x")
    long_ago = time.time() - 2 * 3600
    for f in (tmp_path / "gazetteer-geo-old.pickle", unused):
        os.utime(f, (long_ago, long_ago))
    assert index._read(tmp_path / "gazetteer-geo-old.pickle") is not None  # read: in use
    index._write(index.Gazetteer(), index.cache_path())
    assert (tmp_path / "gazetteer-geo-old.pickle").exists() and not unused.exists()


def test_geo_variant_key_meets_transliterations() -> None:
    """Spelling variants of one name share a key; different names do not."""
    pairs = [
        ("Savannahkhet", "Savannakhet"),
        ("Bossaso", "Bosaso"),
        ("Tel Abyad", "Tall Abyad"),
        ("Jisr ash-Shugur", "Jisr ash Shughur"),
        ("Ed Duweim", "Ad Duwaym"),
    ]
    for a, b in pairs:
        assert index.variant_key(geo.normalise(a)) == index.variant_key(geo.normalise(b)), a
    assert index.variant_key("mosul") != index.variant_key("basra")


def test_geo_variant_ids_only_for_towns_and_regions_with_long_names() -> None:
    gaz = index.Gazetteer()
    for gid, name, fcode, people in [
        (1, "Bosaso", "PPL", 46_969),
        (2, "Bossat", "PPL", 900),
        (3, "Boro", "PPL", 80_000),
    ]:
        gaz.add(
            geonameid=gid,
            name=name,
            country="SO",
            admin1=None,
            lat=11.3,
            lon=49.2,
            fclass="P",
            fcode=fcode,
            population=people,
        )
    gaz.freeze()
    assert gaz.lookup_ids("Bossaso") == ()  # not this spelling ...
    assert [gaz.name[i] for i in gaz.variant_ids(geo.normalise("Bossaso"))] == ["Bosaso"]
    assert gaz.variant_ids(geo.normalise("Bossatt")) == ()  # a hamlet of 900: no variants
    assert gaz.variant_ids(geo.normalise("Bara")) == ()  # four letters: too short


def test_geo_lookup_city_respelled_before_its_namesake_region() -> None:
    """A city written in another transliteration than GeoNames' ("Mykolaiv" of Mykolayiv,
    "Zaporizhia" of Zaporizhzhia) is the city, as its own spelling is, not the first-level
    region of that name; with "region" written it is the region."""
    for name, lat, lon in [("Mykolaiv", 46.97, 32.0), ("Zaporizhia", 47.85, 35.12)]:
        place = geo.lookup(name)
        assert place.feature_class == "P" and near(place, lat, lon), (name, place)
        region = geo.lookup(f"{name} region")
        assert region.feature_code == "ADM1" and region.country == "UA"


@pytest.mark.model
def test_geo_resolve_town_in_a_region_named_like_its_city(analysed) -> None:
    """ "Melitopol, Zaporizhia": the container is the region, whose town Melitopol is, though
    "Zaporizhia" alone reads as the city."""
    doc = geo.resolve(analysed("Police detained two activists in Melitopol, Zaporizhia, today."))
    melitopol = next(p for p in doc.places if p.text == "Melitopol")
    assert melitopol.feature_class == "P" and near(melitopol, 46.85, 35.37)


@pytest.mark.model
def test_geo_resolve_spelling_variant_in_the_document_country(analysed) -> None:
    """A name the gazetteer lacks under its spelling resolves to the town of the same name
    spelt otherwise."""
    doc = geo.resolve(analysed("Police dispersed traders in Bossaso, Somalia, on Monday."))
    bossaso = next(p for p in doc.places if p.text == "Bossaso")
    assert bossaso.name == "Bosaso" and bossaso.country == "SO"


def test_geo_normalise_article_variants() -> None:
    keys = {geo.normalise(n) for n in ["Deir ez-Zor", "Deir al-Zor", "Deir El Zor", "Deir Ezzor"]}
    assert keys == {"deir zor"}
    assert geo.normalise("St. Louis") == geo.normalise("Saint Louis")


# --------------------------------------------------------------------------- document context


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mention", "country", "admin1", "code"),
    [
        (  # a small town pulled to the state of the county named beside it
            "Two men were arrested in Paris on Sunday, the Henry County Sheriff's Department said.",
            "Paris",
            "US",
            "Tennessee",
            "PPL",
        ),
        (  # the county seat: Athens in Henderson County is Athens, Texas
            "Deputies took the suspect to the Henderson County Jail in Athens on Friday.",
            "Athens",
            "US",
            "Texas",
            "PPL",
        ),
        (  # a town's neighbours, not the country it shares a name with
            "A crash on Route 9 killed a Lebanon man on Tuesday, state police said. He lived "
            "near Myerstown.",
            "Lebanon",
            "US",
            "Pennsylvania",
            "PPL",
        ),
        (  # the state next to its capital and counties
            "Georgia lawmakers met in Atlanta on Tuesday to debate funding for Fulton County "
            "schools.",
            "Georgia",
            "US",
            "Georgia",
            "ADM1",
        ),
        (  # a county named in an organisation's name places the story in its state
            "The Sangamon County Board voted on Tuesday to fund a new park in Chatham.",
            "Chatham",
            "US",
            "Illinois",
            "PPL",
        ),
        (  # ... a bare surname in one does not ("Jackson" is also a county)
            "A spokesman for the Jackson Foundation said the gala in Paris raised $2 million.",
            "Paris",
            "FR",
            "Île-de-France",
            "PPLC",
        ),
        (  # the country next to its capital
            "Russian troops moved deeper into Georgia as fighting spread toward Tbilisi.",
            "Georgia",
            "GE",
            None,
            "PCLI",
        ),
    ],
)
def test_geo_resolve_document_context(analysed, text, mention, country, admin1, code) -> None:
    doc = geo.resolve(analysed(text))
    place = next(p for p in doc.places if p.text == mention)
    assert (place.country, place.admin1, place.feature_code) == (country, admin1, code)


@pytest.mark.model
def test_geo_resolve_state_abbreviations(analysed) -> None:
    text = "The plant in Wheeling, W. Va., will close, and 200 jobs will move to Springfield, MO."
    doc = geo.resolve(analysed(text))
    by_text = {p.text: p for p in doc.places}
    assert by_text["W. Va."].feature_code == "ADM1"
    assert by_text["W. Va."].admin1 == "West Virginia"
    assert by_text["Wheeling"].admin1 == "West Virginia"
    assert by_text["MO"].admin1 == "Missouri"  # a postal code after "Springfield, "
    assert by_text["Springfield"].admin1 == "Missouri"


def test_geo_state_codes() -> None:
    from sitmap.geo import resolver

    assert resolver._state_code("Tenn.") == "TN"
    assert resolver._state_code("W. Va.") == "WV"
    assert resolver._state_code("N.Y") == "NY"  # the last dot lost to the sentence
    assert resolver._state_code("MO") is None  # a bare postal code: only after a place
    assert resolver._state_code("MO", after_place=True) == "MO"
    assert resolver._state_code("UK", after_place=True) is None


@pytest.mark.model
def test_geo_resolve_narrows_facility_to_its_town(analysed) -> None:
    text = (
        "Officials at Vancouver International Airport cancelled flights on Monday, and "
        "volunteers gathered at the Webb Center."
    )
    doc = geo.resolve(analysed(text))
    vancouver = next(p for p in doc.places if p.text == "Vancouver")
    assert vancouver.country == "CA" and vancouver.admin1 == "British Columbia"
    assert text[vancouver.start : vancouver.end] == "Vancouver"
    # one word before "Center" is as often a person: left unresolved, not narrowed to "Webb"
    assert all(p.geonameid is None for p in doc.places if "Webb" in p.text)


def test_geo_lookup_own_names_before_alternates() -> None:
    idaho = geo.lookup("Idaho")  # not Idaho Springs, Colorado (an old name of it)
    assert idaho.feature_code == "ADM1" and idaho.admin1 == "Idaho"
    assert geo.lookup("Pittsburgh").admin1 == "Pennsylvania"  # not Pittsburg, California
    assert geo.lookup("New York").name == "New York City"  # "New York" is its own name


def test_geo_lookup_region_penalty_needs_a_namesake_city() -> None:
    assert geo.lookup("Aleppo").feature_class == "P"  # the city before its governorate
    assert geo.lookup("Nevada").feature_code == "ADM1"  # no big town is called Nevada
    assert geo.lookup("Georgia").feature_code == "PCLI"  # no context: the country
    state = geo.lookup("Georgia", country="US")
    assert state.feature_code == "ADM1" and state.admin1 == "Georgia"


def test_geo_gazetteer_counties_and_compass_regions() -> None:
    gaz = geo.gazetteer()
    paris_tn = [i for i in gaz.lookup_ids("Paris") if gaz.admin1[i] == "Tennessee"]
    assert paris_tn and gaz.admin2[paris_tn[0]] == "Henry County"
    camden = geo.candidates("Camden")  # a county under its bare name
    assert any(p.feature_code == "ADM2" and p.name == "Camden County" for p in camden)
    darfur = geo.lookup("Darfur")  # North, South, West ... Darfur as one region
    assert darfur.country == "SD" and darfur.feature_code == "RGN"
    assert near(darfur, 13.0, 24.5, km=300)
    assert geo.lookup("Java").country == "ID"
    assert geo.lookup("Austria").feature_code == "PCLI"  # Upper/Lower Austria: no new region


def test_geo_context_neighbouring_countries() -> None:
    from collections import Counter

    from sitmap.geo import resolver

    gaz = geo.gazetteer()
    ids = gaz.lookup_ids("Georgia")
    country = next(i for i in ids if gaz.fcode[i] == "PCLI")
    state = next(i for i in ids if gaz.fcode[i] == "ADM1")
    ctx = resolver._Context(countries=Counter({"AM": 1.0}))  # Armenia borders Georgia
    assert resolver._context_bonus(gaz, country, ctx) > 0
    assert resolver._context_bonus(gaz, state, ctx) == 0


@pytest.mark.model
def test_geo_capital_read_as_actor_is_not_an_event_place():
    """ "sanctions on Pyongyang" names North Korea's government: no later event is placed there."""
    from sitmap import pipeline

    doc = pipeline.extract(
        "Washington would impose additional sanctions on Pyongyang, Tillerson said. "
        "South Korea's military conducted a missile exercise in response.",
        published="2017-11-29",
        source="Wire",
    )
    exercise = [e for e in doc.events if e.plover == "MOBILIZE"]
    assert exercise, [(e.trigger, e.plover) for e in doc.events]
    assert all(e.place is None or e.place.name != "Pyongyang" for e in exercise)


# --------------------------------------------------------------------------- local evidence


@pytest.mark.model
def test_geo_resolve_unknown_name_takes_the_document_focus(analysed) -> None:
    text = (
        "Police closed Frenchmen Street in New Orleans on Friday. New Orleans officials said "
        "the street would reopen on Sunday."
    )
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Frenchmen Street", "New Orleans")]
    spans.append((text.rindex("New Orleans"), text.rindex("New Orleans") + len("New Orleans")))
    doc = geo.resolve(analysed(text), spans=spans)
    street = next(p for p in doc.places if p.text == "Frenchmen Street")
    city = next(p for p in doc.places if p.text == "New Orleans")
    assert street.geonameid is None and street.feature_code is None  # no gazetteer entry
    assert (street.lat, street.lon) == (city.lat, city.lon) and street.name is None
    assert 0 < street.score < city.score
    # with nothing resolved in the document there is no position to lend
    alone = geo.resolve(analysed("Police closed Frenchmen Street."), spans=[(14, 30)])
    assert [(p.text, p.lat) for p in alone.places] == [("Frenchmen Street", None)]


@pytest.mark.model
def test_geo_resolve_region_named_in_an_organisation(analysed) -> None:
    from sitmap.geo import resolver

    bare = geo.resolve(analysed("Albany police arrested a man on Friday."))
    assert next(p for p in bare.places if p.text == "Albany").admin1 == "New York"
    text = "Albany police and the Georgia Bureau of Investigation arrested a man on Friday."
    doc = geo.resolve(analysed(text))
    assert next(p for p in doc.places if p.text == "Albany").admin1 == "Georgia"
    assert not any("Bureau" in p.text for p in doc.places)  # evidence, not a place
    # a news outlet says where it is published, not where the news is
    outlet = analysed("The Washington Post said Albany police arrested a man on Friday.")
    assert resolver._name_cues(outlet, geo.gazetteer(), []) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Voters in Ohio, Iowa, Montana and New York go to the polls on Tuesday.", "ADM1"),
        ("Doctors in Oregon and Washington may help patients end their lives.", "ADM1"),
        ("The airline will fly between New York and Moscow next year.", "PPL"),
        ("The crown prince stopped in Boston, Chicago and New York last week.", "PPL"),
    ],
)
def test_geo_resolve_list_of_states(analysed, text, code) -> None:
    doc = geo.resolve(analysed(text))
    name = "New York" if "New York" in text else "Washington"
    place = next(p for p in doc.places if p.text == name)
    assert place.feature_code == code, place


@pytest.mark.model
def test_geo_resolve_town_and_its_county(analysed) -> None:
    alone = geo.resolve(analysed("A Lebanon man was arrested on Friday."))
    assert next(p for p in alone.places if p.text == "Lebanon").feature_code == "PCLI"
    text = "A Lebanon man was arrested on Friday and taken to the Boone County jail."
    doc = geo.resolve(analysed(text))
    by_text = {p.text: p for p in doc.places}
    assert (by_text["Lebanon"].country, by_text["Lebanon"].admin1) == ("US", "Indiana")
    assert by_text["Boone County"].admin1 == "Indiana"


def test_geo_events_placed_by_x_of_y_and_admin_parentheses() -> None:
    from sitmap import pipeline

    doc = pipeline.extract("Activists protested in district 4 of Ouagadougou over the mayor.")
    assert [e.place.name for e in doc.events if e.place] == ["Ouagadougou"]
    doc = pipeline.extract("On 4 September 2020, gunmen wounded a farmer in Soubo (Nikki, Borgou).")
    assert {e.place.country for e in doc.events if e.place} == {"BJ"}
    # "of" after a title is no setting: the governor of a state does nothing there
    doc = pipeline.extract("The governor of Borno condemned the killing of ten farmers.")
    assert all(e.place is None for e in doc.events)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a feature word after the name names the place, it is no noun the name modifies
            "Gunmen shot dead a shopkeeper in Kassala town on Monday.",
            [("shot", "Kassala", "clause")],
        ),
        (  # a noun trigger's setting hangs off the verb that carries it
            "Teachers staged a protest in Colombo on Tuesday over unpaid wages.",
            [("protest", "Colombo", "sentence")],
        ),
        (  # a setting fronted before the clause, after a date
            "On 3 May, in Mogilev, a reporter was abducted by unidentified men.",
            [("abducted", "Mogilev", "clause")],
        ),
        (  # the scene an attack is part of, when no reporting verb or other event holds it
            "Gunfire was heard in Kassala on Monday during an attempt to kill the governor.",
            [("kill", "Kassala", "sentence")],
        ),
        (  # ... never where a speaker spoke
            "The army said in Khartoum that rebels attacked a convoy.",
            [("attacked", None, None)],
        ),
        (  # an attack goes on where the sentence before put the story ...
            "Clashes broke out in Kassala town on Monday. Two people were killed.",
            [("Clashes", "Kassala", "sentence"), ("killed", "Kassala", "previous")],
        ),
        (  # ... not across a paragraph break
            "Clashes broke out in Kassala town on Monday.\n\nTwo people were killed.",
            [("Clashes", "Kassala", "sentence"), ("killed", None, None)],
        ),
        (  # ... and a statement does not inherit the setting of the sentence before
            "The minister spoke in Nairobi on Monday. He accused the opposition of fraud.",
            [("accused", None, None)],
        ),
    ],
)
def test_geo_event_place_feature_words_carriers_and_earlier_settings(text, expected) -> None:
    assert _placed(text) == expected


@pytest.mark.model
def test_geo_event_place_admin_chain_shares_the_setting() -> None:
    from sitmap import pipeline

    # "in X, Y district, Z province": each name after a comma is the admin context of the one
    # before, and shares its setting; the most specific resolved one is the event's place
    doc = pipeline.extract(
        "Gunmen killed two farmers in Ban Nong Bua, Thung Yang Daeng district, Pattani "
        "province on Friday."
    )
    [event] = doc.events
    assert event.place_basis == "clause"
    assert (event.place.country, event.place.admin1, event.place.feature_code) == (
        "TH",
        "Pattani",
        "ADM2",
    )
    # parentheses after a spot named with lower-case words ("police station area")
    doc = pipeline.extract(
        "Militants abducted a trader from Lalpur village in Rampur police station area "
        "(Shopian, Kashmir)."
    )
    assert {(e.place.country, e.place_basis) for e in doc.events if e.place} == {("IN", "clause")}
