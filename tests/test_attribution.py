"""attribution: epistemic status and the outlet → cited source → speaker chain."""

from __future__ import annotations

import pytest

from sitmap import pipeline

pytestmark = pytest.mark.model


def _only(text, trigger, **kw):
    doc = pipeline.extract(text, **kw)
    found = [e for e in doc.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Police arrested 20 protesters in Moscow on Saturday.", "arrested", "asserted"),
        (
            "Turkish troops did not attack Kurdish YPG fighters in Afrin, the Turkish army said.",
            "attack",
            "negated",
        ),
        (
            "If North Korea attacks Guam, the United States will respond, Mattis said.",
            "attacks",
            "hypothetical",
        ),
        ("Russia and Iran will support the Syrian government.", "support", "predicted"),
        (
            "Iraqi forces were attacked by Islamic State militants near Mosul, the military said.",
            "attacked",
            "quoted",
        ),
        (
            "Reuters reported on Monday that the Syrian Arab Army had encircled ISIS in "
            "Deir ez-Zor.",
            "encircled",
            "reported",
        ),
        (
            "Trump threatened to withdraw from the nuclear agreement with Iran.",
            "threatened",
            "asserted",
        ),
    ],
)
def test_attribution_status(text, trigger, status):
    assert _only(text, trigger, published="2017-10-20", source="Wire").status == status


def test_attribution_chain_outlet_cited_speaker():
    text = (
        "As Newsweek noted, Secretary of State Rex Tillerson stated earlier this month that "
        "Washington is working closely with Russia."
    )
    event = _only(text, "working", published="2017-09-20", source="Anti-Media")
    chain = [(s.role, s.name) for s in event.attribution]
    assert chain[0] == ("outlet", "Anti-Media")
    assert ("cited", "Newsweek") in chain
    assert chain[-1][0] == "speaker" and "Tillerson" in chain[-1][1]
    assert event.status == "quoted"


def test_attribution_outlet_anaphor_refers_to_last_cited_outlet():
    text = (
        "Reuters reported on Monday that the Syrian army was advancing. "
        "The outlet then reported that the Syrian army had encircled ISIS in the region."
    )
    event = _only(text, "encircled", published="2017-09-06", source="Anti-Media")
    assert event.status == "reported" and event.cited_source == "Reuters"


def test_attribution_quote_speaker_and_first_person():
    text = (
        "“We are working closely with Russia to see if we can agree on a path forward,” "
        "Tillerson said on Thursday."
    )
    event = _only(text, "working", published="2017-09-08", source="Wire")
    assert event.status == "quoted"
    assert event.source is not None and event.source.code == "USAGOV"  # "we" → the speaker
    assert event.target is not None and event.target.code == "RUS"


def test_attribution_own_side_future_attack_is_a_threat():
    text = (
        "The Assad administration made it clear that the Syrian army will target any illegal "
        "presence, whether that of the United States or Turkey."
    )
    doc = pipeline.extract(text, published="2017-09-01", source="Anti-Media")
    threats = {(e.source.code, e.target.code) for e in doc.events if e.plover == "THREATEN"}
    assert {("SYRGOV", "USA"), ("SYRGOV", "TUR")} <= threats


def test_attribution_journalist_of_outlet_is_reported():
    text = (
        "Regional outlet Al-Masdar's Leith Abou Fadel reports that the U.S.-led coalition has "
        "been bombing the Syrian Arab Army in southern Raqqa."
    )
    event = _only(text, "bombing", published="2017-09-01", source="Anti-Media")
    assert event.status == "reported"
    assert event.cited_source == "Al-Masdar News"


def test_attribution_speech_act_is_asserted_with_its_author_as_speaker():
    """ "X condemned Y" is narrated by the outlet: asserted, and X is the speaker."""
    event = _only(
        "The White House on Wednesday condemned missile attacks by Houthi militias on Saudi "
        "Arabia.",
        "condemned",
        published="2017-11-08",
        source="Reuters",
    )
    assert (event.plover, event.status, event.speaker) == ("ACCUSE", "asserted", "White House")


def test_attribution_verdict_said_by_its_source_is_asserted():
    event = _only(
        "The Kremlin said on Sunday that Washington was to blame for the collapse of the talks.",
        "blame",
        published="2017-11-12",
        source="Reuters",
    )
    assert event.plover == "ACCUSE" and event.source.code == "RUSGOV"
    assert event.status == "asserted"


