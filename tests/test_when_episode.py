"""Whose date is it: no date carried to the next sentence, an event told again with its date
(when/episode), dates inside one sentence, overnight, notes without a year. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from sitmap import pipeline

PUBLISHED = "2017-12-08"  # a Friday: "on Monday" is 2017-12-04


def _dated(text: str, published: str | None = PUBLISHED) -> dict[str, str | None]:
    doc = pipeline.extract(text, published=published)
    return {e.trigger: e.date.date if e.date else None for e in doc.events}


@pytest.mark.parametrize(
    ("second", "trigger"),
    [
        ("Police have arrested two suspects.", "arrested"),
        ("Police later arrested two suspects.", "arrested"),
        ("In the past, the rebels raided the town.", "raided"),
        ("Police will arrest the suspects.", "arrest"),
    ],
)
def test_a_date_is_not_carried_to_the_next_sentence(second, trigger):
    """The guide leaves an event undated when the article gives no time for it: the date of the
    sentence before is not lent to it (carrying it, tried in an earlier round, dated events the
    never-tuned annotators left undated or dated otherwise)."""
    dated = _dated("Gunmen attacked a bus near the border on Monday. " + second)
    assert dated["attacked"] == "2017-12-04"
    assert dated[trigger] is None


def test_a_topic_chain_carries_the_day_to_the_next_sentence():
    # the pronoun subject goes on with the topic, the simple past with its narrative time
    dated = _dated("Gunmen attacked a bus near the border on Monday. They killed four passengers.")
    assert dated["killed"] == "2017-12-04"
    # a deadline is no date of the sentence's own
    dated = _dated(
        "In Friday's letter, the senators said their concerns were serious. "
        "They asked the agency to respond by Dec. 15."
    )
    assert dated["asked"] == "2017-12-08"


@pytest.mark.parametrize(
    "second",
    [
        "They have killed four passengers.",  # no simple past: told as of now
        "They said rebels killed four passengers.",  # the killing is what they report
        "They killed four passengers on Sunday.",  # a date of its own
    ],
)
def test_a_topic_chain_needs_a_past_main_verb_and_no_date_of_its_own(second):
    dated = _dated("Gunmen attacked a bus near the border on Monday. " + second)
    assert dated["killed"] != "2017-12-04"


def test_no_topic_chain_across_a_paragraph():
    dated = _dated("Gunmen attacked a bus near the border on Monday.\n\nThey killed four men.")
    assert dated["killed"] is None


def test_no_date_across_a_glued_paragraph_break():
    # a paragraph break the scrape glued shut: one "sentence" to the splitter, two paragraphs
    glued = _dated("Gunmen attacked a bus near the border on Monday.Police arrested two men.")
    assert glued["attacked"] == "2017-12-04"
    assert glued["arrested"] is None


def test_a_reported_event_of_the_next_sentence_stays_undated():
    dated = _dated(
        "Troops shelled the village on Monday. "
        "The governor said rebels had ambushed a convoy near the bridge."
    )
    assert dated["shelled"] == "2017-12-04"
    assert dated["ambushed"] is None


# --- dates inside one sentence: whose date is it -------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a relative clause with a subject of its own tells its own event
        (
            "The senator endorsed the assessment that Russia interfered in the 2016 election.",
            "endorsed",
            None,
        ),
        # ... but a clause whose verb carries out the event noun dates it
        (
            "Assad's visit to Moscow, which he made on Monday, angered the opposition.",
            "visit",
            "2017-12-04",
        ),
        # a dated letter or tweet dates the act done in it
        (
            "In several tweets posted on Monday, the senator accused the president of lying.",
            "accused",
            "2017-12-04",
        ),
        (
            "The company denied in a letter made public on Monday that its director met him.",
            "denied",
            "2017-12-04",
        ),
        # ... and so does a dated report, lawsuit or letter that is the act's subject or its
        # setting, whatever the parser makes of the participle
        (
            "A United Nations report released on Tuesday accused Myanmar's army of burning "
            "villages.",
            "accused",
            "2017-12-05",
        ),
        (
            "A letter sent to the Kenyan parliament on Monday urged lawmakers to reject the "
            "budget.",
            "urged",
            "2017-12-04",
        ),
        (
            "In a petition lodged on Monday, Brazilian farmers asked the supreme court to halt "
            "the dam.",
            "asked",
            "2017-12-04",
        ),
        # the report's date is not that of an act it tells, nor of an act by others
        (
            "A report released on Tuesday said the Syrian army had attacked Idlib.",
            "attacked",
            None,
        ),
        (
            "After a report released on Tuesday, Kenyan lawmakers accused the finance minister "
            "of lying.",
            "accused",
            None,
        ),
        # a clause that says "in the past" borrows no date from the rest of the sentence
        (
            "The king arrived in Doha on Monday, a country that his ministers have accused of "
            "funding terrorism in the past.",
            "accused",
            None,
        ),
        # the date of another event in the sentence is not borrowed
        (
            "The minister condemned the bombing, which militants carried out on 3 March 2009.",
            "condemned",
            None,
        ),
        # a past-tense event is never dated after publication
        ("The lawmakers asked the agency to reply by Dec. 15.", "asked", None),
    ],
)
def test_event_takes_only_the_date_of_its_own_clause(text, trigger, expected):
    assert _dated(text)[trigger] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels shelled the town overnight, officials said.", "2017-12-07"),
        ("Overnight, rebels shelled the town.", "2017-12-07"),
        ("Police held the reporters overnight and released them.", None),  # a duration
        ("Authorities imposed an overnight curfew in the city.", None),  # an adjective
        ("Troops launched overnight raids on the camp.", None),
    ],
)
def test_overnight_is_the_night_before_publication(text, expected):
    doc = pipeline.extract(text, published=PUBLISHED)
    found = [d.date for d in doc.dates if d.text.lower() == "overnight"]
    assert (found[0] if found else None) == expected


def test_overnight_after_a_day_is_that_days_night() -> None:
    """ "On 11 November 2017, overnight, ...": the night of the day just named."""
    text = "On 11 November 2017, overnight, an armed group exchanged fire with soldiers in Kandi."
    doc = pipeline.extract(text, published=PUBLISHED)
    assert [d.text for d in doc.dates] == ["11 November 2017"]
    assert {e.date.date for e in doc.events if e.date is not None} == {"2017-11-11"}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Militants stormed a hotel in the port city. The assault began on Monday evening.",
            "stormed",
            "2017-12-04",
        ),
        (
            "Police detained dozens of students in the capital. The arrests came on Monday.",
            "detained",
            "2017-12-04",
        ),
        # a noun of another kind tells another event
        (
            "Police detained dozens of students in the capital. The attack came on Monday.",
            "detained",
            None,
        ),
        # not the subject: "the rally on Monday" is another occasion
        (
            "Police detained dozens of students in the capital. Thousands joined the rally on "
            "Monday.",
            "detained",
            None,
        ),
    ],
)
def test_event_told_again_by_a_definite_noun_takes_its_date(text, trigger, expected):
    assert _dated(text)[trigger] == expected


# --- a day and month with no year and no publication date ------------------------------------


def test_day_and_month_without_a_year_stay_undated_but_are_read():
    """Without a year and without a publication date sitmap leaves the date empty (it never
    guesses a year) and keeps the expression; ``when.month_day`` reads what it does say."""
    from sitmap import when

    doc = pipeline.extract("On November 27, two armed men raided a construction site.")
    (expr,) = doc.dates
    assert (expr.date, expr.precision) == (None, "day")
    assert when.month_day(expr) == (11, 27)
    assert all(e.date is expr for e in doc.events)
    dated = pipeline.extract(
        "On November 27, two armed men raided a construction site.", published="2018-11-30"
    )
    assert dated.dates[0].date == "2018-11-27"
    assert when.month_day(dated.dates[0]) is None  # resolved: nothing partial about it


def test_acled_eval_counts_the_day_and_month_of_notes_without_a_year():
    from sitmap.evaluate.acled import ConflictRecord, evaluate_conflict

    row = {
        "event_id_cnty": "XYZ1",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "event_date": "2018-11-27",
        "time_precision": 1,
        "notes_date_matches_event_date": True,
        "text": "On November 27, two armed men raided a construction site.",
        "country": "India",
    }
    rec = ConflictRecord.from_dict(row, 1)
    right = pipeline.extract(row["text"])
    wrong = pipeline.extract("On November 26, two armed men raided a construction site.")
    m = evaluate_conflict([rec, rec], [right, wrong]).to_dict()["measures"]
    assert (m["date_month_day"]["correct"], m["date_month_day"]["total"]) == (1, 2)
    assert m["date"]["correct"] == 0  # the date itself stays empty


@pytest.mark.parametrize(("published", "expected"), [(None, None), ("2019-01-25", "2019-01-22")])
def test_a_day_and_month_heading_a_report_scopes_it(published, expected):
    """ "22 January." heading a note dates the events after it: resolved against the
    publication date when there is one, else kept as its expression with the date empty."""
    doc = pipeline.extract(
        "22 January. Eight mine workers and their driver are kidnapped near the border.",
        published=published,
    )
    (ev,) = [e for e in doc.events if e.trigger == "kidnapped"]
    assert ev.date is not None and ev.date.text == "22 January"
    assert ev.date.date == expected
    # a weekday opening a news paragraph scopes nothing beyond its sentence
    news = _dated("On Monday, police arrested two men near the market. They were freed later.")
    assert news["arrested"] == "2017-12-04"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the lead tells a speech act, the attribution sentence after it its occasion
        (
            "Kenyan opposition leader Raila Odinga accused the police of killing protesters in "
            "Kisumu. “They shot unarmed people,” Odinga told reporters in Nairobi on Tuesday.",
            "accused",
            "2017-12-05",
        ),
        # a group source; the later date belongs to another verb ("saw")
        (
            "Brazilian senators urged the government to halt the sale of the state oil firm. "
            "“This sale must stop,” the senators wrote to President Michel Temer on Monday in a "
            "letter the newspaper saw on Wednesday.",
            "urged",
            "2017-12-04",
        ),
        # someone else's saying does not date the act
        (
            "Kenyan opposition leader Raila Odinga accused the police of killing protesters in "
            "Kisumu. “They shot unarmed people,” a police spokesman said on Tuesday.",
            "accused",
            None,
        ),
        # nor does another act of the next sentence
        (
            "Kenyan opposition leader Raila Odinga accused the police of killing protesters in "
            "Kisumu. Police arrested ten protesters on Tuesday.",
            "accused",
            None,
        ),
    ],
)
def test_a_speech_act_takes_the_date_of_its_saying_told_next(text, trigger, expected):
    assert _dated(text)[trigger] == expected


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # the outlet narrates the act, the embedded tweet by the same person follows
        (
            "Brazilian President Jair Bolsonaro criticized the governor of Sao Paulo and "
            "demanded he resign.\nCorrupt and weak. He must go!  Jair M. Bolsonaro "
            "(@jairbolsonaro) December 6, 2017\nThe governor did not respond.",
            {"criticized": "2017-12-06", "demanded": "2017-12-06"},
        ),
        # a tweet by another person (his son) does not date it
        (
            "Brazilian President Jair Bolsonaro criticized the governor of Sao Paulo.\nCorrupt "
            "and weak. He must go!  Eduardo Bolsonaro (@BolsonaroSP) December 6, 2017\nThe "
            "governor did not respond.",
            {"criticized": None},
        ),
        # a habit in the present tense is no one tweet
        (
            "Brazilian President Jair Bolsonaro criticizes the governor of Sao Paulo.\nCorrupt "
            "and weak. He must go!  Jair M. Bolsonaro (@jairbolsonaro) December 6, 2017\nThe "
            "governor did not respond.",
            {"criticizes": None},
        ),
    ],
)
def test_a_narrated_act_takes_the_date_line_of_the_tweet_after_it(text, dated):
    got = _dated(text)
    assert {k: got.get(k, "missing") for k in dated} == dated


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # an act in a phrase set after the main clause's act is not at the main clause's time
        (
            "On Tuesday, the Peruvian interior minister resigned after accusations by the "
            "opposition that he had lied.",
            {"accusations": None},
        ),
        # a date inside a "following ..." phrase dates that phrase, not the main clause
        (
            "Following the judge’s order on Monday, Kenyan police arrested two opposition leaders.",
            {"arrested": None},
        ),
        # ... while the main clause's own date stays its own, and the phrase's own object does
        (
            "Kenyan police arrested two opposition leaders on Monday after the protests.",
            {"arrested": "2017-12-04"},
        ),
        ("The Ugandan army withdrew from the town after Monday.", {"withdrew": "2017-12-04"}),
    ],
)
def test_a_phrase_set_before_or_after_keeps_its_own_time(text, dated):
    got = _dated(text)
    assert {k: got.get(k, "missing") for k in dated} == dated


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a present perfect tells an act already done: no date after publication ("April" of a
        # Friday 8 December story resolves ahead, to 2018) ...
        (
            "The Kenyan government has already appealed the judge’s ruling from April.",
            "appealed",
            None,
        ),
        # ... while a coming act keeps its future month
        ("The Kenyan government will appeal the ruling in April.", "appeal", "2018-04-01"),
        # a perfect keeps a past date of its own
        ("The Kenyan government has appealed the ruling on Monday.", "appealed", "2017-12-04"),
    ],
)
def test_a_perfect_act_is_never_dated_after_publication(text, trigger, expected):
    assert _dated(text)[trigger] == expected


def test_an_act_done_in_a_medium_told_before_takes_its_date():
    # "In its letter, ...": the letter the article dated two sentences before
    dated = _dated(
        "Lawyers for the company disagreed in a letter on Tuesday filed in federal court. "
        "The company owes $6 million under the settlement, prosecutors said. "
        "In its letter, the company asked the court to delay the hearing."
    )
    assert dated["asked"] == "2017-12-05"
    # the same letter told again ("the company's letter said") does not stop the search
    dated = _dated(
        "Lawyers for the company disagreed in a letter on Tuesday filed in federal court. "
        "The funds were frozen after a complaint by an investor, the company's letter said. "
        "In its letter, the company asked the court to delay the hearing."
    )
    assert dated["asked"] == "2017-12-05"
    # "Friday's letter" is the letter's date whatever the tense of its sentence
    dated = _dated(
        "Friday's letter is the latest twist in a feud between the agency and two committees. "
        "In their letter, the senators repeated an earlier request for a list of witnesses."
    )
    assert dated["request"] == "2017-12-08"


@pytest.mark.parametrize(
    "before",
    [
        "The senators sent a letter to the agency last month.",  # a month is no occasion
        "The senators sent a letter to the agency.",  # never dated
        # a nearer mention without a date: another letter, or one the article never dated
        "The senators wrote to the agency on Tuesday. A second letter went to the judge.",
    ],
)
def test_an_act_in_a_medium_takes_no_date_the_medium_lacks(before):
    dated = _dated(before + " In their letter, the senators asked the director to testify.")
    assert dated["asked"] is None
