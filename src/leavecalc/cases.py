"""The public boundary: what a case (the input of an engine) may hold, checked once, here.

Library callers pass Python values, so a ``datetime`` (a ``date`` subclass whose time would be
dropped), ``True`` for a count, ``0`` for a date (pydantic reads it as 1970-01-01) or a string
where a number belongs must be refused, not coerced. A case that cannot be built raises
:class:`~leavecalc.errors.InputError` naming the field, never pydantic's ValidationError.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import Field, Strict, StrictInt, ValidationError

from .errors import InputError
from .policy import Policy
from .results import Frozen

# Dates leavecalc can compute with: far enough around any birth for every span it adds
# (pregnancy, leave, parenting to age 3, the nursing year, an arbitration limit) to stay inside
# Python's years 1 to 9999. A day outside is a typing error, not a case.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)

# Babies at one birth: the case models' bound (a sanity limit on input, not a legal number).
MAX_BABIES = 9


def check_date(value: Any, name: str) -> date:
    """``value`` if it is a ``date`` (not a ``datetime``) in FIRST_DAY..LAST_DAY; else InputError."""
    try:
        return _date_field(value)
    except ValueError as e:
        raise InputError(f"{name}: {e}", field=name, reason=str(e)) from None


def check_count(value: Any, name: str) -> int:
    """``value`` if it is an ``int`` (``True`` is not a count); else InputError."""
    try:
        return _count_field(value)
    except ValueError as e:
        raise InputError(f"{name}: {e}", field=name, reason=str(e)) from None


def check_type(value: Any, kind: type | tuple[type, ...], name: str) -> None:
    """A public function's model argument (a case, a policy, a calendar) of the wrong type is an
    InputError here rather than an AttributeError deep inside."""
    if not isinstance(value, kind):
        wanted = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise InputError(f"{name}: expected {wanted}, not {type(value).__name__}", field=name)


def check_engine_args(policy: Any, *args: tuple[Any, type | tuple[type, ...], str]) -> None:
    """The arguments of a public engine function: a Policy, then each (value, type, name)."""
    # Checked inline, calling check_type only to report: this runs once for every result.
    if not isinstance(policy, Policy):
        check_type(policy, Policy, "policy")
    for value, kind, name in args:
        if not isinstance(value, kind):
            check_type(value, kind, name)


def _shown(value: Any) -> str:
    """A value for a message, cut short: a 100 KB argument must not come back whole."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _date_field(value: Any) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"{_shown(value)} is not a date (give a datetime.date)")
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"{value} is outside the dates leavecalc computes with ({FIRST_DAY} to {LAST_DAY})")
    return value


def _count_field(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{_shown(value)} is not a whole number")
    return value


# Checked by pydantic-core itself (strict: a datetime, a number or text is not a date, a bool or
# text is not a count): a case is built for every row of a batch. case_error words the failures.
Day = Annotated[date, Strict(), Field(ge=FIRST_DAY, le=LAST_DAY)]
Count = StrictInt


class Case(Frozen):
    """Base of every case model: strict field types, and InputError (naming the field) on failure."""

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as e:
            raise case_error(e) from None


def case_error(e: ValidationError) -> InputError:
    """The first problem of a validation error as one InputError naming its field."""
    err = e.errors()[0]
    where = ".".join(str(p) for p in err["loc"] if not isinstance(p, int))
    cause = err.get("ctx", {}).get("error")
    if isinstance(cause, InputError) and cause.code is not None:
        # Worded from the message catalogue: kept so a front end can word it in its language.
        coded = InputError.of(cause.code, **cause.params)
        coded.args = ((f"{where}: " if where else "") + str(coded),)
        coded.field = where or None
        return coded
    value, kind = err.get("input"), err["type"]
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        message = f"{_shown(value)} is not a date (give a datetime.date)"
    elif kind in ("greater_than_equal", "less_than_equal") and isinstance(value, date):
        message = f"{value} is outside the dates leavecalc computes with ({FIRST_DAY} to {LAST_DAY})"
    elif kind == "int_type":
        message = f"{_shown(value)} is not a whole number"
    else:
        message = err["msg"].removeprefix("Value error, ")
    return InputError((f"{where}: " if where else "") + message, field=where or None, reason=message)
