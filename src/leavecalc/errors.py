"""The errors leavecalc raises on purpose. Each message is one plain line for the user."""


class LeavecalcError(Exception):
    """Base class: bad input, a broken policy or holiday file, or a date nothing covers."""


class InputError(LeavecalcError, ValueError):
    """A case that cannot be computed as given (a leave start after the birth, 0 babies...)."""


class PolicyError(LeavecalcError):
    """A policy file that is missing, unreadable or invalid, or an unknown policy id."""


class NoPolicyError(LeavecalcError):
    """No policy of the jurisdiction is in force on the date asked about."""


class CalendarError(LeavecalcError):
    """A date outside the years the holiday calendar can speak for, or a broken holiday file."""
