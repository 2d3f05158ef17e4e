"""The wording of an evidence sentence, as the copy rule compares it (``rules.copied``).

Two evidence sentences are **copies** (one wire sentence re-run, lightly edited, by another
outlet) when both hold at least ``merge.copy.min_words`` distinct words of three letters or more
and their word-set Jaccard is at least ``copy_similarity`` (``situations.yaml``). A merge key
holds its sentence as hashes (``wording_of``: MinHash values of its word pairs for blocking,
then its words' CRC-32s for the Jaccard), not as text. Split from ``rules`` (which re-exports
these names) to keep that module to the merge rules themselves.
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from array import array
from functools import cache
from typing import Any

from sitmap import lexicons


@cache
def _copy_config() -> tuple[int, float]:
    """(``merge.copy.min_words``, ``copy_similarity``) from ``situations.yaml``."""
    raw = lexicons.yaml_file("situations.yaml")
    return int(raw["merge"]["copy"]["min_words"]), float(raw["copy_similarity"])


def text_similarity(x: str, y: str) -> float:
    """``rules.similarity`` of two sentences."""
    wa, wb = _words(x), _words(y)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def text_copied(x: str, y: str) -> bool:
    """The wording test of ``copied`` on two sentences, without the publication window: both
    at least ``merge.copy.min_words`` distinct ``copy_words`` (a stock phrase is no telling of
    its own) and ``text_similarity`` at least ``copy_similarity``. What makes two members of a
    situation one voice (``records``)."""
    least = _copy_config()[0]
    if len(_words(x)) < least or len(_words(y)) < least:
        return False
    return text_similarity(x, y) >= _copy_config()[1]


_WORD = re.compile(r"\w+")


def copy_words(text: str) -> list[str]:
    """The words the copy rule compares, in order: lower case, three letters or more ("of",
    "in", "a" are in every sentence and say nothing of which telling it is). One filter for
    ``copied``, ``similarity`` and the voices of a situation record (``records``)."""
    return [w for w in _WORD.findall(text.lower()) if len(w) >= 3]


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(copy_words(text))


def wording_of(text: str) -> bytes | None:
    """The sentence as ``COPY_BANDS`` MinHash values of its word pairs (for blocking) followed by
    its sorted distinct words' CRC-32s (for ``copied``; the words of ``similarity``), 4 bytes
    each; None when it has fewer than ``merge.copy.min_words`` words: "two people were killed,
    police said" is a stock phrase, no telling of its own."""
    seq = copy_words(text)
    words = set(seq)
    if len(words) < _copy_config()[0]:
        return None
    pairs = {zlib.crc32(f"{x} {y}".encode()) for x, y in itertools.pairwise(seq)}
    lead = [min((h * m + c) & 0xFFFFFFFF for h in pairs) for m, c in _PERMUTE]
    return array("I", lead + sorted({zlib.crc32(w.encode()) for w in words})).tobytes()


_PERMUTE = ((0x9E3779B1, 0x7F4A7C15), (0x85EBCA77, 0x2545F491), (0xC2B2AE3D, 0x27D4EB2F))
"""Odd multipliers and offsets: ``h * m + c`` modulo 2**32 permutes the 32-bit hashes (one
MinHash order each)."""

COPY_BANDS = len(_PERMUTE)


def wording_hashes(key: Any) -> tuple[int, ...]:
    """The evidence sentence's MinHash values over its word pairs, for blocking: two sentences
    share each with probability the Jaccard of their word-pair sets (about 0.6 for copies of
    word-set Jaccard 0.75: at least one of three shared with probability about 0.94; a few
    percent for two unrelated sentences, even from a small vocabulary, which single words
    would not give)."""
    if key.wording is None:
        return ()
    return tuple(memoryview(key.wording).cast("I")[:COPY_BANDS])


@functools.lru_cache(maxsize=65536)
def _hash_set(wording: bytes) -> frozenset[int]:
    return frozenset(memoryview(wording).cast("I")[COPY_BANDS:])
