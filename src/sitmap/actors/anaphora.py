"""Definite descriptions: "the country", "the nation" stand for the country the text last named
(``country_anaphors``); "the ministry", "the group", "the committee" for the last body of that
kind (``body_anaphors``)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.actors.phrases import place_actor
from sitmap.model import Actor, Sentence
from sitmap.tokens import ents, table

_STATE_NOUNS = frozenset({"country", "nation"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_REACH = 1500  # characters back to look for the country a description stands for


def country_anaphors(actors: list[Actor], sdoc: Any, sentences: list[Sentence]) -> list[Actor]:
    """New mentions for "the country"/"the nation" (across adjectives: "the impoverished
    country"), coded as the state named last before it within a few paragraphs ("Iran tested a
    missile. The United States imposed sanctions on the country": IRN). A state that is the
    subject of the description's own sentence is skipped, as a definite description never
    refers to its own clause's subject ("The United States said it would sanction the
    country" is not the United States). "the country of Georgia", "the country's", "this
    country" (the speaker's own) and a description the lexicons already code are left alone."""
    states: list[Actor] | None = None  # listed at the first description: most texts have none
    found: list[Actor] = []
    text = table(sdoc).doc_text
    for _, start, end, sentence in _descriptions(
        actors, sdoc, sentences, _STATE_NOUNS, _named_after
    ):
        if states is None:
            states = _states(actors, sdoc)
        antecedent = _antecedent(states, start, sentence, sdoc)
        if antecedent is not None:
            found.append(_stand_in(text, start, end, antecedent, "state"))
    return found


def _descriptions(
    actors: list[Actor],
    sdoc: Any,
    sentences: list[Sentence],
    nouns: Collection[str],
    named_after: Callable[[Any], bool],
) -> Iterator[tuple[str, int, int, Sentence | None]]:
    """(noun, start, end, sentence) of each "the <noun>" no actor mention covers, the noun a
    singular common noun (read from the token table: a Token only for the nouns asked) and not
    followed by the name it describes (``named_after``)."""
    covered = [(a.start, a.end) for a in actors]
    tab = table(sdoc)
    for i, (lower, tag) in enumerate(zip(tab.lower, tab.tag, strict=True)):
        if lower not in nouns or tag != "NN":
            continue
        tok = sdoc[i]
        det = _determiner(tok)
        if det is None or det.lower_ != "the" or named_after(tok):
            continue
        start = sdoc[det.i].idx
        end = tok.idx + len(tok)
        if any(s < end and e > start for s, e in covered):
            continue
        yield lower, start, end, next((s for s in sentences if s.start <= start < s.end), None)


def _stand_in(
    text: str, start: int, end: int, antecedent: Actor, kind: str, sector: str | None = None
) -> Actor:
    """A description's words (``text[start:end]``) as a mention coded as its antecedent."""
    return Actor(
        text=text[start:end],
        start=start,
        end=end,
        name=antecedent.name,
        country=antecedent.country,
        sector=sector,
        code=antecedent.code,
        kind=kind,
        score=0.5,
    )


def _states(actors: list[Actor], sdoc: Any) -> list[Actor]:
    """Mentions of states in text order: coded state actors and country names the actors
    stage left as places ("arrived in Japan"); not a country word that only modifies a noun
    ("U.S. officials", "Russian diplomats", ``_modifier``)."""
    found = {a.start: a for a in actors if a.kind == "state" and a.code and a.country}
    for ent in ents(sdoc):
        if ent.label_ == "GPE" and ent.start_char not in found:
            actor = place_actor(ent.text, ent.start_char)
            if actor is not None and actor.kind == "state":
                found[ent.start_char] = actor
    return [found[k] for k in sorted(found) if not _modifier(found[k], sdoc)]


_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def _modifier(state: Actor, sdoc: Any) -> bool:
    """Whether a state mention is a word that modifies a noun after it, across adjectives
    ("*U.S.* officials imposed sanctions", "*Russian* diplomats were expelled", "a *U.S.*
    nuclear submarine"): it names whose the people or things are, not the country as something
    the text goes on to describe ("Iran tested a missile. U.S. officials imposed sanctions on
    the country": Iran). Read from the tags (the document is tagged, not parsed), so only for
    a demonym or short form ("Russian", "U.S."), not the country's name, which may be the
    subject of a gerund ("Iran test-firing a missile"). A possessor ("Japan's prime
    minister") still introduces its country."""
    span = sdoc.char_span(state.start, state.end, alignment_mode="expand")
    if span is None or state.text == state.name:
        return False
    i = span.end
    while i < len(sdoc) and i - span.end < 2 and sdoc[i].tag_ == "JJ":
        i += 1
    return i < len(sdoc) and sdoc[i].tag_ in _NOUN_TAGS


def _determiner(tok: Any) -> Any:
    """The token before a noun and its adjectives ("the impoverished country": "the")."""
    i, steps = tok.i - 1, 0
    while i >= 0 and steps < 2 and tok.doc[i].pos_ == "ADJ":
        i, steps = i - 1, steps + 1
    return tok.doc[i] if i >= 0 else None


def _named_after(tok: Any) -> bool:
    """Whether the description names its country or is a possessor: "the country of
    Georgia", "the country's president"."""
    sdoc = tok.doc
    nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
    if nxt is None:
        return False
    if nxt.text in _POSSESSIVE:
        return True
    after = sdoc[tok.i + 2] if tok.i + 2 < len(sdoc) else None
    return nxt.lower_ == "of" and after is not None and after.ent_type_ == "GPE"


def _antecedent(
    states: list[Actor], start: int, sentence: Sentence | None, sdoc: Any
) -> Actor | None:
    for state in reversed([s for s in states if s.end <= start and start - s.end <= _REACH]):
        if sentence is not None and sentence.start <= state.start and _subject(state, sdoc):
            continue
        return state
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _subject(state: Actor, sdoc: Any) -> bool:
    """Whether a state mention is a subject in its sentence: no verb before it in the sentence,
    or a finite verb right after it ("..., and Brazil sent aid to the country"), and no
    possessive after it ("The United States said ...", not "Japan's leader said")."""
    span = sdoc.char_span(state.start, state.end, alignment_mode="expand")
    if span is None:
        return False
    nxt = sdoc[span.end] if span.end < len(sdoc) else None
    if nxt is not None and nxt.text in _POSSESSIVE:
        return False
    if nxt is not None and nxt.tag_ in _FINITE:
        return True
    first = span.sent.start
    return not any(t.pos_ in {"VERB", "AUX"} for t in sdoc[first : span.start])


@cache
def _body_nouns() -> dict[str, frozenset[str]]:
    data = lexicons.yaml_file("sectors.yaml")["body_anaphors"]
    return {noun: frozenset(sectors or ()) for noun, sectors in data.items()}


def body_anaphors(actors: list[Actor], sdoc: Any, sentences: list[Sentence]) -> list[Actor]:
    """New mentions for "the ministry", "the group", "the committee" ... (``body_anaphors`` in
    sectors.yaml), coded as the last organisation before them of the noun's sectors or whose
    name holds the noun ("Amnesty International criticised the army. The group said ...":
    Amnesty). Like ``country_anaphors``: only where no mention covers the words, not "the
    group of ..." or "the group's", never its own clause's subject."""
    nouns = _body_nouns()
    bodies = sorted(
        (a for a in actors if a.kind == "organisation" and a.code and a.name),
        key=lambda a: a.start,
    )
    found: list[Actor] = []
    text = table(sdoc).doc_text
    for lower, start, end, sentence in _descriptions(
        actors, sdoc, sentences, nouns, _body_named_after
    ):
        kinds = [b for b in bodies if _of_kind(b, lower, nouns[lower])]
        antecedent = _antecedent(kinds, start, sentence, sdoc)
        if antecedent is not None:
            found.append(_stand_in(text, start, end, antecedent, "organisation", antecedent.sector))
    return found


def _of_kind(body: Actor, noun: str, sectors: frozenset[str]) -> bool:
    """Whether a body is one a description's noun can stand for: of its sectors, or named
    with the noun ("Justice Department" for "the department")."""
    sector = body.sector
    if sector is None and (body.code or "").startswith("NGO"):
        sector = "ngo"  # an international NGO ("Human Rights Watch": NGOHRW)
    return sector in sectors or noun in (body.name or "").lower().split()


def _body_named_after(tok: Any) -> bool:
    """Whether the description is named or owned after its noun: "the group of 20", "the
    group's leader", "the committee chairman", "the group Code Pink"."""
    sdoc = tok.doc
    nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
    if nxt is None:
        return False
    return nxt.text in _POSSESSIVE or nxt.lower_ == "of" or nxt.pos_ in {"PROPN", "NOUN"}
