"""The errors leavecalc raises on purpose. Each message is one plain line for the user.

An error made with ``.of(code, **params)`` is worded from the message catalogue, so a front end
can show it in the user's language (``worded(lang)``); ``str()`` is the English.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

E = TypeVar("E", bound="LeavecalcError")


class LeavecalcError(Exception):
    """Base class: bad input, a broken policy or holiday file, or a date nothing covers."""

    code: str | None = None
    params: dict[str, Any] = {}

    @classmethod
    def of(cls: type[E], code: str, **params: Any) -> E:
        from .messages import text

        error = cls(text(code, "en", **params))
        error.code, error.params = code, params
        return error

    def worded(self, lang: Literal["zh", "en"]) -> str:
        if self.code is None:
            return str(self)
        from .messages import text

        return text(self.code, lang, **self.params)


class InputError(LeavecalcError, ValueError):
    """A case that cannot be computed as given (a leave start after the birth, 0 babies...)."""


class PolicyError(LeavecalcError):
    """A policy file that is missing, unreadable or invalid, or an unknown policy id."""


class NoPolicyError(LeavecalcError):
    """No policy of the jurisdiction is in force on the date asked about."""


class CalendarError(LeavecalcError):
    """A date outside the years the holiday calendar can speak for, or a broken holiday file."""
