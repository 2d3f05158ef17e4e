"""Each event-date rule of the when stage, where it should and should not fire.

Sentences written for these tests (other countries, topics and wording than the tuning
articles). Events are built by hand on the parsed text, so that what is tested is the date rule
alone, not event detection. Publication date: Wednesday 13 March 2019 unless said otherwise.
"""

from __future__ import annotations

import pytest

from sitmap import when
from sitmap.model import Actor, Event

PUBLISHED = "2019-03-13"  # a Wednesday: "on Monday" is 2019-03-11, "on Friday" 2019-03-08


def _event(
    doc,
    clause: str,
    trigger: str,
    *,
    plover: str = "ASSAULT",
    status: str = "asserted",
    source: str | None = None,
) -> Event:
    """An event on ``clause`` (its span) with ``trigger`` inside it; ``source`` names the span of
    its source actor in the text."""
    start = doc.text.index(clause)
    t = doc.text.index(trigger, start)
    sent = doc.sentence_at(t)
    actor = None
    if source is not None:
        s = doc.text.index(source)
        actor = Actor(text=source, start=s, end=s + len(source), name=source, code="XXXGOV")
    return Event(
        doc_id=doc.id,
        sentence=sent.index,
        start=start,
        end=start + len(clause),
        evidence=sent.text,
        trigger=trigger,
        plover=plover,
        cameo="",
        trigger_start=t,
        trigger_end=t + len(trigger),
        source=actor,
        status=status,
    )


def _dates(analysed, text: str, *specs: dict, published: str | None = PUBLISHED) -> list:
    """Resolve ``text`` with the events ``specs`` describe; their (ISO date or None)."""
    doc = analysed(text, published=published)
    doc.events = [_event(doc, **spec) for spec in specs]
    when.resolve(doc)
    return [ev.date.date if ev.date else None for ev in doc.events]


# --- a date in the event's own clause or sentence ----------------------------------------------


def test_clause_date_dates_its_event(analysed):
    text = "Troops shelled the port of Hodeidah on Monday."
    assert _dates(analysed, text, {"clause": text[:-1], "trigger": "shelled"}) == ["2019-03-11"]


def test_sentence_date_outside_other_clauses_dates_the_event(analysed):
    text = "On Friday, in a rare move, the cabinet expelled two Ukrainian diplomats."
    spec = {"clause": "the cabinet expelled two Ukrainian diplomats", "trigger": "expelled"}
    assert _dates(analysed, text, {**spec, "plover": "SANCTION"}) == ["2019-03-08"]


def test_no_time_in_the_sentence_leaves_the_event_undated(analysed):
    text = "Riot police fired tear gas at students in the capital."
    assert _dates(analysed, text, {"clause": text[:-1], "trigger": "fired"}) == [None]


# --- the date of a saying --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clause", "trigger"),
    [
        (
            "The interior ministry said on Tuesday that rebels had attacked a convoy near the "
            "airport.",
            "rebels had attacked a convoy near the airport",
            "attacked",
        ),
        (
            "A spokesman told reporters on Monday that the coast guard detained the crew.",
            "the coast guard detained the crew",
            "detained",
        ),
    ],
)
def test_report_date_is_not_the_reported_events(analysed, text, clause, trigger):
    """Guide: "said on Thursday that X met Y" gives the meeting no date."""
    spec = {"clause": clause, "trigger": trigger, "status": "quoted"}
    assert _dates(analysed, text, spec) == [None]


def test_a_dated_act_reported_after_it_keeps_its_date(analysed):
    text = "The coast guard seized the tanker on Friday, officials in Lagos said."
    spec = {"clause": "The coast guard seized the tanker on Friday", "trigger": "seized"}
    assert _dates(analysed, text, {**spec, "plover": "COERCE"}) == ["2019-03-08"]


