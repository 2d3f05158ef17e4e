"""One act told twice in one article becomes one event (``events.restatements``).

The rule tests build events by hand (no model); the article tests run short articles written
for these tests through the whole pipeline.
"""

from __future__ import annotations

import pytest

from sitmap import pipeline
from sitmap.events import merge_restatements
from sitmap.events.restatements import same_act
from sitmap.model import Actor, DateExpr, Document, Event, Place

TEXT = "x" * 2000


def _actor(code: str | None, *, name: str | None = None, kind: str = "group") -> Actor | None:
    if code is None and name is None:
        return None
    return Actor(text=name or code or "", start=0, end=1, name=name, code=code, kind=kind)


def _event(
    sentence: int,
    trigger: str,
    plover: str = "ASSAULT",
    source: Actor | None = None,
    target: Actor | None = None,
    *,
    status: str = "asserted",
    at: int | None = None,
    day: str | None = None,
    precision: str = "day",
    place: Place | None = None,
    fatalities: int | None = None,
) -> Event:
    start = sentence * 100 + (at or 0)
    return Event(
        doc_id="d",
        sentence=sentence,
        start=start,
        end=start + 40,
        evidence=f"sentence {sentence}",
        trigger=trigger,
        plover=plover,
        cameo="18",
        trigger_start=start + 5,
        trigger_end=start + 5 + len(trigger),
        source=source,
        target=target,
        status=status,
        date=DateExpr(text=day, start=start, end=start + 3, date=day, precision=precision)
        if day
        else None,
        place=place,
        place_basis="clause" if place else None,
        fatalities=fatalities,
    )


def _place(name: str, lat: float, lon: float, country: str, geonameid: int) -> Place:
    return Place(
        text=name,
        start=0,
        end=len(name),
        name=name,
        geonameid=geonameid,
        country=country,
        lat=lat,
        lon=lon,
        feature_class="P",
        feature_code="PPL",
    )


MOSUL = _place("Mosul", 36.34, 43.13, "IQ", 99072)
BASRA = _place("Basra", 30.51, 47.78, "IQ", 99532)


def _merged(*events: Event) -> list[Event]:
    doc = Document(text=TEXT, events=list(events))
    return merge_restatements(doc).events


def test_restatement_same_word_later_merges_and_fills_what_the_lead_lacks():
    lead = _event(0, "shelled", source=_actor("TURMIL"), target=_actor("SYRREB"))
    later = _event(4, "shelling", target=_actor("SYRREB"), day="2018-02-05", place=MOSUL)
    [kept] = _merged(lead, later)
    assert kept is lead and kept.evidence == "sentence 0"
    assert kept.date is not None and kept.date.date == "2018-02-05"
    assert kept.place is MOSUL
    assert [m.label for m in kept.mentions] == ["shelling"]
    assert kept.mentions[0].start == later.start


def test_restatement_other_words_merge_on_shared_place_and_day():
    lead = _event(0, "bombed", source=_actor("RUSMIL"), day="2018-02-05", place=MOSUL)
    later = _event(5, "air strike", day="2018-02-05", place=MOSUL, fatalities=None)
    assert len(_merged(lead, later)) == 1


def test_restatement_two_strikes_on_other_days_or_places_stay_apart():
    lead = _event(0, "bombed", source=_actor("RUSMIL"), day="2018-02-05", place=MOSUL)
    other_day = _event(3, "bombed", source=_actor("RUSMIL"), day="2018-02-06", place=MOSUL)
    other_town = _event(6, "bombed", source=_actor("RUSMIL"), day="2018-02-05", place=BASRA)
    assert len(_merged(lead, other_day, other_town)) == 3


def test_restatement_threat_and_its_execution_stay_apart():
    threat = _event(0, "attack", source=_actor("IMGINSISI"), status="predicted")
    done = _event(3, "attacked", source=_actor("IMGINSISI"))
    assert not same_act(threat, done)
    assert len(_merged(threat, done)) == 2


