"""modality: presupposed noun events, "whether" clauses, past temporal clauses, asides and
documents that show, as attribution reads them for an event's status."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _status(text: str, trigger: str) -> tuple[str, list[str]]:
    doc = pipeline.extract(text, published="2017-11-29", source="Reuters")
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    cited = [s.name for s in found[0].attribution if s.role == "cited"]
    return found[0].status, cited


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # an owned or existing act is no prediction, whatever the clause's modal says, and it
        # is known outside the warning (eval/GUIDE.md: quoted is an act known only through
        # speech)
        (
            "Senators warned that Washington's funding of the Palestinian Authority could be "
            "halted.",
            "funding",
            "asserted",
        ),
        (
            "The bill would expand existing sanctions on Iran's central bank.",
            "sanctions",
            "asserted",
        ),
        # ... while a new act under the modal stays predicted
        ("Trump said he would impose new sanctions on North Korea.", "impose", "predicted"),
        # "whether" + a finite clause: an uncertain fact; "whether to": a decision ahead
        (
            "The Pentagon is investigating whether U.S. troops killed civilians in Raqqa.",
            "killed",
            "hypothetical",
        ),
        (
            "Trump will decide next week whether to impose sanctions on Venezuela.",
            "impose",
            "predicted",
        ),
        # a past clause under "after" is background: no part of the prediction or the report
        (
            "Iran said it would retaliate after Israel bombed an Iranian base in Syria.",
            "bombed",
            "asserted",
        ),
        (
            "Moscow would respond, the Kremlin said, after Washington expelled 35 Russian "
            "diplomats.",
            "expelled",
            "asserted",
        ),
        # ... and so is one under "as": a negation of the main clause does not reach it
        (
            "The Kenyan opposition leader did not hold back as he accused the police of brutality.",
            "accused",
            "asserted",
        ),
        (
            "Police in Lima did not intervene as protesters attacked the Chilean embassy on "
            "Friday.",
            "attacked",
            "asserted",
        ),
        (
            "The Kenyan opposition leader did not accuse the police of brutality.",
            "accuse",
            "negated",
        ),
        # a non-restrictive relative clause is the outlet's aside; a restrictive one or one
        # inside the quotation marks stays the speaker's
        (
            "The minister said Syria would never negotiate with rebels, who attacked Damascus "
            "last year.",
            "attacked",
            "asserted",
        ),
        (
            "The minister said Syria would never negotiate with rebels who attacked Damascus "
            "last year.",
            "attacked",
            "quoted",
        ),
        (
            "“Syria will never negotiate with the rebels, who attacked Damascus last year,” the "
            "minister said.",
            "attacked",
            "quoted",
        ),
        # "possible" makes an act an uncertain fact (hypothetical); under a future cue or a
        # warning it is ahead (predicted)
        (
            "Brazilian prosecutors are examining possible collusion between Odebrecht and "
            "Peruvian officials.",
            "collusion",
            "hypothetical",
        ),
        (
            "Ukraine said Russian jets had possibly attacked its ships in the Black Sea.",
            "attacked",
            "hypothetical",
        ),
        ("NATO warned of a possible Russian attack on Ukraine.", "attack", "predicted"),
        ("Israel could launch a possible strike on Iranian sites.", "strike", "predicted"),
        # an "if" clause on the event makes it hypothetical; a threat states its condition
        (
            "Kenya will close the border with Somalia if al-Shabaab attacks again.",
            "close",
            "hypothetical",
        ),
        ("The Kenyan army will close the border with Somalia on Monday.", "close", "predicted"),
        (
            "North Korea threatened to destroy Seoul if South Korea attacked.",
            "threatened",
            "asserted",
        ),
        # a hostile act the acting side announces under a condition is a threat (quoted here)
        (
            "We will strike North Korea if they launch another missile, the US defense "
            "secretary said.",
            "strike",
            "quoted",
        ),
        # "maybe" on another verb does not make the event uncertain
        (
            "Maybe you have heard by now that a mosque in Minnesota was bombed on Saturday by "
            "a local militia.",
            "bombed",
            "asserted",
        ),
        # a past-perfect clause under "after" is the outlet's background, not the quote's
        (
            "The Dutch premier said the talks were “difficult”, after Turkey had expelled the "
            "Dutch ambassador.",
            "expelled",
            "asserted",
        ),
        # ... so is a past passive under "after": the negation above does not reach it
        (
            "The Kenyan army did not withdraw after the town was attacked by Somali militants.",
            "attacked",
            "asserted",
        ),
        # ... while a perfect under "once" after a future stays in the future
        (
            "Kenya said it would reopen the border once Somalia has withdrawn its troops.",
            "withdrawn",
            "predicted",
        ),
    ],
)
def test_modality_status(text, trigger, status):
    assert _status(text, trigger)[0] == status


def test_modality_a_document_that_shows_is_cited():
    status, cited = _status(
        "Federal records showed that Exxon lobbied the State Department on Russia sanctions.",
        "lobbied",
    )
    assert status == "reported" and cited == ["Federal records"]
    # a person who shows something is no document
    status, cited = _status(
        "The senator showed that Exxon lobbied the State Department on Russia sanctions.",
        "lobbied",
    )
    assert cited == []