@pytest.mark.parametrize(
    ("text", "clause", "trigger", "source", "expected"),
    [
        (
            "The foreign ministry said on Tuesday that Washington was to blame for the collapse "
            "of the talks.",
            "Washington was to blame for the collapse of the talks",
            "blame",
            "The foreign ministry",
            "2019-03-12",
        ),
        (
            "The Dutch minister said in a statement on Sunday that Moscow was responsible for "
            "the downing of the airliner.",
            "Moscow was responsible for the downing of the airliner",
            "responsible",
            "The Dutch minister",
            "2019-03-10",
        ),
    ],
)
def test_a_speech_act_told_by_its_saying_takes_the_sayings_date(
    analysed, text, clause, trigger, source, expected
):
    """Guide: "X said Y was to blame" is X's own accusation (asserted): said on Tuesday, made on
    Tuesday."""
    spec = {"clause": clause, "trigger": trigger, "plover": "ACCUSE", "source": source}
    assert _dates(analysed, text, spec) == [expected]


@pytest.mark.parametrize(
    ("text", "clause", "trigger", "source"),
    [
        # another actor's accusation, relayed by the sayer
        (
            "Local officials said on Thursday that the governor had accused the militia of "
            "extortion.",
            "the governor had accused the militia of extortion",
            "accused",
            "the governor",
        ),
        # a past act the saying tells: the rejecting may be older than the saying
        (
            "Opposition leaders said on Monday that they rejected the results of the election.",
            "they rejected the results of the election",
            "rejected",
            "Opposition leaders",
        ),
    ],
)
def test_a_speech_act_of_another_time_or_actor_keeps_no_saying_date(
    analysed, text, clause, trigger, source
):
    spec = {"clause": clause, "trigger": trigger, "plover": "ACCUSE", "source": source}
    assert _dates(analysed, text, spec) == [None]


@pytest.mark.parametrize(
    ("text", "clause", "trigger", "status", "expected"),
    [
        # a stance the subject commits to by saying it is taken in the saying
        (
            "The finance ministry said on Monday it would oppose the merger of the two banks.",
            "it would oppose the merger of the two banks",
            "oppose",
            "predicted",
            "2019-03-11",
        ),
        # ... also after a second verb of saying that shares the subject
        (
            "The minister said in a statement on Friday that the talks had stalled and said he "
            "would never accuse the unions of sabotage.",
            "he would never accuse the unions of sabotage",
            "accuse",
            "negated",
            "2019-03-08",
        ),
    ],
)
def test_a_speech_act_the_sayer_commits_to_takes_the_sayings_date(
    analysed, text, clause, trigger, status, expected
):
    source = text.split(" said")[0]
    spec = {"clause": clause, "trigger": trigger, "plover": "REJECT", "status": status}
    assert _dates(analysed, text, {**spec, "source": source}) == [expected]


def test_a_prediction_deeper_in_the_report_keeps_no_saying_date(analysed):
    """Only the complement's own verb (or its "to" chain) is the sayer's commitment: an act
    inside a clause about someone's visit is not said into being."""
    text = (
        "A senior diplomat said on Friday the ministry had done its best, ahead of a visit next "
        "week when the envoy is expected to press the government on trade."
    )
    spec = {
        "clause": "the envoy is expected to press the government on trade",
        "trigger": "press",
        "plover": "REQUEST",
        "status": "predicted",
        "source": "A senior diplomat",
    }
    assert _dates(analysed, text, spec) == [None]


@pytest.mark.parametrize("status", ["asserted", "reported"])
def test_an_act_told_as_done_is_never_dated_after_publication(analysed, status):
    """Guide: a date after publication is kept only for a predicted event ("is asking for
    another $40 million next year" asks now)."""
    text = "The agency is asking for another $40 million next year to finish the memorial."
    spec = {"clause": text.rstrip("."), "trigger": "asking", "plover": "REQUEST", "status": status}
    assert _dates(analysed, text, spec) == [None]
    assert _dates(analysed, text, {**spec, "status": "predicted"}) == ["2020-01-01"]


# --- coordination, participle clauses, light verbs and media ----------------------------------


def test_coordinated_events_share_a_date(analysed):
    text = "Protesters gathered outside parliament on Monday and clashed with riot police."
    specs = (
        {"clause": "Protesters gathered outside parliament on Monday", "trigger": "gathered"},
        {"clause": "clashed with riot police", "trigger": "clashed"},
    )
    assert _dates(analysed, text, *specs) == ["2019-03-11", "2019-03-11"]


