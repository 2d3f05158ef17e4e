"""The conflict coder's word tables (``data/conflict.yaml`` and the lexicons it borrows),
read once: ``load()``; and the sentence text of an event."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitmap import lexicons, mobs
from sitmap.model import Document, Event


@dataclass(frozen=True)
class Table:
    window: int
    violence: re.Pattern[str]
    force_words: re.Pattern[str]
    intervention: re.Pattern[str]
    state_intervention: re.Pattern[str]
    security: frozenset[str]
    identity: re.Pattern[str]
    state: frozenset[str]
    force: frozenset[str]
    crowd: frozenset[str]
    armed_or_civil: frozenset[str]
    fights: tuple[str, ...]
    fight_words: re.Pattern[str]
    clash_overrides: frozenset[str]
    takeovers: tuple[str, ...]
    communal_words: re.Pattern[str]
    communal_code: str
    responsible: frozenset[str]
    sexual: re.Pattern[str]
    responsibility: re.Pattern[str]
    violent_deaths: re.Pattern[str]
    weapon_deaths: re.Pattern[str]
    mob_justice: re.Pattern[str]
    not_violent: re.Pattern[str]
    modes: tuple[tuple[re.Pattern[str], str], ...]
    dispersal: tuple[str, ...]
    crackdown: tuple[str, ...]
    protest_words: re.Pattern[str]
    excessive_overrides: frozenset[str]
    crowd_acts: tuple[str, ...]
    calm: re.Pattern[str]
    grievance: frozenset[str]
    fight_nouns: frozenset[str]
    fight_told: frozenset[str]
    unreal: frozenset[str]
    harm: re.Pattern[str]
    specific_weapons: tuple[tuple[re.Pattern[str], str], ...]
    refined_modes: frozenset[str | None]
    time_preps: frozenset[str]
    arrests: tuple[str, ...]
    paired: frozenset[str]
    speech: frozenset[str]
    perish: frozenset[str]
    disappearance: re.Pattern[str]
    seizures: frozenset[str]
    captives: frozenset[str]


def phrases(words: Iterable[str], *, case: bool = False) -> re.Pattern[str]:
    alts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", 0 if case else re.IGNORECASE)


@cache
def load() -> Table:
    t: dict[str, Any] = lexicons.yaml_file("conflict.yaml")
    groups = lexicons.yaml_file("sectors.yaml")["groups"]
    names = [w for forms in groups.values() for w in forms] + list(t["communities"])
    identity = "|".join(
        [phrases(t["identity_words"]).pattern, rf"(?-i:{phrases(names, case=True).pattern})"]
    )
    return Table(
        window=int(t["window"]),
        violence=phrases(t["protest_violence"]),
        force_words=phrases(t["protest_force"]),
        intervention=phrases(t["protest_intervention"]),
        state_intervention=phrases(t["protest_intervention_state"]),
        security=frozenset(t["security_sectors"]),
        identity=re.compile(identity, re.IGNORECASE),
        state=frozenset(t["state_sectors"]),
        force=frozenset(t["force_sectors"]),
        crowd=frozenset(t["crowd_sectors"]),
        armed_or_civil=frozenset(t["armed_or_civil_sectors"]),
        fights=tuple(t["fight_triggers"]),
        fight_words=phrases(t["fight_words"]),
        clash_overrides=frozenset(t["clash_overrides"]),
        takeovers=tuple(t["takeover_triggers"]),
        communal_words=re.compile(
            "|".join([phrases(t["communal_words"]).pattern, identity]), re.IGNORECASE
        ),
        communal_code=lexicons.yaml_file("codes.yaml")["sectors"]["communal"],
        responsible=frozenset(t["responsible_sectors"]),
        responsibility=phrases(t["responsibility_words"]),
        sexual=phrases(t["sexual_words"]),
        violent_deaths=phrases(t["violent_deaths"]),
        weapon_deaths=phrases(t["weapon_deaths"]),
        mob_justice=phrases(t["mob_justice"]),
        not_violent=phrases(t["not_violent"]),
        modes=tuple(
            (phrases([word]), mode)
            for mode, words in lexicons.yaml_file("predicates.yaml")["modes"].items()
            for word in words
        ),
        dispersal=tuple(t["dispersal_triggers"]),
        crackdown=tuple(t["crackdown_triggers"]),
        protest_words=re.compile(
            "|".join(
                [
                    phrases(t["protest_words"]).pattern,
                    f"(?-i:{phrases(t['protest_words_lower'], case=True).pattern})",
                ]
            ),
            re.IGNORECASE,
        ),
        excessive_overrides=frozenset(t["excessive_overrides"]),
        crowd_acts=tuple(t["crowd_acts"]),
        grievance=frozenset(t["grievance_words"]),
        calm=phrases([*t["calm_phrases"], *lexicons.yaml_file("fatalities.yaml")["none"]]),
        fight_nouns=frozenset(t["fight_nouns"]),
        fight_told=frozenset(t["fight_told"]),
        unreal=frozenset(t["unreal_heads"]),
        harm=phrases(t["harm_words"]),
        specific_weapons=tuple(
            (phrases(lexicons.yaml_file("predicates.yaml")["modes"][mode]), mode)
            for mode in t["specific_weapons"]
        ),
        refined_modes=frozenset(None if m == "none" else m for m in t["refined_modes"]),
        time_preps=frozenset(t["time_preps"]),
        arrests=tuple(t["arrest_triggers"]),
        paired=frozenset(t["paired_fight_nouns"]),
        speech=frozenset(lexicons.yaml_file("attribution.yaml")["speech"]),
        perish=frozenset(lexicons.yaml_file("fatalities.yaml")["parse"]["intransitive"]),
        disappearance=phrases(t["disappearance_words"]),
        seizures=frozenset(t["seizure_verbs"]),
        captives=frozenset(
            [
                *lexicons.yaml_file("predicates.yaml")["conflict"]["persons"],
                *lexicons.yaml_file("fatalities.yaml")["parse"]["person_nouns"],
                *t["captive_nouns"],
            ]
        )
        - mobs.armed_nouns(),
    )


def sentence(doc: Document, event: Event) -> str:
    """The text of the sentence an event is told in."""
    return next((s.text for s in doc.sentences if s.index == event.sentence), event.evidence)


__all__ = ["Table", "load", "phrases", "sentence"]
