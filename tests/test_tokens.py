"""tokens: one table per spaCy document, the same values as its Token objects."""

from __future__ import annotations

import pytest

from sitmap import events, nlp, tokens
from sitmap.model import Document

pytestmark = pytest.mark.model

TEXT = (
    "LIMA (Reuters) - Peruvian riot police fired tear gas at striking miners near Arequipa on "
    "Thursday.\n\nThe union's leader, Jorge Quispe, said 14 workers were hurt and the "
    "country would not back down.  Mining-dependent towns closed schools."
)


def _columns(tab: tokens.Table, i: int) -> tuple:
    return (
        tab.text[i], tab.lower[i], tab.idx[i], tab.pos[i], tab.tag[i], tab.lemma[i],
        tab.dep[i], tab.head[i], tab.ent_type[i], tab.space[i], tab.title[i], tab.upper[i],
        tab.lowercase[i], tab.punct[i], tab.sent_start[i], tab.trailing[i],
    )  # fmt: skip


def _attributes(tok) -> tuple:
    return (
        tok.text, tok.lower_, tok.idx, tok.pos_, tok.tag_, tok.lemma_, tok.dep_, tok.head.i,
        tok.ent_type_, tok.is_space, tok.is_title, tok.is_upper, tok.is_lower, tok.is_punct,
        bool(tok.is_sent_start), tok.whitespace_ == " ",
    )  # fmt: skip


@pytest.fixture(scope="module")
def analysed() -> Document:
    return next(nlp.analyse([Document(text=TEXT)], parse_if=events.may_hold_event))


def test_tokens_table_matches_every_token_attribute(analysed):
    sdoc = analysed._spacy
    tab = tokens.table(sdoc)
    assert len(tab) == len(sdoc)
    assert tab.doc_text == sdoc.text
    assert [_columns(tab, i) for i in range(len(sdoc))] == [_attributes(t) for t in sdoc]
    assert True in tab.space and "PROPN" in tab.pos and {"ORG", "NORP"} <= set(tab.ent_type)


def test_tokens_table_of_a_parse_has_its_heads_and_labels(analysed):
    assert analysed._parses  # the sentences with a possible event were parsed
    for pdoc in analysed._parses.values():
        tab = tokens.table(pdoc)
        assert [_columns(tab, i) for i in range(len(pdoc))] == [_attributes(t) for t in pdoc]
        assert "nsubj" in tab.dep or "nsubjpass" in tab.dep


def test_tokens_table_and_entities_are_built_once(analysed):
    sdoc = analysed._spacy
    assert tokens.table(sdoc) is tokens.table(sdoc)
    assert tokens.ents(sdoc) is tokens.ents(sdoc)
    assert [(e.start, e.end, e.label_) for e in tokens.ents(sdoc)] == [
        (e.start, e.end, e.label_) for e in sdoc.ents
    ]


def test_tokens_sentence_entities_are_the_spans_own(analysed):
    sdoc = analysed._spacy
    for sent in sdoc.sents:
        ours = tokens.sent_ents(sdoc, sent.start, sent.end)
        assert [(e.start, e.end) for e in ours] == [(e.start, e.end) for e in sent.ents]
    cut = sdoc[3:12]  # an entity cut by the span's edge is not the span's
    assert [e.text for e in tokens.sent_ents(sdoc, cut.start, cut.end)] == [
        e.text for e in cut.ents
    ]


def test_tokens_token_at_and_token_starting_find_by_character(analysed):
    sdoc = analysed._spacy
    at = TEXT.index("Arequipa")
    assert tokens.token_at(sdoc, at + 3).text == "Arequipa"
    assert tokens.token_starting(sdoc, at).i == tokens.token_at(sdoc, at).i
    assert tokens.token_starting(sdoc, at + 1) is None  # inside a word, no token starts there
    assert tokens.token_at(sdoc, TEXT.index("near") + 4) is None  # the space after "near"
    assert tokens.token_at(sdoc, len(TEXT) + 5) is None
    for t in sdoc:  # every character of every token finds that token
        for char in range(t.idx, t.idx + len(t)):
            assert tokens.token_at(sdoc, char).i == t.i


def test_tokens_sentence_tokens_of_when_read_the_table(analysed):
    from sitmap.when.tense import _sentence_tokens, _verb_tense

    doc = analysed
    for index in range(len(doc.sentences)):
        toks = _sentence_tokens(doc, index)
        assert toks is not None
        start, end = doc.sentences[index].start, doc.sentences[index].end
        for a, b in ((start, end), (start + 5, start + 30), (end - 9, end), (start, start)):
            naive = [t.i for t in toks.tokens if a <= t.idx + toks.offset < b]
            assert [t.i for t in toks.inside(a, b)] == naive
        first = toks.tokens[0]
        assert toks.starting(first.idx + toks.offset).i == first.i
        assert toks.starting(first.idx + toks.offset + 1) is None or len(first) == 1
        for verb in (t for t in toks.tokens if t.pos_ in ("VERB", "AUX")):
            assert _verb_tense(verb, toks) == _verb_tense(verb, toks.tokens)
    fired = next(t for t in doc._parses[0] if t.text == "fired")
    assert _verb_tense(fired, _sentence_tokens(doc, 0)) == "past"


GATE_TEXT = (
    "Farmers in Punjab held a sit-in outside the ministry on Monday.\n\n"
    "The weather in Oslo was mild all week.  Arrests of dock workers followed in Rotterdam. "
    "Visiting Nairobi, the envoy praised the new road.\n\n"
    "The mayor said the council must apologise to the families.  "
    "Prices of copper were flat.  Talks - in Geneva - go on."
)


def _token_gate(span) -> bool:
    """The parse gate as it read ``Token`` objects before the table (the reference)."""
    from sitmap.events import lexicon as lx

    lex = lx._lexicon()
    nouns = lex.lemmas.get("NOUN", frozenset())
    if any(
        lx._lemma(t) in lex.lemmas.get(t.pos_, frozenset())
        or lx._capitalised_verb(t)
        or lx._capitalised_noun(t)
        or lx._hyphenated(t) in nouns
        for t in span
    ):
        return True
    obliged = any(
        t.lower_ in lex.deontic
        or (lx._lemma(t) in lex.semi_modals and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to")
        for t in span
    )
    return obliged and any(lx._lemma(t) in lex.judging_verbs for t in span)


def test_tokens_event_gate_reads_the_table_as_the_tokens_say():
    sdoc = nlp.load()(GATE_TEXT)
    sents = [s for s in sdoc.sents if s.text.strip()]
    gate = [events.may_hold_event(s) for s in sents]
    assert gate == [_token_gate(s) for s in sents]
    assert True in gate and False in gate  # some sentences parsed, some not
    by_text = dict(zip([s.text.strip() for s in sents], gate, strict=True))
    assert by_text["The weather in Oslo was mild all week."] is False
    # only the hyphenated noun ("sit" "-" "in": three tokens) makes this one a candidate
    assert by_text["Farmers in Punjab held a sit-in outside the ministry on Monday."] is True
    assert by_text["The mayor said the council must apologise to the families."] is True