def test_restatement_negated_and_asserted_stay_apart():
    denied = _event(0, "met", "CONSULT", _actor("USAGOV"), _actor("RUSGOV"), status="negated")
    met = _event(2, "met", "CONSULT", _actor("USAGOV"), _actor("RUSGOV"))
    assert not same_act(denied, met)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("USA", "USAGOV", True),  # a state and its government
        ("BUS", "ZAFBUS", True),  # "a mining firm" and the South African firm named later
        ("USAGOV", "MEXGOV", False),
        ("KENCOP", "KENMIL", False),
    ],
)
def test_restatement_sides_of_one_country_fit_others_do_not(first, second, same):
    a = _event(0, "arrested", "COERCE", _actor(first))
    b = _event(3, "arrests", "COERCE", _actor(second))
    assert same_act(a, b) is same


def test_restatement_an_uncoded_place_name_as_target_is_not_a_coded_group():
    rebels = Actor(text="rebel positions", start=0, end=15, code="SYRREB")
    town = Actor(text="Kafr Nabl", start=0, end=9)  # a name the coder has no code for
    pronoun = Actor(text="them", start=0, end=4, kind="pronoun")
    a = _event(0, "shelled", "ASSAULT", _actor("SYRMIL"), rebels)
    assert not same_act(a, _event(3, "shelled", "ASSAULT", _actor("SYRMIL"), town))
    assert same_act(a, _event(3, "shelled", "ASSAULT", _actor("SYRMIL"), pronoun))
    fox = Actor(text="Fox", start=0, end=3)
    hosts = Actor(text="Fox News hosts", start=0, end=14, code="USAMED")
    b = _event(0, "criticizing", "ACCUSE", fox, _actor("USAGOV"))
    assert same_act(b, _event(2, "criticized", "ACCUSE", hosts, _actor("USAGOV")))


def test_restatement_two_named_people_are_two_acts():
    merkel = _actor("DEUGOV", name="Angela Merkel", kind="person")
    maas = _actor("DEUGOV", name="Heiko Maas", kind="person")
    a = _event(0, "criticised", "ACCUSE", merkel, _actor("TUR"))
    b = _event(5, "criticised", "ACCUSE", maas, _actor("TUR"))
    assert not same_act(a, b)


def test_restatement_speech_act_in_other_words_is_another_statement():
    a = _event(0, "accused", "ACCUSE", _actor("IRNGOV"), _actor("SAUGOV"))
    b = _event(4, "blamed", "ACCUSE", _actor("IRNGOV"), _actor("SAUGOV"))
    assert not same_act(a, b)


def test_restatement_same_speech_verb_with_nothing_else_shared_is_another_statement():
    # "The lawsuit asks the court to block the rules." ... "On Sept. 29, Perry asked federal
    # regulators to ...": two requests by two askers, however alike the verb
    suit = _event(3, "asks", "REQUEST")
    perry = _actor("USAGOV", name="Rick Perry", kind="person")
    asked = _event(7, "asked", "REQUEST", perry, _actor("USAGOV"), day="2017-09-29")
    assert not same_act(suit, asked)
    assert len(_merged(suit, asked)) == 2
    # the same asker told again with the same verb is one request
    again = _event(9, "asked", "REQUEST", perry, None)
    assert same_act(asked, again)
    assert len(_merged(asked, again)) == 1


def test_restatement_trip_and_meetings_on_it_stay_apart():
    trip = _event(0, "trip", "CONSULT", _actor("CANGOV"), _actor("IND"))
    meetings = _event(3, "meetings", "CONSULT", _actor("CANGOV"), None)
    assert not same_act(trip, meetings)


def test_restatement_different_death_tolls_are_two_attacks():
    a = _event(0, "attack", source=_actor("SOMINS"), fatalities=12)
    b = _event(6, "attack", source=_actor("SOMINS"), fatalities=3)
    assert not same_act(a, b)


