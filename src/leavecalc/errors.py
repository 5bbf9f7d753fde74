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
        templates = getattr(self, "naming_templates", None)
        if templates is not None:  # an error naming inputs: each by its plain name
            return str(templates[lang].format_map(_Plain()))
        if self.code is None:
            return str(self)
        from .messages import text

        return text(self.code, lang, **self.params)


class InputError(LeavecalcError, ValueError):
    """A case that cannot be computed as given (a leave start after the birth, 0 babies, a
    ``datetime`` where a date belongs...). ``field`` names the field at fault when one is,
    and ``reason`` is the message without it (front ends name the field their own way)."""

    def __init__(self, message: str, field: str | None = None, reason: str | None = None, template: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.reason = reason if reason is not None else message
        # The message with each input as ``{name}``, for front ends that call inputs otherwise
        # (the command line: ``--name``).
        self.template = template

    @classmethod
    def naming(cls, template: str) -> InputError:
        """An error whose message names inputs as ``{name}``: plain names here, options on the CLI."""
        return cls(template.format_map(_Plain()), template=template)

    @classmethod
    def naming_code(cls, code: str, inputs: tuple[str, ...] = ()) -> InputError:
        """As :meth:`naming`, the template being catalogue entry ``code`` (``naming_templates``
        gives it in each language, for a front end to name the inputs its own way). ``inputs``
        fill the entry's ``{inputs}``: the names of several inputs, each one named in turn
        ("{birth} 或 {on}" / "{birth} or {on}")."""
        from .messages import catalogue

        joiners = {"zh": " 或 ", "en": " or "}
        templates = {
            lang: catalogue()[code][lang].replace("{inputs}", joiner.join("{" + n + "}" for n in inputs))
            for lang, joiner in joiners.items()
        }
        error = cls.naming(templates["en"])
        error.naming_templates = templates
        return error

    naming_templates: dict[str, str] | None = None


class _Plain(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return key


class PolicyError(LeavecalcError):
    """A policy file that is missing, unreadable or invalid, or an unknown policy id."""


class NoPolicyError(LeavecalcError):
    """No policy of the jurisdiction is in force on the date asked about."""


class CalendarError(LeavecalcError):
    """A date outside the years the holiday calendar can speak for, or a broken holiday file."""


class Stopped(BaseException):
    """A stop signal (SIGTERM), raised like Ctrl-C's KeyboardInterrupt so that ``finally``
    blocks remove every temporary file. ``args[0]`` is the signal number."""
