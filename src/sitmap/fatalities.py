"""Fatalities per event: the death count its sentence states ("at least 20 killed", "two
soldiers died", "killing three", "the death toll rose to 12"), or 0 when the text says nobody
died ("no casualties"). One verb: ``count(doc)`` sets ``Event.fatalities``.

A count is read where a number (digits or English words, "twenty-five", "a dozen") comes
before a death word within three words ("three civilians were killed") or after a killing
word ("killing two officers"); a sentence's count is the largest such number, plus the others
joined to it by "and" ("two soldiers and three civilians were killed": 5) or a relative joined
by a possessive ("a trader and his son were shot dead": 2); with no number, one person
"was killed" (or shot dead, murdered ...) is 1. Violent events
(``types`` in ``data/fatalities.yaml``) of the sentence take it; a sentence that states deaths
but holds no violent event gives them to the violent events of the sentence before it
("Soldiers clashed with rebels. Five were killed."). A count of deaths goes to one event
only, never to each event of one act ("gunmen attacked the village, killing five": the attack
and the killing are one act with five deaths, not two with ten): the sentence's first
assault, else its first event; "nobody died" (0) goes to every one. Events whose text states
no count keep ``None``: sitmap never fills a missing count with a default.

Beside the words, the sentence's dependency parse is read (``parsed``): the victims of each
death verb told as done, counted by their numbers and one per singular person ("13 protesters
seeking the release of their leader were shot and killed", "executed a police major and a
member of the group": 2); the larger of the two counts is the sentence's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from sitmap import lexicons
from sitmap.model import Document, Event

_QUANT = (
    r"(?:(?:at\s+least|some|about|around|nearly|almost|over|more\s+than|up\s+to|roughly"
    r"|an\s+estimated|all)\s+)?"
)


_UNREAL_BEFORE = re.compile(
    r"\b(?:could|would|might|may|will|shall|should|must|can|to)(?:\s+(?:have|not|be|also))*\s*$",
    re.IGNORECASE,
)


@cache
def _table() -> dict[str, Any]:
    return lexicons.yaml_file("fatalities.yaml")


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    t = _table()
    words = sorted([*t["numbers"], *t["multipliers"]], key=len, reverse=True)
    word = "|".join(re.escape(w) for w in words)
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*))"
    deaths = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["deaths"])
    killing = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["killing"])
    none = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["none"])
    one_victim = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in t["one_victim"])
    before = re.compile(
        rf"\b{_QUANT}(?P<n>{num})\b(?P<rest>(?:\s+(?!and\b)[\w'-]+){{0,5}}?)"
        rf"(?P<aux>(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|reportedly"
        rf"|also|later|fatally))*)"
        rf"\s+(?:{deaths})\b",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"\b(?:{killing})\s+{_QUANT}(?P<n>{num})\b(?!-\w)"  # not "killing 32-year-old X"
        rf"(?:(?:\s+(?!and\b)[\w'-]+){{0,3}}?\s+and\s+{_QUANT}(?P<m>{num})\b"
        rf"(?!(?:\s+(?:others?|more|people|persons))?(?:\s+(?:were|was|are))?"
        rf"\s+(?:injured|wounded|hurt)\b))?",
        re.IGNORECASE,
    )
    # the nearest number before "and": the greedy lead leaves the last one to the group
    conj = re.compile(rf"^.*\b(?P<n>{num})\s+(?:[\w'-]+\s+){{0,5}}?and\s+$", re.IGNORECASE | re.S)
    nobody = re.compile(rf"\b(?:{none})\b", re.IGNORECASE)
    pair = re.compile(
        rf"\b{_QUANT}(?P<n>{num})\b(?:\s+(?!and\b)[\w'()-]+){{0,4}}?\s+and\s+(?:his|her|their)"
        rf"(?:\s+[\w'-]+){{1,2}}?\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:{deaths})\b",
        re.IGNORECASE,
    )
    single = re.compile(
        rf"\b(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:found\s+)?(?:{deaths})\b", re.IGNORECASE
    )
    # one victim after a killing verb: a name or a singular noun ("shot and killed John
    # Clark", "killed the watchman"); its phrase is read by ``_one_victim``
    named = re.compile(rf"\b(?:{one_victim})\s+(?P<phrase>[^,;.:()]+)", re.IGNORECASE)
    return before, after, conj, nobody, pair, single, named


def number(text: str) -> int | None:
    """The value of a number in digits or English words ("1,200", "twenty-five", "a dozen",
    "two hundred"); None when it is not one."""
    text = text.strip().lower()
    if re.fullmatch(r"\d[\d,]*", text):
        return int(text.replace(",", ""))
    t = _table()
    total, current = 0, 0
    for w in re.split(r"[\s-]+", text):
        if w == "and":
            continue
        if w in t["multipliers"]:
            current = max(current, 1) * t["multipliers"][w]
            if t["multipliers"][w] >= 1000:
                total, current = total + current, 0
        elif w in t["numbers"]:
            value = t["numbers"][w]
            current = current * value if w == "dozen" and current else current + value
        else:
            return None
    return total + current


def stated(sentence: str) -> int | None:
    """The deaths a sentence states (see the module docstring), 0 for "nobody died", else None."""
    before, after, conj, nobody, pair, single, named = _patterns()
    said_none = bool(nobody.search(sentence))
    sentence = nobody.sub(" ", sentence)  # "no one was killed" holds no count of one
    found: list[tuple[int, int, int]] = []  # (start, end, deaths) of each count read
    for m in pair.finditer(sentence):  # "a farmer and his son were killed": one more
        n = number(m.group("n"))
        if n is not None:
            found.append((m.start(), m.end(), n + 1))
    units = set(_table()["not_victims"])
    for m in _nearest(before, sentence):
        rest = m.group("rest") or ""
        if re.search(r"\b(?:injured|wounded|hurt|arrested)\b", rest, re.I):
            continue
        if rest.split()[:1] and rest.split()[0].lower() in units:
            continue  # "two days after ... was killed": the number counts days
        n = number(m.group("n"))
        passive = re.search(r"\b(?:were|was|been|are|is|being)\b", m.group("aux") or "", re.I)
        if n is None or (not passive and _active(sentence[m.end() :])):
            continue  # "two gunmen killed a farmer": the number counts the killers
        joined = conj.search(sentence[: m.start()])  # "two soldiers and three civilians"
        extra = number(joined.group("n")) if joined and _victims(sentence, joined) else None
        start = joined.start("n") if joined and extra else m.start()
        found.append((start, m.end(), n + (extra or 0)))
    for m in after.finditer(sentence):
        if _UNREAL_BEFORE.search(sentence[: m.start()]):
            continue  # "could have killed five", "threatened to kill two": no deaths told
        n = number(m.group("n"))
        more = number(m.group("m")) if m.group("m") else None  # "killing two officers and
        if n is not None:  # three suspects"
            found.append((m.start(), m.end(), n + (more or 0)))
    counts = [n for _, _, n in found]
    groups = _listed(sentence, sorted(found))
    if groups:
        counts.append(max(groups))
    if counts:
        return max(counts)
    if said_none:
        return 0
    if single.search(sentence) or any(
        _one_victim(m.group("phrase")) for m in named.finditer(sentence)
    ):
        return 1  # "the village chief was shot dead", "gunmen shot dead a trader"
    return None


def _nearest(before: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    """The counts before a death word, each read from the number nearest to it: an article
    that opens the words before a number ("a clash in a village left eight dead") is no count
    of them when that number reaches the same death word ("eight dead": 8, not "a ... dead")."""
    found: list[re.Match[str]] = []
    pos = 0
    while (m := before.search(sentence, pos)) is not None:
        if m.group("n").lower() in {"a", "an"}:
            inner = before.search(sentence, m.end("n"))
            if inner is not None and inner.end() == m.end():
                m = inner
        found.append(m)
        pos = m.end()
    return found


def _victims(sentence: str, joined: re.Match[str]) -> bool:
    """Whether a number joined by "and" to a count of the dead counts dead people too: not when
    a verb of its own tells what befell them (``not_deaths``: "six were injured and four
    killed"), nor "a" or "an" after a preposition, an article of a place or thing ("at a market
    and two were killed")."""
    between = sentence[joined.end("n") : joined.end()]
    if re.search(rf"\b(?:{'|'.join(_table()['not_deaths'])})\b", between, re.IGNORECASE):
        return False  # "six were injured and four were killed": the six did not die
    if joined.group("n").lower() not in {"a", "an"}:
        return True
    before = sentence[: joined.start("n")].split()[-1:]
    return not (before and before[0].lower() in _table()["after_death"])


def _listed(sentence: str, found: list[tuple[int, int, int]]) -> list[int]:
    """Sums of counts told one after another as a list of the dead ("3 soldiers were killed,
    5 civilians were killed"; "two police officers died and four attackers were killed"): counts
    whose spans do not overlap and are parted only by a comma, "and" or a semicolon."""
    sums: list[int] = []
    total, end = 0, None
    for start, stop, n in found:
        if (
            end is not None
            and start >= end
            and re.fullmatch(
                r"\s*(?:,|;|and|,\s*and|while|whereas)\s*", sentence[end:start], re.IGNORECASE
            )
        ):
            total += n
        elif end is not None and start < end:
            continue  # overlapping reads of one count
        else:
            if end is not None:
                sums.append(total)
            total = n
        end = stop
    if end is not None:
        sums.append(total)
    return sums


def _one_victim(phrase: str) -> bool:
    """Whether the words after a killing verb name one victim: two to four capitalised words
    ("John Bailey Clark"), or a determiner and a singular noun ("the watchman", "a local
    trader"), ending where a preposition or conjunction begins and not followed by "and"."""
    words = phrase.split()
    stop = set(_table()["after_death"])
    end = next((k for k, w in enumerate(words) if w.lower() in stop), len(words))
    if end < len(words) and words[end].lower() == "and":
        return False
    head = words[:end]
    if 2 <= len(head) <= 4 and all(w[:1].isupper() for w in head):
        return True
    if not 2 <= len(head) <= 4 or head[0].lower() not in {"a", "an", "the", "his", "her"}:
        return False
    noun = head[-1].lower()
    return noun.isalpha() and not (noun.endswith("s") and not noun.endswith("ss"))


def _active(rest: str) -> bool:
    """Whether a death verb takes an object ("killed a farmer", "killed villagers"): a word
    follows it that is no preposition, conjunction or adverb (``after_death``)."""
    m = re.match(r"\s+([A-Za-z]+)", rest)
    return m is not None and m.group(1).lower() not in _table()["after_death"]


def parsed(sentence: Any, people: Callable[[Any], bool] | None = None) -> int | None:
    """The deaths a sentence's dependency parse tells (a spaCy ``Doc`` or ``Span``), None when
    it tells no count: the victims of each death predicate (``death_verbs``, "shot dead",
    "beaten to death") told as done (no modal, negation or infinitive) -- the passive subject
    ("two traders, one a minor, were murdered"), the subject of "die", or the object of an
    active killing ("killed and mutilated a farmer") -- counted as their numbers plus one for
    each singular person ("a woman and a boy were killed": 2; "Officers Liu and Ramos": 2;
    "six people, two guards and four officers, were killed": 6, an apposition restates; a name
    joined to a counted person is one more, "Akonjee and Uddin": 2, whatever the NER says; a
    "them" or "they" counts as the counted plural it stands for: "captured two thieves and
    burned them alive": 2).
    ``people`` tells whether a singular noun is a person (default: a PERSON entity); a plural
    without a number leaves the count untold. The largest count of the sentence is returned."""
    people = people or (lambda tok: tok.ent_type_ == "PERSON")
    best: int | None = None
    for tok in sentence:
        if not _death_predicate(tok) or _unreal(tok):
            continue
        total = _victim_count(_victim_heads(tok), people)
        if total is not None and total > 0:
            best = max(best or 0, total)
    return best


@cache
def _grammar() -> dict[str, frozenset[str]]:
    t = _table()["parse"]
    return {key: frozenset(words) for key, words in t.items()}


def _death_predicate(tok: Any) -> bool:
    g = _grammar()
    if tok.pos_ != "VERB" or tok.dep_ in {"amod", "acl", "compound"}:
        return False  # "the killed soldiers", "a man killed by gunmen": no clause of its own
    lemma = tok.lemma_.lower()
    if lemma in g["death_verbs"]:
        return True
    kids = {c.lower_ for c in tok.children}
    if lemma in g["dead_verbs"] and kids & {"dead", "down"}:
        return True  # "shot dead", "gunned down", "found dead"
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if lemma in g["dead_verbs"] and after is not None and after.lower_ == "dead":
        return after.head.dep_ == "dobj" and after.head.head == tok  # "shot dead the chief"
    if lemma in g["alive_verbs"] and "alive" in kids | {
        a.lower_ for c in tok.children if c.dep_ == "dobj" for a in c.children
    }:
        return True  # "burned them alive", "burned two thieves alive" (parsed as its amod)
    return lemma in g["to_death_verbs"] and any(
        c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children
    )  # "beaten to death"


def _unreal(tok: Any) -> bool:
    """A death not told as done: negated, modal, an infinitive ("threatened to kill"), a
    question of "if"."""
    modal = _grammar()["unreal_aux"]
    for verb in (tok, tok.head) if tok.dep_ == "conj" else (tok,):  # "could shoot and kill"
        for c in verb.children:
            if c.dep_ == "neg" or (c.dep_ in {"aux", "mark"} and c.lower_ in modal):
                return True
    return False


def _victim_heads(tok: Any) -> list[Any]:
    """Head words of a death predicate's victims (see ``parsed``): the passive subject or the
    subject of "die", its own or that of the verb it is coordinated with ("was robbed, beaten
    and killed") or completes (``_bare_participle``: "was found raped and killed"); else the
    object, its own or that of a verb coordinated after it that has no subject of its own
    ("killed and mutilated a farmer")."""
    subjects: list[Any] = []
    verb = tok
    while True:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or verb.head is verb or not (verb.dep_ == "conj" or _bare_participle(verb)):
            break
        verb = verb.head  # "were shot and killed": the first verb's subject
    passive = any(c.dep_ == "auxpass" for c in (*tok.children, *verb.children))
    if passive:
        return [c for c in subjects if c.dep_ == "nsubjpass"]
    if tok.lemma_.lower() in _grammar()["intransitive"]:
        return [c for c in subjects if c.dep_ == "nsubj"]
    for v in [tok, *(c for c in tok.children if c.dep_ == "conj")]:
        if v is not tok and any(c.dep_ in {"nsubj", "nsubjpass"} for c in v.children):
            continue  # "died and nine were injured": another clause
        objects = [c for c in v.children if c.dep_ == "dobj"]
        if objects:
            return objects
    return []


def _bare_participle(verb: Any) -> bool:
    """A past participle with no auxiliary, marker or subject of its own that completes or
    follows a passive ("was found raped and killed", "was assaulted, disarmed and killed" as
    the parse attaches them): its victim is that passive's subject."""
    own = {"aux", "auxpass", "mark", "nsubj", "nsubjpass"}
    return (
        verb.dep_ in {"xcomp", "oprd", "advcl"}
        and verb.tag_ == "VBN"
        and not any(c.dep_ in own for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


def _victim_count(heads: list[Any], people: Callable[[Any], bool]) -> int | None:
    """The people the victims' head words count, summed over their conjuncts; None when one of
    them tells no number (a plural without one, a thing, "them")."""
    if len(heads) > 1 and not any(c.dep_ == "cc" for h in heads for c in h.children):
        heads = heads[:1]  # "one of the leaders, Chahayi Barkaye, was killed": one restated
    total = 0
    for head in heads:
        group = [head, *head.conjuncts]
        if not any(c.dep_ == "cc" for t in group for c in t.children):
            group = [head]  # "one of the leaders, Chahayi Barkaye": an apposition, not a list
        counts = [_head_count(tok, people) for tok in group]
        if any(counts):  # "Akonjee and Uddin": a name joined to a person is one too
            named = [t.tag_ == "NNP" for t in group]
            counts = [1 if n is None and nnp else n for n, nnp in zip(counts, named, strict=True)]
        for n in counts:
            if n is None:
                return None
            total += n
    return total or None


def _head_count(tok: Any, people: Callable[[Any], bool]) -> int | None:
    g = _grammar()
    low = tok.lower_
    if tok.pos_ == "PRON":
        if low in g["plural_pronouns"]:
            return _antecedent_count(tok, people)
        return 1 if low in g["one_pronouns"] else None
    if any(c.dep_ == "det" and c.lower_ in g["no_det"] for c in tok.children):
        return None  # "no one", "none of"
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if tok.pos_ == "NUM":
        nums = [tok]
    if nums:
        words = [w.text for w in nums[0].subtree if w.pos_ == "NUM" or w.lower_ in ("and", "-")]
        value = number(" ".join(words).replace(" - ", "-")) if words else None
        if value is None or tok.lemma_.lower() in _table()["not_victims"]:
            return None
        return value
    if any(c.dep_ == "det" and c.lower_ == "both" for c in tok.children):
        return 2
    if tok.tag_ in {"NN", "NNP"} and (people(tok) or tok.lemma_.lower() in g["person_nouns"]):
        return 1
    return None


def _antecedent_count(tok: Any, people: Callable[[Any], bool]) -> int | None:
    """The count of the plural a "them" or "they" stands for: the last plural noun with a
    number before it in its sentence that is no active subject ("stormed the house of two
    teachers, tied them up and shot them dead": 2); None when there is none."""
    for prev in reversed(list(tok.sent)[: tok.i - tok.sent.start]):
        if prev.tag_ in {"NNS", "NNPS"} and any(c.dep_ == "nummod" for c in prev.children):
            return None if prev.dep_ == "nsubj" else _head_count(prev, people)
    return None


def count(doc: Document) -> Document:
    """Set ``fatalities`` on the violent events of ``doc`` from their sentences: the count the
    sentence's words state (``stated``) or its parse tells (``parsed``), the larger."""
    types = set(_table()["types"])
    by_sentence: dict[int, list] = {}
    for event in doc.events:
        if event.plover in types:
            by_sentence.setdefault(event.sentence, []).append(event)
    for sent in doc.sentences:
        if sent.index not in by_sentence and sent.index - 1 not in by_sentence:
            continue  # no violent event here or just before: a count would go nowhere
        n = told(doc, sent)
        if n is None:
            continue
        events = by_sentence.get(sent.index)
        if not events:
            events = [e for e in by_sentence.get(sent.index - 1, []) if e.fatalities is None]
        if n > 0 and events:  # one count, one act: the deaths are never counted twice
            events = [min(events, key=_first_assault)]
        for event in events:
            if event.fatalities is None or n > event.fatalities:
                event.fatalities = n
    return doc


def told(doc: Document, sent: Any) -> int | None:
    """The deaths one sentence of ``doc`` tells: the larger of what its words state (``stated``)
    and its parse tells (``parsed``), with the doers told dying beside them ("in addition to
    the bombers", a bomber who "blew himself up": ``self_detonation``, one who set off his
    charge beside the deaths counted: ``bomber_detonation``); None: no count."""
    text = doc.text[sent.start : sent.end]
    n = stated(text)
    from_parse = _parsed_in(doc, sent)
    if from_parse is not None and (n is None or from_parse > n):
        n = from_parse
    if _detonation("self_detonation").search(text):  # "a bomber blew himself up, killing two"
        return (n or 0) + 1
    if n and _detonation("bomber_detonation").search(text):  # "a suicide bomber detonated his
        return n + 1  # vest, killing five": 6
    return None if n is None else _with_the_doers(doc.text, sent.start, text, n)


@cache
def _detonation(key: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _table()[key])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@cache
def _addition() -> re.Pattern[str]:
    t = _table()["in_addition_to"]
    nouns = "|".join(re.escape(w) for w in (*t["one"], *t["many"]))
    return re.compile(
        rf"^\W*in addition to (?:the\s+)?(?:(?P<n>[\w-]+)\s+)?(?:suicide\s+)?(?P<noun>{nouns})\b",
        re.IGNORECASE,
    )


def _with_the_doers(text: str, start: int, sentence: str, n: int) -> int:
    """A count told beside the doers who died ("In addition to the bombers, at least 13
    soldiers were killed": 13 and the bombers), the doers added: one for a singular doer, the
    number said with them ("In addition to the two gunmen"), or that of the text's last
    earlier mention of them ("Three suicide bombers detonated ..."); else the count as told."""
    m = _addition().match(sentence)
    if m is None or n <= 0:
        return n
    said = number(m.group("n")) if m.group("n") else None
    noun = m.group("noun").lower()
    if said is None and noun in _table()["in_addition_to"]["one"]:
        said = 1
    if said is None:
        mentions = rf"\b(?P<n>[\w-]+)\s+(?:suicide\s+)?{re.escape(noun)}\b"
        earlier = re.finditer(mentions, text[:start], re.IGNORECASE)
        counts = [c for e in earlier if (c := number(e.group("n"))) is not None]
        said = counts[-1] if counts else None
    return n + said if said else n


def _parsed_in(doc: Document, sent: Any) -> int | None:
    """``parsed`` on a sentence of a document, its actors telling who is a person."""
    pdoc = doc._parses.get(sent.index) if doc._parses else None
    if pdoc is None:
        return None
    spans = [
        (a.start - sent.start, a.end - sent.start)
        for a in doc.actors
        if sent.start <= a.start < sent.end
    ]

    def people(tok: Any) -> bool:
        return tok.ent_type_ == "PERSON" or any(s <= tok.idx < e for s, e in spans)

    return parsed(pdoc, people)


def _first_assault(event: Event) -> tuple[bool, int, int]:
    """Sort key: assaults first, then by the sentence and the trigger's place in the text."""
    at = event.trigger_start if event.trigger_start is not None else event.start
    return (event.plover != "ASSAULT", event.sentence, at)


__all__ = ["count", "number", "parsed", "stated", "told"]
