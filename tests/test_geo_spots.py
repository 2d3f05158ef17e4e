"""Where an act on the ground happened when a note locates it by a named spot: the spot's
containers in parentheses, a town's named district or area, a reporting verb above the act's
own clause, and a small town the gazetteer has only abroad (geo/placement.py, geo/clauses.py,
geo/evidence.py), on sentences written for these tests."""

from __future__ import annotations

import pytest


def _placed(text: str) -> dict[str, tuple[str | None, str | None]]:
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2021-06-30")
    return {e.trigger: (e.place and e.place.name, e.place_basis) for e in doc.events}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # the spot is the object of "over", not after a setting preposition
            "On 4 June, soldiers regained control over Tindila (Bouna, Zanzan) from rebels.",
            "regained",
            ("Bouna", "clause"),
        ),
        (  # "between X and Y (district, province)": the district
            "On 9 May, militants ambushed a convoy between Kolomba and Tiekoro (Macomia, Cabo"
            " Delgado).",
            "ambushed",
            ("Macomia", "clause"),
        ),
        (  # outside the event's words, hanging off the verb that carries its trigger
            "On 12 May 2021, police conducted raids in the forest of Gwoza-Kirawa (Gwoza, Borno).",
            "raids",
            ("Gwoza", "clause"),
        ),
        (  # ... the spot itself when the gazetteer has it
            "On 2 March 2022, the army carried out airstrikes in the hills of Kibingo (Bushenyi,"
            " Western). No casualties were reported.",
            "airstrikes",
            ("Kibingo", "clause"),
        ),
        (  # the spot of the sentence before sets the scene of the next act on the ground
            "On 3 July, ADF rebels entered the village of Kamangu (Beni, Nord-Kivu). Two"
            " civilians were killed.",
            "killed",
            ("Beni", "previous"),
        ),
    ],
)
def test_placement_spot_with_containers_in_parentheses(text, trigger, expected) -> None:
    assert _placed(text)[trigger] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # where the attackers came from is not where they attacked
        ("On 3 June, herders from Kpalanga (Dassa, Collines) attacked farmers.", "attacked"),
        # a reporting verb governing the place directly: where it was said, not where shot
        ("Police said in Kisumu on Monday that gunmen had shot two traders.", "shot"),
    ],
)
def test_placement_spot_near_misses(text, trigger) -> None:
    assert _placed(text)[trigger] == (None, None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # a town's named area: the town ("area" has its own name, "Kibera")
            "Youths held a small protest in Nairobi's Kibera area, blocking a railway line.",
            "protest",
            "Nairobi",
        ),
        (  # a hyphenated name the parser hangs off "city" as a noun modifier
            "Traders shut several shops in As-Salt city during a riot, hurled stones and burned"
            " a police car.",
            "burned",
            "As Salţ",
        ),
        (  # "(exact date not reported)" parsed as the sentence's main verb: it reports the
            # clause the place belongs to, it is no scene of its own
            "Around Feb 3rd (exact date not reported) a 12-year-old was lured into a garden in"
            " Mutare by three men wearing army uniforms (suspected soldiers) and carrying guns"
            " and made to lie on the grass where she was raped.",
            "raped",
            "Mutare",
        ),
    ],
)
def test_placement_named_area_hyphen_and_reporting_parenthesis(text, trigger, expected) -> None:
    assert _placed(text)[trigger][0] == expected


def _resolved(text: str) -> dict[str, tuple[str | None, str | None]]:
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2021-06-30")
    return {p.text: (p.name, p.country) for p in doc.places}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (  # the gazetteer's only Kain is a Belgian village: not in a story set in Kenya
            "Al Shabaab fighters ambushed a police patrol near Kain in Kenya's Mandera county on"
            " Monday.",
            "Kain",
            (None, "KE"),
        ),
        (  # ... nor in one set in Burkina Faso
            "Gunmen attacked a bus near Kain, a village in Burkina Faso's Yatenga province, on"
            " Monday.",
            "Kain",
            (None, "BF"),
        ),
        (  # the text names the town's own country: the reading stands
            "Police in Kenya said a Kenyan trader was killed in Kain, Belgium, on Monday.",
            "Kain",
            ("Kain", "BE"),
        ),
        (  # a note naming no country or region has no home to set against the reading
            "Gunmen attacked a convoy near Kain on Monday.",
            "Kain",
            ("Kain", "BE"),
        ),
        (  # a capital abroad is news from there, whatever the story's country
            "Officials in Kenya said the minister flew to Brussels for talks.",
            "Brussels",
            ("Brussels", "BE"),
        ),
        (  # ... and so is a big city abroad that is no capital
            "Officials in Kenya said the trader was arrested in Antwerp on Monday.",
            "Antwerp",
            ("Antwerp", "BE"),
        ),
    ],
)
def test_resolution_small_town_only_abroad(text, name, expected) -> None:
    assert _resolved(text)[name] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # the spot is a place word, not a name: its containers still place the act
            "On 3 May, suspected Maoists shot dead a contractor at a brick kiln under the"
            " Imamganj police station area (Gaya district, Bihar).",
            "shot",
            ("Gaya", "clause"),
        ),
        (  # the next sentence's act on the ground, too
            "On 8 June, armed men set fire to a school in the village (Mokwa, Niger). Two"
            " guards were killed.",
            "killed",
            ("Mokwa", "previous"),
        ),
    ],
)
def test_placement_place_word_with_containers_in_parentheses(text, trigger, expected) -> None:
    assert _placed(text)[trigger] == expected


@pytest.mark.model
def test_placement_place_word_left_is_not_the_scene() -> None:
    text = "On 3 June, herders from the area (Dassa, Collines) attacked farmers in a field."
    assert _placed(text)["attacked"] == (None, None)
