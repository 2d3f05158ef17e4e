"""events: the class-level predicates generated from WordNet (``data/predicates_wordnet.yaml``,
made by ``tools/build_predicates_wordnet.py``), merged below the hand lexicon."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _event_samples import coded_events

from sitmap import lexicons
from sitmap.events.lexicon import GENERATED, _lexicon

ROOT = Path(__file__).resolve().parents[1]
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_generated_file_names_its_tool_and_holds_valid_weak_entries():
    text = lexicons.read_text(GENERATED)
    assert "tools/build_predicates_wordnet.py" in text.splitlines()[0]
    assert "WordNet 3.0" in text.splitlines()[0]
    data = lexicons.yaml_file(GENERATED)
    assert len(data["verbs"]) >= 40 and len(data["nouns"]) >= 40
    for section in ("verbs", "nouns"):
        for lemma, spec in data[section].items():
            for s in spec if isinstance(spec, list) else [spec]:
                assert s["type"] in PLOVER, lemma
                assert s["weak"] is True, lemma  # counts only with a coded side


def test_hand_lexicon_wins_over_generated_entries():
    hand = lexicons.yaml_file("predicates.yaml")
    generated = lexicons.yaml_file(GENERATED)
    assert not set(generated["verbs"]) & set(hand["verbs"])  # the tool leaves hand lemmas out
    lex = _lexicon()
    # a hand lemma keeps its hand entry (not weak), a generated one is merged (weak)
    assert lex.verbs["castigate"][0].weak is False
    assert lex.verbs["revile"][0].type == "ACCUSE" and lex.verbs["revile"][0].weak
    assert "revile" in lex.lemmas["VERB"]  # the candidate gate parses its sentences


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs of a seed's tree the hand lexicon does not list
        ("The Turkish foreign minister reviled the Greek government on Tuesday.",
         ("ACCUSE", "TURGOV", "GRCGOV")),
        ("Pakistan's prime minister badmouthed India during a rally in Lahore.",
         ("ACCUSE", "PAKGOV", "IND")),
        ("The Kenyan president eulogized the Tanzanian army in a speech.",
         ("SUPPORT", "KENGOV", "TZAMIL")),
        ("The Turkish police incarcerated three Kurdish mayors.", ("COERCE", "TURCOP", "TURGOV")),
        # a phrasal verb of a tree, with its particle bound
        ("The Ghanaian president frowned on the Nigerian visa policy.",
         ("ACCUSE", "GHAGOV", "NGA")),
        # a consultation's other side after "with"
        ("The Norwegian prime minister haggled with the Sri Lankan government.",
         ("CONSULT", "NORGOV", "LKAGOV")),
        # nouns of the act, derived from a sense of a tree or of a hand verb
        ("Chile's foreign ministry began an arbitration with Bolivia.",
         ("CONSULT", "CHLGOV", "BOL")),
        ("The Egyptian government's vilification of Qatar drew a rebuke.",
         ("ACCUSE", "EGYGOV", "QAT")),
    ],
)  # fmt: skip
def test_generated_predicates_reach_unlisted_words(analysed, text, expected):
    assert expected in coded_events(analysed, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a stop-listed word whose news use is no event, and no actor to code
        "The commission recommended a national media campaign to encourage addicts to seek help.",
        "The opposition won twelve seats in the Kenyan parliament.",
        "Voters in Peru flattered themselves about the economy.",
        "Thousands of people were trapped in the flooded Bangladeshi town.",
    ],
)
def test_generated_predicates_near_misses(analysed, text):
    assert coded_events(analysed, text) == []


def test_tool_regenerates_the_committed_file():
    """The committed file is what the tool writes (where WordNet and nltk are installed)."""
    pytest.importorskip("nltk")
    if not Path("/usr/share/wordnet/data.verb").exists() or shutil.which(sys.executable) is None:
        pytest.skip("WordNet 3.0 (Debian wordnet-base) not installed")
    tool = ROOT / "tools" / "build_predicates_wordnet.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
