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
        # an age joined to the number is no count of the dead
        ("A car hit the marchers, killing 32-year-old nurse Anna Kovacs.", None),  # not 32
        ("The blast killed a 45-year-old trader near the bus station.", 1),
        ("Police said two 19-year-old students were shot dead outside the hostel.", 2),
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


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        # sums over the victims: a list of counts, groups joined by "and", killing X and Y
        ("Two guards were killed, four attackers were killed and a driver died.", 7),
        ("A nurse and three patients were killed when the clinic was shelled.", 4),
        ("Six miners from Peru and Bolivia and two engineers were killed in the raid.", 8),
        ("The ambush killed 3 soldiers and 2 porters near the pass.", 5),
        # ... but not people told injured, a count of wounded, or an article of a place
        ("At least five guards were wounded and two raiders were killed at the gate.", 2),
        ("The ambush killed 3 soldiers and 2 others were wounded near the pass.", 3),
        ("A mortar landed at a school and four pupils were killed.", 4),
        ("Thirty people were killed, including twelve children.", 30),
        # a phrase between the number and the verb, an adverb of time, "fatally", "deaths of"
        ("Two fishermen from the coastal village were killed by pirates.", 2),
        ("Nine people were overnight killed in a raid on the camp.", 9),
        ("Three traders were fatally shot at the checkpoint.", 3),
        ("The riot led to the deaths of four prison guards.", 4),
        ("Two guards and five inmates being killed, the prison was shut.", 7),
        # a year or a span of days is no count of the dead
        ("On 4 May 2021, two rangers and a cook were killed in the park.", 3),
        ("Two weeks after the mayor was killed, the town held elections.", 1),
    ],
)
def test_fatalities_sums_and_phrasing(sentence, deaths):
    assert stated(sentence) == deaths


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        ("Soldiers shot dead 12 rebels near Beni on Friday.", 12),
        ("Gunmen killed all six passengers of a minibus near Kaduna.", 6),
        ("Militants gunned down three teachers in Garissa.", 3),
        ("Police shot and killed two robbers in Lagos.", 2),
        ("Fighters massacred 40 villagers in Ituri.", 40),
        ("Clashes between two clans near Baidoa left three people dead on Sunday.", 3),
        # the count nearest the death word, not an article before it
        ("Herders and farmers fought in a conflict that left eight dead.", 8),
        ("A fight in a bar left two people dead and five wounded.", 2),
        ("Gunmen attacked a bus, leaving two soldiers and a civilian dead.", 3),
        # "leaving" counts deaths only with a death word after it
        ("The blast hit a market, leaving five injured.", None),
        # near misses: an age, no count, a verb that carries out attacks
        ("Gunmen shot dead a 32-year-old trader in Maiduguri.", 1),
        ("The rebels executed 3 attacks on convoys.", None),
        ("Police shot dead all the suspects.", None),
    ],
)
def test_fatalities_killing_verbs_with_a_counted_object(sentence, deaths):
    assert stated(sentence) == deaths


