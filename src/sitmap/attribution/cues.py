"""The attribution cues (``data/attribution.yaml``) and the constants the stage shares."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitmap import lexicons

_HOSTILE = {"ASSAULT", "COERCE", "SANCTION"}
POSSIBLE = "possible"  # an uncertain act: hypothetical, or predicted under a predicting frame
CONDITIONAL = "conditional"  # an act under its own "if": hypothetical, or a conditional threat
_PAST_TAGS = {"VBD", "VBN"}
_COMPLEMENTS = {"ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj", "csubj", "attr"}


@dataclass(frozen=True)
class _Cues:
    speech: frozenset[str]
    according: frozenset[str]
    cited_nouns: frozenset[str]
    outlet_anaphors: frozenset[str]
    negating_verbs: frozenset[str]
    negating_words: frozenset[str]
    modals: frozenset[str]
    predicting_verbs: frozenset[str]
    predicting_words: frozenset[str]
    attempt_verbs: frozenset[str]
    uncertain_words: frozenset[str]
    conditionals: frozenset[str]
    intent: frozenset[str]
    predicting_speech: frozenset[str]
    speech_acts: frozenset[str]
    spoken_concessions: frozenset[str]
    ruling_sectors: frozenset[str]
    quote_open: str
    quote_close: str


@cache
def _cues() -> _Cues:
    d = lexicons.yaml_file("attribution.yaml")
    return _Cues(
        speech=frozenset(d["speech"]),
        according=frozenset(d["according"]),
        cited_nouns=frozenset(d["cited_nouns"]),
        outlet_anaphors=frozenset(d["outlet_anaphors"]),
        negating_verbs=frozenset(d["negating_verbs"]),
        negating_words=frozenset(d["negating_words"]),
        modals=frozenset(d["modals"]),
        predicting_verbs=frozenset(d["predicting_verbs"]),
        predicting_words=frozenset(d["predicting_words"]),
        attempt_verbs=frozenset(d["attempt_verbs"]),
        uncertain_words=frozenset(d["uncertain_words"]),
        conditionals=frozenset(d["conditionals"]),
        intent=frozenset(d["intent"]),
        predicting_speech=frozenset(d["predicting_speech"]),
        speech_acts=frozenset(d["speech_acts"]),
        spoken_concessions=frozenset(d["spoken_concessions"]),
        ruling_sectors=frozenset(d["ruling_sectors"]),
        quote_open="".join(d["quote_open"]),
        quote_close="".join(d["quote_close"]),
    )
