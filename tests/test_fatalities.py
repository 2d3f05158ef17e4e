"""fatalities: death counts stated in a sentence, given to its violent events."""

from __future__ import annotations

import pytest

from sitmap.fatalities import count, number, stated
from sitmap.model import Document, Event, Sentence


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        ("At least 20 people were killed when the market was shelled.", 20),
        ("Two soldiers died in the ambush.", 2),
        ("A roadside bomb exploded near the convoy, killing three officers.", 3),
        ("Two soldiers and three civilians were killed in the raid.", 5),
        ("Twenty-five villagers were shot dead overnight.", 25),
        ("Four dead and two injured as herders and farmers clash.", 4),
        ("The death toll rose to 12 on Tuesday.", 12),
        ("Two gunmen killed a shopkeeper in the town.", 1),  # the count of killers is no count
        ("Five people were injured in the attack.", None),  # injured, not killed
        ("Gunmen attacked a police post; no casualties were reported.", 0),
        # a relative joined by a possessive is one more victim; injuries are no deaths
        ("A village chief and his driver were shot dead near the market.", 2),
        ("Two traders and their cousin were killed on the road.", 3),
        ("A farmer and his son were wounded in the attack.", None),
        ("A teacher was stabbed dead by unknown assailants.", 1),
        ("The chairman of the local market committee was shot dead outside his home.", 1),
        ("The convoy was attacked near the border.", None),
        ("The bombing killed villagers near the border.", None),  # no number stated
        ("Two hundred protesters were arrested.", None),
    ],
)
def test_fatalities_stated(sentence, deaths):
    assert stated(sentence) == deaths


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,200", 1200), ("twenty-five", 25), ("a dozen", 12), ("two hundred", 200), ("x", None)],
)
def test_fatalities_number_words(text, value):
    assert number(text) == value


def _doc(text: str, events: list[tuple[int, str]]) -> Document:
    doc = Document(text=text)
    start = 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + 1
        doc.sentences.append(Sentence(index=i, start=start, end=end, text=text[start:end]))
        start = end + 1
    for index, plover in events:
        s = doc.sentences[index]
        doc.events.append(
            Event(
                doc_id=doc.id,
                sentence=index,
                start=s.start,
                end=s.end,
                evidence=s.text,
                trigger="x",
                plover=plover,
                cameo="18",
            )
        )
    return doc


def test_fatalities_go_to_the_violent_events_of_the_sentence_or_the_one_before():
    doc = _doc(
        "Soldiers clashed with rebels near the river. Five were killed. "
        "The minister met the envoy.",
        [(0, "ASSAULT"), (2, "CONSULT")],
    )
    count(doc)
    clash, meeting = doc.events
    assert clash.fatalities == 5
    assert meeting.fatalities is None  # no violence, no count: never a default


def test_fatalities_none_when_the_text_states_none():
    doc = _doc("Police dispersed the crowd with tear gas.", [(0, "COERCE")])
    count(doc)
    assert doc.events[0].fatalities is None


def test_fatalities_one_count_for_one_act():
    doc = _doc(
        "Gunmen stormed the market and shot at traders, killing four. Police arrived later",
        [(0, "ASSAULT"), (0, "ASSAULT"), (0, "COERCE")],
    )
    doc.events[0].trigger_start, doc.events[1].trigger_start = 7, 40
    count(doc)
    assert [e.fatalities for e in doc.events] == [4, None, None]  # four deaths, not twelve


def test_fatalities_nobody_died_holds_for_every_event():
    doc = _doc("Police fired tear gas and arrested ten people, but no one was killed", [
        (0, "ASSAULT"), (0, "COERCE")])  # fmt: skip
    count(doc)
    assert [e.fatalities for e in doc.events] == [0, 0]


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        ("Gunmen shot and killed Samuel Okafor outside his shop.", 1),  # one named victim
        ("Bandits raided the depot and killed the night guard in Wa.", 1),
        ("Soldiers killed the insurgents in a raid.", None),  # plural: no count stated
        ("Militants killed the chief and his brother near the well.", None),
        ("Four herders were killed the following morning.", 4),  # passive, not an object
    ],
)
def test_fatalities_one_victim_and_passives(sentence, deaths):
    assert stated(sentence) == deaths
