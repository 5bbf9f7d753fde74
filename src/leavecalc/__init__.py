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
    "build_calendar": "holiday_data",
    "load_holiday_file": "holiday_data",
    "holiday_year": "holiday_data",
    "HolidayYear": "holiday_data",
    # leave engines and their cases
    "MaternityCase": "maternity",
    "maternity_leave": "maternity",
    "MiscarriageCase": "miscarriage",
    "miscarriage_leave": "miscarriage",
    "PaternityCase": "paternity",
    "paternity_leave": "paternity",
    "ParentingCase": "parenting",
    "ParentingResult": "parenting",
    "parenting_leave": "parenting",
    # protections and the whole plan
    "PregnancyDates": "protection",
    "pregnancy_protection": "protection",
    "nursing": "protection",
    "protected_period": "protection",
    "arbitration_deadline": "protection",
    "PlanCase": "plan",
    "PlanResult": "plan",
    "make_plan": "plan",
    # pay
    "Wages": "pay",
    "AllowanceResult": "pay",
    "maternity_pay": "pay",
    "allowance_for_days": "pay",
    "RestCase": "pay",
    "RestPayResult": "pay",
    "pregnancy_rest_pay": "pay",
    "minimum_wage_on": "pay",
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
    from .holiday_data import HolidayYear, build_calendar, holiday_year, load_holiday_file
    from .holidays import Calendar, bundled_calendar
    from .maternity import MaternityCase, maternity_leave
    from .miscarriage import MiscarriageCase, miscarriage_leave
    from .parenting import ParentingCase, ParentingResult, parenting_leave
    from .paternity import PaternityCase, paternity_leave
    from .pay import (
        AllowanceResult,
        RestCase,
        RestPayResult,
        Wages,
        allowance_for_days,
        maternity_pay,
        minimum_wage_on,
        pregnancy_rest_pay,
    )
    from .plan import PlanCase, PlanResult, make_plan
    from .protection import (
        PregnancyDates,
        arbitration_deadline,
        nursing,
        protected_period,
        pregnancy_protection,
    )
    from .policy import Citation, Policy, PolicyRegistry, bundled_policies, load_policy_file, parse_policy
    from .results import Basis, HolidayDataUsed, LeaveResult, Message, NamedDay, Segment
