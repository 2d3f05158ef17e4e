"""Generate ``src/sitmap/data/predicates_wordnet.yaml``: event predicates by CLASS, from WordNet.

For a few seed senses per PLOVER type, chosen from the PLOVER/CAMEO definitions of the type (not
from words of any gold article), the tool walks the seed's hyponym (troponym) tree in WordNet 3.0
and keeps

* each single-word verb lemma of the tree whose MOST FREQUENT verb sense (WordNet's first sense,
  ranked by the tagged-sense counts of ``cntlist``) lies in the tree: "castigate", "berate" are
  kept under "criticize"; "blast" is not (its first sense is a sound), nor "attack" (an assault);
* a phrasal verb of the tree ("lash out", "frown on") as its verb with the particle bound
  (``prep``), under the same test for the phrase;
* each noun derivationally related to a kept verb sense whose most frequent noun sense is itself
  derivationally related to a sense of the tree ("condemnation", "castigation").

A lemma kept for two types is dropped (ambiguous by class), and so is one on the ``_STOP`` list
below: general words whose first sense is in a tree but whose everyday news use is no event
(each with its reason). ``events/lexicon.py`` merges the file BELOW the hand lexicon
(``predicates.yaml``): a lemma the hand lexicon lists keeps its hand entry.

Development-time only: needs ``nltk`` (pinned in the ``dev`` extra) and the WordNet 3.0 database
of the Debian package ``wordnet-base`` (``apt-get install -y wordnet-base``: /usr/share/wordnet).
The generated file is committed; sitmap never reads WordNet at run time.

    python tools/build_predicates_wordnet.py [--wordnet /usr/share/wordnet] [--check]

``--check`` exits 1 when the committed file differs from what the tool would write.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sitmap" / "data" / "predicates_wordnet.yaml"
HAND = ROOT / "src" / "sitmap" / "data" / "predicates.yaml"

# PLOVER type -> (CAMEO root, seed senses). Seeds are read off the codebook definitions:
# ACCUSE = CAMEO 11 "disapprove": criticize or denounce (111), accuse (112), blame; SUPPORT =
# CAMEO 051 "praise or endorse"; REQUEST = CAMEO 10 "demand" and 02 "appeal"; CONSULT = CAMEO 04
# "consult": discuss, negotiate, mediate, meet or host; REJECT = CAMEO 12: refuse, rebuff, deny,
# veto; COOPERATE = CAMEO 06; COERCE = CAMEO 17 (arrest, detain,
# imprison); THREATEN = CAMEO 13 (menace); CONCEDE = CAMEO 08 (apologise, admit).
SEEDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ACCUSE": (
        "11",
        (
            "knock.v.06",  # find fault with; express criticism of
            "accuse.v.01",  # bring an accusation against
            "charge.v.02",  # blame for, make a claim of wrongdoing against
            "blame.v.01",  # put or pin the blame on
            "denounce.v.01",  # speak out against
            "stigmatize.v.01",  # brand as disgraceful
            "condemn.v.01",  # express strong disapproval of
            "belittle.v.02",  # express a negative opinion of
            "ridicule.v.01",  # subject to laughter or ridicule
            "insult.v.01",  # treat, mention, or speak to rudely
            "disapprove.v.01",  # consider bad or wrong
            "question.v.01",  # challenge the accuracy, probity, or propriety of
            "impugn.v.01",  # attack as false or wrong
        ),
    ),
    "SUPPORT": (
        "05",
        (
            "praise.v.01",  # express approval of
            "back.v.01",  # be behind; approve of
            "thank.v.01",  # express gratitude or show appreciation to
            "congratulate.v.01",  # say something that expresses praise
        ),
    ),
    "REQUEST": (
        "10",
        (
            "demand.v.01",  # request urgently and forcefully
            "recommend.v.01",  # push for something (urge)
            "appeal.v.02",  # request earnestly; ask for aid or protection
            "plead.v.01",  # appeal or request earnestly
        ),
    ),
    "CONSULT": (
        "04",
        (
            "confer.v.01",  # have a conference in order to talk something over
            "consult.v.01",  # get or ask advice from
            "negotiate.v.01",  # discuss the terms of an arrangement
            "discuss.v.01",  # consider or examine in speech
            "welcome.v.02",  # bid welcome to; greet upon arrival
        ),
    ),
    "REJECT": (
        "12",
        (
            "refuse.v.01",  # show unwillingness towards
            "rebuff.v.01",  # reject outright and bluntly
            "deny.v.01",  # declare untrue; contradict
            "veto.v.01",  # refuse to endorse; refuse to assent
        ),
    ),
    "COOPERATE": ("06", ("cooperate.v.01",)),  # work together on a common enterprise
    "COERCE": (
        "17",
        (
            "arrest.v.01",  # take into custody
            "imprison.v.01",  # lock up or confine, in or as in a jail
            "confine.v.05",  # deprive of freedom; take into confinement (detain)
        ),
    ),
    "THREATEN": ("13", ("menace.v.02",)),  # express a threat by an utterance or a gesture
    "CONCEDE": ("08", ("apologize.v.01", "concede.v.01")),  # acknowledge faults; admit
}

# Directive verbs (CAMEO 10 "demand": order, instruct; CAMEO 02 "appeal": persuade, advise):
# an actor telling another to act. The class is read off these seed senses' trees like the
# ones above, but a lemma is kept when ANY of its senses lies in a tree (most have a commoner
# sense: "tell" a story, "direct" a film, "order" a meal): the entry holds only in the
# syntactic frame of the class, WordNet's frame 24 "Somebody ----s somebody to INFINITIVE",
# with the addressee named ("ordered the army to withdraw"; see ``directive`` in
# events/lexicon.py), so its other senses never fire.
DIRECTIVES: dict[str, tuple[str, tuple[str, ...]]] = {
    "10": ("order.v.01",),  # give instructions to or direct somebody to do something
    "02": (
        "persuade.v.02",  # cause somebody to adopt a certain course of action
        "rede.v.02",  # give advice to
    ),
}
# Lemmas of the directive trees whose "X ...s Y to do" is no telling: "said", "allowed"
# (a permission), "made X do" (causation), the forbidding verbs (a ban: the hand lexicon).
_DIRECTIVE_STOP = {
    "say": "a statement (the hand lexicon's judging verb)",
    "make": "causation ('made them leave')",
    "get": "causation ('got them to leave')",
    "drag": "physical",
    "score": "a count",
    "sell": "commerce",
    "charm": "a noun",
    "disarm": "disarmament (the hand lexicon)",
    "convert": "a conversion",
    "lift": "physical",
    "page": "a noun",
    "beep": "a sound",
    "buzz": "a sound",
    "hail": "weather; a greeting",
    "flood": "water",
    "deluge": "water",
    "saddle": "a burden",
    "burden": "a burden",
    "overburden": "a burden",
    "overwhelm": "a burden",
    "cite": "a citation",
    "stet": "printing",
    "vouch": "a guarantee",
    "influence": "mostly 'influenced the vote'",
    "swagger": "a manner",
    "bewitch": "magic",
    "spellbind": "magic",
    "mesmerise": "magic",
    "mesmerize": "magic",
    "magnetise": "physical",
    "magnetize": "physical",
    "hustle": "physical",
    "palaver": "a noun",
    "blarney": "a noun",
    "require": "a rule requiring a thing ('the law requires firms to report')",
    "tip": "a tip-off or physical",
    "rush": "motion",
    "hurry": "motion",
    "exclude": "an exclusion ('excluded them from')",
    "bar": "a noun; 'barred from' (a ban)",
    "convene": "a meeting called",
    "convoke": "a meeting called",
    "muster": "a force assembled",
    "summons": "a court summons",
    "criminalise": "a law",
    "criminalize": "a law",
    "illegalise": "a law",
    "illegalize": "a law",
    "contraindicate": "medicine",
    "assure": "a promise ('assured them that')",
    "reassure": "a promise",
    "bull": "a noun",
    "prevail": "a victory ('prevailed in court')",
    "seduce": "sexual",
    "requisition": "a seizure of goods",
    "propound": "a proposal of a thing",
    "moralise": "a sermon to no one",
    "moralize": "a sermon to no one",
    "sermonise": "a sermon to no one",
    "sermonize": "a sermon to no one",
    "preachify": "a sermon to no one",
}

# Prepositions whose object is the other side, where the type's default (against, on, upon)
# does not fit: one consults or cooperates WITH another ("interceded with Colombia").
_TARGET_PREPS = {"CONSULT": "[with, between]", "COOPERATE": "[with]"}

# Particles a phrasal verb of a tree may bind ("lash out", "frown on").
_PARTICLES = {"out", "down", "off", "up", "on", "upon", "at", "with", "for", "about", "against"}

# Lemmas whose first sense lies in a tree but whose everyday news use is no event of the type.
_STOP = {
    "correct": "mostly 'corrected the figure', 'is correct'",
    "round": "mostly a noun or a number ('round of talks')",
    "whip": "a party whip, whipping votes",
    "cover": "mostly news coverage ('covered the story')",
    "warrant": "mostly 'does not warrant'",
    "guarantee": "mostly a promise of a thing, not support of an actor",
    "insure": "insurance",
    "lecture": "mostly a talk given",
    "mark": "mostly 'marked the anniversary'",
    "brand": "mostly a trade mark",
    "expect": "an expectation, no appeal",
    "want": "a wish; the hand lexicon's wish sense handles 'wants X to ...'",
    "pick": "mostly 'picked a nominee'",
    "rip": "mostly physical",
    "press": "the press (news media)",
    "push": "mostly physical or 'push ahead'",
    "promote": "mostly a job promotion or a product",
    "plug": "physical",
    "bill": "a bill in a legislature",
    "campaign": "running for office",
    "fight": "an assault (hand lexicon)",
    "cheer": "a crowd cheering",
    "recognize": "mostly 'recognized that ...' (cognition)",
    "recognise": "mostly 'recognised that ...' (cognition)",
    "acknowledge": "mostly 'acknowledged that ...' (a statement)",
    "appreciate": "mostly 'appreciates in value' or cognition",
    "file": "filing documents; the hand lexicon has 'file charges'",
    "lodge": "lodging, lodge a complaint (hand lexicon)",
    "hear": "a court hearing a case",
    "receive": "mostly receiving a thing",
    "see": "perception",
    "call": "too many senses (hand lexicon)",
    "ask": "hand lexicon",
    "require": "a law requiring a thing, no appeal",
    "answer": "an answer",
    "turn": "motion",
    "insist": "a statement ('insisted that ...'), no appeal",
    "profess": "a statement of belief",
    "kill": "an assault (hand lexicon)",
    "defeat": "an election or a military defeat",
    "resist": "resistance is no rejection of an actor's proposal",
    "counteract": "physical",
    "regret": "regret is a feeling, no refusal",
    "weaken": "physical or economic change",
    "jib": "physical",
    "repel": "physical",
    "minimize": "mostly 'minimise the risk'",
    "depreciate": "a currency",
    "puncture": "physical",
    "trash": "physical",
    "pan": "a camera pan",
    "deflate": "physical",
    "claw": "physical",
    "savage": "a mauling",
    "scald": "physical",
    "blister": "physical",
    "whang": "physical",
    "rag": "a noun",
    "jaw": "a noun",
    "slang": "a noun",
    "flame": "a noun",
    "shout": "a sound",
    "curse": "mostly 'cursed with'",
    "accurse": "archaic",
    "expose": "mostly 'exposed to'",
    "unmask": "physical",
    "uncloak": "physical",
    "tease": "mostly 'teased a release'",
    "roast": "cooking",
    "rib": "a noun",
    "guy": "a noun",
    "debunk": "a claim debunked, no actor",
    "stroke": "a medical stroke",
    "puff": "physical",
    "toady": "a noun",
    "hymn": "a noun",
    "sonnet": "a noun",
    "troll": "too many unrelated senses",
    "second": "an ordinal",
    "champion": "a noun",
    "defend": "a defence in court, a military defence",
    "cooperate": "hand lexicon",
    "get_together": "social",
    "go_along": "agreement",
    "play_along": "pretence",
    "collar": "a noun",
    "cop": "a noun (police)",
    "nail": "a noun",
    "nab": "informal, rare",
    "pick_up": "mostly collecting a thing",
    "apprehend": "mostly cognition",
    "confess": "a religious confession; 'confessed to a crime' is CONCEDE but rare",
    "own_up": "rare",
    "deny": "hand lexicon",
    "discourse": "a noun",
    "descant": "a noun",
    "talk_shop": "social",
    "demand": "hand lexicon",
    "clamor": "a sound",
    "clamour": "a sound",
    "dun": "a colour",
    "pray": "religion",
    "crime": "a crime is told, not an accusation",
    "glory": "a state, no praise",
    "indemnity": "insurance",
    "indemnify": "insurance",
    "negative": "mostly an adjective",
    "satire": "a genre",
    "satirise": "a genre",
    "satirize": "a genre",
    "conference": "mostly 'a news conference', no consultation",
    "barrage": "mostly a barrage of fire (an assault)",
    "bargain": "mostly a cheap purchase",
    "suppliant": "a person",
    "negotiant": "a person",
    "crusade": "a campaign, no praise of an actor",
    "advertizement": "commerce",
    "advertize": "commerce",
    "derail": "physical, or counteraction (no refusal)",
    "derailment": "physical",
    "undermine": "counteraction, no refusal",
    "sabotage": "an act of damage (the hand lexicon), no refusal",
    "countermine": "counteraction",
    "lighten": "physical",
    "intermediate": "mostly an adjective",
    "opposition": "mostly the opposition (parties)",
    "firing": "mostly a dismissal ('the firing of the director')",
    "signature": "a name signed",
    "pressing": "an adjective ('pressing issues')",
    "reinforcement": "mostly troops sent (reinforcements), a noun of things",
    "severance": "severance pay",
    "recommend": "mostly advice to no one ('recommended a campaign')",
    "recommendation": "mostly advice to no one",
    "trap": "mostly people trapped by a disaster",
    "intern": "mostly a noun (an intern)",
    "jug": "a noun",
    "cage": "a noun",
    "turn_down": "the hand lexicon has 'turn'; 'turned down the volume'",
}

# The 45 lexicographer files of WordNet 3.0 (lexnames(5WN)); the Debian package ships no
# ``lexnames`` file, which nltk's reader needs.
_LEXNAMES = [
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
]


def _reader(path: Path) -> Any:
    """nltk's WordNet reader over the Debian database (a temporary folder of links to it plus
    a ``lexnames`` file); nltk 3.9's version mapping is switched off (the files are 3.0)."""
    warnings.filterwarnings("ignore", module="nltk")
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class _Reader(WordNetCorpusReader):  # type: ignore[misc]
        def map_wn(self, version: str = "wordnet") -> None:
            return None

    tmp = Path(tempfile.mkdtemp(prefix="wordnet-"))
    for f in path.iterdir():
        if f.is_file():
            (tmp / f.name).symlink_to(f)
    if not (tmp / "lexnames").exists():
        pos = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}
        lines = [f"{i:02d}\t{n}\t{pos[n.split('.')[0]]}" for i, n in enumerate(_LEXNAMES)]
        (tmp / "lexnames").write_text("\n".join(lines) + "\n")
    wn = _Reader(str(tmp), None)
    if wn.get_version() != "3.0":
        raise SystemExit(f"expected WordNet 3.0 in {path}, found {wn.get_version()}")
    return wn


