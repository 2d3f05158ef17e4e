"""Situations: multi-outlet stories as news tells them, merged or kept apart (no spaCy needed).

Each story is two or more reports in different words (``_situation_samples.report``), with the
events sitmap's stages give for them, including the gaps they leave (an attacker coded by the
place of the attack, a target the parser missed, a date resolved a week late), and its hard
negative: the nearest report that is another event.
"""

from __future__ import annotations

from _situation_samples import built as _store
from _situation_samples import merged as _merged
from _situation_samples import report

from sitmap import situations
from sitmap.situations import rules, tables

# -- an attack claimed by a transnational group, told by a wire and a blog -------------------------

CLAIM = ("NEW YORK - Islamic State has claimed responsibility for a truck attack this week "
         "that killed eight people in New York City.")  # fmt: skip
BLOG = "On Tuesday, New York City was attacked by a terrorist who killed eight people with a truck."


def claim(**kw):
    kw.setdefault("fatalities", 8)
    return report("Demo Wire", "2017-11-02", CLAIM, trigger="truck attack",
                  source="Islamic State", date="2017-10-30", precision="week",
                  mentions=("New York City",), **kw)  # fmt: skip


def blog(**kw):
    kw.setdefault("fatalities", 8)
    kw.setdefault("place", "New York City")
    return report("Liberty Blog", "2017-11-01", BLOG, trigger="attacked", source="a terrorist",
                  date="2017-10-31", **kw)  # fmt: skip


def test_situations_story_claimed_attack_merges_with_unnamed_attacker() -> None:
    # the claim names no place of its own but its document names New York City (1 point); "a
    # terrorist" in New York (USAINS) may be a member of Islamic State (IMGINSISI, 1 point);
    # both state eight killed (1 point)
    store = _store(claim(), blog())
    assert _merged(store) == [["Demo Wire", "Liberty Blog"]]
    (sit,) = situations.query(store, nested=True)
    assert sit["sources"] == 2 and sit["place_name"] == "New York City"
    assert sit["source_code"] == "IMGINSISI"


def test_situations_story_claimed_attack_needs_the_shared_toll() -> None:
    # without a toll stated in both, a place named in the document and a possible member say
    # too little (2 points)
    store = _store(claim(fatalities=None), blog())
    assert _merged(store) == [["Demo Wire"], ["Liberty Blog"]]
    assert rules.score(*tables.iter_keys(store)) == 2
    # another toll is no conflict (early counts rise), only no evidence
    other = _store(claim(fatalities=6), blog())
    assert rules.compatible(*tables.iter_keys(other))
    assert _merged(other) == [["Demo Wire"], ["Liberty Blog"]]


def test_situations_story_generic_attacker_is_not_any_named_group() -> None:
    # a group named in its own country is not the generic attacker of another country
    group = rules.ActorKey(code="USAINS", name="insurgents", country="USA", kind="group")
    assert rules.actor_points(group, rules.ActorKey(code="IMGINSISI")) == 1
    assert rules.actor_points(group, rules.ActorKey(code="SOMINSSHB")) == rules.CONFLICT
    # nor of another sector, nor when it is not generic (a state's named body)
    assert rules.actor_points(group, rules.ActorKey(code="IMGREBXXX")) == rules.CONFLICT
    named = rules.ActorKey(code="USAINS", name="weather underground", country="USA",
                           kind="organisation")  # fmt: skip
    assert rules.actor_points(named, rules.ActorKey(code="IMGINSISI")) == rules.CONFLICT


def test_situations_story_same_toll_elsewhere_does_not_merge() -> None:
    # the same toll on the same day in another country: the place decides
    kirkuk = report("Liberty Blog", "2017-11-01", "Eight people were killed when a terrorist "
                    "attacked a market in Kirkuk on Tuesday.", trigger="attacked",
                    source="a terrorist", place="Kirkuk", date="2017-10-31",
                    fatalities=8)  # fmt: skip
    assert _merged(_store(claim(), kirkuk)) == [["Demo Wire"], ["Liberty Blog"]]


# -- meetings: who met whom tells two meetings apart ----------------------------------------------

REPUBLICANS = ("President Donald Trump will proceed as planned to meet with Republican "
               "congressional leaders on Tuesday in Washington.")  # fmt: skip
DEMOCRATS = ("President Donald Trump said he will meet on Tuesday with the Democratic leaders "
             "of Congress in Washington.")  # fmt: skip


def meeting(outlet: str, published: str, sentence: str, **kw):
    kw.setdefault("trigger", "meet")
    kw.setdefault("source", "Trump")
    kw.setdefault("place", "Washington")
    return report(outlet, published, sentence, plover="CONSULT", cameo="04", **kw)


def test_situations_story_two_meetings_of_one_day_stay_apart() -> None:
    # same day, same city, the same named person, both predicted: the parser missed the
    # Republicans, so nothing says these are one meeting
    rep = meeting("Demo Wire", "2017-11-28", REPUBLICANS, date="2017-11-28", status="predicted")
    dem = meeting("Capital Daily", "2017-11-28", DEMOCRATS, date="2017-11-28", target="Congress",
                  status="predicted")  # fmt: skip
    keys = list(tables.iter_keys(_store(rep, dem)))
    assert rules.score(*keys) >= 3  # evidence enough for an attack, not for a meeting
    assert not rules.linked(*keys)
    assert _merged(_store(rep, dem)) == [["Capital Daily"], ["Demo Wire"]]