def test_attribution_speech_act_inside_a_warning_is_not_predicted():
    """ "X warned ... but also urged Y": the urging happened; the warning frame is X's own."""
    event = _only(
        "President Donald Trump warned North Korea he was prepared to use military power, but "
        "also urged Pyongyang to make a deal.",
        "urged",
        published="2017-11-08",
        source="Reuters",
    )
    assert (event.plover, event.status) == ("REQUEST", "asserted")
    assert event.target.code == "PRKGOV"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rights groups accused Myanmar's army of atrocities against the Rohingya.", "atrocities"),
        ("Saudi Arabia blamed Iran for the missile attack on Riyadh.", "attack"),
    ],
)
def test_attribution_charged_event_is_quoted_by_the_accuser(text, trigger):
    event = _only(text, trigger, published="2017-11-08", source="Reuters")
    assert event.status == "quoted"


def test_attribution_fronted_adverbial_clause_is_not_reported_speech():
    event = _only(
        "Visiting Seoul last week, U.S. President Donald Trump warned North Korea.",
        "Visiting",
        published="2017-11-08",
        source="Reuters",
    )
    assert (event.plover, event.status) == ("CONSULT", "asserted")


def test_attribution_decided_act_in_the_past_is_asserted():
    event = _only(
        "A man decided to ram his car into a crowd of protesters in California on Thursday.",
        "ram",
        published="2017-08-20",
        source="Reuters",
    )
    assert event.status == "asserted"


TWEETED = (
    "President Donald Trump lashed out at Iran on Twitter on Wednesday.\n"
    "Iran is attacking our allies in Yemen and must be stopped. We will sanction them!  "
    "— Donald J. Trump (@realDonaldTrump) November 29, 2017\n"
    "Saudi-led jets bombed a market in Sanaa on Tuesday, residents said."
)


def test_attribution_tweet_spans_text_and_author():
    from sitmap.attribution import tweet_spans

    text = (
        "Twitter users took notice.If you even THINK of firing Mueller I will make sure this is "
        "your last term.  Mrs. SMH (@MRSSMH2) December 16, 2017Carrollton, TX here. Ready to help"
        "  Senator JohnCornyn (@JohnCornyn) December 16, 2017"
    )
    first, second = tweet_spans(text)
    assert text[first.start : first.end].startswith("If you even THINK")
    assert text[first.start : first.end].endswith("your last term.")
    assert (first.author, first.handle) == ("Mrs. SMH", "MRSSMH2")
    assert text[second.start : second.end] == "Carrollton, TX here. Ready to help"
    assert second.author == "Senator John Cornyn"  # the handle-style name split
    # an article quoting the tweet before embedding it: only the embedded copy is the tweet
    quoted = (
        "Mueller is a superb choice, Gingrich said. His reputation is impeccable for honesty. "
        "Media should calm down. Mueller is a superb choice. His reputation is impeccable for "
        "honesty. Media should calm down  Newt Gingrich (@newtgingrich) May 18, 2017"
    )
    (tweet,) = tweet_spans(quoted)
    assert quoted[tweet.start : tweet.end].startswith("His reputation is impeccable")
    assert quoted.count("His reputation") == 2 and tweet.start > quoted.index("Gingrich said")


def test_attribution_embedded_tweet_is_quoted_by_its_author():
    doc = pipeline.extract(TWEETED, source="Anti-Media", published="2017-11-30")
    attacking = next(e for e in doc.events if e.trigger == "attacking")
    assert attacking.status == "quoted" and attacking.speaker == "Donald Trump"
    assert attacking.source.code == "IRN"
    threat = next(e for e in doc.events if e.trigger == "sanction")
    assert threat.source.code == "USAGOV" and threat.status != "asserted"
    # the text after the author line is the outlet's again
    bombed = next(e for e in doc.events if e.trigger == "bombed")
    assert bombed.speaker != "Donald Trump"


@pytest.mark.parametrize(
    ("text", "cited", "speaker", "status"),
    [
        ("Saudi-led jets bombed a market in Yemen, according to a United Nations report.",
         "United Nations report", None, "reported"),
        ("The Syrian army shelled rebel positions in Idlib, according to court documents.",
         "court documents", None, "reported"),
        ("Russian jets bombed Idlib on Monday, according to the Kremlin.", None, "Kremlin",
         "quoted"),
        ("Turkish forces killed 20 militants, according to Defence Minister Nurettin Canikli.",
         None, "Nurettin Canikli", "quoted"),
    ],
)  # fmt: skip
def test_attribution_according_to_a_report_cites_it_a_body_speaks(text, cited, speaker, status):
    event = next(e for e in pipeline.extract(text, source="Anti-Media").events)
    assert (event.cited_source, event.speaker, event.status) == (cited, speaker, status)


