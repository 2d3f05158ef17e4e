"""Tests for the when stage: date expressions, their resolution against the publication date,
event dates and the historical flag, and publication-date parsing.

Sentences come from the ISOT Reuters 2017 sample (../shared/corpora), with the article's own
publication date, and from the Anti-Media reference article (published 2017-09-06).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sitmap import when
from sitmap.model import Event

SEED_PUBLISHED = date(2017, 9, 6)  # a Wednesday


def _dates(doc) -> dict[str, tuple[str | None, str | None]]:
    return {d.text: (d.date, d.precision) for d in doc.dates}


@pytest.mark.parametrize(
    ("text", "published", "expr", "expected", "precision"),
    [
        (
            "The head of a conservative Republican faction called himself a “fiscal conservative” "
            "on Sunday and urged budget restraint in 2018.",
            "2017-12-31",
            "Sunday",
            "2017-12-31",
            "day",
        ),
        (
            "The head of a conservative Republican faction called himself a “fiscal conservative” "
            "on Sunday and urged budget restraint in 2018.",
            "2017-12-31",
            "2018",
            "2018-01-01",
            "year",
        ),
        (
            "Reuters first reported on Monday that the Syrian Arab Army and its allies were "
            "beginning to encircle ISIS in Deir ez-Zor.",
            "2017-09-06",
            "Monday",
            "2017-09-04",
            "day",
        ),
        (
            "As Anti-Media predicted in June of this year, ISIS’ last stand in Syria will take "
            "place in a strategic oil-rich region known as Deir ez-Zor.",
            "2017-09-06",
            "June of this year",
            "2017-06-01",
            "month",
        ),
        (
            "As Newsweek noted, Secretary of State Rex Tillerson stated earlier this month that "
            "the U.S. is working hard to prevent a new U.S.-Russian proxy war inside Syria.",
            "2017-09-06",
            "earlier this month",
            "2017-09-01",
            "month",
        ),
        (
            "As it stands, the U.S. military under Barack Obama’s leadership bombed the Syrian "
            "army last year in this exact region, paving the way for a timely ISIS offensive.",
            "2017-09-06",
            "last year",
            "2016-01-01",
            "year",
        ),
        (
            "Tillis said in a brief interview on Monday night.",
            "2017-12-12",
            "Monday night",
            "2017-12-11",
            "day",
        ),
        (
            "Allegations that Franken had groped and tried to kiss women without their consent "
            "began to surface three weeks ago.",
            "2017-12-07",
            "three weeks ago",
            "2017-11-13",
            "week",
        ),
        (
            "Defense Secretary Jim Mattis, on a trip late last month to South Korea, was at pains "
            "to stress that diplomacy was America’s preferred course.",
            "2017-11-06",
            "late last month",
            "2017-10-01",
            "month",
        ),
        (
            "House Republicans over the weekend introduced a stopgap measure that would fund the "
            "government at current levels.",
            "2017-12-04",
            "the weekend",
            "2017-12-02",
            "week",
        ),
        (
            "The bill now goes to the Senate where it is expected to be approved this week.",
            "2017-12-21",
            "this week",
            "2017-12-18",
            "week",
        ),
        (
            "The details of the legislation are expected to be released later on Friday, with "
            "votes expected in the Senate and House of Representatives next Tuesday.",
            "2017-12-15",
            "next Tuesday",
            "2017-12-19",
            "day",
        ),
        (
            "The Senate’s inclusion of the AMT puts the bill, passed narrowly last Saturday, on a "
            "collision course with Republicans in the House of Representatives.",
            "2017-12-06",
            "last Saturday",
            "2017-12-02",
            "day",
        ),
        (
            "“We deeply regret and apologize for the serious error we made yesterday.”",
            "2017-12-02",
            "yesterday",
            "2017-12-01",
            "day",
        ),
        (
            "“While today’s ruling is a setback, we will not walk away from this serious and "
            "ongoing constitutional violation,” Bookbinder added.",
            "2017-12-21",
            "today",
            "2017-12-21",
            "day",
        ),
        (
            "Revenue from package delivery is up 44 percent since 2014 to $19.5 billion in the "
            "fiscal year ended Sept. 30, 2017.",
            "2017-12-29",
            "Sept. 30, 2017",
            "2017-09-30",
            "day",
        ),
        (
            "The Pentagon on Dec. 8 issued guidelines to recruitment personnel in order to enlist "
            "transgender applicants by Jan. 1.",
            "2017-12-29",
            "Dec. 8",
            "2017-12-08",
            "day",
        ),
        (
            "The Pentagon on Dec. 8 issued guidelines to recruitment personnel in order to enlist "
            "transgender applicants by Jan. 1.",
            "2017-12-29",
            "Jan. 1",
            "2018-01-01",
            "day",
        ),
        (
            "The Defense Department has until Feb. 21 to submit a plan to Trump.",
            "2017-12-29",
            "Feb. 21",
            "2018-02-21",
            "day",
        ),
        (
            "Lithium exports from Chile, for example, approached $600 million in 2016, or roughly "
            "40 percent of the global market by volume.",
            "2017-12-21",
            "2016",
            "2016-01-01",
            "year",
        ),
        (
            "Congress in early 2018 also must raise the U.S. debt ceiling to avoid a government "
            "default.",
            "2017-12-29",
            "early 2018",
            "2018-01-01",
            "year",
        ),
        (
            "District Judge Colleen Kollar-Kotelly first denied EPIC’s injunction request in July, "
            "in part because the collection of data by the commission was not technically an "
            "action by a government agency.",
            "2017-12-26",
            "July",
            "2017-07-01",
            "month",
        ),
        (
            "Smith, 59, will serve a one-year term concluding in January 2019, Dayton said, and "
            "will run in a special election for the seat next November.",
            "2017-12-20",
            "January 2019",
            "2019-01-01",
            "month",
        ),
        (
            "Smith, 59, will serve a one-year term concluding in January 2019, Dayton said, and "
            "will run in a special election for the seat next November.",
            "2017-12-20",
            "next November",
            "2018-11-01",
            "month",
        ),
    ],
)
def test_when_resolves_expression(analysed, text, published, expr, expected, precision):
    doc = when.resolve(analysed(text, published=published))
    assert _dates(doc).get(expr) == (expected, precision), _dates(doc)


@pytest.mark.parametrize(
    ("text", "published", "expr", "expected"),
    [
        # past tense: the most recent such day, the publication day included (Reuters style)
        (
            "Minnesota Public Radio reported on Wednesday, citing an unnamed Democratic official.",
            "2017-12-06",
            "Wednesday",
            "2017-12-06",
        ),
        (
            "Reuters first reported on Monday that the Syrian Arab Army and its allies were "
            "beginning to encircle ISIS in Deir ez-Zor.",
            "2017-09-06",
            "Monday",
            "2017-09-04",
        ),
        # future tense: the next such day
        (
            "Democratic Senator Al Franken, facing allegations of sexual misconduct, will resign "
            "on Thursday.",
            "2017-12-06",
            "Thursday",
            "2017-12-07",
        ),
        (
            "The Senate Banking Committee will vote on Tuesday on the nomination of Federal "
            "Reserve Governor Jerome Powell to lead the U.S. central bank.",
            "2017-11-30",
            "Tuesday",
            "2017-12-05",
        ),
        (
            "Trump was also scheduled to meet on Sunday with Florida Republican Governor Rick "
            "Scott.",
            "2017-12-29",
            "Sunday",
            "2017-12-31",
        ),
        # a non-finite verb takes the tense of the verb it hangs from
        (
            "The Justice Department disagreed, telling the court on Wednesday that the memorandum "
            "showed no such thing.",
            "2017-12-21",
            "Wednesday",
            "2017-12-20",
        ),
    ],
)
def test_when_weekday_follows_tense(analysed, text, published, expr, expected):
    doc = when.resolve(analysed(text, published=published))
    assert _dates(doc)[expr] == (expected, "day")


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("The Senate Banking Committee will vote on Tuesday on the nomination.", "Tuesday", None),
        (
            "Secretary of State Rex Tillerson stated earlier this month that the U.S. is working "
            "hard to prevent a new proxy war.",
            "earlier this month",
            None,
        ),
        ("The Pentagon on Dec. 8 issued guidelines to recruitment personnel.", "Dec. 8", None),
        ("It was the COLDEST winter three weeks ago.", "three weeks ago", None),
        (
            "Lithium exports from Chile approached $600 million in 2016, according to Corfo.",
            "2016",
            "2016-01-01",
        ),
        (
            "Revenue was $19.5 billion in the fiscal year ended Sept. 30, 2017.",
            "Sept. 30, 2017",
            "2017-09-30",
        ),
        (
            "Smith will serve a one-year term concluding in January 2019.",
            "January 2019",
            "2019-01-01",
        ),
    ],
)
def test_when_unknown_published_keeps_relative_unresolved(analysed, text, expr, expected):
    doc = when.resolve(analysed(text, published=None))
    found = {d.text: d for d in doc.dates}
    assert expr in found, list(found)
    assert found[expr].date == expected
    assert found[expr].relative is (expected is None)


@pytest.mark.parametrize(
    ("text", "published", "not_dates"),
    [
        (
            "Kuczynski, a 79-year-old former investment banker, took office amid hopes he would "
            "usher in cleaner government and faster economic growth.",
            "2017-12-23",
            ["79-year-old", "79"],
        ),
        (
            "The House bill also would extend the Children’s Health Insurance Program for five "
            "years.",
            "2017-12-19",
            ["five years"],
        ),
        (
            "Alberto Fujimori, who is serving a 25-year sentence for graft and human rights "
            "crimes, is a deeply divisive figure in Peru.",
            "2017-12-23",
            ["25-year"],
        ),
        (
            "Moore, a conservative who had faced allegations of groping teenage girls when he was "
            "in his 30s, filed a court challenge.",
            "2017-12-28",
            ["30s", "his 30s"],
        ),
        (
            "Smith, 59, will serve a one-year term concluding in January 2019, Dayton said.",
            "2017-12-20",
            ["59", "one-year"],
        ),
        (
            "bit.ly/2lnpKaq [1814 EST] - In the East, it could be the COLDEST New Year’s Eve on "
            "record.",
            "2017-12-29",
            ["1814"],
        ),
    ],
)
def test_when_ignores_non_dates(analysed, text, published, not_dates):
    doc = analysed(text, published=published)
    ents = {e.text for e in doc._spacy.ents if e.label_ == "DATE"}
    assert ents & set(not_dates), "spaCy should tag these as DATE: the filter must drop them"
    when.resolve(doc)
    texts = [d.text for d in doc.dates]
    assert not set(texts) & set(not_dates), texts


def test_when_clock_time_line_still_finds_the_holiday(analysed):
    doc = when.resolve(
        analysed(
            "bit.ly/2lnpKaq [1814 EST] - In the East, it could be the COLDEST New Year’s Eve on "
            "record.",
            published="2017-12-29",
        )
    )
    assert _dates(doc) == {"New Year’s Eve": ("2017-12-31", "day")}


def test_when_dates_sorted_and_spans_match_text(analysed):
    text = (
        "Smith, 59, will serve a one-year term concluding in January 2019, Dayton said, and will "
        "run in a special election for the seat next November."
    )
    doc = when.resolve(analysed(text, published="2017-12-20"))
    assert [d.text for d in doc.dates] == ["January 2019", "next November"]
    assert all(text[d.start : d.end] == d.text for d in doc.dates)


def _event(doc, clause: str, trigger: str, *, sentence: int = 0) -> Event:
    start = doc.text.index(clause)
    t = doc.text.index(trigger, start)
    return Event(
        doc_id=doc.id,
        sentence=sentence,
        start=start,
        end=start + len(clause),
        evidence=doc.sentences[sentence].text,
        trigger=trigger,
        plover="ASSAULT",
        cameo="19",
        trigger_start=t,
        trigger_end=t + len(trigger),
    )


SEED_TWO = (
    "As it stands, the U.S. military under Barack Obama’s leadership bombed the Syrian army last "
    "year in this exact region, paving the way for a timely ISIS offensive. Even now, as the "
    "Syrian army continues its advance towards Deir Ez-Zor, regional outlet Al-Masdar’s Leith "
    "Abou Fadel reports that the U.S.-led coalition has been bombing the Syrian Arab Army in the "
    "front lines against ISIS in southern Raqqa, as well."
)


@pytest.mark.parametrize("published", [SEED_PUBLISHED, None])
def test_when_event_date_from_clause_and_historical(analysed, published):
    doc = analysed(SEED_TWO, published=published)
    past = _event(
        doc,
        "the U.S. military under Barack Obama’s leadership bombed the Syrian army last year",
        "bombed",
    )
    now = _event(
        doc, "the U.S.-led coalition has been bombing the Syrian Arab Army", "bombing", sentence=1
    )
    doc.events = [past, now]
    when.resolve(doc)
    assert past.date is not None and past.date.text == "last year"
    assert past.date.date == ("2016-01-01" if published else None)
    assert past.historical is True
    assert now.date is None  # no date in its sentence: never the publication date
    assert now.historical is False


def test_when_event_date_from_sentence_outside_other_clauses(analysed):
    text = (
        "Democratic Senator Al Franken, facing allegations of sexual misconduct, will resign on "
        "Thursday, Minnesota Public Radio reported on Wednesday, citing an unnamed Democratic "
        "official."
    )
    doc = analysed(text, published="2017-12-06")
    resign = _event(
        doc,
        "Democratic Senator Al Franken, facing allegations of sexual misconduct, will resign "
        "on Thursday",
        "resign",
    )
    resign.status = "predicted"  # "will resign": an asserted act takes no date after publication
    accuse = _event(doc, "facing allegations of sexual misconduct", "allegations")
    doc.events = [resign, accuse]
    when.resolve(doc)
    assert resign.date is not None and (resign.date.text, resign.date.date) == (
        "Thursday",
        "2017-12-07",
    )
    assert resign.historical is False
    # Thursday sits in the resign clause, and Wednesday dates the radio's report, not the
    # allegations told inside what it reported: the accusation stays undated
    assert accuse.date is None


def test_when_event_sentence_fallback(analysed):
    text = (
        "Amid heavy shelling on Monday, the Syrian Arab Army and its allies were beginning "
        "to encircle ISIS in Deir ez-Zor. The outlet then reported that the Syrian army had "
        "encircled ISIS in the region some days later and had begun to advance."
    )
    doc = analysed(text, published=SEED_PUBLISHED)
    first = _event(
        doc, "the Syrian Arab Army and its allies were beginning to encircle ISIS", "encircle"
    )
    second = _event(
        doc, "the Syrian army had encircled ISIS in the region", "encircled", sentence=1
    )
    doc.events = [first, second]
    when.resolve(doc)
    assert first.date is not None and first.date.date == "2017-09-04"
    assert first.historical is False
    assert second.date is None


@pytest.mark.parametrize(
    ("text", "published", "clause", "trigger", "historical"),
    [
        (
            "Over the last few days, this potential clash has been brought ever closer to "
            "fruition.",
            SEED_PUBLISHED,
            "Over the last few days, this potential clash has been brought ever closer",
            "brought",
            False,
        ),
        (
            "Defense Secretary Jim Mattis, on a trip late last month to South Korea, was at pains "
            "to stress that diplomacy was America’s preferred course.",
            "2017-11-06",
            "Defense Secretary Jim Mattis, on a trip late last month to South Korea",
            "trip",
            False,
        ),
        (
            "District Judge Colleen Kollar-Kotelly first denied EPIC’s injunction request in July, "
            "in part because the collection of data was not an action by a government agency.",
            "2017-12-26",
            "District Judge Colleen Kollar-Kotelly first denied EPIC’s injunction request in July",
            "denied",
            True,
        ),
        (
            "Lithium exports from Chile approached $600 million in 2016, according to Corfo.",
            None,
            "Lithium exports from Chile approached $600 million in 2016",
            "approached",
            True,
        ),
        (
            "Democratic Senator Al Franken will resign on Thursday.",
            None,
            "Democratic Senator Al Franken will resign on Thursday",
            "resign",
            False,
        ),
    ],
)
def test_when_historical_flag(analysed, text, published, clause, trigger, historical):
    doc = analysed(text, published=published)
    ev = _event(doc, clause, trigger)
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is not None
    assert ev.historical is historical


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("December 31, 2017 ", date(2017, 12, 31)),
        ("December 8, 2017", date(2017, 12, 8)),
        ("2017-09-01", date(2017, 9, 1)),
        ("2017-09-01T14:03:00Z", date(2017, 9, 1)),
        ("2017-09-01T23:30:00-05:00", date(2017, 9, 1)),
        ("31 Dec 2017", date(2017, 12, 31)),
        ("1 September 2017", date(2017, 9, 1)),
        ("Sep 1, 2017", date(2017, 9, 1)),
        ("Sept. 1, 2017", date(2017, 9, 1)),
        ("September 1st, 2017", date(2017, 9, 1)),
        ("Fri, 01 Sep 2017 10:00:00 GMT", date(2017, 9, 1)),
        ("Fri, 01 Sep 2017 23:30:00 -0500", date(2017, 9, 1)),
        ("19-Feb-18", date(2018, 2, 19)),
        ("13/04/2017", date(2017, 4, 13)),
        ("04/13/2017", date(2017, 4, 13)),
        ("03/04/2017", None),  # day and month could be either way round: no guess
        ("December 2017", None),  # no day
        ("yesterday", None),
        ("3 days ago", None),
        ("2017-02-30", None),
        ("", None),
        ("   ", None),
        ("not a date", None),
        (None, None),
        (date(2017, 9, 6), date(2017, 9, 6)),
        (datetime(2017, 9, 6, 23, 59), date(2017, 9, 6)),
    ],
)
def test_parse_published(raw, expected):
    assert when.parse_published(raw) == expected


def test_parse_published_reads_every_corpus_date(shared):
    import json

    for name in ("isot-reuters-2017-sample.jsonl", "isot-unreliable-2017-sample.jsonl"):
        with open(shared / "corpora" / name, encoding="utf-8") as fh:
            raws = {json.loads(line)["published_raw"] for line in fh}
        parsed = {raw: when.parse_published(raw) for raw in raws}
        assert all(d is not None and d.year == 2017 for d in parsed.values()), [
            r for r, d in parsed.items() if d is None
        ]


def test_when_date_attached_in_the_parse_and_shared_by_conjuncts():
    """A date belongs to the event it hangs from; a coordinated event with no date of its own
    shares it ("met ... on Saturday and agreed ...")."""
    from sitmap import pipeline

    doc = pipeline.extract(
        "Trump and Putin met briefly on the sidelines of the summit in Vietnam on Saturday and "
        "agreed on a joint statement on Syria.",
        published="2017-11-12",
        source="Reuters",
    )
    dated = {e.trigger: e.date.date if e.date else None for e in doc.events}
    assert dated.get("met") == "2017-11-11"
    assert dated.get("agreed") == "2017-11-11"


def test_when_predicted_conjunct_does_not_share_the_date():
    from sitmap import pipeline

    doc = pipeline.extract(
        "Russia attacked the town on Monday and will bomb the airport.",
        published="2017-11-15",
        source="Reuters",
    )
    dated = {e.trigger: (e.status, e.date.date if e.date else None) for e in doc.events}
    assert dated.get("attacked") == ("asserted", "2017-11-13")
    assert dated.get("bomb") == ("predicted", None)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("On Feb 01 2019, two people were injured near the checkpoint.", "2019-02-01"),
        ("As reported on 22 August 2018, police arrested three men.", "2018-08-22"),
    ],
)
def test_when_explicit_dates_at_the_start_of_a_report(analysed, text, iso):
    doc = when.resolve(analysed(text, published=None))
    assert iso in [d.date for d in doc.dates]


def test_when_a_leading_date_scopes_the_following_sentences():
    from sitmap import pipeline

    doc = pipeline.extract(
        "On 1 February 2019, gunmen attacked a village near the border. "
        "Two farmers were killed and their houses were set on fire. "
        "On 3 February 2019, soldiers arrested four suspects in the market."
    )
    by_sentence = {e.sentence: e.date.date for e in doc.events if e.date}
    assert by_sentence.get(1) == "2019-02-01"  # scoped by the first sentence's date
    assert by_sentence.get(2) == "2019-02-03"  # until another sentence opens with a date


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("The army fought the rebels in the 1960s, a veteran said.", "the 1960s"),
        ("The army fought the rebels in the late 1960s, a veteran said.", "the late 1960s"),
        ("The army fought the rebels in the 1960's, a veteran said.", "the 1960's"),
    ],
)
def test_when_decade_resolved_at_decade_precision(analysed, text, expr):
    doc = when.resolve(analysed(text, published="2017-11-29"))
    assert _dates(doc)[expr] == ("1960-01-01", "decade")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past act never takes a date after publication: the deadline is another act's
        ("Senators asked the agency to respond by Dec. 15.", ("asked", None)),
        ("Police arrested the suspects, who will face trial on Dec. 20.", ("arrested", None)),
        # ... a past date still dates it, and a future act keeps its future date
        ("Police arrested the suspects on Monday.", ("arrested", "2017-12-04")),
        ("Police will arrest the suspects on Dec. 20.", ("arrest", "2017-12-20")),
    ],
)
def test_when_past_event_never_dated_after_publication(text, expected):
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2017-12-08", source="Wire")
    assert [(e.trigger, e.date.date if e.date else None) for e in doc.events] == [expected]


@pytest.mark.parametrize(
    ("text", "clause", "trigger"),
    [
        (
            "A lobbying firm, which also said on Monday that it was cooperating with the special "
            "counsel's team, declined to comment further.",
            "it was cooperating with the special counsel's team",
            "cooperating",
        ),
        (
            "The president said in a tweet on Sunday that the North Korean leader had insulted him "
            "by calling him old.",
            "the North Korean leader had insulted him",
            "insulted",
        ),
        (
            "The former adviser admitted on Friday that he asked the ambassador to delay a vote "
            "at the United Nations.",
            "he asked the ambassador to delay a vote",
            "asked",
        ),
    ],
)
def test_when_report_date_not_lent_to_the_reported_event(analysed, text, clause, trigger):
    """A date on "said"/"admitted" dates the report; the event told in its that-clause has no
    date of its own, so it gets none (not the report's)."""
    doc = analysed(text, published="2017-12-01")
    ev = _event(doc, clause, trigger)
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is None


def test_when_cleft_and_participle_dates_still_reach_the_event(analysed):
    text = (
        "It was only last week that the president was calling on the emirate to stop funding "
        "militants. Visiting the capital on Tuesday, the minister warned the rebels to disarm."
    )
    doc = analysed(text, published="2017-06-12")
    calling = _event(doc, "the president was calling on the emirate", "calling")
    warned = _event(doc, "the minister warned the rebels", "warned", sentence=1)
    doc.events = [calling, warned]
    when.resolve(doc)
    assert calling.date is not None and calling.date.date == "2017-06-05"
    assert warned.date is not None and warned.date.date == "2017-06-06"


@pytest.mark.parametrize(
    ("text", "clause", "trigger"),
    [
        (
            "The senator endorsed the finding that a foreign power interfered in the 2016 "
            "presidential election.",
            "The senator endorsed the finding",
            "endorsed",
        ),
        (
            "The 2012 law was intended to punish officials responsible for the lawyer's death.",
            "punish officials",
            "punish",
        ),
        (
            "The Banking Restrictions Act of 2017, named after a student who was imprisoned "
            "abroad, would expand sanctions.",
            "who was imprisoned abroad",
            "imprisoned",
        ),
    ],
)
def test_when_year_naming_a_thing_does_not_date_the_event(analysed, text, clause, trigger):
    """A year that modifies a noun ("the 2016 election", "the Act of 2017") dates that noun."""
    doc = analysed(text, published="2017-11-20")
    ev = _event(doc, clause, trigger)
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is None


def test_when_a_year_on_the_event_noun_dates_it(analysed):
    doc = analysed("Voters were angry about the 2016 election.", published="2017-11-20")
    ev = _event(doc, "the 2016 election", "election")
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is not None and ev.date.date == "2016-01-01"


@pytest.mark.parametrize(
    ("text", "published", "expr", "expected", "precision"),
    [
        (
            "On January 20 this year, 230 people were arrested.",
            "2017-06-01",
            "January 20 this year",
            "2017-01-20",
            "day",
        ),
        (
            "On 15/2/2019, police dispersed a group of protesters.",
            None,
            "15/2/2019",
            "2019-02-15",
            "day",
        ),
        (
            "On the night of 29-30 October 2018, officers beat a colleague.",
            None,
            "29-30 October 2018",
            "2018-10-29",
            "day",
        ),
        (
            "Rebels attacked the town on October 3-4, 2018.",
            None,
            "October 3-4, 2018",
            "2018-10-03",
            "day",
        ),
        (
            "Fighting raged between 3-9 March 2019 in the valley.",
            None,
            "3-9 March 2019",
            "2019-03-04",
            "week",
        ),
        # on a Sunday "last week" is the week that just ended (Monday 6 to Saturday 11)
        (
            "During the president's visit to Beijing last week, trade deals were signed.",
            "2017-11-12",
            "last week",
            "2017-11-06",
            "week",
        ),
        (
            "During the president's visit to Beijing last week, trade deals were signed.",
            "2017-11-13",
            "last week",
            "2017-11-06",
            "week",
        ),
    ],
)
def test_when_ranges_day_first_and_year_words(analysed, text, published, expr, expected, precision):
    doc = when.resolve(analysed(text, published=published))
    assert _dates(doc)[expr] == (expected, precision)


def test_when_the_start_of_a_period_beats_its_end(analysed):
    text = (
        "On 4 August 2022, bus owners went on a nationwide strike, until 5 August 2022, in "
        "protest over the lack of fuel."
    )
    doc = analysed(text)
    ev = _event(doc, "bus owners went on a nationwide strike, until 5 August 2022", "strike")
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is not None and ev.date.date == "2022-08-04"


@pytest.mark.parametrize(
    ("text", "expr", "expected", "precision"),
    [
        (
            "Gunmen abducted the chief on 3 May 2019. He was released the following day.",
            "the following day",
            "2019-05-04",
            "day",
        ),
        (
            "Gunmen abducted the chief on 3 May 2019. He was released two days later.",
            "two days later",
            "2019-05-05",
            "day",
        ),
        (
            "Gunmen abducted the chief on 3 May 2019. The village had been raided the day before.",
            "the day before",
            "2019-05-02",
            "day",
        ),
        (
            "The council vote was held on Dec. 22, 2016. Egypt withdrew the text the same day.",
            "the same day",
            "2016-12-22",
            "day",
        ),
        ("He was released two days later.", "two days later", None, None),
    ],
)
def test_when_day_anaphors_follow_the_date_before_them(analysed, text, expr, expected, precision):
    doc = when.resolve(analysed(text, published="2019-06-01"))
    assert _dates(doc)[expr] == (expected, precision)


@pytest.mark.parametrize(
    ("text", "published", "expr", "expected", "precision"),
    [
        (
            "Week of 16 July 2019. Gunmen attacked a village.",
            None,
            "16 July 2019",
            "2019-07-15",
            "week",
        ),
        (
            "Around 7 December 2022 (week of), gunmen attacked a village.",
            None,
            "7 December 2022",
            "2022-12-05",
            "week",
        ),
        (
            "Protesters marched during the week of Oct. 16.",
            "2017-10-25",
            "Oct. 16",
            "2017-10-16",
            "week",
        ),
        ("Protesters marched on the weekend.", "2017-10-25", "the weekend", "2017-10-21", "week"),
    ],
)
def test_when_week_of_and_weekend(analysed, text, published, expr, expected, precision):
    doc = when.resolve(analysed(text, published=published))
    assert _dates(doc)[expr] == (expected, precision)


def test_when_year_in_a_time_frame_noun_still_dates_the_clause(analysed):
    text = "The newspaper endorsed the challenger in last year's election."
    doc = analysed(text, published="2017-11-20")
    ev = _event(doc, text.rstrip("."), "endorsed")
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is not None and ev.date.date == "2016-01-01"


def test_when_day_after_a_named_thing_is_not_an_anaphor(analysed):
    doc = when.resolve(
        analysed(
            "On Jan. 21, the day after the inauguration, women marched in Washington. He was "
            "freed two days after he was seized.",
            published="2017-01-25",
        )
    )
    assert set(_dates(doc)) == {"Jan. 21"}


def test_when_participle_clause_dates_its_head_event_but_not_a_full_clause(analysed):
    text = (
        "Visiting the capital last week, the minister warned the rebels to disarm. After he "
        "visited the port last week, the general warned the militias to disarm."
    )
    doc = analysed(text, published="2017-11-13")
    visiting = _event(doc, "Visiting the capital last week", "Visiting")
    warned = _event(doc, "the minister warned the rebels", "warned")
    visited = _event(doc, "he visited the port last week", "visited", sentence=1)
    warned_too = _event(doc, "the general warned the militias", "warned", sentence=1)
    doc.events = [visiting, warned, visited, warned_too]
    when.resolve(doc)
    assert warned.date is not None and warned.date.date == "2017-11-06"
    assert visited.date is not None and visited.date.date == "2017-11-06"
    assert warned_too.date is None  # "after he visited ...": a clause of its own


def test_when_year_on_a_noun_inside_the_event_does_not_date_it(analysed):
    text = "He signed a bill today to punish Russia for its interference in the 2016 election."
    doc = analysed(text, published="2017-08-02")
    ev = _event(doc, "to punish Russia for its interference in the 2016 election", "punish")
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is None or ev.date.date != "2016-01-01"


def test_when_year_range_dates_its_first_year(analysed):
    text = "China fought side by side with North Korea in the 1950-53 Korean war."
    doc = analysed(text, published="2017-11-12")
    assert _dates(when.resolve(doc))["1950-53"] == ("1950-01-01", "year")
    ev = _event(doc, text.rstrip("."), "fought")
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is not None and ev.date.date == "1950-01-01" and ev.historical is True
    assert "2014-12" not in _dates(when.resolve(analysed("The vote was 2014-12 in favour.")))


def test_when_date_of_an_after_clause_stays_there(analysed):
    text = (
        "Shortly after the Senate passed the resolution last Tuesday, the White House released "
        "a statement."
    )
    doc = analysed(text, published="2017-10-30")
    passed = _event(doc, "the Senate passed the resolution last Tuesday", "passed")
    released = _event(doc, "the White House released a statement", "released")
    doc.events = [passed, released]
    when.resolve(doc)
    assert passed.date is not None and passed.date.date == "2017-10-24"
    assert released.date is None


def test_when_date_shared_along_a_chain_of_coordinated_verbs(analysed):
    text = (
        "The two leaders met briefly in Vietnam on Saturday and agreed on a joint statement, but "
        "did not hold bilateral talks."
    )
    doc = analysed(text, published="2017-11-12")
    met = _event(doc, "The two leaders met briefly in Vietnam on Saturday", "met")
    talks = _event(doc, "did not hold bilateral talks", "talks")
    doc.events = [met, talks]
    when.resolve(doc)
    assert met.date is not None and met.date.date == "2017-11-11"
    assert talks.date is not None and talks.date.date == "2017-11-11"


def test_when_light_verb_date_goes_to_its_event_noun(analysed):
    text = "North Korea this year conducted its sixth and most powerful nuclear detonation."
    doc = analysed(text, published="2017-11-30")
    ev = _event(doc, "conducted its sixth and most powerful nuclear detonation", "detonation")
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is not None and (ev.date.date, ev.date.precision) == ("2017-01-01", "year")


@pytest.mark.parametrize(
    ("text", "published", "clause", "trigger", "expected"),
    [
        pytest.param(
            "In a surprise Dec. 21 move, Egypt had called for a vote the next day on the draft.",
            "2016-12-30",
            "Egypt had called for a vote the next day",
            "called",
            "2016-12-21",
            id="explicit_date_beats_an_anaphor_in_the_same_sentence",
        ),
        pytest.param(
            "The president pressed China to do more to rein in North Korea on Thursday.",
            "2017-11-10",
            "The president pressed China",
            "pressed",
            "2017-11-09",
            id="date_in_a_to_infinitive_dates_the_governing_event",
        ),
        pytest.param(
            "The torches were doused early on Friday night after police chased the group off.",
            "2017-11-04",
            "police chased the group off",
            "chased",
            "2017-11-03",
            id="main_clause_date_reaches_into_its_after_clause",
        ),
    ],
)
def test_when_one_event_takes_the_date_of_its_clause(
    analysed, text, published, clause, trigger, expected
):
    """An explicit date beats an anaphor in the same sentence; a date in a "to" infinitive
    dates the governing event; a main clause's date reaches into its "after" clause."""
    doc = analysed(text, published=published)
    ev = _event(doc, clause, trigger)
    doc.events = [ev]
    when.resolve(doc)
    assert ev.date is not None and ev.date.date == expected


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        # a sentence the scrape glued to the one before still opens with its date
        (
            "It would be the end of the rule of law as we know it.Two weeks ago, a migrant "
            "sought an abortion in Texas.",
            "Two weeks ago",
            "2017-08-21",
        ),
        (
            "Trump attacked the senator.Yesterday, he called him a disgrace.",
            "Yesterday",
            "2017-09-05",
        ),
    ],
)
def test_when_finds_a_date_after_a_glued_full_stop(analysed, text, expr, expected):
    doc = when.resolve(analysed(text, published=SEED_PUBLISHED))
    assert _dates(doc).get(expr, (None,))[0] == expected, _dates(doc)


def test_when_still_finds_no_date_inside_a_number_or_abbreviation(analysed):
    doc = when.resolve(
        analysed("Output rose 3.2020 percent in the U.S.Monday figures.", published=SEED_PUBLISHED)
    )
    assert not doc.dates, _dates(doc)
