"""Situations: clustering inside a component, and meetings told by their counterparts (no spaCy).

Hand-built reports (``_situation_samples.report``) written for these tests: a bombing in a
Somali port town told by three outlets that each leave something out, a document that tells one
attack twice, and two meetings of one politician on one day in one city.
"""

from __future__ import annotations

from _situation_samples import built as _store
from _situation_samples import merged as _merged
from _situation_samples import report

from sitmap import situations
from sitmap.model import Event
from sitmap.situations import rules, tables

# -- one report links two others that share too little with each other ---------------------------

RADIO = "A car bomb exploded near the seaport of Kismayo, residents told the station."
WIRE = ("Somalia's al-Shabaab said its fighters carried out a bombing in southern Somalia "
        "this week that killed three soldiers.")  # fmt: skip
BLOG = "Suspected militants killed three soldiers with a car bomb in Kismayo on Thursday."


def _port_bombing():
    radio = report("Port Radio", "2017-10-21", RADIO, trigger="exploded", place="Kismayo")
    wire = report("Horn Wire", "2017-10-21", WIRE, trigger="bombing", source="al-Shabaab",
                  date="2017-10-16", precision="week", fatalities=3,
                  mentions=("Kismayo",))  # fmt: skip
    blog = report("Coast Blog", "2017-10-20", BLOG, trigger="killed", source="militants",
                  place="Kismayo", date="2017-10-19", fatalities=3)  # fmt: skip
    return radio, wire, blog


def test_situations_clustering_a_report_that_links_two_others_joins_all_three() -> None:
    radio, wire, blog = _port_bombing()
    keys = {k.outlet: k for k in tables.iter_keys(_store(radio, wire, blog))}
    # the radio (a town, no day, no actor) and the wire (no place of its own, a week) share only
    # the town the wire's document names: compatible, too little to merge on their own ...
    assert rules.compatible(keys["Port Radio"], keys["Horn Wire"])
    assert not rules.linked(keys["Port Radio"], keys["Horn Wire"])
    # ... the blog links each of them (the town; the militants, the town named and the toll)
    assert rules.linked(keys["Coast Blog"], keys["Port Radio"])
    assert rules.linked(keys["Coast Blog"], keys["Horn Wire"])
    store = _store(radio, wire, blog)
    assert _merged(store) == [["Coast Blog", "Horn Wire", "Port Radio"]]
    (sit,) = situations.query(store, nested=True)
    assert sit["sources"] == 3 and sit["place_name"] == "Kismayo"


def test_situations_clustering_keeps_out_a_member_incompatible_with_one_of_them() -> None:
    radio, wire, blog = _port_bombing()
    # troops firing in the town that week: linked to the radio report (the town), but the
    # troops are not the militants of the blog nor al-Shabaab of the wire
    troops = report("Gulf Times", "2017-10-22", "Somali troops opened fire in Kismayo after "
                    "the blast, a witness said.", trigger="opened fire", source="Somali troops",
                    place="Kismayo")  # fmt: skip
    keys = {k.outlet: k for k in tables.iter_keys(_store(radio, wire, blog, troops))}
    assert rules.linked(keys["Gulf Times"], keys["Port Radio"])
    assert not rules.compatible(keys["Gulf Times"], keys["Coast Blog"])
    merged = _merged(_store(radio, wire, blog, troops))
    assert ["Coast Blog", "Horn Wire"] in [[o for o in s if o != "Port Radio"] for s in merged]
    assert not any({"Gulf Times", "Coast Blog"} <= set(s) or {"Gulf Times", "Horn Wire"} <= set(s)
                   for s in merged)  # fmt: skip


# -- a document that tells one event twice --------------------------------------------------------

LEAD = "Gunmen stormed the Jazeera hotel in Mogadishu on Sunday, killing five guests."
LATER = "The attackers shot their way past hotel guards before police ended the siege."


def _told_twice(second_sentence: str, **change):
    """A wire that tells the hotel attack in its lead and again in a later paragraph (its
    event written out by hand: the same type, place and day unless ``change`` says)."""
    wire = report("Demo Wire", "2017-10-16", LEAD, trigger="stormed", place="Mogadishu",
                  date="2017-10-15")  # fmt: skip
    again = wire.events[0]
    second = Event(doc_id=wire.id, sentence=4, start=0, end=len(second_sentence),
                   evidence=second_sentence, trigger="shot", plover="ASSAULT", cameo="19",
                   place=again.place, date=again.date, status="asserted")  # fmt: skip
    for name, value in change.items():
        setattr(second, name, value)
    second.attribution = list(again.attribution)
    second.id = ""
    second.__post_init__()
    wire.events.append(second)
    return wire


def test_situations_clustering_a_vaguer_second_telling_shares_its_documents_situation() -> None:
    # a wire tells the attack twice (its lead and a later paragraph that names nothing of its
    # own); a paper repeats the later paragraph almost word for word, and another outlet the
    # lead: the two tellings are never linked to each other (a document does not corroborate
    # itself), but nothing keeps them apart, so the four are one situation
    wire = _told_twice(LATER)
    paper = report("Capital Daily", "2017-10-16", "Attackers shot their way past the hotel "
                   "guards before police ended the siege, witnesses said.", trigger="shot",
                   place="Mogadishu", date="2017-10-15")  # fmt: skip
    tv = report("Horn TV", "2017-10-16", "Five guests were killed when gunmen stormed a hotel "
                "in Mogadishu on Sunday.", trigger="stormed", place="Mogadishu",
                date="2017-10-15")  # fmt: skip
    lead, later = sorted(tables.iter_keys(_store(wire)), key=lambda k: k.sentence or 0)
    assert rules.told_again(later, lead) and rules.compatible(lead, later)
    assert not rules.linked(lead, later) and rules.explain(lead, later) == "one document"
    store = _store(wire, paper, tv)
    (sit,) = situations.query(store, nested=True, limit=None)
    assert sorted((m["outlet"], m["evidence"][:12]) for m in sit["members"]) == [
        ("Capital Daily", "Attackers sh"), ("Demo Wire", "Gunmen storm"),
        ("Demo Wire", "The attacker"), ("Horn TV", "Five guests "),
    ]  # fmt: skip
    assert sit["sources"] == 2  # the paper's sentence re-runs the wire's: one voice


