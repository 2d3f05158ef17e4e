"""Near-duplicate detection on real Reuters articles: MinHash over word 3-grams, Jaccard ≥ 0.8."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitmap.dedup import THRESHOLD, Deduper, shingles


@pytest.fixture(scope="module")
def reuters(shared: Path) -> list[dict]:
    path = shared / "corpora" / "isot-reuters-2017-sample.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(40), fh, strict=False)]


def light_edit(text: str) -> str:
    """A re-publication: new headline and dateline style, every 50th word changed, a footer."""
    words = text.split()
    for i in range(7, len(words), 50):
        words[i] = "reportedly"
    return "UPDATED: " + " ".join(words) + "\nReporting by staff; editing by the desk."


def test_dedup_lightly_edited_copy_is_near_duplicate(reuters: list[dict]) -> None:
    dedup = Deduper()
    for art in reuters[1:]:
        dedup.add(art["id"], dedup.signature(art["text"]))
    original = reuters[5]
    found = dedup.match(dedup.signature(light_edit(original["text"])))
    assert found is not None
    assert found[0] == original["id"] and THRESHOLD <= found[1] < 1.0


def test_dedup_different_articles_do_not_match(reuters: list[dict]) -> None:
    dedup = Deduper()
    dedup.add(reuters[0]["id"], dedup.signature(reuters[0]["text"]))
    assert all(dedup.match(dedup.signature(a["text"])) is None for a in reuters[1:])


def test_dedup_heavily_edited_copy_is_not_a_duplicate(reuters: list[dict]) -> None:
    dedup = Deduper()
    text = reuters[3]["text"]
    dedup.add("a", dedup.signature(text))
    words = text.split()
    half = " ".join(words[: len(words) // 2])  # half the article is about 0.5 Jaccard
    assert dedup.match(dedup.signature(half)) is None


def test_dedup_short_text_has_no_signature() -> None:
    dedup = Deduper()
    assert len(shingles("Syrian army enters Deir ez-Zor")) == 4  # ez-Zor is two words
    assert dedup.signature("Syrian army enters Deir ez-Zor") is None
    assert dedup.match(None) is None


def test_dedup_signature_bytes_round_trip(reuters: list[dict]) -> None:
    dedup = Deduper()
    sig = dedup.signature(reuters[2]["text"])
    data = Deduper.to_bytes(sig)
    assert len(data) == 128 * 4
    assert dedup.from_bytes(data).jaccard(sig) == 1.0


def test_dedup_remove(reuters: list[dict]) -> None:
    dedup = Deduper()
    sig = dedup.signature(reuters[2]["text"])
    dedup.add("x", sig)
    assert dedup.match(sig) == ("x", 1.0)
    dedup.remove("x")
    assert dedup.match(sig) is None and len(dedup) == 0


def test_dedup_finds_a_near_copy_through_the_index() -> None:
    """A near copy is found through the LSH index and counted at >= 0.8 Jaccard; an unrelated
    text is not; a removed text is no longer found."""
    base = " ".join(f"w{i}" for i in range(400))
    dedup = Deduper()
    dedup.add("base", dedup.signature(base))
    found = dedup.match(dedup.signature(base + " w1 w2 w3"))
    assert found is not None and found[0] == "base" and found[1] >= THRESHOLD
    other = " ".join(f"v{i}" for i in range(400))
    assert dedup.match(dedup.signature(other)) is None
    dedup.add("other", dedup.signature(other))
    dedup.remove("base")
    assert dedup.match(dedup.signature(base)) is None and len(dedup) == 1


def test_dedup_lsh_bands_are_datasketchs_own_optimum() -> None:
    from datasketch.lsh import _optimal_param

    from sitmap.dedup import _LSH_PARAMS, NUM_PERM

    assert _LSH_PARAMS[(THRESHOLD, NUM_PERM)] == _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)
    lsh = Deduper()._lsh
    assert (lsh.b, lsh.r) == (9, 13)


def test_dedup_does_not_import_scipys_integrator_yet_datasketch_can_use_it() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from sitmap.dedup import Deduper\n"
        "d = Deduper()\n"
        "text = ' '.join(f'word{i} lorem ipsum' for i in range(40))\n"
        "d.add('a', d.signature(text))\n"
        "assert d.match(d.signature(text))[0] == 'a'\n"
        "assert 'scipy.integrate' not in sys.modules, 'integrator imported'\n"
        "from datasketch import MinHashLSH\n"  # another threshold: datasketch's own optimum
        "lsh = MinHashLSH(threshold=0.5, num_perm=64)\n"
        "import scipy.integrate\n"
        "assert hasattr(scipy.integrate, 'solve_ivp'), 'the real module after the stand-in'\n"
        "print(lsh.b, lsh.r)\n"
    )
    from datasketch.lsh import _optimal_param

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert tuple(map(int, out.stdout.split())) == _optimal_param(0.5, 64, 0.5, 0.5)


def test_dedup_band_index_finds_what_datasketchs_lsh_finds() -> None:
    """The compact band index gives, for every query, the very keys datasketch's MinHashLSH
    with the same bands gives (texts edited by 0-40% of their words), and keeps only the hash
    values of each first copy; removing a key removes it from every band."""
    import random

    from datasketch import MinHashLSH

    rng = random.Random(7)
    words = [f"t{i}" for i in range(3000)]
    bases = [" ".join(rng.choices(words, k=300)) for _ in range(12)]
    texts = {}
    for i, base in enumerate(bases):
        for j, share in enumerate((0.0, 0.02, 0.05, 0.1, 0.2, 0.4)):
            toks = base.split()
            for n in rng.sample(range(len(toks)), int(share * len(toks))):
                toks[n] = rng.choice(words)
            texts[f"d{i:02d}-{j}"] = " ".join(toks)
    dedup = Deduper()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=128, params=(9, 13))
    sigs = {k: dedup.signature(t) for k, t in texts.items()}
    for k in sorted(texts)[::2]:
        dedup.add(k, sigs[k])
        lsh.insert(k, sigs[k])
    assert all(v.dtype.itemsize == 4 and v.size == 128 for v in dedup._sigs.values())
    for k, sig in sigs.items():
        assert dedup._lsh.query(dedup._sigs.get(k, sig.hashvalues)) == set(lsh.query(sig)), k
        found = dedup.match(sig)
        best = max(((sig.jaccard(sigs[o]), o) for o in lsh.query(sig)), default=(0.0, None))
        assert (found[1] if found else 0.0) == (best[0] if best[0] >= THRESHOLD else 0.0)
    hits = sum(len(lsh.query(s)) > 1 for s in sigs.values())
    assert hits >= 6  # near copies share bands: the comparison is not vacuous
    for k in sorted(texts)[::4]:
        dedup.remove(k)
        lsh.remove(k)
    for sig in sigs.values():
        assert dedup._lsh.query(sig.hashvalues) == set(lsh.query(sig))
