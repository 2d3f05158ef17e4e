"""Near-duplicate detection: MinHash signatures of word shingles in a MinHash LSH index.

Two texts are near-duplicates when the Jaccard similarity of their sets of word 3-grams
(lower-cased ``\\w+`` words) is at least ``THRESHOLD`` (0.8): a wire story re-published with
a changed headline, a dateline, a few edited words or an appended footer. With 128
permutations the similarity estimate has a standard error of about 0.035, so candidates the
LSH returns are checked against the threshold before they count.

Exact duplicates (the same text, so the same ``Document.id``) are found by id, not here.
Texts with fewer than ``MIN_SHINGLES`` shingles (a headline, a one-line post) are too short
to compare reliably and are never called near-duplicates.
"""

from __future__ import annotations

import re
import sys
import types
from typing import Any

import numpy as np

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 3
MIN_SHINGLES = 10
SCHEME = "affine32"
SIGNATURE_SCHEME = f"minhash:{SCHEME}:perm{NUM_PERM}:seed1:words{SHINGLE}"
"""Stored with the signatures; signatures made under another scheme are recomputed."""

_WORD = re.compile(r"\w+")

_LSH_PARAMS = {(THRESHOLD, NUM_PERM): (9, 13)}
"""Bands and rows of the LSH index: what datasketch's own ``_optimal_param`` (equal weights)
gives for these settings (``tests/test_dedup.py`` checks it), so building the index does not
need SciPy's integrator; other settings are left to datasketch."""


def _datasketch() -> types.ModuleType:
    """The datasketch package, imported without importing SciPy's integrator.

    datasketch's LSH modules import ``scipy.integrate.quad`` at the top, for the optimal band
    count only; importing the integrator costs ~0.35 CPU s, a tenth of ``sitmap ingest``'s
    start-up, for a function an index built with ``_LSH_PARAMS`` never calls. While datasketch
    is imported, ``scipy.integrate`` is a stand-in whose ``quad`` imports the real integrator
    when first called; the stand-in is removed at once, so any later ``import scipy.integrate``
    gets the real module.
    """
    if "datasketch" in sys.modules or "scipy.integrate" in sys.modules:
        import datasketch

        return datasketch
    stand_in = types.ModuleType("scipy.integrate")

    def quad(*args: Any, **kwargs: Any) -> Any:
        from scipy import integrate

        return integrate.quad(*args, **kwargs)

    stand_in.quad = quad  # type: ignore[attr-defined]
    sys.modules["scipy.integrate"] = stand_in
    try:
        import datasketch
    finally:
        if sys.modules.get("scipy.integrate") is stand_in:
            del sys.modules["scipy.integrate"]
    return datasketch


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The set of lower-cased word k-grams of ``text``, as UTF-8 bytes."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


class _Bands:
    """A MinHash LSH index: ``b`` bands of ``r`` hash values, each band's values (as a 64-bit
    hash) -> the keys that share them, as datasketch's ``MinHashLSH`` with these ``(b, r)``
    finds them; ~1 KB a key against datasketch's ~3.5 KB (a 100,000-document store's index
    is held by every ingest)."""

    def __init__(self, b: int, r: int) -> None:
        self.b, self.r = b, r
        self._tables: list[dict[int, Any]] = [{} for _ in range(b)]  # hash -> key or [keys]

    def _hashes(self, values: np.ndarray) -> list[int]:
        r = self.r
        return [hash(values[i * r : (i + 1) * r].tobytes()) for i in range(self.b)]

    def insert(self, key: str, values: np.ndarray) -> None:
        for h, table in zip(self._hashes(values), self._tables, strict=True):
            found = table.get(h)
            if found is None:
                table[h] = key
            elif isinstance(found, list):
                found.append(key)
            else:
                table[h] = [found, key]

    def remove(self, key: str, values: np.ndarray) -> None:
        for h, table in zip(self._hashes(values), self._tables, strict=True):
            found = table.get(h)
            if found == key:
                del table[h]
            elif isinstance(found, list) and key in found:
                found.remove(key)
                if len(found) == 1:
                    table[h] = found[0]

    def query(self, values: np.ndarray) -> set[str]:
        out: set[str] = set()
        for h, table in zip(self._hashes(values), self._tables, strict=True):
            found = table.get(h)
            if isinstance(found, list):
                out.update(found)
            elif found is not None:
                out.add(found)
        return out


class Deduper:
    """An in-memory MinHash LSH index of first copies: ``match`` a text, ``add`` it if new.

    Only each first copy's hash values are kept (512 bytes; not a datasketch ``MinHash``
    object, ~2 KB), in an index of bands (``_Bands``)."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        params = _LSH_PARAMS.get((threshold, num_perm))
        if params is None:  # other settings: datasketch's own optimum
            lsh = _datasketch().MinHashLSH(threshold=threshold, num_perm=num_perm)
            params = (lsh.b, lsh.r)
        self._lsh = _Bands(*params)
        self._sigs: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def signature(self, text: str) -> Any | None:
        """The MinHash of ``text``'s shingles, or None when the text is too short to compare."""
        grams = shingles(text)
        if len(grams) < MIN_SHINGLES:
            return None
        mh = _datasketch().MinHash(num_perm=self.num_perm, scheme=SCHEME)
        mh.update_batch(list(grams))
        return mh

    def match(self, sig: Any | None) -> tuple[str, float] | None:
        """The most similar indexed text at or above the threshold: (id, Jaccard estimate;
        of equally similar ones, the smallest id)."""
        if sig is None:
            return None
        values = _values(sig)
        best: tuple[str, float] | None = None
        for key in sorted(self._lsh.query(values)):
            # the share of equal hash values: ``MinHash.jaccard``
            sim = float(np.count_nonzero(values == self._sigs[key])) / len(values)
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (key, sim)
        return best

    def add(self, key: str, sig: Any | None) -> None:
        """Index a first copy (no-op for a None signature or a key already indexed)."""
        if sig is None or key in self._sigs:
            return
        values = _values(sig)
        self._lsh.insert(key, values)
        self._sigs[key] = values

    def remove(self, key: str) -> None:
        """Drop a text from the index (e.g. it failed to process and was not stored)."""
        values = self._sigs.pop(key, None)
        if values is not None:
            self._lsh.remove(key, values)

    @staticmethod
    def to_bytes(sig: Any | None) -> bytes | None:
        """A signature as bytes for the store."""
        return None if sig is None else np.asarray(sig.hashvalues, dtype="<u4").tobytes()

    def from_bytes(self, data: bytes) -> Any:
        """A signature from ``to_bytes`` output."""
        values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
        return _datasketch().MinHash(num_perm=self.num_perm, hashvalues=values, scheme=SCHEME)


def _values(sig: Any) -> np.ndarray:
    """A signature's hash values as a compact uint32 array (the affine32 scheme's range)."""
    return np.ascontiguousarray(sig.hashvalues, dtype=np.uint32)


__all__ = ["MIN_SHINGLES", "SIGNATURE_SCHEME", "THRESHOLD", "Deduper", "shingles"]
