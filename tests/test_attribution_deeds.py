"""A speech-act event told with no speaker has its author as its speaker ("The ministry
condemned ..."), but not when its verb names a deed, never words: suing, siding with a party,
lobbying (``data/deed_verbs_wordnet.yaml``, generated from WordNet's verb classes by
``tools/build_deed_verbs_wordnet.py``). Sentences written for these tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _article_events import event_on as _event
from _article_events import speaker_of as _speaker

from sitmap import lexicons

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Norwegian activists sued the oil ministry over Arctic drilling.", "sued"),
        ("A Brazilian judge sided with the state of Para in the land dispute.", "sided"),
        ("Two Canadian mining firms lobbied the Peruvian government for new permits.", "lobbied"),
        ("The Kenyan opposition sued the electoral commission on Friday.", "sued"),
    ],
)
def test_a_deed_has_no_speaker(text, trigger):
    event = _event(text, trigger)
    assert event.source is not None and event.source.code  # a coded doer, still no speaker
    assert _speaker(event) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # near misses: acts done in words keep their author as speaker
        ("The Norwegian government condemned the Russian strikes on Aleppo.", "condemned"),
        ("Kenya's foreign ministry urged Somalia to release the fishermen.", "urged"),
        ("The Peruvian president praised the Canadian mining firms.", "praised"),
    ],
)
def test_words_keep_their_author_as_speaker(text, trigger):
    assert _speaker(_event(text, trigger)) is not None


def test_deed_verbs_are_a_wordnet_class():
    verbs = set(lexicons.yaml_file("deed_verbs_wordnet.yaml")["deed_verbs"])
    assert {"sue", "side", "lobby"} <= verbs
    # verbs news uses for words keep their speaker, whatever their physical senses
    assert not verbs & {"condemn", "slam", "lash", "urge", "praise", "criticize", "reject"}


def test_tool_regenerates_the_committed_file():
    """The committed file is what the tool writes (where WordNet and nltk are installed)."""
    pytest.importorskip("nltk")
    if not Path("/usr/share/wordnet/data.verb").exists() or shutil.which(sys.executable) is None:
        pytest.skip("WordNet 3.0 (Debian wordnet-base) not installed")
    tool = ROOT / "tools" / "build_deed_verbs_wordnet.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
