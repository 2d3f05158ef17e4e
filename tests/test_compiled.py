"""compiled: tables compiled once per version of the data and code, read back by later processes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from sitmap import compiled


def _module(path: Path, body: str):
    path.write_text(body, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("sitmap_test_table_code", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compiled_table_is_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("SITMAP_CACHE", str(tmp_path))
    code = _module(tmp_path / "code.py", "RATES = {'Kenya': 3}\n")
    builds = []

    def build():
        builds.append(1)
        return {"Kenya": (1.5, frozenset({"KEN"}))}

    first = compiled.load("rates", build, modules=[code])
    second = compiled.load("rates", build, modules=[code])
    assert first == second == {"Kenya": (1.5, frozenset({"KEN"}))}
    assert len(builds) == 1  # the second came from the cache file
    [path] = tmp_path.glob("rates-*.pickle")
    path.write_bytes(b"not a pickle")  # a damaged file is compiled again
    assert compiled.load("rates", build, modules=[code]) == first
    assert len(builds) == 2


def test_compiled_edited_code_gets_a_new_table(tmp_path, monkeypatch):
    monkeypatch.setenv("SITMAP_CACHE", str(tmp_path))
    code = _module(tmp_path / "code.py", "WORDS = ['shell']\n")
    before = compiled.digest([code])
    assert compiled.load("words", lambda: ["shell"], modules=[code]) == ["shell"]
    (tmp_path / "code.py").write_text("WORDS = ['shell', 'bomb']\n", encoding="utf-8")
    assert compiled.digest([code]) != before
    assert compiled.load("words", lambda: ["shell", "bomb"], modules=[code]) == ["shell", "bomb"]


def test_compiled_unwritable_cache_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("SITMAP_CACHE", str(blocker / "sub"))  # a folder under a file
    assert compiled.load("ports", lambda: {"Mombasa": "KEN"}, modules=[sys.modules[__name__]]) == {
        "Mombasa": "KEN"
    }


@pytest.mark.model
def test_compiled_actor_lexicon_equals_a_fresh_compile(tmp_path, monkeypatch):
    from sitmap.actors import lexicon

    monkeypatch.setenv("SITMAP_CACHE", str(tmp_path))
    lexicon._lexicon.cache_clear()
    try:
        written = lexicon._lexicon()
        lexicon._lexicon.cache_clear()
        read = lexicon._lexicon()
        assert list(tmp_path.glob("actor-lexicon-*.pickle"))
        assert read == written == lexicon._compile()
        assert read.table[("kenyan",)][0].key == "KEN"
    finally:
        lexicon._lexicon.cache_clear()


def test_compiled_write_removes_old_versions_and_a_killed_writers_temporary_file(tmp_path):
    """A version unused for an hour and the temporary file of a writer killed before its rename
    go when a table is written; a fresh temporary file (a writer still at work) stays."""
    import os
    import time

    path = tmp_path / "lexicon-new.pickle"
    unused = tmp_path / "lexicon-old.pickle"
    killed = tmp_path / "lexicon-old.pickle.abc123.tmp"
    working = tmp_path / "lexicon-new.pickle.def456.tmp"
    for f in (unused, killed, working):
        f.write_bytes(b"x")
    long_ago = time.time() - 2 * 3600
    for f in (unused, killed):
        os.utime(f, (long_ago, long_ago))
    compiled.write({"a": 1}, path, "lexicon")
    assert path.exists() and working.exists()
    assert not unused.exists() and not killed.exists()