def test_attribution_bare_surname_speaker_is_the_person_named_before():
    text = (
        "Alex Johnson, a soybean farmer in Iowa, lost half his sales this year. "
        "Chinese officials threatened American farmers, Johnson said."
    )
    event = _only(text, "threatened", published="2017-12-01")
    assert event.speaker == "Alex Johnson"  # not the lexicon's Boris Johnson


def test_attribution_office_holders_coded_by_their_office_at_the_event():
    text = (
        "In 2014, Barack Obama imposed sanctions on Russia over Crimea. "
        "On Monday, Obama criticized Russia again."
    )
    doc = pipeline.extract(text, source="Reuters", published="2017-12-22")
    then = next(e for e in doc.events if e.trigger == "imposed")
    now = next(e for e in doc.events if e.trigger == "criticized")
    assert (then.source.code, then.source.role) == ("USAGOV", "President")
    assert (now.source.code, now.source.role) == ("USAGOV", "former President")


@pytest.mark.parametrize(
    ("text", "trigger", "speaker"),
    [
        # "he said": the person named before, not the word "he"
        ("Senator Tom Cotton visited Kabul on Monday. He said the Taliban attacked Afghan troops.",
         "attacked", "Tom Cotton"),
        # a relative pronoun speaks for the noun it modifies
        ("Podesta Group works with another firm, Mercury LLC, which said on Monday that Russia "
         "attacked its servers.", "attacked", "Mercury LLC"),
    ],
)  # fmt: skip
def test_attribution_pronoun_speakers_resolved(text, trigger, speaker):
    assert _only(text, trigger, published="2017-12-22").speaker == speaker


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # refused, declined, denied acts are negated (not predicted) ...
        ("The minister declined to meet the protesters on Monday.", "meet", "negated"),
        ("Fox News hosts refused to criticize Trump.", "criticize", "negated"),
        ("Iran denied attacking the tanker.", "attacking", "negated"),
        ("Iran denied that its navy attacked the tanker.", "attacked", "negated"),
        # ... but an act only coordinated with a rejection is not
        ("Texas Republicans rejected the offer and asked for prayers from the public.", "asked",
         "asserted"),
        ("Iran said its navy attacked the tanker.", "attacked", "quoted"),
    ],
)  # fmt: skip
def test_attribution_refused_and_denied_acts_are_negated(text, trigger, status):
    from sitmap import pipeline

    doc = pipeline.extract(text, published="2017-12-08", source="Wire")
    assert {e.trigger: e.status for e in doc.events}[trigger] == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # a verb coordinated with a speech verb, with no subject of its own, is the speaker's
        # own next act told by the outlet, not what the speech verb reports
        (
            "The Kenyan senator has denied the allegations and apologized to the two women.",
            "apologized",
            "asserted",
        ),
        (
            "Kenyan officials said the army had withdrawn from the town and freed the hostages.",
            "freed",
            "quoted",
        ),
        # a stance declared for the future by its own holder is declared now
        (
            "The Kenyan ruling party said on Friday that it would continue to support the "
            "president.",
            "support",
            "asserted",
        ),
        (
            "The German ministry said it would continue to oppose the union in court.",
            "oppose",
            "asserted",
        ),
        (
            "The German ministry said it could continue to oppose the union in court.",
            "oppose",
            "predicted",
        ),
        ("The German ministry said it would oppose the union in court.", "oppose", "predicted"),
        (
            "The German senator said she would support the nominee if he apologized.",
            "support",
            "hypothetical",
        ),
        ("Russia and Iran will support the Syrian government.", "support", "predicted"),
    ],
)
def test_attribution_own_acts_beside_a_speech_verb(text, trigger, status):
    assert _only(text, trigger, published="2017-12-08", source="Wire").status == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # a circumstance of the saying ("while ...") is no part of what is said
        (
            "Kenyan senators said on Wednesday they had agreed on a new aid package, while the "
            "Ugandan president is on his first trip to Nairobi.",
            "trip",
            "asserted",
        ),
        ("Kenyan senators said the Ugandan president made a trip to Nairobi.", "trip", "quoted"),
        # an act the report presupposes (an owner) is known outside the report
        (
            "Kenyan senators wrote to the minister asking whether in his talks with Somali "
            "officials he had discussed the port.",
            "talks",
            "asserted",
        ),
    ],
)
def test_attribution_circumstances_and_known_acts_are_not_quoted(text, trigger, status):
    assert _only(text, trigger, published="2017-12-08", source="Wire").status == status
