"""Situations: an undated act told again days later of the same named person (``rules.retold``).
Sentences written for these tests; hand-built events (``_situation_samples.report``), no spaCy
needed."""

from __future__ import annotations

from _situation_samples import built as _store
from _situation_samples import merged as _merged
from _situation_samples import report

from sitmap.situations import rules, tables

CHARGED = "Kenyan prosecutors charged senator Moses Wetangula with fraud over a land deal."
STILL = "Moses Wetangula, who has been charged with fraud, returned to the Senate floor."


def charge(outlet: str, published: str, sentence: str, target: str = "Moses Wetangula", **kw):
    kw.setdefault("trigger", "charged")
    kw.setdefault("mentions", ("Nairobi",))
    return report(outlet, published, sentence, plover="COERCE", cameo="17", target=target, **kw)


def test_an_undated_retelling_days_later_merges() -> None:
    # nine days apart, neither text dates the act: the second tells the first again
    first = charge("Demo Wire", "2018-03-05", CHARGED, source="Kenyan prosecutors")
    again = charge("Capital Daily", "2018-03-14", STILL)
    store = _store(first, again)
    assert _merged(store) == [["Capital Daily", "Demo Wire"]]
    a, b = tables.iter_keys(store)
    assert rules.date_points(a, b) == rules.CONFLICT  # the publication windows are apart
    assert rules.retold(a, b) and rules.score(a, b) == 3  # the person 2 + named target 1
    assert rules.explain(a, b) is None


def test_a_dated_act_told_undated_a_week_later_merges() -> None:
    # the first report states the day, the later one tells it without a date
    dated = charge("Demo Wire", "2018-03-06", "Kenyan prosecutors on Monday charged senator "
                   "Moses Wetangula with fraud.", source="Kenyan prosecutors",
                   date="2018-03-05")  # fmt: skip
    again = charge("Capital Daily", "2018-03-13", "The fraud charge against Moses Wetangula "
                   "dominated the talk shows.", trigger="charge")  # fmt: skip
    assert _merged(_store(dated, again)) == [["Capital Daily", "Demo Wire"]]


def test_a_later_act_dated_by_its_text_is_a_new_act() -> None:
    first = charge("Demo Wire", "2018-03-05", CHARGED, source="Kenyan prosecutors")
    new = charge("Capital Daily", "2018-03-14", "Moses Wetangula was charged with contempt on "
                 "Tuesday.", date="2018-03-13")  # fmt: skip
    assert _merged(_store(first, new)) == [["Capital Daily"], ["Demo Wire"]]


def test_retold_reaches_back_two_weeks_only() -> None:
    first = charge("Demo Wire", "2018-03-05", CHARGED, source="Kenyan prosecutors")
    late = charge("Capital Daily", "2018-03-25", STILL)  # twenty days on
    assert _merged(_store(first, late)) == [["Capital Daily"], ["Demo Wire"]]


def test_retold_needs_the_same_kind_of_act_and_the_same_person() -> None:
    first = charge("Demo Wire", "2018-03-05", CHARGED, source="Kenyan prosecutors")
    accused = report("Capital Daily", "2018-03-13", "Rival senators accused Moses Wetangula of "
                     "lying about the land deal.", trigger="accused", plover="ACCUSE",
                     cameo="11", target="Moses Wetangula", mentions=("Nairobi",))  # fmt: skip
    assert _merged(_store(first, accused)) == [["Capital Daily"], ["Demo Wire"]]
    other = charge("Capital Daily", "2018-03-13", "Kennedy Mwangi, who has been charged with "
                   "fraud, skipped the sitting.", target="Kennedy Mwangi")  # fmt: skip
    assert _merged(_store(first, other)) == [["Capital Daily"], ["Demo Wire"]]


def test_retold_is_not_for_a_head_of_state_nor_a_vague_period() -> None:
    # a president is criticised every week: an undated criticism is no retelling
    slam = report("Demo Wire", "2018-03-05", "Opposition lawmakers condemned Cyril Ramaphosa "
                  "over the land reform bill.", trigger="condemned", plover="ACCUSE",
                  cameo="11", target="Cyril Ramaphosa", mentions=("Nairobi",))  # fmt: skip
    told = report("Capital Daily", "2018-03-13", "Cyril Ramaphosa has been criticised over the "
                  "land reform bill.", trigger="criticised", plover="ACCUSE", cameo="11",
                  target="Cyril Ramaphosa", mentions=("Nairobi",))  # fmt: skip
    keys = list(tables.iter_keys(_store(slam, told)))
    assert rules.leader(keys[0].target) and not rules.retold(*keys)
    assert _merged(_store(slam, told)) == [["Capital Daily"], ["Demo Wire"]]
    # "in February": a month-long window says nothing about which charge
    month = charge("Capital Daily", "2018-03-13", "Moses Wetangula was charged in February.",
                   date="2018-02-01", precision="month")  # fmt: skip
    first = charge("Demo Wire", "2018-03-05", CHARGED, source="Kenyan prosecutors")
    assert _merged(_store(first, month)) == [["Capital Daily"], ["Demo Wire"]]


def test_check_finds_the_earlier_report_an_undated_retelling_tells() -> None:
    from sitmap.situations.check import check_document

    store = _store(charge("Demo Wire", "2018-03-05", CHARGED, source="Kenyan prosecutors"))
    claim = charge("Example Blog", "2018-03-15", STILL)  # ten days on, no date in the text
    (ev,) = check_document(store, claim)["events"]
    assert ev["verdict"] == "corroborated"
    assert [c["outlet"] for s in ev["situations"] for c in s["corroborating"]] == ["Demo Wire"]


def test_retold_keeps_two_named_doers_apart() -> None:
    def accuse(outlet: str, published: str, sentence: str, trigger: str, **kw):
        return report(outlet, published, sentence, trigger=trigger, plover="ACCUSE", cameo="11",
                      target="Moses Wetangula", mentions=("Nairobi",), **kw)  # fmt: skip

    first = accuse("Demo Wire", "2018-03-05", "Prosecutor Noordin Haji accused Moses Wetangula "
                   "of forging land titles.", "accused", source="Noordin Haji")  # fmt: skip
    # a week on, without a date, nobody named: the same accusation told again
    told = accuse("Capital Daily", "2018-03-12", "Moses Wetangula, accused of forging land "
                  "titles, denied any wrongdoing.", "accused")  # fmt: skip
    assert _merged(_store(first, told)) == [["Capital Daily", "Demo Wire"]]
    # a week on, a judge named as the doer: her own rebuke, another act
    rebuke = accuse("Capital Daily", "2018-03-12", "Judge Mary Odhiambo rebuked Moses Wetangula "
                    "for defying a gag order.", "rebuked", source="Mary Odhiambo")  # fmt: skip
    keys = list(tables.iter_keys(_store(first, rebuke)))
    assert not rules.retold(*keys)
    assert _merged(_store(first, rebuke)) == [["Capital Daily"], ["Demo Wire"]]
