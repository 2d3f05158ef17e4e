"""Is this English? py3langid (naive Bayes over byte n-grams, ~2 ms per article) decides.

Conservative by design: sitmap would rather read a non-English brief than refuse an English
one. Short texts (a one-line wire brief full of foreign names) are never refused, and longer
ones only when the classifier is confident.
"""

from __future__ import annotations

from functools import cache

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
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of the language of ``text``'s first ``SAMPLE_CHARS``."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return lang, float(prob)


def check_english(text: str) -> str:
    """Return ``"en"``, or raise ``NotEnglish`` when ``text`` is confidently another language."""
    words = len(text[: SAMPLE_CHARS * 2].split())
    if words < MIN_WORDS:
        return "en"
    lang, prob = detect(text)
    needed = MIN_CONFIDENCE_SHORT if words < SHORT_WORDS else MIN_CONFIDENCE
    if lang != "en" and prob >= needed:
        raise NotEnglish(lang, prob)
    return "en"


def language_name(code: str) -> str:
    """English name of an ISO 639-1 code ("fr" → "French"); the code itself when unknown."""
    import pycountry

    entry = pycountry.languages.get(alpha_2=code)
    return entry.name if entry is not None else code
