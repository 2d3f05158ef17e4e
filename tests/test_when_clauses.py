"""when: a date inside what an act is about, inside a relative clause before its verb, or on a
noun of another clause dates that, not the act; events on one trigger share one date."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _dates(text: str, trigger: str) -> list[str | None]:
    doc = pipeline.extract(text, published="2017-11-30", source="Wire")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return [e.date.date if e.date is not None else None for e in found]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the "-ing" clause under "of"/"for" is what the act is about, at its own time ...
        (
            "Opposition leaders accused the Ghanaian finance minister of hiding the debt "
            "figures in 2015.",
            "accused",
            None,
        ),
        # ... and an act told in that clause takes no date of the criticism it is the cause of
        (
            "Just two weeks ago, the senator came under fire for visiting the disputed border "
            "zone.",
            "visiting",
            None,
        ),
        # ... but a second participle the parser hangs on the content verb is the main act's
        (
            "On November 5, the lobbyist emailed the embassy claiming credit for writing the "
            "article and accusing the prosecutor of twisting the facts.",
            "accusing",
            "2017-11-05",
        ),
        # ... and the "-ing" clause of a step or a move is the act itself
        (
            "The central bank governor took the rare step on Monday of asking the president "
            "to veto the bill.",
            "asking",
            "2017-11-27",
        ),
        # ... while a date on the act itself dates it
        (
            "Opposition leaders in 2015 accused the Ghanaian finance minister of hiding the "
            "debt figures.",
            "accused",
            "2015-01-01",
        ),
        # a relative clause holding the date before its verb is the relative's own time ...
        (
            "The Brazilian senator was accused of fraud by a banker who in 2009 lent money to "
            "his party.",
            "accused",
            None,
        ),
        # ... a date on the main clause is the act's
        (
            "The Brazilian senator was accused of fraud by a banker in 2009.",
            "accused",
            "2009-01-01",
        ),
        # a participle aside misparsed under a noun's preposition keeps the main act's date
        (
            "Trump has ratcheted up his criticism of China’s massive trade surplus with the "
            "U.S. - calling it “embarrassing” and “horrible” last week - and has accused "
            "Beijing of unfair trade practices.",
            "criticism",
            "2017-11-20",
        ),
    ],
)
def test_dates_of_other_clauses(text, trigger, expected):
    assert _dates(text, trigger)[0] == expected


def test_events_on_one_trigger_share_its_date():
    """ "charged A and B": one act at one time; a year on a noun of another clause ("the 2015
    election campaign") dates neither."""
    dates = _dates(
        "Podesta stepped down on the same day federal investigators probing Russian "
        "interference in the 2015 Peruvian election campaign charged the mayor of Lima, Luis "
        "Castañeda, and a business associate, Rick Gates, with money laundering.",
        "charged",
    )
    assert "2015-01-01" not in dates


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a date right after "said", before a that-less complement's subject, is the saying's
        # (the parser hangs it in the complement): no coming Monday for the rejection, which
        # the coalition states in the saying, so the Monday before ...
        (
            "Kenya's opposition coalition said on Monday it would reject the results of the "
            "presidential election.",
            "reject",
            "2017-11-27",
        ),
        # ... as with "that"
        (
            "Kenya's opposition coalition said on Monday that it would reject the results of "
            "the presidential election.",
            "reject",
            "2017-11-27",
        ),
        # a date inside the complement after its subject stays the complement's
        (
            "Kenya's opposition coalition said it would reject the results of the presidential "
            "election on Monday.",
            "reject",
            "2017-12-04",
        ),
        # a speech act told in the complement still takes the saying's date
        (
            "The ministry said on Tuesday Washington was to blame for the attack on the embassy.",
            "blame",
            "2017-11-28",
        ),
    ],
)
def test_date_after_reporting_verb_is_the_sayings(text, trigger, expected):
    assert _dates(text, trigger)[0] == expected


def test_a_date_in_a_since_phrase_is_not_the_governing_events():
    # "since taking office in January" tells when he took office, not when the visit is
    text = (
        "U.S. President Donald Trump asked Congress on Monday for $4 billion to support missile "
        "defense, just ahead of his first visit to South Korea since taking office in January."
    )
    assert _dates(text, "visit") == [None]
    assert _dates(text, "asked") == ["2017-11-27"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a noun a verb is about: the verb's day is the telling's, not the act's ...
        (
            "The Kenyan president tweeted on Tuesday about his meeting with the Ugandan "
            "president.",
            "meeting",
            None,
        ),
        (
            "A reporter asked the Indian minister on Monday about the attack on the Pakistani "
            "army.",
            "attack",
            None,
        ),
        # ... the day on the act itself still dates it
        (
            "The Kenyan president met the Ugandan president on Tuesday.",
            "met",
            "2017-11-28",
        ),
    ],
)  # fmt: skip
def test_a_date_of_a_verb_is_not_the_date_of_what_it_is_about(text, trigger, expected):
    assert _dates(text, trigger)[0] == expected