def test_situations_story_one_meeting_told_both_ways_round_merges() -> None:
    # both sides known in both reports, each outlet names them in another order
    wire = meeting("Demo Wire", "2017-07-07", "Trump met Putin for the first time on Friday on "
                   "the sidelines of the G20 summit in Hamburg.", trigger="met", target="Putin",
                   place="Hamburg", date="2017-07-07")  # fmt: skip
    blog = meeting("Liberty Blog", "2017-07-08", "It's official: Putin and Trump held talks at "
                   "the G20 in Hamburg.", trigger="held talks", source="Putin", target="Trump",
                   place="Hamburg")  # fmt: skip
    assert _merged(_store(wire, blog)) == [["Demo Wire", "Liberty Blog"]]
    # and with one side missing, the same two reports stay apart
    bare = meeting("Liberty Blog", "2017-07-08", "It's official: Putin and Trump held talks at "
                   "the G20 in Hamburg.", trigger="held talks", source="Putin", target=None,
                   place="Hamburg")  # fmt: skip
    assert _merged(_store(wire, bare)) == [["Demo Wire"], ["Liberty Blog"]]


# -- a threat told in the present tense, its day resolved forward ---------------------------------

THREAT = ("Trump threatened to unleash fire and fury on North Korea after news broke that it "
          "might reach American soil.")  # fmt: skip
PRESENT = "On Tuesday, Trump threatens to rain fire and fury upon North Korea."


def threat(outlet: str, sentence: str, **kw):
    return report(outlet, "2017-08-09", sentence, trigger=kw.pop("trigger"), plover="THREATEN",
                  cameo="13", source="Trump", target="North Korea", **kw)  # fmt: skip


def test_situations_story_reported_act_dated_after_publication_uses_publication() -> None:
    # published Wednesday 9 August; "On Tuesday ... threatens" resolved to the next Tuesday
    ahead = threat("Liberty Blog", PRESENT, trigger="threatens", date="2017-08-15")
    store = _store(threat("Demo Wire", THREAT, trigger="threatened"), ahead)
    assert _merged(store) == [["Demo Wire", "Liberty Blog"]]
    key = next(k for k in tables.iter_keys(store) if k.outlet == "Liberty Blog")
    assert (key.start.isoformat(), key.end.isoformat()) == ("2017-08-06", "2017-08-09")
    # a prediction may be dated ahead: "will threaten on Tuesday" keeps its day
    later = threat("Liberty Blog", PRESENT, trigger="threatens", date="2017-08-15",
                   status="predicted")  # fmt: skip
    key = next(k for k in tables.iter_keys(_store(later)))
    assert key.start.isoformat() == "2017-08-15" and key.day_stated


# -- one person, two roles: an opposition leader who was prime minister ---------------------------

REJECTED = ("Opposition leader Raila Odinga rejected the results of Thursday's repeat "
            "presidential vote at a rally in Nairobi on Friday.")  # fmt: skip
DISMISSED = ("Former prime minister Raila Odinga dismissed the rerun as a sham, telling "
             "supporters in Nairobi to stay home.")  # fmt: skip


def rejection(outlet: str, sentence: str, source: str, **kw):
    kw.setdefault("place", "Nairobi")
    return report(outlet, "2017-10-27", sentence, plover="REJECT", cameo="12", source=source,
                  **kw)  # fmt: skip


def test_situations_story_one_person_coded_by_two_roles_merges() -> None:
    wire = rejection("Demo Wire", REJECTED, "Raila Odinga", trigger="rejected",
                     date="2017-10-27")  # fmt: skip
    daily = rejection("Lakeside Post", DISMISSED, "Former prime minister Raila Odinga",
                      trigger="dismissed")  # fmt: skip
    assert _merged(_store(wire, daily)) == [["Demo Wire", "Lakeside Post"]]
    keys = list(tables.iter_keys(_store(wire, daily)))
    assert rules._same_actor(keys[0].source, keys[1].source)


def test_situations_story_same_surname_or_another_city_stays_apart() -> None:
    wire = rejection("Demo Wire", REJECTED, "Raila Odinga", trigger="rejected",
                     date="2017-10-27")  # fmt: skip
    brother = rejection("Lakeside Post", "Oburu Odinga rejected the rerun as a sham in Nairobi.",
                        "Oburu Odinga", trigger="rejected")  # fmt: skip
    assert _merged(_store(wire, brother)) == [["Demo Wire"], ["Lakeside Post"]]
    hamburg = rejection("Lakeside Post", "Former prime minister Raila Odinga dismissed the "
                        "rerun as a sham, speaking to reporters in Hamburg.",
                        "Former prime minister Raila Odinga", trigger="dismissed",
                        place="Hamburg")  # fmt: skip
    assert _merged(_store(wire, hamburg)) == [["Demo Wire"], ["Lakeside Post"]]
