"""Is this English? py3langid (naive Bayes over byte n-grams, ~2 ms per article) decides.

Conservative by design: sitmap would rather read a non-English brief than refuse an English
one. Short texts (a one-line wire brief full of foreign names) are never refused, and longer
ones only when the classifier is confident.
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

from sitmap.errors import InputError

SAMPLE_CHARS = 1500
"""Only this many characters (from the start of the clean text) are classified."""
MIN_WORDS = 12
"""Texts with fewer words are always accepted."""
MIN_CONFIDENCE = 0.95
"""Probability the detected language needs before a text is refused..."""
MIN_CONFIDENCE_SHORT = 0.99
"""...or, for texts under ``SHORT_WORDS`` words, this one."""
SHORT_WORDS = 40
UNSPACED_SHARE = 0.3
"""A text whose letters are more than this share Han/kana/Hangul/Thai... is not English."""


class NotEnglish(InputError):
    """The text is confidently in another language; ``language`` holds its ISO 639-1 code."""

    def __init__(self, language: str, confidence: float) -> None:
        self.language = language
        self.confidence = confidence
        super().__init__(
            "not-english",
            f"text is in {language_name(language)} ({language}), sitmap reads English news",
            hint=f"detected with probability {confidence:.2f}",
        )


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    arrays = _plain_model(MODEL_DIR / MODEL_FILE)
    if arrays is not None:
        try:
            from py3langid.modelio import _to_array  # how from_model_file builds it

            return LanguageIdentifier(
                arrays["ptc"],
                arrays["pc"],
                arrays["classes"].tolist(),
                _to_array(arrays["nextmove"]),
                arrays["out_feat"].tolist(),
                norm_probs=True,
                tk_row=_to_array(arrays["nextmove_row"]),
            )
        except (ImportError, TypeError, ValueError, KeyError):
            pass
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _plain_model(packed: Path) -> dict[str, Any] | None:
    """py3langid's model arrays from an uncompressed copy in the cache (made on first use).

    The packaged model is LZMA-compressed: unpacking it cost 0.4 CPU s (and more wall time on
    a busy machine) at every start; the copy (68 MB, next to the gazetteer's) loads in 0.1 s
    and holds the very same arrays. None when neither works (then the packaged file is read).
    """
    import lzma
    import os
    import shutil
    import tempfile

    import numpy
    from py3langid import __version__

    from sitmap.compiled import cache_dir

    try:
        stat = packed.stat()
        path = cache_dir() / f"langid-{__version__}-{stat.st_size}-{stat.st_mtime_ns}.npz"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out, lzma.open(packed) as src:
                    shutil.copyfileobj(src, out, length=1 << 20)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        with numpy.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (OSError, ValueError, lzma.LZMAError, zipfile.BadZipFile):
        return None
    needed = {"ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat"}
    return arrays if needed <= set(arrays) else None


def detect(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of the language of ``text``'s first ``SAMPLE_CHARS``."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return lang, float(prob)


def check_english(text: str) -> str:
    """Return ``"en"``, or raise ``NotEnglish`` when ``text`` is confidently another language."""
    words = _words(text[: SAMPLE_CHARS * 2])
    if words < MIN_WORDS:
        return "en"
    lang, prob = detect(text)
    sample = text[:SAMPLE_CHARS]
    unspaced = len(_UNSPACED.findall(sample))  # letters counted only where there are some
    letters = sum(c.isalpha() for c in sample) if unspaced else 0
    if letters and unspaced / letters > UNSPACED_SHARE:
        # Mostly Chinese/Japanese/Korean/Thai...: not English whatever the classifier's
        # confidence (it spreads its probability over neighbouring languages there).
        raise NotEnglish(lang if lang != "en" else "und", prob)
    needed = MIN_CONFIDENCE_SHORT if words < SHORT_WORDS else MIN_CONFIDENCE
    if lang != "en" and prob >= needed:
        raise NotEnglish(lang, prob)
    return "en"


# Scripts written without spaces between words (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar):
# there a word is about two characters, so a Chinese paragraph is not "one word".
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def _words(text: str) -> int:
    """Words in ``text``, counting two characters of an unspaced script as one."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def language_name(code: str) -> str:
    """English name of an ISO 639-1 code ("fr" → "French"); the code itself when unknown."""
    import pycountry

    entry = pycountry.languages.get(alpha_2=code)
    return entry.name if entry is not None else code