def test_a_predicted_conjunct_does_not_share_the_date(analysed):
    text = "Farmers blocked the motorway on Monday and will march on the ministry."
    specs = (
        {"clause": "Farmers blocked the motorway on Monday", "trigger": "blocked"},
        {"clause": "will march on the ministry", "trigger": "march", "status": "predicted"},
    )
    assert _dates(analysed, text, *specs) == ["2019-03-11", None]


def test_a_subjectless_participle_clause_lends_its_date(analysed):
    text = "Touring the flooded province on Saturday, the prime minister criticised aid agencies."
    specs = (
        {"clause": "Touring the flooded province on Saturday", "trigger": "Touring"},
        {"clause": "the prime minister criticised aid agencies", "trigger": "criticised"},
    )
    assert _dates(analysed, text, *specs)[1] == "2019-03-09"


def test_a_clause_with_its_own_subject_keeps_its_date(analysed):
    """An "after" clause is another time: the main clause's event is not dated by it."""
    text = "After the army withdrew on Saturday, the militia shelled the town."
    specs = (
        {"clause": "the army withdrew on Saturday", "trigger": "withdrew", "plover": "RETREAT"},
        {"clause": "the militia shelled the town", "trigger": "shelled"},
    )
    assert _dates(analysed, text, *specs) == ["2019-03-09", None]


def test_a_light_verb_passes_its_date_to_its_event_noun(analysed):
    text = "The navy held joint exercises with Indonesia on Tuesday."
    spec = {"clause": "joint exercises with Indonesia", "trigger": "exercises"}
    spec["plover"] = "MOBILIZE"
    assert _dates(analysed, text, spec) == ["2019-03-12"]


def test_a_dated_letter_dates_the_act_done_in_it(analysed):
    text = "The envoy rejected the proposal in a letter published on Monday."
    spec = {"clause": "The envoy rejected the proposal", "trigger": "rejected", "plover": "REJECT"}
    assert _dates(analysed, text, spec) == ["2019-03-11"]


def test_a_vague_time_in_the_clause_stops_borrowing(analysed):
    """ "has criticised in the past" says it does not know when: not Friday's act."""
    text = "On Friday the envoy visited Caracas, a government he has criticised in the past."
    specs = (
        {"clause": "the envoy visited Caracas", "trigger": "visited", "plover": "CONSULT"},
        {
            "clause": "a government he has criticised in the past",
            "trigger": "criticised",
            "plover": "ACCUSE",
        },
    )
    assert _dates(analysed, text, *specs) == ["2019-03-08", None]


# --- publication, deadlines, report scope, retellings ------------------------------------------


def test_a_past_act_never_takes_a_date_after_publication(analysed):
    text = "Ministers asked the regulator to report back by March 30."
    spec = {"clause": text[:-1], "trigger": "asked", "plover": "REQUEST"}
    assert _dates(analysed, text, spec) == [None]


def test_a_future_act_keeps_its_future_date(analysed):
    text = "The two leaders will meet in Hanoi on March 30."
    spec = {"clause": text[:-1], "trigger": "meet", "plover": "CONSULT", "status": "predicted"}
    assert _dates(analysed, text, spec) == ["2019-03-30"]


def test_a_full_date_opening_a_report_scopes_the_next_sentences(analysed):
    text = (
        "On 4 June 2018, militants burned a school near Kidal. Three guards were wounded. "
        "On 6 June 2018, soldiers detained two suspects."
    )
    specs = (
        {"clause": "militants burned a school near Kidal", "trigger": "burned"},
        {"clause": "Three guards were wounded", "trigger": "wounded"},
        {"clause": "soldiers detained two suspects", "trigger": "detained", "plover": "COERCE"},
    )
    assert _dates(analysed, text, *specs, published=None) == [
        "2018-06-04",
        "2018-06-04",
        "2018-06-06",
    ]


