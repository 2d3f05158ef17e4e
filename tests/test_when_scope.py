"""when: which date in a sentence reaches an event: an occasion's date reaches what is done at
it, a perfect relative after the date, a report's date and a comparison's date do not; coming
acts keep their coming day; "the new year" is a date."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _dates(text: str, published: str) -> dict[str, str | None]:
    doc = pipeline.extract(text, published=published, source="Wire")
    return {e.trigger: (e.date.date if e.date is not None else None) for e in doc.events}


def _date(text: str, trigger: str, published: str = "2019-11-20") -> str | None:
    dates = _dates(text, published)
    assert trigger in dates, f"no event on {trigger!r}: {list(dates)}"
    return dates[trigger]


def test_an_act_at_a_dated_occasion_takes_its_date() -> None:
    text = (
        "At an EU summit in Brussels in March, the prime minister accused Hungary of "
        "undermining the rule of law and threatened to cut its funds."
    )
    dates = _dates(text, "2019-11-20")
    assert dates["accused"] == "2019-03-01"
    assert dates["threatened"] == "2019-03-01"


def test_an_event_noun_of_a_light_verb_takes_the_occasion_date() -> None:
    text = (
        "The two ministers held frank talks on the border dispute during a visit to Delhi by "
        "the Chinese premier on Thursday, an official said."
    )
    assert _date(text, "talks", "2019-11-22") == "2019-11-21"


def test_an_act_only_near_a_dated_occasion_does_not() -> None:
    text = "Ahead of an EU summit in March, the prime minister accused Hungary of lying."
    assert _date(text, "accused") is None


def test_the_new_year_is_the_coming_year_late_in_a_year() -> None:
    text = "The two parties agreed to resume talks early in the new year, the minister said."
    doc = pipeline.extract(text, published="2019-12-13", source="Wire")
    found = [d for d in doc.dates if "new year" in d.text]
    assert found and (found[0].date, found[0].precision) == ("2020-01-01", "year")


def test_the_new_year_early_in_a_year_is_this_one() -> None:
    doc = pipeline.extract(
        "Officials hope to finish the bridge in the new year.", published="2019-01-04"
    )
    found = [d for d in doc.dates if "new year" in d.text]
    assert found and found[0].date == "2019-01-01"


def test_a_visit_set_for_a_coming_day_keeps_that_day() -> None:
    # published on a Sunday: "Tuesday" is two days later
    text = "The Turkish foreign minister is set to visit Berlin on Tuesday for talks on migration."
    assert _date(text, "visit", "2019-11-17") == "2019-11-19"


def test_a_perfect_relative_after_the_date_is_not_dated_by_it() -> None:
    text = (
        "Hundreds of protesters on Monday demanded the resignation of the mayor, who has "
        "denied any wrongdoing."
    )
    dates = _dates(text, "2019-11-20")
    assert dates["demanded"] == "2019-11-18"
    assert dates["denied"] is None


def test_a_date_inside_a_past_relative_still_dates_it() -> None:
    text = "Police on Monday detained a man who attacked a bus driver in the city centre on Sunday."
    dates = _dates(text, "2019-11-20")
    assert dates["detained"] == "2019-11-18"
    assert dates["attacked"] == "2019-11-17"


def test_a_date_inside_a_perfect_relative_dates_only_it() -> None:
    text = (
        "Rebels shelled the town on Monday, killing a soldier who has served in the army "
        "since 2010."
    )
    assert _date(text, "killing") == "2019-11-18"


def test_a_report_date_does_not_date_the_reported_act() -> None:
    text = (
        "Government officials tried to pressure the electoral commission into delaying the "
        "vote, the Daily Nation reported on Thursday."
    )
    assert _date(text, "pressure", "2019-11-22") is None


def test_a_comparison_date_does_not_date_the_event() -> None:
    text = "Border agents detained far more migrants at the crossing than they did last year."
    assert _date(text, "detained") is None
    text = "Police arrested more protesters in the capital on Saturday than on Friday."
    assert _date(text, "arrested", "2019-11-20") == "2019-11-16"


def test_a_stance_told_in_the_past_after_a_dated_saying_is_held_at_the_saying() -> None:
    # "told reporters on Monday he wanted ..." reports "I want ...": held on Monday
    text = "On Monday, the governor told reporters he wanted the senator to seek re-election."
    assert _date(text, "wanted") == "2019-11-18"


def test_a_past_act_after_a_dated_saying_is_not_dated_by_it() -> None:
    text = "The minister said on Monday that the rebels accused the army of shelling the town."
    assert _date(text, "accused") is None


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("From July to October of 1992, the committee debated the bill.", "1992-07-01"),
        ("Troops shelled the villages between March and May 2016, the report said.", "2016-03-01"),
    ],
)
def test_a_range_shares_its_closing_year(text: str, first: str) -> None:
    doc = pipeline.extract(text, published="2019-11-20", source="Wire")
    assert doc.dates and doc.dates[0].date == first


def test_a_month_without_a_range_keeps_the_publication_year() -> None:
    doc = pipeline.extract("Protesters marched in July and again in 2018.", published="2019-11-20")
    assert doc.dates[0].date == "2019-07-01"


def test_a_window_longer_than_a_week_dates_no_event() -> None:
    text = (
        "Over the past two weeks, the president has repeatedly attacked the football players "
        "who knelt during the anthem."
    )
    doc = pipeline.extract(text, published="2019-10-01", source="Wire")
    assert any("past two weeks" in d.text for d in doc.dates)  # the expression is kept
    assert _date(text, "attacked", "2019-10-01") is None
    text = "Rebels shelled the villages near the dam over the past three days."
    assert _date(text, "shelled", "2019-10-01") == "2019-09-28"  # days: still dated
