"""Situations: an event without a place of its own is held to the countries its document names
and to its own actors' countries (``rules._doc_countries``). Sentences written for these tests;
hand-built events (``_situation_samples.report``), no spaCy needed."""

from __future__ import annotations

from _situation_samples import built as _store
from _situation_samples import merged as _merged
from _situation_samples import report

from sitmap.situations import rules, tables


def charge(outlet: str, published: str, sentence: str, target: str = "Moses Wetangula", **kw):
    kw.setdefault("trigger", "charged")
    return report(outlet, published, sentence, plover="COERCE", cameo="17", target=target, **kw)


NAIROBI = ("Kenyan prosecutors on Monday charged senator Moses Wetangula with fraud at a "
           "Nairobi court.")  # fmt: skip
ABROAD = ("Moses Wetangula, charged on Monday with fraud, told supporters in London that the "
          "case was political.")  # fmt: skip


def test_a_placeless_telling_abroad_keeps_its_actors_country() -> None:
    # the second report names only London, but the charged man is Kenyan: the act may be in
    # Kenya, so the Nairobi report of the same day and person is the same act
    home = charge("Demo Wire", "2018-03-06", NAIROBI, source="Kenyan prosecutors",
                  place="Nairobi", date="2018-03-05")  # fmt: skip
    abroad = charge("Capital Daily", "2018-03-06", ABROAD, date="2018-03-05",
                    mentions=("London",))  # fmt: skip
    store = _store(home, abroad)
    assert _merged(store) == [["Capital Daily", "Demo Wire"]]
    a, b = sorted(tables.iter_keys(store), key=lambda k: k.level or "")
    assert "KE" in a.doc_countries and "GB" in a.doc_countries
    assert rules.place_points(a, b) == 0 and rules.score(a, b) == 3  # person 2 + same day 1


def test_another_person_or_a_foreign_doer_abroad_stays_apart() -> None:
    home = charge("Demo Wire", "2018-03-06", NAIROBI, source="Kenyan prosecutors",
                  place="Nairobi", date="2018-03-05")  # fmt: skip
    # the same day, told in a report naming only Kampala, of Ugandan police and no named
    # person: nothing ties it to Kenya
    kampala = charge("Capital Daily", "2018-03-06", "Ugandan police on Monday charged a "
                     "senator with fraud, a spokesman said in Kampala.", target=None,
                     source="Ugandan police", date="2018-03-05",
                     mentions=("Kampala",))  # fmt: skip
    assert _merged(_store(home, kampala)) == [["Capital Daily"], ["Demo Wire"]]
    keys = {k.outlet: k for k in tables.iter_keys(_store(home, kampala))}
    assert rules.place_points(keys["Demo Wire"], keys["Capital Daily"]) == rules.CONFLICT
    # another Kenyan charged the same day, told abroad: another act
    other = charge("Capital Daily", "2018-03-06", "Kennedy Mwangi, charged on Monday with "
                   "fraud, spoke to reporters in London.", target="Kennedy Mwangi",
                   date="2018-03-05", mentions=("London",))  # fmt: skip
    assert _merged(_store(home, other)) == [["Capital Daily"], ["Demo Wire"]]


def test_a_document_naming_no_place_gets_no_country_from_its_actors() -> None:
    row = dict(id="e", doc_id="d", plover="COERCE", status="asserted", published="2018-03-06",
               target_code="KENLEG", target_name="Moses Wetangula", target_country="KEN",
               target_kind="person")  # fmt: skip
    assert rules.key_of(row).doc_countries == frozenset()
    assert rules.key_of({**row, "doc_countries": ["GB"]}).doc_countries == {"GB", "KE"}
    assert rules.key_of({**row, "target_country": None, "doc_countries": ["GB"]}
                        ).doc_countries == {"GB"}  # fmt: skip