def test_a_weekday_opening_a_sentence_scopes_only_that_sentence(analysed):
    text = "On Monday, police raided a mosque in Kano. Officers arrested the imam."
    specs = (
        {"clause": "police raided a mosque in Kano", "trigger": "raided"},
        {"clause": "Officers arrested the imam", "trigger": "arrested", "plover": "COERCE"},
    )
    assert _dates(analysed, text, *specs) == ["2019-03-11", None]


def test_an_event_told_again_with_its_date_takes_it(analysed):
    """Guide: an event told twice takes the date of the later mention when only it has one."""
    text = "Militants killed three police officers in Borno. The ambush happened on Friday."
    spec = {"clause": "Militants killed three police officers in Borno", "trigger": "killed"}
    assert _dates(analysed, text, spec) == ["2019-03-08"]


def test_a_dated_next_sentence_about_another_act_does_not_date_it(analysed):
    text = "Militants killed three police officers in Borno. The meeting happened on Friday."
    spec = {"clause": "Militants killed three police officers in Borno", "trigger": "killed"}
    assert _dates(analysed, text, spec) == [None]


# --- relative expressions and decades ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers burned the village earlier this week.", ("2019-03-11", "week")),
        ("Soldiers burned the village last week.", ("2019-03-04", "week")),
        ("Soldiers burned the village last month.", ("2019-02-01", "month")),
        ("Soldiers burned the village earlier this month.", ("2019-03-01", "month")),
        ("Soldiers burned the village in the 1990s.", ("1990-01-01", "decade")),
        ("Soldiers burned the village in December.", ("2018-12-01", "month")),
        ("Soldiers burned the village two weeks ago.", ("2019-02-25", "week")),
        ("Soldiers burned the village today.", ("2019-03-13", "day")),
        ("Soldiers burned the village on Wednesday.", ("2019-03-13", "day")),
    ],
)
def test_relative_expressions_resolve_before_publication(analysed, text, expected):
    doc = analysed(text, published=PUBLISHED)
    doc.events = [_event(doc, text[:-1], "burned")]
    when.resolve(doc)
    ev = doc.events[0]
    assert (ev.date.date, ev.date.precision) == expected


def test_relative_expressions_stay_undated_without_publication(analysed):
    doc = analysed("Soldiers burned the village last month.", published=None)
    doc.events = [_event(doc, "Soldiers burned the village last month", "burned")]
    when.resolve(doc)
    assert doc.events[0].date.date is None


# --- tense: an event told in the present is not dated by a past clause ------------------------


def test_a_present_conjunct_does_not_share_a_past_date(analysed):
    text = "The activist was jailed for sedition in January, and her brother is facing charges."
    specs = (
        {"clause": "The activist was jailed for sedition in January", "trigger": "jailed"},
        {"clause": "her brother is facing charges", "trigger": "facing"},
    )
    assert _dates(analysed, text, *specs) == ["2019-01-01", None]


def test_a_present_event_takes_no_past_date_from_its_sentence(analysed):
    text = "Rebels, who seized the airport on Sunday, are shelling the city centre."
    spec = {"clause": "are shelling the city centre", "trigger": "shelling"}
    assert _dates(analysed, text, spec) == [None]


def test_present_conjuncts_share_a_present_date(analysed):
    text = "Envoys are meeting in Oslo this week and are drafting a ceasefire."
    specs = (
        {"clause": "Envoys are meeting in Oslo this week", "trigger": "meeting"},
        {"clause": "are drafting a ceasefire", "trigger": "drafting"},
    )
    assert _dates(analysed, text, *specs) == ["2019-03-11", "2019-03-11"]


# --- a trailing "-ing" clause tells what its dated event did, at its time -----------------------


@pytest.mark.parametrize(
    ("text", "head", "trailing"),
    [
        (
            "Riot police fired tear gas at the crowd on Monday, injuring dozens of students.",
            ("Riot police fired tear gas at the crowd on Monday", "fired"),
            ("injuring dozens of students", "injuring"),
        ),
        (
            "Farmers marched on the parliament in Kiev on Friday, demanding lower fuel prices.",
            ("Farmers marched on the parliament in Kiev on Friday", "marched"),
            ("demanding lower fuel prices", "demanding"),
        ),
    ],
)
def test_a_trailing_participle_shares_its_events_date(analysed, text, head, trailing):
    specs = (
        {"clause": head[0], "trigger": head[1]},
        {"clause": trailing[0], "trigger": trailing[1]},
    )
    first, second = _dates(analysed, text, *specs)
    assert first is not None and second == first


