"""The errors leavecalc raises on purpose. Each message is one plain line for the user."""

from __future__ import annotations


class LeavecalcError(Exception):
    """Base class: bad input, a broken policy or holiday file, or a date nothing covers."""


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
