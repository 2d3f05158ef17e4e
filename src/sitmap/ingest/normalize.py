"""Text normalisation: one canonical form for every article, whatever it was read from.

``normalise`` returns the text that becomes ``Document.text``; all offsets index into it.
Space-like characters are replaced one for one, so a text that is already NFC keeps its length.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that carry no text: format characters invisible in print (zero-width space, word
# joiner, BOM, soft hyphen) and every C0/C1 control except tab and newline.
_DROP = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u00ad]")
# Unicode space separators (category Zs: NBSP, thin, narrow no-break, em, ideographic ...) and tab.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Line and paragraph separators (categories Zl, Zp) and the other line breaks Python knows.
_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def normalise(text: str) -> str:
    """NFC, line breaks to ``\\n``, Unicode spaces to ``" "``, control characters dropped."""
    text = unicodedata.normalize("NFC", text)
    text = _BREAKS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    return _DROP.sub("", text)


def fold(text: str) -> str:
    """A same-length copy for pattern matching: curly quotes and apostrophes made straight."""
    return text.translate(_FOLD)


_FOLD = str.maketrans({"‘": "'", "’": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"'})