def test_situations_clustering_a_second_telling_with_its_own_day_stays_apart() -> None:
    # the later paragraph dates its shooting a day later: another act of the document, never
    # in the lead's situation, and each goes with the report that words it alike
    from sitmap.model import DateExpr

    monday = DateExpr(text="on Monday", start=0, end=0, date="2017-10-16", precision="day")
    wire = _told_twice(LATER, date=monday)
    paper = report("Capital Daily", "2017-10-17", "Attackers shot their way past the hotel "
                   "guards before police ended the siege, witnesses said.", trigger="shot",
                   place="Mogadishu", date="2017-10-16")  # fmt: skip
    tv = report("Horn TV", "2017-10-16", "Five guests were killed when gunmen stormed a hotel "
                "in Mogadishu on Sunday.", trigger="stormed", place="Mogadishu",
                date="2017-10-15")  # fmt: skip
    lead, later = sorted(tables.iter_keys(_store(wire)), key=lambda k: k.sentence or 0)
    assert not rules.told_again(later, lead) and not rules.compatible(lead, later)
    groups = [
        sorted((m["outlet"], m["evidence"][:12]) for m in s["members"])
        for s in situations.query(_store(wire, paper, tv), nested=True, limit=None)
    ]
    assert sorted(groups) == [
        [("Capital Daily", "Attackers sh"), ("Demo Wire", "The attacker")],
        [("Demo Wire", "Gunmen storm"), ("Horn TV", "Five guests ")],
    ]


def test_situations_rules_similarity_of_evidence_sentences() -> None:
    a = rules.key_of({"id": "a", "evidence": "Police ended the siege of the hotel."})
    b = rules.key_of({"id": "b", "evidence": "The police ended a hotel siege on Monday."})
    assert rules.similarity(a, b) == 5 / 6  # the police ended hotel siege; + monday
    assert rules.similarity(a, rules.key_of({"id": "c"})) == 0.0


# -- meetings: who met whom ----------------------------------------------------------------------

OPPOSITION = "Raila Odinga will meet opposition lawmakers in Nairobi on Tuesday."
JUBILEE = "Odinga is due to sit down with Jubilee lawmakers in Nairobi on Tuesday, aides said."


def _meeting(outlet: str, sentence: str, target: str, trigger: str):
    return report(outlet, "2017-11-27", sentence, trigger=trigger, plover="CONSULT", cameo="04",
                  source="Odinga", target=target, place="Nairobi", date="2017-11-28",
                  status="predicted")  # fmt: skip


def test_situations_counterpart_of_one_sector_but_another_name_is_another_meeting() -> None:
    opp = _meeting("East Wire", OPPOSITION, "opposition lawmakers", "meet")
    jub = _meeting("Lake Herald", JUBILEE, "Jubilee lawmakers", "sit down")
    keys = list(tables.iter_keys(_store(opp, jub)))
    # one person, one day, one city and one sector (the legislature) on the other side: the
    # evidence of one attack, but two groups of lawmakers are two meetings
    assert rules.score(*keys) >= 3 and rules.compatible(*keys)
    assert rules.explain(*keys) == "counterpart unknown"
    assert _merged(_store(opp, jub)) == [["East Wire"], ["Lake Herald"]]
    # the same lawmakers told in other words: one meeting
    same = _meeting("Lake Herald", "Odinga is due to sit down with opposition lawmakers in "
                    "Nairobi on Tuesday.", "opposition lawmakers", "sit down")  # fmt: skip
    assert _merged(_store(opp, same)) == [["East Wire", "Lake Herald"]]


# -- a document's vaguer telling: "Five women have accused Moore" ... "Moore has been accused" --

_ACCUSED = dict(target_code="USAPTY", target_name="Roy Moore", target_kind="person",
                target_country="USA")  # fmt: skip


def _telling(sentence: int, **row):
    base = dict(id=f"e{sentence}", doc_id="d", sentence=sentence, plover="ACCUSE",
                status="asserted", published="2017-11-13", **_ACCUSED)  # fmt: skip
    return rules.key_of({**base, **row})


def test_situations_rules_told_again_only_when_the_second_telling_names_nothing_new() -> None:
    women = _telling(2, source_code="USACVL", source_name="women", source_kind="group",
                     source_country="USA")  # fmt: skip
    assert rules.told_again(_telling(9), women)  # "Moore has been accused of doing just that"
    assert not rules.told_again(women, _telling(9))  # the women are the first's own
    # a doer of its own, another target, a day of its own, another kind of act: maybe another act
    senator = _telling(9, source_code="USALEG", source_name="Cory Gardner",
                       source_kind="person", source_country="USA")  # fmt: skip
    assert not rules.told_again(senator, women) and not rules.compatible(senator, women)
    other = _telling(9, target_code="USAPTY", target_name="Luther Strange")
    assert not rules.told_again(other, women)
    dated = _telling(9, date="2017-11-08", date_precision="day")
    assert not rules.told_again(dated, women)
    assert not rules.told_again(_telling(9, plover="REJECT"), women)
    # compatible (other reports may join both into one situation), never linked by itself
    assert rules.compatible(_telling(9), women)
    assert not rules.linked(_telling(9), women)
