"""leavecalc: statutory leave and pay around childbirth in China, with the law behind each number.

The public API is what this module exports (docs/library.md); anything else is private.
Exports are imported on first use, so ``import leavecalc`` stays cheap for the command line.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # policies
    "Policy": "policy",
    "PolicyRegistry": "policy",
    "Citation": "policy",
    "bundled_policies": "policy",
    "load_policy_file": "policy",
    "parse_policy": "policy",
    # holiday calendar
    "Calendar": "holidays",
    "bundled_calendar": "holidays",
    # engines and their cases
    "MaternityCase": "maternity",
    "maternity_leave": "maternity",
    "MiscarriageCase": "miscarriage",
    "miscarriage_leave": "miscarriage",
    # results
    "LeaveResult": "results",
    "Segment": "results",
    "Basis": "results",
    "Message": "results",
    "NamedDay": "results",
    "HolidayDataUsed": "results",
    # errors
    "LeavecalcError": "errors",
    "InputError": "errors",
    "PolicyError": "errors",
    "NoPolicyError": "errors",
    "CalendarError": "errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'leavecalc' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .errors import CalendarError, InputError, LeavecalcError, NoPolicyError, PolicyError
    from .holidays import Calendar, bundled_calendar
    from .maternity import MaternityCase, maternity_leave
    from .miscarriage import MiscarriageCase, miscarriage_leave
    from .policy import Citation, Policy, PolicyRegistry, bundled_policies, load_policy_file, parse_policy
    from .results import Basis, HolidayDataUsed, LeaveResult, Message, NamedDay, Segment