def _deaths(text: str) -> list[int | None]:
    from sitmap import pipeline

    doc = pipeline.extract(text, source="Wire")
    return sorted({e.fatalities for e in doc.events if e.fatalities is not None})


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # a number far from the death verb, read from the passive subject of the parse
        ("Eleven miners demanding unpaid wages at the Kolwezi pit were shot and killed by "
         "guards on Friday.", [11]),
        # singular persons joined by "and" are counted one each
        ("A nurse and an elderly shepherd were killed when raiders entered Dori.", [2]),
        ("Rebels executed a village elder and a teacher near Bunia.", [2]),
        # a counted object of a killing verb not in the word lists ("executed")
        ("Militants executed fourteen hostages outside Palmyra on Tuesday.", [14]),
        # a shared object of two coordinated verbs, a singular person object
        ("Unknown attackers killed and burned a herder in the Tillaberi region.", [1]),
        ("A trader was robbed, beaten and killed by bandits near Maradi.", [1]),
        # a participle completing or following a passive shares its subject
        ("A missing teenager has been found raped and killed near Gulu.", [1]),
        ("On Sunday, a guard was beaten, disarmed and killed by a gang he had tried to stop at "
         "the gate of a mine.", [1]),
        ("A shopkeeper was found beaten and killed in his kiosk in Bukavu.", [1]),
        # a subject that dies
        ("A student wounded by police later died in hospital in Conakry.", [1]),
    ],
)  # fmt: skip
def test_fatalities_parsed_victims(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen threatened to kill two journalists in Goma.",  # an infinitive: not done
        "Police said the attackers could have killed five guards at the bank in Lagos.",
        "Soldiers killed the insurgents in a raid near Maiduguri.",  # plural, no number
        "Armed men executed a daring raid on a bank in Kidal.",  # a raid is no person
        # a participle with its own auxiliary is its own clause: the arrested killed nobody
        "A herder was arrested in Kaduna, having killed no one, police said.",
        "Two youths were detained and questioned after the killings in Jos.",
    ],
)
def test_fatalities_parsed_near_misses(text):
    assert _deaths(text) == []


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # "them" counts as the counted plural it stands for, the last before it that is no
        # active subject
        ("Gunmen stormed the house of two teachers in Yala, tied them up and shot them dead.",
         [2]),
        ("Militants seized four truck drivers near Gao and killed them.", [4]),
        # "burned ... alive" is a death
        ("Villagers burned two suspected thieves alive in Kisumu.", [2]),
    ],
)  # fmt: skip
def test_fatalities_plural_pronouns_and_burned_alive(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(
    "text",
    [
        # the counted plural is the doers, not the dead
        "Two gunmen stopped a bus near Wajir and shot them dead.",
        # no counted plural before "them"
        "Soldiers surrounded the rebels near Beni and killed them.",
        # "alive" with another verb: no death
        "Rescuers found three miners alive in Obuasi.",
    ],
)
def test_fatalities_plural_pronoun_near_misses(text):
    assert _deaths(text) == []


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # a count told "in addition to" the doers leaves them out: they are added
        ("A suicide bomber blew up a car outside a hotel in Mogadishu. In addition to the "
         "bomber, at least six guests were killed.", [7]),
        ("Three suicide bombers attacked an army base near Gao on Sunday. In addition to the "
         "bombers, at least nine soldiers were killed.", [12]),
        ("Two gunmen stormed a church in Kaduna. In addition to the gunmen, four worshippers "
         "were killed.", [6]),
        # near misses: doers with no number told stay uncounted; "in addition to" others
        ("Militants attacked a checkpoint in Sinai. In addition to the attackers, five "
         "policemen died.", [5]),
        ("In addition to the army, police were deployed after gunmen killed two traders in "
         "Jos.", [2]),
    ],
)  # fmt: skip
def test_fatalities_in_addition_to_the_doers(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # a bomber told blowing himself up is one of the dead
        ("A suspected suicide bomber detonated himself at a checkpoint in Kisumu, killing two "
         "civilians and injuring another person.", [3]),
        ("A suicide bomber blew himself up outside a mosque in Maiduguri on Friday.", [1]),
        # near misses: a bomber who did not detonate, a bomb set off by others
        ("Police shot a suicide bomber before he could detonate his vest at the gate.", []),
        ("Militants detonated a car bomb outside the ministry, killing four guards.", [4]),
    ],
)  # fmt: skip
def test_fatalities_a_bomber_who_blew_himself_up_is_counted(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # "shot dead X" whose "dead" the parser hangs on the object: still a killing of X
        ("Suspected militants shot dead ruling party district president Pulwama, Abdul Gani "
         "in the Pahoo area.", [1]),
        # a name joined to a counted person is one more, whether the NER tags it or not
        ("Assailants opened fire on an imam, Maulama Akonjee, and his assistant, Thara Uddin, "
         "in Queens. Akonjee and Uddin were killed in the attack.", [2]),
        # one suicide bomber told setting off his charge is one of the dead
        ("A suicide bomber detonated an explosives-laden vehicle targeting a convoy near "
         "Baghdadi. In addition to the bomber, two guards were killed.", [3]),
        ("A suicide bomber detonated his vest at a funeral, killing five mourners.", [6]),
        # near misses: the dead object of a shooting, bombers counted by others
        ("Police shot the dead dog near the market.", []),
        ("Two suicide bombers detonated explosives near the base. At least 13 soldiers were "
         "killed.", [13]),
    ],
)  # fmt: skip
def test_fatalities_victims_the_parse_hides(text, deaths):
    assert _deaths(text) == deaths
