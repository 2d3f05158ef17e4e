"""Situations: the same named person as the target of two close reports (``merge.named_target``)
and close reports dated by their text (``rules.close_reports``). Sentences written for these
tests; hand-built events (``_situation_samples.report``), no spaCy needed."""

from __future__ import annotations

from _situation_samples import built as _store
from _situation_samples import merged as _merged
from _situation_samples import report

from sitmap.situations import rules, tables

CHARGED = "Zimbabwean police charged opposition politician Tendai Biti with inciting violence."
HAS_BEEN = "Tendai Biti has been charged over the street protests, his lawyer told reporters."


def charge(outlet: str, published: str, sentence: str, target: str = "Tendai Biti", **kw):
    kw.setdefault("trigger", "charged")
    kw.setdefault("mentions", ("Harare",))  # the documents name the capital elsewhere
    return report(outlet, published, sentence, plover="COERCE", cameo="17", target=target, **kw)


def test_named_target_in_close_reports_merges_without_place_or_day() -> None:
    # the agent named in one report only, no place of the act, no day: the same kind of act
    # on the same named person, reported a day apart
    wire = charge("Demo Wire", "2017-11-06", CHARGED, source="Zimbabwean police")
    daily = charge("Capital Daily", "2017-11-07", HAS_BEEN)
    store = _store(wire, daily)
    assert _merged(store) == [["Capital Daily", "Demo Wire"]]
    assert rules.score(*tables.iter_keys(store)) == 3  # the person 2 + named target 1


def test_named_target_a_week_later_other_kind_or_other_person_do_not_merge() -> None:
    wire = charge("Demo Wire", "2017-11-06", CHARGED, source="Zimbabwean police")
    # a week later and dated by its text: a new charge (undated, it may be a retelling:
    # test_situations_retold)
    later = charge("Capital Daily", "2017-11-15", "Tendai Biti was charged again on Tuesday "
                   "over the street protests.", date="2017-11-14")  # fmt: skip
    assert _merged(_store(wire, later)) == [["Capital Daily"], ["Demo Wire"]]
    accused = report("Capital Daily", "2017-11-07", "Ruling party officials accused Tendai "
                     "Biti of plotting unrest.", trigger="accused", plover="ACCUSE",
                     cameo="11", target="Tendai Biti", mentions=("Harare",))  # fmt: skip
    assert _merged(_store(wire, accused)) == [["Capital Daily"], ["Demo Wire"]]
    other = charge("Capital Daily", "2017-11-07", "Nelson Chamisa has been charged over the "
                   "street protests, his lawyer said.", target="Nelson Chamisa")  # fmt: skip
    assert _merged(_store(wire, other)) == [["Capital Daily"], ["Demo Wire"]]


def test_named_target_earns_nothing_for_a_head_of_state_or_a_source() -> None:
    # a president is criticised by someone every day: the same target says too little
    slam = report("Demo Wire", "2017-11-06", "Angry war veterans condemned Robert Mugabe over the "
                  "sacking of his deputy.", trigger="condemned", plover="ACCUSE", cameo="11",
                  source="war veterans", target="Robert Mugabe", mentions=("Harare",))  # fmt: skip
    told = report("Capital Daily", "2017-11-07", "Robert Mugabe was criticised in a church "
                  "sermon on Sunday.", trigger="criticised", plover="ACCUSE", cameo="11",
                  target="Robert Mugabe", mentions=("Harare",))  # fmt: skip
    keys = list(tables.iter_keys(_store(slam, told)))
    assert rules.leader(keys[0].target) and rules.score(*keys) == 2
    assert _merged(_store(slam, told)) == [["Capital Daily"], ["Demo Wire"]]
    # the same person as the source only: Biti charges many people with many things
    says = report("Demo Wire", "2017-11-06", "Tendai Biti accused the police of beating "
                  "protesters.", trigger="accused", plover="ACCUSE", cameo="11",
                  source="Tendai Biti", mentions=("Harare",))  # fmt: skip
    again = report("Capital Daily", "2017-11-07", "Tendai Biti accused the ruling party of "
                   "fraud.", trigger="accused", plover="ACCUSE", cameo="11",
                   source="Tendai Biti", mentions=("Harare",))  # fmt: skip
    assert _merged(_store(says, again)) == [["Capital Daily"], ["Demo Wire"]]


def test_close_reports_dated_by_the_text_ignore_the_publication_gap() -> None:
    # "last week" (a week from the text) told eight days after an undated report of the act
    week = {"id": "a", "published": "2017-11-07", "date": "2017-10-30", "date_precision": "week"}
    undated = {"id": "b", "published": "2017-10-30"}
    assert rules.close_reports(rules.key_of(week), rules.key_of(undated))
    # two undated reports four days apart are not close (their windows still overlap)
    assert not rules.close_reports(
        rules.key_of({"id": "a", "published": "2017-11-03"}),
        rules.key_of({"id": "b", "published": "2017-10-30"}),
    )
    wire = charge("Demo Wire", "2017-10-30", HAS_BEEN)
    weekly = charge("Capital Daily", "2017-11-07", "Zimbabwean police last week charged Tendai "
                    "Biti with inciting violence.", source="Zimbabwean police",
                    date="2017-10-30", precision="week")  # fmt: skip
    assert _merged(_store(wire, weekly)) == [["Capital Daily", "Demo Wire"]]
    # dated by its text a month before: apart
    old = charge("Capital Daily", "2017-11-07", "Zimbabwean police charged Tendai Biti in "
                 "September.", source="Zimbabwean police", date="2017-09-01",
                 precision="month")  # fmt: skip
    assert _merged(_store(wire, old)) == [["Capital Daily"], ["Demo Wire"]]
