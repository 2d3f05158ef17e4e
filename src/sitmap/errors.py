"""One error family: every message says what went wrong and what to do about it."""

from __future__ import annotations


class SitmapError(Exception):
    """Base class: ``str(error)`` is one line a person can act on."""

    code = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} — {hint}" if hint else message)

    def to_dict(self) -> dict[str, str]:
        return {"error": self.code, "message": str(self)}


class InputError(SitmapError):
    """The input cannot be read as an English news article (empty, binary, encoding, ...)."""

    code = "input"

    def __init__(self, reason: str, message: str, *, hint: str | None = None) -> None:
        self.reason = reason
        super().__init__(message, hint=hint)


class ModelError(SitmapError):
    """The spaCy model is missing or unusable."""

    code = "model"


class StoreError(SitmapError):
    """The database cannot be opened, written or queried."""

    code = "store"