def test_restatement_coordinated_sides_on_one_trigger_stay_apart():
    a = _event(0, "urged", "REQUEST", _actor("KOR"), _actor("CHN"))
    b = _event(0, "urged", "REQUEST", _actor("JPN"), _actor("CHN"))
    duplicate = _event(0, "urged", "REQUEST", _actor("KOR"), _actor("CHN"))
    assert len(_merged(a, b, duplicate)) == 2
    ministry = Actor(text="the Health Ministry", start=0, end=19, code="ZAFGOV")
    treasury = Actor(text="the Treasury", start=30, end=42, code="ZAFGOV")
    c = _event(0, "criticized", "ACCUSE", _actor("ZAFOPP"), ministry)
    d = _event(0, "criticized", "ACCUSE", _actor("ZAFOPP"), treasury)
    assert len(_merged(c, d)) == 2  # one code, two bodies named


def test_restatement_month_and_day_in_it_agree():
    a = _event(0, "raid", "COERCE", _actor("PAKCOP"), day="2018-03-01", precision="month")
    b = _event(7, "raided", "COERCE", _actor("PAKCOP"), day="2018-03-14")
    assert same_act(a, b)


def test_restatement_mentions_round_trip_through_json():
    lead = _event(0, "shelled", source=_actor("TURMIL"))
    [kept] = _merged(lead, _event(4, "shelling", source=_actor("TURMIL")))
    again = Event.from_dict(kept.to_dict())
    assert [m.label for m in again.mentions] == ["shelling"]


# -- whole articles through the pipeline -------------------------------------------------------

STRIKE_TOLD_TWICE = (
    "ADDIS ABABA (Reuters) - Ethiopian warplanes bombed a rebel camp near Gondar on Thursday, "
    "a regional official said.\n\nThe government has fought the insurgents for two years. Talks "
    "between the two sides broke down in March.\n\nAid agencies said food supplies to the north "
    "were running low.\n\nThe air strike near Gondar on Thursday killed nine fighters, the "
    "official said."
)
TWO_STRIKES = (
    "ADDIS ABABA (Reuters) - Ethiopian warplanes bombed a rebel camp near Gondar on Thursday, "
    "a regional official said.\n\nThe government has fought the insurgents for two years.\n\n"
    "On Saturday, Ethiopian warplanes bombed a market in Mekelle, residents said."
)
CONDEMNED = (
    "CARACAS (Reuters) - President Nicolas Maduro was widely condemned on Monday for the arrest "
    "of three opposition mayors.\n\nThe government says the mayors plotted a coup.\n\n"
    "Lawmakers in Brazil {also}condemned Maduro, calling the arrests illegal."
)


def _assaults(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.plover == "ASSAULT" and e.sentence != 1]


@pytest.mark.model
def test_restatement_article_strike_told_again_in_paragraph_four_is_one_event():
    doc = pipeline.extract(STRIKE_TOLD_TWICE, source="Reuters", published="2019-05-03")
    [strike] = _assaults(doc)
    assert strike.sentence == 0 and strike.trigger == "bombed"
    assert strike.mentions and strike.mentions[0].start >= doc.text.index("The air strike")
    assert strike.fatalities == 9  # the toll told with the second telling


@pytest.mark.model
def test_restatement_article_strikes_on_two_days_in_two_towns_stay_two():
    doc = pipeline.extract(TWO_STRIKES, source="Reuters", published="2019-05-06")
    strikes = _assaults(doc)
    assert [e.trigger for e in strikes] == ["bombed", "bombed"]
    assert not any(e.mentions for e in strikes)


@pytest.mark.model
@pytest.mark.parametrize(("also", "count"), [("", 1), ("also ", 2)])
def test_restatement_article_also_marks_a_second_act(also, count):
    text = CONDEMNED.format(also=also)
    doc = pipeline.extract(text, source="Reuters", published="2019-05-08")
    assert len([e for e in doc.events if e.plover == "ACCUSE"]) == count


@pytest.mark.model
def test_restatement_article_dozens_of_launches_are_not_the_one_told_first():
    text = (
        "SEOUL (Reuters) - North Korea fired a ballistic missile into the sea on Saturday, South "
        "Korea's military said.\n\nPyongyang has fired dozens of missiles this year."
    )
    doc = pipeline.extract(text, source="Reuters", published="2019-05-06")
    assert len([e for e in doc.events if e.trigger == "fired"]) == 2


