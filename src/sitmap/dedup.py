"""Near-duplicate detection: MinHash signatures of word shingles in a MinHash LSH index.

Two texts are near-duplicates when the Jaccard similarity of their sets of word 3-grams
(lower-cased ``\\w+`` words) is at least ``THRESHOLD`` (0.8): a wire story re-published with
a changed headline, a dateline, a few edited words or an appended footer. With 128
permutations the similarity estimate has a standard error of about 0.035, so candidates the
LSH returns are checked against the threshold before they count.

Exact duplicates (the same text, so the same ``Document.id``) are found by id, not here.
Texts with fewer than ``MIN_SHINGLES`` shingles (a headline, a one-line post) are too short
to compare reliably and are never called near-duplicates.

The MinHash is datasketch 2.0's ``affine32`` scheme (seed 1), computed here in a few lines of
numpy so an ingest does not import datasketch, which imports SciPy's integrator (0.35 CPU s
per process) to tune its LSH: a shingle's hash is the first 4 bytes of its SHA-1 (little
endian), pre-mixed with the MurmurHash3 finalizer, then ``a_k * h + b_k`` modulo 2**32 for
each of the 128 permutations; the index bands the first 117 values into 9 bands of 13, the
bands datasketch's ``MinHashLSH`` picks for threshold 0.8 and 128 permutations. The values are
the ones datasketch gives (``tests/test_dedup.py`` checks them against it), so signatures
stored by earlier versions stay valid.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 3
MIN_SHINGLES = 10
SCHEME = "affine32"
SIGNATURE_SCHEME = f"minhash:{SCHEME}:perm{NUM_PERM}:seed1:words{SHINGLE}"
"""Stored with the signatures; signatures made under another scheme are recomputed."""

_WORD = re.compile(r"\w+")

BANDS, ROWS = 9, 13
"""LSH bands x rows per band (datasketch's optimum for threshold 0.8, 128 permutations)."""

_GEN = np.random.RandomState(1)
_A = _GEN.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
_B = _GEN.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
del _GEN
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The set of lower-cased word k-grams of ``text``, as UTF-8 bytes."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


class MinHash:
    """A MinHash signature: ``NUM_PERM`` uint32 values (datasketch ``affine32``, seed 1)."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues

    @classmethod
    def of(cls, grams: set[bytes]) -> MinHash:
        """The signature of a non-empty set of byte strings."""
        sha1 = hashlib.sha1
        hv = np.fromiter(
            (int.from_bytes(sha1(g).digest()[:4], "little") for g in grams),
            dtype=np.uint32, count=len(grams),
        ).reshape(-1, 1)  # fmt: skip
        s1, m1, s2, m2 = _FMIX
        hv = hv ^ (hv >> s1)
        hv = hv * m1
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = hv ^ (hv >> s1)
        return cls((hv * _A + _B).min(axis=0))

    def jaccard(self, other: MinHash) -> float:
        """The Jaccard similarity estimate: the share of equal values."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self.hashvalues)

    def bands(self) -> list[bytes]:
        """The LSH band keys of this signature."""
        data = self.hashvalues
        return [data[i * ROWS : (i + 1) * ROWS].tobytes() for i in range(BANDS)]


class Deduper:
    """An in-memory MinHash LSH index of first copies: ``match`` a text, ``add`` it if new."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        if num_perm != NUM_PERM:
            raise ValueError(f"num_perm must be {NUM_PERM} (the stored signature scheme)")
        self.threshold = threshold
        self.num_perm = num_perm
        self._tables: list[dict[bytes, dict[str, None]]] = [{} for _ in range(BANDS)]
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def signature(self, text: str) -> MinHash | None:
        """The MinHash of ``text``'s shingles, or None when the text is too short to compare."""
        grams = shingles(text)
        if len(grams) < MIN_SHINGLES:
            return None
        return MinHash.of(grams)

    def _candidates(self, sig: MinHash) -> dict[str, None]:
        found: dict[str, None] = {}
        for table, key in zip(self._tables, sig.bands(), strict=True):
            hit = table.get(key)
            if hit:
                found.update(hit)
        return found

    def match(self, sig: MinHash | None) -> tuple[str, float] | None:
        """The most similar indexed text at or above the threshold: (id, Jaccard estimate)."""
        if sig is None:
            return None
        best: tuple[str, float] | None = None
        for key in self._candidates(sig):
            sim = sig.jaccard(self._sigs[key])
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (key, sim)
        return best

    def add(self, key: str, sig: MinHash | None) -> None:
        """Index a first copy (no-op for a None signature or a key already indexed)."""
        if sig is None or key in self._sigs:
            return
        for table, band in zip(self._tables, sig.bands(), strict=True):
            table.setdefault(band, {})[key] = None
        self._sigs[key] = sig

    def remove(self, key: str) -> None:
        """Drop a text from the index (e.g. it failed to process and was not stored)."""
        sig = self._sigs.pop(key, None)
        if sig is None:
            return
        for table, band in zip(self._tables, sig.bands(), strict=True):
            keys = table.get(band)
            if keys is not None:
                keys.pop(key, None)
                if not keys:
                    del table[band]

    @staticmethod
    def to_bytes(sig: MinHash | None) -> bytes | None:
        """A signature as bytes for the store."""
        return None if sig is None else np.asarray(sig.hashvalues, dtype="<u4").tobytes()

    def from_bytes(self, data: bytes) -> MinHash:
        """A signature from ``to_bytes`` output."""
        return MinHash(np.frombuffer(data, dtype="<u4").astype(np.uint32))


__all__ = ["MIN_SHINGLES", "SIGNATURE_SCHEME", "THRESHOLD", "Deduper", "MinHash", "shingles"]