def test_a_participle_with_its_own_subject_keeps_no_date(analysed):
    text = "Police fired tear gas on Monday, with officers beating several students."
    specs = (
        {"clause": "Police fired tear gas on Monday", "trigger": "fired"},
        {"clause": "officers beating several students", "trigger": "beating"},
    )
    assert _dates(analysed, text, *specs)[1] is None


# --- vague windows and tweet date lines --------------------------------------------------------


def test_in_recent_weeks_is_vague_like_recently(analysed):
    text = "Several ministers have been accused of corruption in recent weeks."
    spec = {"clause": text[:-1], "trigger": "accused", "plover": "ACCUSE"}
    assert _dates(analysed, text, spec) == [None]


def test_a_counted_window_still_dates(analysed):
    text = "Rebels shelled the town over the past three days."
    assert _dates(analysed, text, {"clause": text[:-1], "trigger": "shelled"}) == ["2019-03-10"]


def test_a_tweet_date_line_does_not_date_the_paragraph_glued_after_it(analysed):
    text = (
        "The minister is a disgrace!— Jane Doe (@janedoe) March 10, 2019Protesters then "
        "blocked the road to the ministry."
    )
    spec = {"clause": "Protesters then blocked the road to the ministry", "trigger": "blocked"}
    assert _dates(analysed, text, spec) == [None]


# --- years naming things, periods, anaphors and weekdays ----------------------------------------


def test_a_year_naming_a_thing_does_not_date_the_act(analysed):
    text = "The Ukrainian envoy condemned the 2014 annexation of Crimea on Friday."
    spec = {"clause": text[:-1], "trigger": "condemned", "plover": "ACCUSE"}
    assert _dates(analysed, text, spec) == ["2019-03-08"]


def test_a_year_in_a_time_frame_still_dates_the_act(analysed):
    text = "Thousands of families fled during the war of 2014."
    spec = {"clause": text[:-1], "trigger": "fled", "plover": "RETREAT"}
    assert _dates(analysed, text, spec) == ["2014-01-01"]


def test_the_start_of_a_period_beats_its_end(analysed):
    text = "Dock workers went on strike on 4 March 2019, until 8 March 2019."
    spec = {"clause": text[:-1], "trigger": "strike", "plover": "PROTEST"}
    assert _dates(analysed, text, spec) == ["2019-03-04"]


def test_the_following_day_counts_from_the_date_before_it(analysed):
    text = "Gunmen abducted a priest on 3 May 2018. He was freed the following day."
    specs = (
        {"clause": "Gunmen abducted a priest on 3 May 2018", "trigger": "abducted"},
        {"clause": "He was freed the following day", "trigger": "freed", "plover": "RETREAT"},
    )
    assert _dates(analysed, text, *specs) == ["2018-05-03", "2018-05-04"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # past: the most recent such day, on or before publication
        ("The envoys met in Geneva on Friday.", PUBLISHED, "2019-03-08"),
        ("The envoys met in Geneva on Wednesday.", PUBLISHED, "2019-03-13"),
        # future: the next such day; the same weekday is that day (whole-article guide)
        ("The envoys will meet in Geneva on Friday.", PUBLISHED, "2019-03-15"),
        ("The envoys will meet in Geneva on Wednesday.", PUBLISHED, "2019-03-13"),
        # "last week" in a Sunday story is the week just ending
        ("The envoys met in Geneva last week.", "2019-03-17", "2019-03-11"),
        ("The envoys met in Geneva last week.", "2019-03-16", "2019-03-04"),
    ],
)
def test_weekdays_and_weeks_follow_the_guide(analysed, text, published, expected):
    trigger = "meet" if "will" in text else "met"
    status = "predicted" if "will" in text else "asserted"
    spec = {"clause": text[:-1], "trigger": trigger, "plover": "CONSULT", "status": status}
    assert _dates(analysed, text, spec, published=published) == [expected]
