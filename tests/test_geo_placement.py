"""Where each event happened (geo/placement.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitmap.evaluate.events import GoldPlace, same_place
from sitmap.model import Event, Place


def _placed(text: str) -> dict[str, tuple[str | None, str | None]]:
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2017-11-29", source="Wire")
    return {e.trigger: (e.place and e.place.name, e.place_basis) for e in doc.events}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # the destination of a visit, though the events stage reads it as the host
            "The prime minister of Japan began a three-day visit to Hanoi on Monday.",
            "visit",
            ("Hanoi", "clause"),
        ),
        (  # the visited place as the verb's object
            "The Canadian foreign minister visited Jakarta last week.",
            "visited",
            ("Jakarta", "clause"),
        ),
        (  # a subjectless participle of a visit sets the scene of the main clause's act
            "Visiting Nairobi on Friday, the British envoy urged Kenya to hold new elections.",
            "urged",
            ("Nairobi", "sentence"),
        ),
        (  # where a movement ends, after "arrived in", though read as the visited side
            "The Qatari emir arrived in Egypt on Sunday, the state news agency said.",
            "arrived",
            ("Egypt", "clause"),
        ),
        (  # an irregular past form of a movement verb
            "Last month the Turkish president went to Russia and met Putin in Sochi.",
            "went",
            ("Russia", "clause"),
        ),
        (  # ... but a court rules where it sits
            "A Kenyan appeals court in Mombasa on Friday rejected the governor's request to "
            "suspend the ruling.",
            "rejected",
            ("Mombasa", "clause"),
        ),
        (  # ... while an act on the ground is set where its doers are
            "Police officers in Mombasa beat a street trader on Monday.",
            "beat",
            ("Mombasa", "clause"),
        ),
        (  # the attacked place after "on"
            "Rebels fired rockets on Mogadishu overnight, police said.",
            "fired",
            ("Mogadishu", "clause"),
        ),
    ],
)
def test_placement_destinations_and_targets(text, trigger, expected) -> None:
    assert _placed(text)[trigger] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a place in a clause embedded under a denial is that clause's setting, not the denial's
        ("The company denied on Monday that it had bribed officials to build a dam in Laos.",
         "denied"),
        # ... and one in a relative clause of a partner is not where a deal was signed
        ("The company signed a deal with a bank that invests in Peru.", "signed"),
        # a speech act about something that happened somewhere: a topic, not a setting
        ("The senator condemned the bombing of a market in Kabul.", "condemned"),
        ("Kenya's president accused Somalia of harbouring militants in Kismayo.", "accused"),
        # where a side of a statement or a contact lives or works is no setting of it
        ("Opposition lawmakers in Nairobi accused the president of rigging the vote.",
         "accused"),
        ("The Mexican consul general in Austin has contacted the governor's office.",
         "contacted"),
    ],
)  # fmt: skip
def test_placement_topics_and_embedded_clauses_are_no_setting(text, trigger) -> None:
    assert _placed(text)[trigger] == (None, None)


@pytest.mark.model
def test_placement_speech_act_placed_where_it_was_made() -> None:
    placed = _placed("Speaking in Kabul on Monday, the senator condemned the bombing.")
    assert placed["condemned"] == ("Kabul", "sentence")


@pytest.mark.model
def test_placement_dateline_not_for_a_phone_call() -> None:
    call = _placed(
        "WASHINGTON (Reuters) - U.S. President Donald Trump spoke by phone with French "
        "President Emmanuel Macron on Tuesday, the White House said."
    )
    assert call["spoke"] == (None, None)  # made from two places
    signed = _placed(
        "WASHINGTON (Reuters) - U.S. President Donald Trump signed an order on Tuesday to "
        "expand sanctions."
    )
    assert signed["signed"] == ("Washington", "dateline")


def test_same_place_counts_a_named_area_by_name() -> None:
    # a country's centroid differs between sources by hundreds of km
    gold = GoldPlace("Morocco", 31.79, -7.09)
    morocco = Place(text="Morocco", start=0, end=7, name="Morocco", lat=32.0, lon=-5.0,
                    feature_class="A", feature_code="PCLI")  # fmt: skip
    assert same_place(gold, morocco)
    # ... but a town of the same name is a point: 50 km, as for any place
    town = Place(text="Morocco", start=0, end=7, name="Morocco", lat=32.0, lon=-5.0,
                 feature_class="P", feature_code="PPL")  # fmt: skip
    assert not same_place(gold, town)
    # ... and names must be equal, not one part of the other, within 2,000 km
    sudan = GoldPlace("Sudan", 15.5, 30.0)
    south = Place(text="South Sudan", start=0, end=11, name="South Sudan", lat=7.5, lon=30.0,
                  feature_class="A", feature_code="PCLI")  # fmt: skip
    assert not same_place(sudan, south)
    georgia = GoldPlace("Georgia", 42.0, 43.5)
    state = Place(text="Georgia", start=0, end=7, name="Georgia", lat=32.75, lon=-83.5,
                  feature_class="A", feature_code="ADM1")  # fmt: skip
    assert not same_place(georgia, state)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # the attacked place hangs off the noun phrase of the attack
            "Officials condemned rocket attacks by the rebels on Kabul.",
            "attacks",
            ("Kabul", "clause"),
        ),
        (  # what missiles flew over
            "North Korea fired two ballistic missiles over Japan on Tuesday.",
            "fired",
            ("Japan", "clause"),
        ),
        (  # the place an expulsion removes someone from
            "Mali expelled the French ambassador from Bamako on Monday.",
            "expelled",
            ("Bamako", "clause"),
        ),
        (  # talks that are the purpose of a trip are held at its destination
            "The delegation will travel to Nairobi for talks with the Kenyan president.",
            "talks",
            ("Nairobi", "sentence"),
        ),
        (  # a setting that hangs off this event's own noun, inside another event's clause
            "Gunmen shot a police officer in Kano, and protests that erupted in Abuja turned "
            "violent.",
            "protests",
            ("Abuja", "sentence"),
        ),
    ],
)
def test_placement_objects_origins_and_purposes(text, trigger, expected) -> None:
    assert _placed(text)[trigger] == expected


def _noun_event(doc, phrase: str, trigger: str, plover: str) -> Event:
    start = doc.text.index(phrase)
    sent = doc.sentence_at(start)
    return Event(
        doc_id=doc.id,
        sentence=sent.index,
        start=start,
        end=start + len(phrase),
        evidence=sent.text,
        trigger=trigger,
        trigger_start=doc.text.index(trigger, start),
        plover=plover,
        cameo="19",
    )


@pytest.mark.model
def test_placement_place_naming_an_attack_noun(analysed) -> None:
    from sitmap import geo

    doc = analysed("Two gunmen were arrested on Friday after the Kampala bombing.")
    doc.events = [_noun_event(doc, "the Kampala bombing", "bombing", "ASSAULT")]
    geo.resolve(doc)
    assert (doc.events[0].place.name, doc.events[0].place_basis) == ("Kampala", "clause")
    # talks named after a country are about it, not held there
    doc = analysed("Diplomats said the Yemen talks would resume on Friday.")
    doc.events = [_noun_event(doc, "the Yemen talks", "talks", "CONSULT")]
    geo.resolve(doc)
    assert doc.events[0].place is None


@pytest.mark.model
def test_placement_dateline_only_for_what_happened_there() -> None:
    done = _placed("WASHINGTON (Reuters) - U.S. senators imposed new sanctions on Iran on Tuesday.")
    assert done["imposed"] == ("Washington", "dateline")
    foreseen = _placed(
        "WASHINGTON (Reuters) - U.S. senators said on Tuesday they would impose new sanctions "
        "on Iran."
    )
    assert foreseen["impose"] == (None, None)  # predicted: it has not happened anywhere
    # an attack by unnamed gunmen is not placed by where the story was filed
    attacked = _placed("BEIRUT (Reuters) - Gunmen attacked a convoy on Monday.")
    assert attacked["attacked"] == (None, None)


@pytest.mark.model
def test_placement_seat_of_an_institution_after_a_setting_preposition() -> None:
    met = _placed("The British prime minister met the Irish leader at Downing Street on Monday.")
    assert met["met"] == ("Downing Street", "clause")
    # the same name as the acting body says nothing of where it acted
    assert _placed("Downing Street rejected the proposal on Monday.")["rejected"] == (None, None)


@pytest.mark.model
def test_placement_dateline_not_for_background_in_a_relative_clause() -> None:
    placed = _placed(
        "LONDON (Reuters) - Police raided the offices of a British party that was convicted "
        "in November of inciting hatred."
    )
    assert placed["raided"] == ("London", "dateline")
    assert placed["convicted"] == (None, None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # a legislature's statement: the body sits where the story was filed (GUIDE.md)
            "NAIROBI (Reuters) - Kenya's parliament on Tuesday condemned the expulsion of two "
            "Ugandan diplomats.",
            "condemned",
            ("Nairobi", "dateline"),
        ),
        (  # a court's ruling
            "OTTAWA (Reuters) - A Canadian judge on Friday rejected a request by the province to "
            "delay the trial of a former mayor.",
            "rejected",
            ("Ottawa", "dateline"),
        ),
        (  # a subject naming a legislature, before the actors stage links it
            "LONDON (Reuters) - A senior member of the House of Commons defence committee on "
            "Monday accused the government of hiding the cost of new warships.",
            "accused",
            ("London", "dateline"),
        ),
        (  # a ministry's statement: an organisation seated in the dateline's country
            "TOKYO (Reuters) - Japan's Foreign Ministry on Tuesday condemned the seizure of a "
            "Japanese fishing boat by Russian coast guards.",
            "condemned",
            ("Tokyo", "dateline"),
        ),
        (  # a person's statement may have been made anywhere: the dateline does not say
            "MADRID (Reuters) - The Spanish prime minister on Friday accused Catalan leaders of "
            "staging an illegal vote.",
            "accused",
            (None, None),
        ),
        (  # ... nor a minister's appeal
            "CANBERRA (Reuters) - Australia's foreign minister on Monday urged China to release "
            "a detained journalist.",
            "urged",
            (None, None),
        ),
        (  # ... nor a lobby's
            "BERLIN (Reuters) - A German business lobby on Wednesday called on the government to "
            "cut energy taxes.",
            "called",
            (None, None),
        ),
        (  # an appeal *to* a legislature is not the legislature's act
            "WASHINGTON (Reuters) - A coalition of farm groups on Tuesday urged Congress to "
            "expand crop insurance.",
            "urged",
            (None, None),
        ),
        (  # an act on the ground by the dateline country's police keeps it
            "NAIROBI (Reuters) - Kenyan police arrested three opposition protesters on Monday, "
            "a police spokesman said.",
            "arrested",
            ("Nairobi", "dateline"),
        ),
        (  # ... and so does a meeting
            "OTTAWA (Reuters) - The Canadian prime minister met with the leaders of the "
            "opposition parties on Thursday.",
            "met",
            ("Ottawa", "dateline"),
        ),
    ],
)
def test_placement_dateline_for_a_statement_only_by_a_seated_body(
    text: str, trigger: str, expected: tuple[str | None, str | None]
) -> None:
    assert _placed(text)[trigger] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # a raided village no gazetteer has: the event is in the town written beside it
            "Militiamen raided the village of Tsokwami (Maru, Zamfara) on Sunday.",
            "raided",
            ("Maru", "clause"),
        ),
        (
            "Rebels captured the town of Mbakoro (Kaga-Bandoro, Nana-Grebizi) after heavy "
            "fighting.",
            "captured",
            ("Kaga-Bandoro", "clause"),
        ),
        (  # "X village, Y district": the district
            "A clash between herders and farmers in Gorodwa village, Funtua district, left three "
            "people dead.",
            "clash",
            ("Funtua", "clause"),
        ),
    ],
)
def test_placement_spot_the_gazetteer_lacks_goes_to_its_container(text, trigger, expected) -> None:
    assert _placed(text)[trigger] == expected


@pytest.mark.model
def test_placement_spelling_variant_needs_the_documents_country() -> None:
    """A name found only under another spelling is kept when something else in the text points
    to that country, else left unresolved (no guess on another continent)."""
    assert _placed("Gunmen attacked a police post in Ashukeno on Monday.")["attacked"] == (
        None,
        None,
    )
    placed = _placed("Gunmen attacked a police post in Ashukeno on Monday, Russian police said.")
    assert placed["attacked"] == ("Ashukino", "clause")


@pytest.mark.parametrize(
    ("text", "name", "nested", "expected"),
    [
        # "X of Y" after a setting, with "the city of" before Y
        ("Police dispersed a march in the Kawo area of the city of Kaduna.", "Kaduna", True, True),
        ("Officials from the Kawo area of Kaduna met on Monday.", "Kaduna", True, False),
        ("The governor of Kaduna spoke on Monday.", "Kaduna", True, False),
        # a name whose last word the gazetteer holds, after a setting
        ("Rebels looted shops in Kordofan Dilling town on Friday.", "Dilling", False, True),
        # ... but not over a month name or a sentence's first word
        ("In March Kabul police arrested three men.", "Kabul", False, False),
    ],
)
def test_placement_is_setting(text, name, nested, expected) -> None:
    from sitmap.geo.placement import is_setting

    start = text.index(name)
    place = Place(text=name, start=start, end=start + len(name))
    assert is_setting(place, text, nested=nested) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # an abduction happens where the victim was taken from
            "On 3 May, gunmen abducted a nurse from Ngarwal village (Maru, Zamfara).",
            "abducted",
            ("Maru", "clause"),
        ),
        (
            "Police arrested two activists from Kibagabaga village (Gasabo, Kigali) on Tuesday.",
            "arrested",
            ("Gasabo District", "clause"),
        ),
        # what an attack hit, after "into" (not a setting of other acts: "moved into Syria")
        ("Troops fired rockets into Kadugli on Sunday.", "fired", ("Kadugli", "clause")),
        (
            "Rebels looted shops in Kordofan Dilling town on Friday.",
            "looted",
            ("Dilling", "clause"),
        ),
    ],
)
def test_placement_origins_of_abductions_and_multiword_settings(text, trigger, expected) -> None:
    assert _placed(text)[trigger] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # an airfield NER reads as a person, as the object of an attack
            "On 10 June, a mob stormed the Gulu Airfield and set two planes on fire.",
            "stormed",
            "Gulu",
        ),
        (  # a court NER reads as an organisation, after a setting preposition
            "On 4 May, a protest of 50 traders outside the Soroti Court was broken up by police.",
            "protest",
            "Soroti",
        ),
        (  # an airport named after its town, shelled
            "Rebels shelled the Jalalabad Airport overnight, police said.",
            "shelled",
            "Jalālābād",
        ),
    ],
)
def test_placement_facility_named_after_its_town(text, trigger, expected) -> None:
    """A court, airfield or airport named after its town places the act in that town."""
    assert _placed(text)[trigger][0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a foundation named after a person is no place
        "The Jackson Foundation condemned the killing of two journalists on Monday.",
        # a facility word after a one-word name that may be a person's: not narrowed
        "Gunmen attacked the Webb Center on Friday, police said.",
    ],
)
def test_placement_facility_near_misses_stay_unplaced(text) -> None:
    assert all(place is None for place, _ in _placed(text).values())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a town's name modifying the site of the act, after a setting preposition
        ("Inmates rioted in Kampala's Luzira prison on Tuesday.", "rioted", "Kampala"),
        ("Police fired tear gas at fans outside Lusaka's national stadium.", "fired", "Lusaka"),
        ("Protesters burned tyres outside the Kaduna central prison.", "burned", "Kaduna"),
        # a place in its own right comes before one that only names the site
        ("Police beat two vendors at Medina market in Dakar on Saturday.", "beat", "Dakar"),
    ],
)
def test_placement_town_naming_the_site_of_the_act(text, trigger, expected) -> None:
    assert _placed(text)[trigger][0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a town naming an office or a government, not a site: no setting for a statement
        # (a town's police acting on the ground act in their town: test_placement_home_...)
        "The Nairobi government condemned the attack on the convoy.",
        "The Lagos state governor criticised the strike on Monday.",
    ],
)
def test_placement_town_naming_an_office_is_no_setting(text) -> None:
    assert all(place is None for place, _ in _placed(text).values())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "X area", "X camp": the feature word names the place itself, not a noun it modifies
        ("Two officers were shot dead in Kakuma area, Turkana county on Sunday.", "shot", "Kakuma"),
        # a spot after a lower-case Arabic article, placed in its written container
        (
            "Gunmen killed a shopkeeper in al-Mansour area, Baghdad city, Iraq on Monday.",
            "killed",
            "Baghdad",
        ),
    ],
)
def test_placement_area_words_and_arabic_articles(text, trigger, expected) -> None:
    assert _placed(text)[trigger][0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "the streets of X", "the centre of X": X is a place even when NER reads a person
        (
            "On Monday, students took to the streets of Kaya to protest against the strikes.",
            "protest",
            "Kaya",
        ),
        (
            "Thousands of opposition supporters marched through the streets of Kisumu on Friday.",
            "marched",
            "Kisumu",
        ),
    ],
)
def test_placement_streets_of_a_town(text, trigger, expected) -> None:
    assert _placed(text)[trigger][0] == expected


@pytest.mark.model
def test_placement_between_two_towns_is_a_setting() -> None:
    """An act on the ground set "between" two named towns is placed at the first of them."""
    placed = _placed("A roadside bomb planted by militants exploded between Kandahar and Herat.")
    assert placed["exploded"][0] == "Kandahār"


@pytest.mark.model
def test_placement_between_countries_is_no_setting() -> None:
    """Countries after "between" are the sides of a clash, not where it happened."""
    placed = _placed("Clashes between Armenia and Azerbaijan killed 12 soldiers on Sunday.")
    assert all(place is None for place, _ in placed.values())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Two soldiers were wounded when their patrol came under fire in the area of Menaka.",
            "wounded",
            "Ménaka",
        ),
        (  # the setting of the sentence's other clause: "in the area of X" is "near X"
            "Army helicopters struck militant camps while troops searched villages in the area "
            "of Diffa.",
            "struck",
            "Diffa",
        ),
    ],
)
def test_placement_in_the_area_of_a_town(text, trigger, expected) -> None:
    assert _placed(text)[trigger][0] == expected


@pytest.mark.model
def test_placement_area_of_expertise_is_no_setting() -> None:
    placed = _placed(
        "The senator, an expert in the area of Gaza reconstruction, criticised the plan."
    )
    assert all(place is None for place, _ in placed.values())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # where the doers of an act on the ground live or work sets it, when nothing else does
        ("Angry Kisumu residents attacked a police patrol on Sunday.", "attacked", "Kisumu"),
        ("Villagers of Kisoro stormed the police post on Monday.", "stormed", "Kisoro"),
        ("Lagos police arrested ten people on Monday.", "arrested", "Lagos"),
        ("Masked men abducted the director of a Bamako-based charity.", "abducted", "Bamako"),
        # a town the actors stage reads as its government, written as a setting
        (
            "Traders in the Kisenyi area of Kampala protested against new market fees.",
            "protested",
            "Kampala",
        ),
    ],
)
def test_placement_home_of_the_doers(text, trigger, expected) -> None:
    assert _placed(text)[trigger] == (expected, "clause")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a title before a person's name says where he works, not where he was charged
        ("Prosecutors indicted Houston lawyer Mark Stevens on fraud charges.", "indicted"),
        # a state or a nationality is no setting
        ("Police arrested a Texas man over the shooting.", "arrested"),
        ("Kenyan police arrested two smugglers on Friday.", "arrested"),
    ],
)
def test_placement_home_is_not_a_title_or_a_nationality(text, trigger) -> None:
    assert _placed(text)[trigger][0] is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "X ward, Y, Z" and "Ban 3 village, Y district, Z province": the first container written
        # in a comma chain after "in" that the gazetteer has is the setting
        (
            "Police dispersed opposition supporters in Manyatta ward, Kisumu, on Tuesday.",
            "dispersed",
            {"Kisumu"},
        ),
        (
            "On 2 May, in Ban 3 village, Rueso district, Narathiwat province, gunmen shot dead a "
            "teacher.",
            "shot",
            {"Rueso", "Amphoe Rueso", "Narathiwat"},
        ),
        # a compass region with its feature word: the parser's adjective is the place's name
        (
            "Security forces raided several homes in Eastern province of Zambia overnight.",
            "raided",
            {"Eastern", "Eastern Province"},
        ),
    ],
)
def test_placement_admin_chains_and_feature_words(text, trigger, expected) -> None:
    assert _placed(text)[trigger][0] in expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "in <country>'s <region>": the possessive country is skipped to the setting
        ("Troops were deployed in Nigeria's Borno state after the raid.", "deployed", "Borno"),
        ("Gunmen attacked a bus in Pakistan's Balochistan province.", "attacked", "Balochistan"),
    ],
)
def test_placement_region_after_its_country_possessive(text, trigger, expected) -> None:
    assert _placed(text)[trigger] == (expected, "clause")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a district whose name holds a number ("North 24 Parganas") stays a link of the chain
        # of containers after a village the gazetteer lacks
        (
            "Police fired tear gas at protesters in Dhapa village, North 24 Parganas, West "
            "Bengal, on Monday.",
            "fired",
            {"North 24 Parganas", "West Bengal"},
        ),
        # containers in parentheses that NER read as one organisation are still containers
        (
            "Two farmers were shot dead in a land dispute in Sonbarsa village (Sitamarhi, Bihar) "
            "on Sunday.",
            "shot",
            {"Sītāmarhi", "Sitamarhi", "Bihar"},
        ),
    ],
)
def test_placement_containers_of_an_unknown_village(text, trigger, expected) -> None:
    assert _placed(text)[trigger][0] in expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Thousands of teachers marched through central Bogota on Wednesday to demand pay.",
            "marched",
            "Bogotá",
        ),
        ("Demonstrators marched through the old town of Hebron on Friday.", "marched", "Hebron"),
        ("Farmers marched through Lima on Tuesday against new water fees.", "marched", "Lima"),
    ],
)
def test_placement_route_through_a_town(text, trigger, expected) -> None:
    """A town or region after "through" is where a march happened."""
    assert _placed(text)[trigger][0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Israel released 20 prisoners through Egypt on Monday in a swap for two soldiers.",
            "released",
        ),
        (
            "Gunmen killed four traders who had travelled through Burkina Faso, the army said.",
            "killed",
        ),
    ],
)
def test_placement_through_a_country_is_a_channel(text, trigger) -> None:
    """A country after "through" is a channel or a transit, not the act's setting."""
    assert _placed(text)[trigger][0] is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # the gazetteer holds the region as Ninawa, with "Nineveh" only among its names
            "Gunmen attacked a checkpoint in Hadid district, Nineveh governorate, Iraq, on Monday.",
            "attacked",
            "Ninawa",
        ),
        (  # likewise Dahuk
            "Police arrested five smugglers in Zakho Kon village, Dohuk governorate, Iraq.",
            "arrested",
            "Dahuk",
        ),
        (
            "A car bomb exploded in Bsalim village, Mount Lebanon governorate, Lebanon.",
            "exploded",
            "Mont-Liban",
        ),
        (  # no region has that name: the country, as before
            "Police arrested five smugglers in Zakho Kon village, Perry governorate, Iraq.",
            "arrested",
            "Iraq",
        ),
    ],
)
def test_placement_region_by_its_english_name_with_an_admin_word(text, trigger, expected) -> None:
    """A container written with its admin word is the region that has the name among its
    names, when it is no region's own name in the gazetteer."""
    assert _placed(text)[trigger][0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (  # the gazetteer's Colerains are in Ohio and Massachusetts: the state written beside it
            "Gunmen torched a bus in Colerain, Pennsylvania, United States, on Sunday.",
            "torched",
            "Pennsylvania",
        ),
        (  # Kisumu is a town of another county of Kenya: the county written beside it
            "Herders clashed with farmers in Kisumu, Kilifi county, Kenya.",
            "clashed",
            "Kilifi",
        ),
        # a reading inside the written container stays
        ("Rioters looted shops in Springfield, Ohio, United States.", "looted", "Springfield"),
        ("Police arrested two men in Alexandria, Virginia, on Monday.", "arrested", "Alexandria"),
        ("Rebels attacked a convoy in Bambari, Ouaka, on Tuesday.", "attacked", "Bambari"),
        (  # a town just across the written region's border stays that town
            "Protesters blocked a road in Kaiserslautern, Saarland, Germany, on Monday.",
            "blocked",
            "Kaiserslautern",
        ),
        (  # an introductory phrase, not a container: the country says nothing
            "On 8 May 2021, in Bangui, Russia has agreed with the government on a new loan.",
            "agreed",
            "Bangui",
        ),
        (  # "Northern" is a region of other countries too: only Sri Lanka's counts
            "On 3 June 2022, farmers staged a protest in Maruthankerny village in Point Pedro"
            " town (Jaffna, Northern).",
            "protest",
            "Point Pedro",
        ),
    ],
)
def test_placement_reading_outside_the_written_container(text, trigger, expected) -> None:
    """A town whose every reading lies outside the state or county written after it, and far
    from it, is a place the gazetteer lacks: the event is placed in that container."""
    assert _placed(text)[trigger][0] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (  # a list, not a town and its state: Orlando is not read against Washington state
            "The firm has offices in Houston, Orlando, Washington and Detroit, where police"
            " raided them on Monday.",
            "Orlando",
            "Orlando",
        ),
        (  # the gazetteer has a Kansas City in Kansas: no namesake, the reading stands
            "Issac Fisher, 26, of Kansas City, Kan., was charged Monday with battery.",
            "Kansas City",
            "Kansas City",
        ),
        (  # a country after the town, not the municipality of Huila that shares its name
            "Currently she lives in Bogota, Colombia, where she was arrested last year.",
            "Bogota",
            "Bogotá",
        ),
    ],
)
def test_resolution_a_list_or_a_country_is_no_written_container(text, name, expected) -> None:
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2017-11-29", source="Wire")
    assert [p.name for p in doc.places if p.text == name] == [expected]
