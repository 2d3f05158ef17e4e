"""Shared fixtures: the ``../shared`` folder, the reference article, analysed documents."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sitmap import nlp
from sitmap.model import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
# subprocesses the tests start (the CLI, workers) import this checkout's code too
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p
)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder (examples, corpora, gold); fails loudly if it is absent."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: these tests read the project's shared data", False)
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "examples" / "seed-antimedia-deir-ez-zor.txt"


@pytest.fixture(scope="session")
def spacy_nlp():
    """The loaded spaCy pipeline (loaded once per test session)."""
    return nlp.load()


@pytest.fixture(scope="session")
def analysed(spacy_nlp) -> Callable[..., Document]:
    """Factory: text → Document after the nlp stage (every sentence parsed), no other stage."""

    def make(
        text: str, *, published: date | str | None = None, source: str | None = None
    ) -> Document:
        doc = Document(text=text, published=published, source=source)
        return next(nlp.analyse([doc]))

    return make