@pytest.mark.model
def test_restatement_article_a_meeting_after_a_meeting_is_a_second_one():
    text = (
        "BERLIN (Reuters) - After her meeting with President Emmanuel Macron at the chancellery "
        "on Tuesday, Chancellor Angela Merkel met Macron alone for an hour, officials said."
    )
    doc = pipeline.extract(text, source="Reuters", published="2019-05-08")
    assert [e.trigger for e in doc.events if e.plover == "CONSULT"] == ["meeting", "met"]


def test_restatement_two_verbs_of_a_sentence_with_other_objects_are_two_acts():
    seized = _event(0, "seized", "COERCE", _actor("BRACOP"), None, at=10)
    detained = _event(0, "detained", "COERCE", _actor("BRACOP"), _actor("BRACVL"), at=40)
    assert not same_act(seized, detained)
    shot = _event(0, "shot", "ASSAULT", _actor("ZAFCOP"), _actor("ZAFLAB"), at=10)
    killed = _event(0, "killed", "ASSAULT", _actor("ZAFCOP"), _actor("ZAFLAB"), at=20)
    assert same_act(shot, killed)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "On 7 October 2023, soldiers shelled rebel positions in the town of Tessalit. The "
        "soldiers subsequently entered and took control of the town.",
        "On 14 November 2023, soldiers shelled rebel positions in Tessalit before they entered "
        "and took control of the town.",
    ],
)
def test_restatement_article_an_act_that_follows_another_stays_apart(text):
    doc = pipeline.extract(text, source="Wire", published="2023-11-20")
    assert len([e for e in doc.events if e.plover == "ASSAULT"]) == 2


def test_restatement_a_date_carried_from_the_sentence_before_is_no_evidence():
    from sitmap.model import Sentence

    monday = DateExpr(text="Monday", start=30, end=36, date="2018-02-05", precision="day")
    attacked = _event(0, "attacked", "ASSAULT", _actor("SYRUAF"), None)
    killed = _event(1, "killed", "ASSAULT", None, _actor("SYRCVL"))
    attacked.date = killed.date = monday  # told in sentence 0 only
    doc = Document(
        text=TEXT,
        sentences=[Sentence(0, 0, 100, TEXT[:100]), Sentence(1, 100, 200, TEXT[100:200])],
        events=[attacked, killed],
    )
    assert len(merge_restatements(doc).events) == 2
    killed.date = DateExpr(text="Monday", start=130, end=136, date="2018-02-05", precision="day")
    attacked.place = killed.place = MOSUL
    attacked.place_basis = killed.place_basis = "clause"
    assert len(merge_restatements(doc).events) == 1  # the day and the town told in both


def test_restatement_a_side_left_uncoded_on_one_trigger_is_the_same_act():
    # "Senators Ruiz and Okafor will visit the WHO": Okafor not coded
    coded = _event(0, "visit", "CONSULT", _actor("USALEG"), _actor("IGOUNO"), status="predicted")
    uncoded = _event(0, "visit", "CONSULT", None, _actor("IGOUNO"), status="predicted")
    [kept] = _merged(coded, uncoded)
    assert kept.source is not None and kept.source.code == "USALEG"
    # the stray side comes first: the coded side is kept all the same
    stray = _event(0, "charged", "ASSAULT", _actor(None, name="Erdo"), _actor("TURPRO"))
    forces = _event(0, "charged", "ASSAULT", _actor("TURCOP"), _actor("TURPRO"))
    [kept] = _merged(stray, forces)
    assert kept.source is not None and kept.source.code == "TURCOP"
    # two coded sides differ, or neither event codes the side that differs: two events stay
    other = _event(0, "visit", "CONSULT", _actor("USAGOV"), _actor("IGOUNO"), status="predicted")
    assert len(_merged(coded, other)) == 2
    bare = _event(0, "visit", "CONSULT", None, None, status="predicted")
    assert len(_merged(uncoded, bare)) == 2