def _tree(wn: Any, names: tuple[str, ...]) -> set[Any]:
    found: set[Any] = set()
    for name in names:
        seed = wn.synset(name)
        found |= {seed, *seed.closure(lambda s: s.hyponyms())}
    return found


def _first_sense(wn: Any, lemma: str, pos: str) -> Any:
    senses = wn.synsets(lemma, pos)
    return senses[0] if senses else None


# Kinds of noun sense that name an act (WordNet lexicographer files): "criticism" is a
# noun.communication, "arrest" a noun.act; "critic" (noun.person) or "ruling" as a document are
# no acts.
_ACT_FILES = {"noun.act", "noun.communication", "noun.event"}


def _act_noun(wn: Any, noun: str, senses: set[Any]) -> bool:
    """Whether a noun's most frequent sense is an act derived from one of ``senses``."""
    if not re.fullmatch(r"[a-z]+", noun) or noun in _STOP:
        return False
    first = _first_sense(wn, noun, "n")
    if first is None or first.lexname() not in _ACT_FILES:
        return False
    back = {r.synset() for x in first.lemmas() for r in x.derivationally_related_forms()}
    return bool(back & senses)


def _hand_nouns(wn: Any, hand: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    """Nouns of the acts the hand lexicon's verbs name: for a verb with one unconditional sense
    (no bound preposition, object or complement), the nouns derived from its most frequent
    WordNet sense whose own most frequent sense is that act ("rebuke" → "rebuke", "deport" →
    "deportation")."""
    found: dict[str, set[tuple[str, str, str]]] = {}
    conditions = (
        "prep",
        "object",
        "complement",
        "wish",
        "threat",
        "refusal",
        "dissuade",
        "foreign",
        "needs_source",
        "civil",
        "verbal",
        "court",
        "object_is_source",
    )
    for verb, spec in hand["verbs"].items():
        specs = spec if isinstance(spec, list) else [spec]
        if len(specs) != 1 or any(k in specs[0] for k in conditions):
            continue
        sense = _first_sense(wn, str(verb), "v")
        if sense is None:
            continue
        for lem in sense.lemmas():
            if lem.name().lower() != str(verb):
                continue
            for rel in lem.derivationally_related_forms():
                noun = rel.name().lower()
                if rel.synset().pos() == "n" and _act_noun(wn, noun, {sense}):
                    entry = (specs[0]["type"], str(specs[0]["cameo"]), "")
                    found.setdefault(noun, set()).add(entry)
    return {n: sorted(f)[0] for n, f in found.items() if len({t for t, _, _ in f}) == 1}


# WordNet verb frames (wninput(5WN)): "Somebody ----s something" and "Somebody ----s somebody".
_THING_FRAME, _PERSON_FRAME = 8, 9


def thing_objects(wn: Any, found: dict[str, tuple[str, str, str]]) -> set[str]:
    """Kept verbs whose tree sense takes a thing as object while another sense of the lemma in
    the same lexicographer file takes only a person ("question" the figures: challenge;
    "question" a suspect: interrogate, frame 9 only): their entry holds only when the object is
    no person (``thing_object`` in events/lexicon.py)."""
    trees = {plover: _tree(wn, seeds) for plover, (_, seeds) in SEEDS.items()}

    def frames(synset: Any, name: str) -> set[int]:
        return {f for lem in synset.lemmas() if lem.name().lower() == name for f in lem.frame_ids()}

    flagged = set()
    for name, (plover, _, particle) in found.items():
        first = _first_sense(wn, name, "v")
        if particle or first is None or _THING_FRAME not in frames(first, name):
            continue
        for other in wn.synsets(name, "v"):
            own = frames(other, name)
            if other in trees[plover] or other.lexname() != first.lexname():
                continue
            if _PERSON_FRAME in own and _THING_FRAME not in own:
                flagged.add(name)
    return flagged


def generate(wn: Any, hand: dict[str, Any]) -> dict[str, dict[str, tuple[str, str, str]]]:
    """{"verbs"|"nouns": {lemma: (type, cameo, seed-or-prep)}} for the lemmas the hand lexicon
    does not list."""
    verbs: dict[str, set[tuple[str, str, str]]] = {}
    nouns: dict[str, set[tuple[str, str, str]]] = {}
    for plover, (cameo, seeds) in SEEDS.items():
        tree = _tree(wn, seeds)
        for synset in tree:
            for lem in synset.lemmas():
                name = lem.name().lower()
                if name in _STOP or not re.fullmatch(r"[a-z]+(_[a-z]+)?", name):
                    continue
                if _first_sense(wn, name, "v") not in tree:
                    continue
                verb, _, particle = name.partition("_")
                if particle and particle not in _PARTICLES:
                    continue
                verbs.setdefault(name, set()).add((plover, cameo, particle))
                for rel in lem.derivationally_related_forms():
                    noun = rel.name().lower()
                    if rel.synset().pos() != "n" or noun in _STOP:
                        continue
                    if _act_noun(wn, noun, tree):
                        nouns.setdefault(noun, set()).add((plover, cameo, ""))
    hand_verbs = set(hand["verbs"]) | set((hand.get("conflict") or {}).get("verbs") or {})
    hand_nouns = set(hand["nouns"]) | set((hand.get("conflict") or {}).get("nouns") or {})
    out: dict[str, dict[str, tuple[str, str, str]]] = {"verbs": {}, "nouns": {}}
    for name, found in verbs.items():
        verb = name.partition("_")[0]
        if len({t for t, _, _ in found}) != 1 or verb in hand_verbs:
            continue  # two types: ambiguous by class; a hand entry wins
        out["verbs"][name] = sorted(found)[0]
    for name, entry in _hand_nouns(wn, hand).items():
        nouns.setdefault(name, set()).add(entry)
    for name, found in nouns.items():
        if len({t for t, _, _ in found}) != 1 or name in hand_nouns or name in hand_verbs:
            continue
        out["nouns"][name] = sorted(found)[0]
    return out


def directives(wn: Any, hand: dict[str, Any], taken: set[str]) -> dict[str, str]:
    """{lemma: cameo} of the directive class (``DIRECTIVES``) for single-word lemmas that
    neither the hand lexicon nor the type trees (``taken``) list."""
    hand_verbs = set(hand["verbs"]) | set((hand.get("conflict") or {}).get("verbs") or {})
    found: dict[str, set[str]] = {}
    for cameo, seeds in DIRECTIVES.items():
        for synset in _tree(wn, seeds):
            for lem in synset.lemmas():
                name = lem.name().lower()
                if not re.fullmatch(r"[a-z]+", name) or name in _DIRECTIVE_STOP:
                    continue
                if name in hand_verbs or name in taken:
                    continue
                found.setdefault(name, set()).add(cameo)
    return {name: sorted(c)[0] for name, c in found.items()}


def render(
    found: dict[str, dict[str, tuple[str, str, str]]],
    directive: dict[str, str] | None = None,
    thing: set[str] | None = None,
) -> str:
    lines = [
        "# GENERATED by tools/build_predicates_wordnet.py from WordNet 3.0 (Princeton University,",
        "# Debian package wordnet-base) read with nltk 3.9.1. Do not edit by hand: change the",
        "# tool's seeds or stop list and run it again. Merged by events/lexicon.py BELOW",
        "# predicates.yaml (a lemma the hand lexicon lists keeps its hand entry).",
        "# Every entry is weak: it counts only with a coded actor as a side.",
        "# seeds: " + "; ".join(f"{t} {', '.join(s)}" for t, (_, s) in SEEDS.items()),
        "# directive REQUEST seeds (any sense; needs 'X ...s Y to do'): "
        + "; ".join(f"{c} {', '.join(s)}" for c, s in DIRECTIVES.items()),
        "verbs:",
    ]
    for kind in ("verbs", "nouns"):
        if kind == "nouns":
            lines.append("nouns:")
        by_lemma: dict[str, list[str]] = {}
        for name, (plover, cameo, particle) in sorted(found[kind].items()):
            word = name.partition("_")[0]
            prep = f", prep: {particle}" if particle else ""
            preps = f", target_preps: {_TARGET_PREPS[plover]}" if plover in _TARGET_PREPS else ""
            if kind == "verbs" and name in (thing or set()):
                preps += ", thing_object: true"
            spec = f'{{type: {plover}, cameo: "{cameo}", weak: true{prep}{preps}}}'
            by_lemma.setdefault(word, []).append(spec)
        if kind == "verbs":
            for word, cameo in (directive or {}).items():
                spec = f'{{type: REQUEST, cameo: "{cameo}", weak: true, directive: true}}'
                by_lemma.setdefault(word, []).append(spec)
        for word, specs in sorted(by_lemma.items()):
            specs.sort(key=lambda s: "prep" not in s)  # a phrasal sense before the bare verb
            if len(specs) == 1:
                lines.append(f"  {word}: {specs[0]}")
            else:
                lines.append(f"  {word}:")
                lines.extend(f"    - {s}" for s in specs)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    hand = yaml.safe_load(HAND.read_text())
    wn = _reader(args.wordnet)
    found = generate(wn, hand)
    taken = {name for name in found["verbs"] if "_" not in name}  # bare verbs, no phrasal
    text = render(found, directives(wn, hand, taken), thing_objects(wn, found["verbs"]))
    if args.check:
        same = OUT.exists() and OUT.read_text() == text
        print("up to date" if same else f"{OUT} differs from the generated text")
        return 0 if same else 1
    OUT.write_text(text)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
