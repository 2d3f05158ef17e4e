"""events.senses: trigger words used in a sense that names no event (data/non_events.yaml)."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _triggers(text: str) -> list[tuple[str, str]]:
    doc = pipeline.extract(text, published="2017-11-29", source="Wire")
    return [(e.trigger, e.plover) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        # a violent verb whose object is a rule or a plan is figurative
        (
            "The Senate voted on Tuesday to kill the regulation that Democrats had backed.",
            "kill",
            None,
        ),
        ("Rebels killed three soldiers near the border on Tuesday.", None, "killed"),
        # "released a poll" is no release of captives ...
        ("The White House released a report on the economy on Thursday.", "released", None),
        # ... nor is a document described as released ("a report released on Tuesday"),
        # while captives described so are
        (
            "A United Nations report released on Tuesday accused Myanmar's army of burning "
            "villages.",
            "released",
            "accused",
        ),
        (
            "The statement that was released by the Kremlin on Monday criticized Ukraine.",
            "released",
            "criticized",
        ),
        (
            "The journalists released by Egyptian police on Sunday said they had been beaten.",
            None,
            "released",
        ),
        (
            "Two Turkish soldiers who were released by Kurdish fighters returned to Ankara.",
            None,
            "released",
        ),
        # ... while releasing prisoners is
        # funding a thing is no aid to an actor; funding or supplying one is
        ("The Nigerian parliament refused to fund the new airport in Abuja.", "fund", None),
        ("The Chilean government funds the program through a tax on copper.", "funds", None),
        ("Qatar funded Hamas for years, the Egyptian foreign minister said.", None, "funded"),
        (
            "Japan donated $5 million to the Philippine Red Cross after the typhoon.",
            None,
            "donated",
        ),
        (
            "The Syrian government released 40 prisoners on Thursday, the ministry said.",
            None,
            "released",
        ),
        # "struck down" annuls a rule
        ("The Supreme Court struck down the Ohio law on Monday.", "struck", None),
        # asking a question is no request; asking someone to act is
        ("Reporters asked Trump whether he would fire Mueller.", "asked", None),
        ("Reporters asked the senator if he had spoken to Putin.", "asked", None),
        ("The Iraqi government asked Turkey to withdraw its troops.", None, "asked"),
        # "demonstrate that ..." states a finding, not a protest
        (
            "The agency must demonstrate that the chemical causes cancer in humans.",
            "demonstrate",
            None,
        ),
        ("Thousands of students demonstrated in Caracas on Monday.", None, "demonstrated"),
        (
            "Thousands of women marched in Washington to demonstrate opposition to Trump.",
            None,
            "demonstrate",
        ),
        # a warning to the public about a danger is no threat; a warning to an adversary is,
        # and so is a warning to do something
        (
            "Authorities in Chile warned residents that the volcano could erupt again.",
            "warned",
            None,
        ),
        (
            "Kenyan police warned motorists that roads near Nairobi remained flooded.",
            "warned",
            None,
        ),
        ("Iran warned Israel that it would strike back at any target.", None, "warned"),
        # a disaster, disease or drug as the doer of a violent verb is no actor's act
        ("Fentanyl is killing young Americans, the senator from Ohio said.", "killing", None),
        ("Malaria killed hundreds of Venezuelan children last year, the WHO said.", "killed", None),
        ("Cholera is killing children in Yemen, the WHO said.", "killing", None),
        ("Gunmen killed 40 villagers in Zamfara during the floods.", None, "killed"),
        # a courtesy formula thanks nobody for any act; thanking an actor is support
        (
            "Merkel closed her address to the Bundestag with a smile, adding: Thank you very much.",
            "thank",
            None,
        ),
        ("Zelensky thanked Poland for its help on Friday.", None, "thanked"),
        ("Thank you, Prime Minister Modi, Obama said at the dinner.", None, "thank"),
        # a meeting noun that is only where a statement was made is no meeting
        (
            "Modi told reporters at the G20 summit in Osaka that trade talks had stalled.",
            "summit",
            None,
        ),
        (
            "Macron told journalists at a NATO meeting in Brussels that France would keep "
            "its troops.",
            "meeting",
            None,
        ),
        ("Putin said at a summit with Xi Jinping that trade would grow.", None, "summit"),
        (
            "Senator Cruz told reporters in Taipei at the end of a visit to Taiwan that ties "
            "were strong.",
            None,
            "visit",
        ),
        (
            "Venezuela told Colombian officials during talks in Caracas that the border "
            "would reopen.",
            None,
            "talks",
        ),
        # "such" and "any" make an event noun a kind, not an act
        ("Such attacks on Colombian police have become common.", "attacks", None),
        (
            "Seoul warned that any missile launch by Pyongyang would be met with force.",
            "launch",
            None,
        ),
        ("The attacks on Colombian police by the ELN rebels have become common.", None, "attacks"),
        # fixed figurative phrases around an event noun
        ("Russia's war of words with Ukraine escalated on Friday.", "war", None),
        # a capability is no event
        (
            "North Korea is developing a missile capable of hitting the United States.",
            "hitting",
            None,
        ),
        ("North Korea hit the United States with a missile on Friday.", None, "hit"),
        # a standing measure defied is background
        (
            "North Korea has fired dozens of missiles in defiance of U.N. sanctions.",
            "sanctions",
            None,
        ),
        ("The United Nations imposed sanctions on North Korea on Friday.", None, "imposed"),
        # the object may be the noun a relative pronoun stands for
        ("Trudeau spoke at a gala which the White House hosted on Thursday.", "hosted", None),
        ("The White House hosted Japan's prime minister on Thursday.", None, "hosted"),
        # what a threat or an ought is about is no second event
        (
            "Trump threatened on Tuesday to totally destroy North Korea.",
            "destroy",
            "threatened",
        ),
        (
            "Trump threatened in his United Nations address to “totally destroy” North Korea.",
            "destroy",
            "threatened",
        ),
        ("Some Republicans said the senator should be lynched.", "lynched", None),
        ("Rebels lynched a soldier in Aleppo on Monday.", None, "lynched"),
        (
            "Senators said Washington should urge Beijing to cut oil supplies to North Korea.",
            None,
            "urge",
        ),
        # "fired back" at critics is a retort
        ("Trump fired back at North Korea on Twitter on Saturday.", "fired", None),
        # signing or vetoing a law is legislation, not an agreement or a rejection
        ("Trump signed the tax bill into law on Friday.", "signed", None),
        ("The governor of Texas signed a law that restricts abortion.", "signed", None),
        ("Israel and Jordan signed a water-sharing agreement on Monday.", None, "signed"),
        # signing a letter states the signers' view; what the letter does may be an event
        (
            "Some 74 Kenyan lawmakers signed a letter this week opposing the Chinese rail deal.",
            "signed",
            "opposing",
        ),
        ("The petition was signed by 56 Kenyan lawmakers.", "signed", None),
        # withdrawing a name or a nomination is no retreat from another actor
        ("The Kenyan nominee withdrew his name from consideration in July.", "withdrew", None),
        ("The Kenyan army withdrew its troops from Somalia.", None, "withdrew"),
        # a video captured is recorded, no seizure
        (
            "Cellphone video of the clash was captured by a Kenyan police officer.",
            "captured",
            None,
        ),
        ("Kenyan troops captured the Somali town of Kismayo.", None, "captured"),
        # hitting a home run or growth is no blow against an actor
        ("The Kenyan senator hit a home run with his speech on Somalia.", "hit", None),
        ("Kenyan officials say the Somali ban will hit growth in Nairobi.", "hit", "ban"),
        # a candidate's own rally is a campaign event, no protest; a rally against someone is
        (
            "The Kenyan opposition leader mocked the police at his rallies in Nairobi.",
            "rallies",
            "mocked",
        ),
        ("Kenyan opposition supporters held a campaign rally in Mombasa on Sunday.", "rally", None),
        (
            "Thousands of Kenyan students held a rally against the government in Nairobi.",
            None,
            "rally",
        ),
        # a named storm is a disaster like "the storm": no attack
        ("Typhoon Haiyan hit the Philippine city of Tacloban in 2013.", "hit", None),
        ("Rebels hit the Philippine city of Marawi with mortars.", None, "hit"),
        # a town hall meeting is a public forum, no meeting between actors
        (
            "During a town hall meeting at the Kenyan foreign ministry, the minister laid out "
            "new rules.",
            "meeting",
            None,
        ),
        (
            "The Kenyan president held a meeting with the Ugandan president in Nairobi.",
            None,
            "meeting",
        ),
        ("Trump has vetoed two bills since January.", "vetoed", None),
        ("Russia vetoed the U.N. Security Council resolution on Syria.", None, "vetoed"),
        # lawmakers agreeing on a text is procedure; the sanctions it holds stay an event
        ("Senators agreed on a new package of sanctions against Iran.", "agreed", "sanctions"),
        (
            "The sanctions bill was agreed upon by Senator Mike Crapo and Senator Sherrod Brown.",
            "agreed",
            None,
        ),
        ("Turkey and Russia agreed on a ceasefire in Idlib.", None, "agreed"),
        # mobilising voters or women in the workforce deploys no forces
        ("Prime Minister Shinzo Abe wants to mobilize women in the workforce.", "mobilize", None),
        ("Iran mobilized troops along the border with Iraq.", None, "mobilized"),
        # surrounding oneself with people is company kept
        ("Trump has surrounded himself with generals.", "surrounded", None),
        ("Syrian troops surrounded the town of Douma.", None, "surrounded"),
        # the relative pronoun after a date stands for the noun before it
        (
            "Trudeau spoke at a forum on Thursday, which was hosted by CNN, about trade.",
            "hosted",
            None,
        ),
        # pressing someone with a question, an inverted question after "asked"
        (
            "The journalists continued to press Putin on the matter, asking him if Russia had "
            "interfered.",
            "press",
            None,
        ),
        (
            "The reporter asked Senator Cornyn, Will you accept the findings of the inquiry?",
            "asked",
            None,
        ),
        # an empty threat is no threat
        (
            "The Chinese government said the warning from Washington was an empty threat.",
            "threat",
            None,
        ),
        # what a labelling verb calls something is a category, not an act
        (
            "Lawmakers called the cyber operation by Russia an attack on American democracy.",
            "attack",
            None,
        ),
        (
            "The ambassador said he did not consider the strike on Aleppo an attack on Syria.",
            "attack",
            None,
        ),
        # a political campaign is no military one
        (
            "He is the brother of John Podesta, who served as chairman of the presidential "
            "campaign of Democratic candidate Hillary Clinton.",
            "campaign",
            None,
        ),
        (
            "The Saudi-led coalition stepped up its bombing campaign against the Houthis.",
            None,
            "campaign",
        ),
        # one speaker discussing a topic is speech; a partner or a pair keeps the talks
        (
            "EPA spokesman Jahan Wilcox said Pruitt discussed the role of U.S. technology abroad.",
            "discussed",
            None,
        ),
        (
            "Trudeau participated in a forum on Thursday to discuss relations between Canada "
            "and the United States.",
            "discuss",
            None,
        ),
        ("Trump and Xi discussed North Korea in Beijing on Thursday.", None, "discussed"),
        ("Putin discussed Syria with Erdogan by phone.", None, "discussed"),
        (
            "On Monday, Trump discussed the resolution with Egyptian President Sisi.",
            None,
            "discussed",
        ),
        (
            "Flynn met Kislyak in December and the pair discussed Russia sanctions.",
            None,
            "discussed",
        ),
        # a present-tense relative clause on an indefinite noun defines; a past one tells
        # ... but what a speaker calls an act he names is the act
        (
            "Rouhani said the missile attacks were a reaction to what he called Saudi aggression.",
            None,
            "aggression",
        ),
        (
            "The FBI defines a serial killer as an offender who kills two or more people in "
            "separate events.",
            "kills",
            None,
        ),
        (
            "Any country that attacks a NATO member will face a response from the alliance.",
            "attacks",
            None,
        ),
        ("A gunman who killed 58 people in Las Vegas was a retiree.", None, "killed"),
    ],
)
def test_other_senses_are_no_events(text, dropped, kept):
    found = [t.lower() for t, _ in _triggers(text)]
    if dropped:
        assert dropped not in found
    if kept:
        assert kept in found


def test_coordinated_verbs_of_one_type_tell_one_act():
    found = _triggers(
        "Palestinian President Mahmoud Abbas said he had never met or spoken to Netanyahu."
    )
    assert found == [("spoken", "CONSULT")]
    met = _triggers("Russian President Vladimir Putin met and spoke with Trump in Vietnam.")
    assert met == [("spoke", "CONSULT")]
    both = _triggers("Syrian troops shelled Douma and bombed Harasta on Monday.")
    assert [t for t, _ in both] == ["shelled", "bombed"]  # each with its own object


def test_a_threat_is_aimed_at_the_object_of_what_it_threatens():
    doc = pipeline.extract(
        "Trump threatened on Tuesday to totally destroy North Korea.",
        published="2017-11-29",
        source="Wire",
    )
    (threat,) = doc.events
    assert threat.plover == "THREATEN" and threat.target is not None
    assert threat.target.code == "PRK"


@pytest.mark.parametrize(
    ("text", "violent"),
    [
        # a violent verb aimed at words is a retort, never an assault
        ("Kenya's interior minister hit back at criticism of the police on Monday.", False),
        ("Polish officials struck back at the accusations from Brussels.", False),
        # aimed at people or things it is one
        ("The army hit back at the rebels near Goma on Monday.", True),
        ("Rebels fired on the convoy near Goma.", True),
    ],
)
def test_a_violent_verb_aimed_at_criticism_is_figurative(text, violent):
    assert any(plover == "ASSAULT" for _, plover in _triggers(text)) is violent


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # asking about a topic is a question; asking for something or to do something is not
        (
            "The senator asked the defence minister about the budget shortfall on Tuesday.",
            "asked",
            False,
        ),
        ("Journalists wanted to ask Modi about the border dispute with Pakistan.", "ask", False),
        ("Nigeria's president asked Chad for help against the insurgents.", "asked", True),
        ("The Kenyan government asked Uganda to close the border.", "asked", True),
        # an asking verb with no one asked and nothing asked for reports a question
        ("“Will you meet the Iranian president?” the Omani reporter asked.", "asked", False),
        (
            "When asked by reporters about the strikes, the French president said the police "
            "had acted lawfully.",
            "asked",
            False,
        ),
        ("The Ukrainian government asked for more weapons on Monday.", "asked", True),
        # a contrast is no rejection
        (
            "The Turkish minister said the army would strike the rebels hard, as opposed to "
            "negotiating with them.",
            "opposed",
            False,
        ),
        ("The Turkish minister opposed negotiating with the rebels.", "opposed", True),
        # talking to the press or the public is a statement, no consultation
        (
            "Speaking with reporters in Nairobi, the Kenyan foreign minister said the talks "
            "had stalled.",
            "Speaking",
            False,
        ),
        ("Erdogan chooses to speak directly to voters through television.", "speak", False),
        ("Merkel spoke with Macron by phone on Monday about Syria.", "spoke", True),
        (
            "The Indian prime minister talked with Chinese President Xi Jinping in Wuhan.",
            "talked",
            True,
        ),
        # a question that asks tells no act; a statement of the same act does
        ("Why would the Nigerian president insult me by calling me a coward?", "insult", False),
        ("Why would the Nigerian president insult me by calling me a coward?", "calling", False),
        (
            "Tell me, if the Venezuelan army had shot protesters, would you be praising "
            "President Maduro as well?Didn t think so.",
            "praising",
            False,
        ),
        (
            "“Does it take a massacre to persuade the Colombian generals to negotiate with the "
            "rebels?” the senator said.",
            "negotiate",
            False,
        ),
        (
            # a directive: the persuasion is coded, what it asks for is its content
            "The senator tried to persuade the Colombian generals to negotiate with the rebels.",
            "persuade",
            True,
        ),
        ("The Nigerian president insulted the governor by calling him a coward.", "insulted", True),
        ("The Colombian senator urged the generals to negotiate with the rebels.", "urged", True),
    ],
)
def test_questions_and_public_talk_are_no_events(text, trigger, kept):
    assert (trigger in [t for t, _ in _triggers(text)]) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # WordNet senses that name no event: charging a payment, being in charge, signing up
        (
            "And many Kenyan courts charge fees that make them unaffordable for the poor.",
            "charge",
            False,
        ),
        (
            "The head of the police and the officer in charge of the Kenyan election inquiry "
            "resigned.",
            "charge",
            False,
        ),
        (
            "Millions of Kenyans rushed to sign up for the new health insurance scheme.",
            "sign",
            False,
        ),
        # ... beside the senses that do
        ("Nigerian prosecutors charged the former governor with fraud on Monday.", "charged", True),
        ("Turkish prosecutors filed new charges against the journalist.", "charges", True),
        ("Colombia and the rebels signed a peace accord in Havana.", "signed", True),
        # the reporter's "request for comment" is the outlet's question, no actor's appeal ...
        (
            "Mexico’s foreign ministry did not immediately respond to requests for comment on "
            "Trump’s tweets.",
            "requests",
            False,
        ),
        # ... while a state's request for something is one
        ("Kenya rejected Somalia’s request for military aid.", "request", True),
    ],
)
def test_word_senses_of_no_event(text, trigger, kept):
    assert (trigger in [t for t, _ in _triggers(text)]) is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # how someone feels is no act (the guide: "feel threatened" is no event) ...
        ("Many Rohingya villagers feel threatened by the army.", False),
        ("Residents of Kabul felt threatened after the bombing.", False),
        (
            "Opposition lawmakers in Harare said they felt intimidated and threatened by the "
            "police.",
            False,
        ),
        # ... a threat made is one, active or passive
        ("The Zimbabwean police threatened opposition lawmakers in Harare on Monday.", True),
        ("Japanese fishing boats were threatened by Chinese coast guard ships on Monday.", True),
    ],
)
def test_feeling_threatened_is_no_threat(text, kept):
    assert any(plover == "THREATEN" for _, plover in _triggers(text)) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # a wish held is an appeal to the one wished to act ...
        ("Washington wants Pakistan to take action against the Taliban.", "wants", True),
        # ... one negated, conditional or asked about appeals to no one
        (
            "It appears there is something in the consulate that the Russians don't want "
            "Americans to find.",
            "want",
            False,
        ),
        (
            "“If we want them to take our cattle, we need to take their avocados,” the Kansas "
            "senator said.",
            "want",
            False,
        ),
        (
            "Asked if some at the White House wanted him to resign, Tillerson told reporters "
            "it was laughable.",
            "wanted",
            False,
        ),
        # releasing recommendations is publishing them, no release of captives
        (
            "A Harvard University project will release its recommendations on election security "
            "on Friday.",
            "release",
            False,
        ),
    ],
)
def test_idle_wishes_and_published_texts_are_no_events(text, trigger, kept):
    assert (trigger in [t for t, _ in _triggers(text)]) is kept


@pytest.mark.parametrize(
    ("text", "trigger", "kept"),
    [
        # calling an actor names is an accusation ...
        (
            "North Korean leader Kim Jong Un has called Trump a mentally deranged dotard.",
            "called",
            True,
        ),
        # ... labelling a thing is an opinion of it, no accusation of an actor
        (
            "White House aides have been calling the Russia investigation a nothingburger.",
            "calling",
            False,
        ),
        (
            "Democrats have been united against the bill, calling it a handout to corporations.",
            "calling",
            False,
        ),
        # an accusation told only as a label on the person it names identifies that person ...
        (
            "The man accused of tackling Senator Rand Paul pleaded not guilty on Thursday.",
            "accused",
            False,
        ),
        (
            "Minnesota Governor Mark Dayton urged a state lawmaker accused of sexual harassment "
            "to step down.",
            "accused",
            False,
        ),
        # ... while one that names its accusers, or is told as done, is an act
        ("A lawmaker accused by three women of sexual harassment resigned.", "accused", True),
        ("Russia has been accused of meddling in numerous elections.", "accused", True),
    ],
)
def test_labels_of_things_and_of_persons_are_no_accusations(text, trigger, kept):
    assert (trigger in [t for t, _ in _triggers(text)]) is kept