@pytest.mark.model
def test_restatement_article_a_given_act_is_the_one_told_before():
    # "the deals": a definite event noun with nothing of its own names the agreements told
    # in the lead, whatever the sides its own clause would lend it
    text = (
        "ANKARA (Reuters) - Turkey and Russia signed trade agreements worth $10 billion in Sochi "
        "on Monday. Speaking alongside Putin as they announced the deals, Erdogan said Turkish "
        "exports would grow."
    )
    doc = pipeline.extract(text, source="Reuters", published="2019-05-08")
    [agreement] = [e for e in doc.events if e.plover == "AGREE"]
    assert agreement.trigger == "signed"
    assert [m.label for m in agreement.mentions] == ["deals"]


@pytest.mark.model
def test_restatement_article_a_given_act_told_nowhere_before_is_an_event():
    text = (
        "HARARE (Reuters) - Riot police in Harare fired tear gas on Monday to disperse the "
        "protests."
    )
    doc = pipeline.extract(text, source="Reuters", published="2019-05-08")
    assert [e.trigger for e in doc.events if e.plover == "PROTEST"] == ["protests"]


@pytest.mark.model
def test_restatement_article_a_given_act_told_nowhere_and_not_acted_on_is_known():
    text = "SOCHI (Reuters) - After the meeting, Erdogan shook hands with Putin again and left."
    doc = pipeline.extract(text, source="Reuters", published="2019-05-08")
    assert not [e for e in doc.events if e.trigger == "meeting"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # conduct up to now (present perfect): a later dated instance is not its date
            "The governor has repeatedly criticized the pipeline project. In March, he "
            "criticized the project at a rally in the capital.",
            "criticized",
            None,
        ),
        (  # ... nor in a relative clause: "who has denied" is the denial up to now
            "Opposition lawmakers called on Tuesday for an inquiry into bribery claims against "
            "the minister, who has denied the claims. The minister denied the claims in a "
            "statement on Friday.",
            "denied",
            None,
        ),
        (  # a past telling still takes the date of the later one that has it
            "Gunmen killed five soldiers near the border. The killings happened on Monday.",
            "killed",
            "2019-05-06",
        ),
    ],
)
def test_restatement_article_an_ongoing_telling_takes_no_later_date(text, trigger, expected):
    doc = pipeline.extract(text, source="Reuters", published="2019-05-08")
    event = min((e for e in doc.events if e.trigger == trigger), key=lambda e: e.start)
    assert (event.date.date if event.date else None) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kept", "told"),
    [
        # an injury beside a killing of the same sentence is that attack's toll
        (
            "LAS VEGAS (Reuters) - A gunman shot and killed 58 people and wounded nearly 500 "
            "at a concert on Sunday.",
            "killed",
            ["wounded"],
        ),
        # ... and so is one told "in the attack" a sentence later
        (
            "BAGHDAD (Reuters) - Islamic State militants attacked an army checkpoint near Mosul "
            "on Monday. Four soldiers were wounded in the attack.",
            "attacked",
            ["wounded"],
        ),
    ],
)
def test_restatement_article_an_injury_is_the_toll_of_the_attack(text, kept, told):
    doc = pipeline.extract(text, source="Reuters", published="2017-10-03")
    [assault] = [e for e in doc.events if e.plover == "ASSAULT"]
    assert assault.trigger == kept
    assert [m.label for m in assault.mentions] == told


@pytest.mark.model
def test_restatement_article_an_injury_by_other_attackers_stays_its_own_act():
    text = (
        "BAGHDAD (Reuters) - Islamic State militants attacked an army checkpoint near Mosul on "
        "Monday, police said. Separately, gunmen wounded two policemen in Baghdad."
    )
    doc = pipeline.extract(text, source="Reuters", published="2017-10-03")
    assert [e.trigger for e in doc.events if e.plover == "ASSAULT"] == ["attacked", "wounded"]
