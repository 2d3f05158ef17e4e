"""nlp: one pipeline, paragraph breaks, glued quotes, parse only where events may be."""

from __future__ import annotations

import pytest

from sitmap import events, nlp
from sitmap.model import Document

pytestmark = pytest.mark.model


def test_nlp_paragraph_break_starts_a_sentence():
    doc = next(
        nlp.analyse([Document(text="Syrian Army Closing in on Deir ez-Zor\n\nRussia bombed it.")])
    )
    assert [s.text for s in doc.sentences] == [
        "Syrian Army Closing in on Deir ez-Zor",
        "Russia bombed it.",
    ]


def test_nlp_glued_quote_is_split():
    doc = next(nlp.analyse([Document(text="“It is over,” Tillerson said“Again we are working.”")]))
    assert "said" in [t.text for t in doc._spacy]


def test_nlp_selective_parse_matches_full_parse(spacy_nlp):
    text = "Shares rose 3 percent on Monday. Police arrested 20 protesters in Moscow."
    doc = next(nlp.analyse([Document(text=text)], parse_if=events.may_hold_event))
    assert sorted(doc._parses) == [1]
    parsed = doc._parses[1]
    full = spacy_nlp.get_pipe("parser")(spacy_nlp(text))  # reference: the parser on the whole text
    reference = [(t.text, t.dep_, t.head.text) for t in full[7:]]
    assert [(t.text, t.dep_, t.head.text) for t in parsed] == reference


def test_nlp_model_name_in_one_place():
    assert nlp.model_info()["package"] == nlp.MODEL


def test_nlp_model_loads_once_however_it_is_asked_for(spacy_nlp):
    # engines.base.warm asks for load(), analyse for load(MODEL): one pipeline, not two
    assert nlp.load() is nlp.load(nlp.MODEL) is nlp.load(model=nlp.MODEL) is spacy_nlp
    next(nlp.analyse([Document(text="Troops shelled the town of Idlib on Monday.")]))
    assert nlp._load.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("MOSCOW (Reuters) - The Kremlin said on Sunday it was ready.", "The Kremlin said"),
        ("KABUL, Afghanistan (AP) — Taliban fighters attacked a post.", "Taliban fighters"),
        ("BEIRUT/AMMAN (Reuters) - Syrian troops shelled rebels.", "Syrian troops"),
        # the agency alone, as the story's first words
        ("(Reuters) - A Kenyan court jailed two activists.", "A Kenyan court"),
        # no dateline: an ordinary capitalised opening is kept whole
        ("NATO (the alliance) said it would act.", "NATO (the alliance)"),
        ("Russia bombed it (again) - twice.", "Russia bombed it"),
        ("(In Kabul) Taliban fighters attacked a post.", "(In Kabul) Taliban"),
    ],
)
def test_nlp_wire_dateline_is_not_part_of_the_sentence(text, first):
    doc = next(nlp.analyse([Document(text=text)]))
    assert doc.sentences[0].text.startswith(first)


def _original_attributes() -> object:
    """sitmap's pipeline with the model's own attribute ruler and lemmatizer (the reference)."""
    import spacy
    from spacy.util import compile_infix_regex

    ref = spacy.load(nlp.MODEL)
    infixes = [*ref.Defaults.infixes, nlp._GLUED_QUOTES]
    ref.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    ref.enable_pipe("senter")
    ref.add_pipe("sitmap_paragraphs", before="senter")
    ref.disable_pipe("parser")
    return ref


def test_nlp_memoised_attributes_equal_the_models_own(shared):
    """POS, morphology, lemma (and tags, entities, sentences) equal the original components'
    on real articles of both corpora and on the ruler's multi-token patterns."""
    import json

    texts = [
        "Let's go, they're gonna win,” he said. You got ta see it. Y'all ain't ready.",
        "The rebels' gets were counted; he got what he wanted and gets more.",
        "Wolves fled as the geese flew; the mayor's aides were quickest, having hidden ladies' "
        "purses and the oxen's harnesses better than the bigger crises worsened.",
    ]
    for name in ("isot-reuters-2017-sample.jsonl", "isot-unreliable-2017-sample.jsonl"):
        with (shared / "corpora" / name).open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(12), fh, strict=False)]
    model = nlp.load()
    assert "sitmap_attributes" in model.pipe_names
    assert "lemmatizer" not in model.pipe_names
    index = model.get_pipe("sitmap_attributes").lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(index[pos], frozenset) for pos in index)  # no list scans

    def rows(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.ent_iob_, t.ent_type_,
                 t.is_sent_start) for t in doc]  # fmt: skip

    ref = _original_attributes()
    for ours, theirs in zip(model.pipe(texts), ref.pipe(texts), strict=True):
        assert rows(ours) == rows(theirs)
    first = rows(model(texts[0]))
    assert first[0][:5] == ("Let", "VB", "VERB", "VerbForm=Inf", "let")
    assert first[1][4] == "us"  # "'s" of "Let's": the ruler's two-token pattern


def test_nlp_multi_token_patterns_checked_only_where_their_words_occur():
    """The ruler's multi-token patterns ("gon na", "let 's") are matched only in documents that
    hold their words; elsewhere the Matcher is skipped and the memo alone answers."""
    model = nlp.load()
    memo = model.get_pipe("sitmap_attributes")
    plain = model.make_doc("Floods cut the coastal road to Chittagong on Tuesday, police said.")
    assert memo._may_match(plain) is False
    slang = model.make_doc("The farmers are gonna block the highway again, a leader said.")
    assert memo._may_match(slang) is True
    assert [t.lemma_ for t in model(slang.text)][3:5] == ["go", "to"]


def test_nlp_sentence_doc_equals_spacys_as_doc():
    """The parser's per-sentence Doc is ``Span.as_doc``'s: words, spaces, every array
    attribute, entities (also one cut by a sentence edge), tensor."""
    import numpy

    text = (
        "Gunmen attacked a bus near the Bolivian city of Santa Cruz de la Sierra on Friday. "
        "Officials from the Ministry of Defence of New Zealand met envoys of the European "
        "Union.\n\nNo one was hurt, the mayor of Lyon said."
    )
    sdoc = nlp.load()(text)
    head = sdoc._get_array_attrs()
    ents = [(e.start, e.end) for e in sdoc.ents]
    assert ents
    spans = [nlp._trim(s) for s in sdoc.sents]
    # a span that cuts an entity at both edges: its partial entities become missing
    multi = [e for e in sdoc.ents if len(e) >= 2]
    assert len(multi) >= 2
    spans.append(sdoc[multi[0].start + 1 : multi[-1].end - 1])
    for span in spans:
        mine = nlp._sentence_doc(span, head, sdoc.to_array(head), ents)
        theirs = span.as_doc(array_head=head, array=sdoc.to_array(head))
        assert [t.text_with_ws for t in mine] == [t.text_with_ws for t in theirs]
        assert numpy.array_equal(mine.to_array(head), theirs.to_array(head))
        assert [(e.start, e.end, e.label_) for e in mine.ents] == [
            (e.start, e.end, e.label_) for e in theirs.ents
        ]
        assert [t.ent_iob_ for t in mine] == [t.ent_iob_ for t in theirs]
        assert numpy.array_equal(mine.tensor, theirs.tensor)


def test_and_or_is_split_for_the_parser_at_the_same_length():
    from sitmap.nlp import _for_parser

    text = "Suspected JNIM and/or ISGS militants and the brand/org names stay."
    read = _for_parser(text)
    assert len(read) == len(text) and "JNIM and or ISGS" in read and "brand/org" in read
