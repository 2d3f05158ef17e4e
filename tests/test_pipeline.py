"""The spine, end to end, on the reference article (issue 2's acceptance list)."""

from __future__ import annotations

import pytest

from sitmap import geo, pipeline

pytestmark = pytest.mark.model

DEIR_EZ_ZOR = (35.336, 40.141)
RAQQA = (35.953, 39.009)


@pytest.fixture(scope="module")
def seed(seed_path):
    return pipeline.extract(seed_path.read_text(), source="Anti-Media", published="2017-09-01")


def _find(doc, plover, source=None, target=None):
    return [
        e
        for e in doc.events
        if e.plover == plover
        and (source is None or (e.source and e.source.code == source))
        and (target is None or (e.target and e.target.code == target))
    ]


def _near(place, point, km=25):
    return place is not None and geo.distance_km(place.lat, place.lon, *point) <= km


def test_pipeline_seed_saa_encircles_isis_at_deir_ez_zor_reported_by_reuters(seed):
    found = _find(seed, "ASSAULT", "SYRMIL", "IMGINSISI")
    hits = [e for e in found if e.status == "reported" and e.cited_source == "Reuters"]
    assert hits and any(_near(e.place, DEIR_EZ_ZOR) for e in hits)


def test_pipeline_seed_coalition_bombs_saa_in_southern_raqqa_via_al_masdar(seed):
    (event,) = _find(seed, "ASSAULT", "IGOMILCOA", "SYRMIL")
    assert event.status == "reported" and event.cited_source == "Al-Masdar News"
    assert event.mode == "aerial"
    assert _near(event.place, RAQQA) and event.place.qualifier == "south"


def test_pipeline_seed_syrian_government_threatens_us_and_turkish_presence(seed):
    targets = {e.target.code for e in _find(seed, "THREATEN", "SYRGOV")}
    assert {"USA", "TUR"} <= targets


def test_pipeline_seed_tillerson_cooperates_with_russia_quoted_via_newsweek(seed):
    (event,) = _find(seed, "COOPERATE", "USAGOV", "RUS")
    assert event.status == "quoted"
    assert event.cited_source == "Newsweek" and "Tillerson" in (event.speaker or "")
    assert [s.role for s in event.attribution] == ["outlet", "cited", "speaker"]


def test_pipeline_seed_us_strike_last_year_is_past(seed):
    (event,) = [e for e in _find(seed, "ASSAULT", "USAMIL", "SYRMIL") if e.trigger == "bombed"]
    assert event.historical and event.status == "asserted"
    assert event.date is not None and event.date.date.startswith("2016")
    assert event.date.precision == "year"


def test_pipeline_seed_us_russia_clash_is_predicted_not_happened(seed):
    clashes = _find(seed, "ASSAULT", "USA", "RUS")
    assert clashes and all(e.status == "predicted" for e in clashes)
    assert not any(e.historical for e in clashes)


def test_pipeline_seed_russia_bombing(seed):
    assert any(e.mode == "aerial" for e in _find(seed, "ASSAULT", "RUS"))


def test_pipeline_seed_donation_appeal_is_removed_and_yields_no_event(seed):
    appeal = seed.text.index("Since you")
    assert any(span.start <= appeal < span.end for span in seed.removed)
    assert all(e.start < appeal for e in seed.events)


def test_pipeline_seed_every_event_has_evidence(seed):
    for event in seed.events:
        sentence = seed.sentences[event.sentence]
        assert sentence.start <= event.start < event.end <= sentence.end
        assert seed.text[event.trigger_start : event.trigger_end] == event.trigger


def test_pipeline_seed_no_date_without_publication_date(seed_path):
    doc = pipeline.extract(seed_path.read_text(), source="Anti-Media")
    (event,) = [e for e in _find(doc, "ASSAULT", "USAMIL", "SYRMIL") if e.trigger == "bombed"]
    assert event.date is not None and event.date.date is None  # "last year": kept, not invented
    assert event.historical


def test_pipeline_document_round_trips_through_json(seed):
    from sitmap.model import Document

    again = Document.from_dict(seed.to_dict())
    assert again.to_dict() == seed.to_dict()
