"""leavecalc: statutory leave and pay around childbirth in China, with the law behind each number.

The public API is what this module exports (docs/library.md); anything else is private.
Exports are imported on first use, so ``import leavecalc`` stays cheap for the command line.
Every model a public function returns or a public result (or policy) contains is exported too
(tests/test_exports.py checks it), so callers can name the types they hold.
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
    # the parts of a policy (docs/policy-format.md); two share a name with a result, so are renamed
    "MaternityRules": "policy",
    "MaternitySegmentRules": "policy",
    "MiscarriageRules": "policy",
    "MiscarriageTier": "policy",
    "PaternityRules": "policy",
    "ParentingRules": "policy",
    "ParentingYearRule": "policy",
    "ParentingCounting": "policy",
    "ProtectionRules": "policy",
    "PregnancyRules": "policy",
    "LactationRules": "policy",
    "ProtectedPeriodRules": "policy",
    "ProtectionRule": "policy:Protection",
    "DismissalRule": "policy:Dismissal",
    "PayRules": "policy",
    "MinimumWage": "policy",
    "FundParts": "policy",
    "Checked": "policy",
    "Percent": "policy",
    "Counting": "policy",
    "Days": "policy",
    "Value": "policy",
    "Weeks": "policy",
    "WeeksPerMonth": "policy",
    "Months": "policy",
    "Years": "policy",
    "Divisor": "policy",
    "Review": "policy",
    "SomeDays": "policy",
    "ByChildOrder": "policy",
    "ConditionalDays": "policy",
    "DifficultDays": "policy",
    "EmployerRange": "policy",
    "LaterRule": "policy",
    "SegmentPart": "results",
    "user_policies": "policy",
    "policy_dir": "policy",
    "Hours": "policy",
    "Flag": "policy",
    "AgeLimit": "policy",
    # holiday calendar
    "Calendar": "holiday_calendar",
    "bundled_calendar": "holiday_calendar",
    "build_calendar": "holiday_data",
    "load_holiday_file": "holiday_data",
    "holiday_year": "holiday_data",
    "HolidayYear": "holiday_data",
    "Arrangement": "holiday_calendar",
    "YearData": "holiday_calendar",
    "ReturnDay": "holiday_calendar",
    "HolidayName": "holiday_calendar",
    "HolidayLaw": "holiday_calendar",
    "LawVersion": "holiday_calendar",
    "DayRule": "holiday_calendar",
    "Reading": "holiday_calendar",
    # leave engines and their cases
    "MaternityCase": "maternity",
    "maternity_leave": "maternity",
    "MiscarriageCase": "miscarriage",
    "miscarriage_leave": "miscarriage",
    "PaternityCase": "paternity",
    "paternity_leave": "paternity",
    "ParentingCase": "parenting",
    "ParentingResult": "parenting",
    "ParentingYear": "parenting",
    "Period": "parenting",
    "parenting_leave": "parenting",
    # protections and the whole plan
    "PregnancyDates": "protection",
    "pregnancy_protection": "protection",
    "lactation": "protection",
    "protected_period": "protection",
    "arbitration_deadline": "protection",
    "PregnancyProtection": "protection",
    "Protection": "protection",
    "Lactation": "protection",
    "ProtectedPeriod": "protection",
    "Dismissal": "protection",
    "Arbitration": "protection",
    "PlanCase": "plan",
    "PlanResult": "plan",
    "PlanLine": "plan",
    "make_plan": "plan",
    # pay
    "Wages": "pay",
    "AllowanceResult": "pay",
    "AllowanceMonth": "pay",
    "PayPeriod": "pay",
    "maternity_pay": "pay",
    "allowance_for_days": "pay",
    "RestCase": "pay",
    "RestPayResult": "pay",
    "RestMonth": "pay",
    "pregnancy_rest_pay": "pay",
    "minimum_wage_on": "pay",
    # answers (docs/answers.md): a question answered, worded from the message catalogue
    "Answer": "answers",
    "Verdict": "answers",
    "Param": "answers",
    "KeyDate": "answers",
    "Article": "answers",
    "Pregnancy": "protection_answers",
    "Office": "where_to_go",
    "leave_answer": "answers",
    "maternity_answer": "answers",
    "parenting_answer": "answers",
    "allowance_answer": "pay_answers",
    "rest_answer": "pay_answers",
    "contract_answer": "protection_answers",
    "dismissal_answer": "protection_answers",
    "arbitration_answer": "protection_answers",
    "overtime_answer": "protection_answers",
    "lactation_answer": "protection_answers",
    "answer_text": "render_answer",
    "summary_text": "render_answer",
    "offices": "where_to_go",
    "message_text": "messages:text",
    "parse_date": "dates",
    # results
    "LeaveResult": "results",
    "Segment": "results",
    "Basis": "results",
    "Message": "results",
    "NamedDay": "results",
    "HolidayDataUsed": "results",
    # one entry point for every kind of question (kinds.py)
    "compute": "kinds",
    "KINDS": "kinds",
    "Kind": "kinds",
    "Input": "kinds",
    "Env": "kinds",
    # errors
    "LeavecalcError": "errors",
    "InputError": "errors",
    "PolicyError": "errors",
    "NoPolicyError": "errors",
    "CalendarError": "errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'leavecalc' has no attribute {name!r}")
    module, _, attr = where.partition(":")  # "module:attr" when exported under another name
    value = getattr(import_module(f".{module}", __name__), attr or name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .answers import (
        Answer,
        Article,
        KeyDate,
        Param,
        Verdict,
        leave_answer,
        maternity_answer,
        parenting_answer,
    )
    from .pay_answers import allowance_answer, rest_answer
    from .protection_answers import (
        Pregnancy,
        arbitration_answer,
        contract_answer,
        dismissal_answer,
        lactation_answer,
        overtime_answer,
    )
    from .dates import parse_date
    from .messages import text as message_text
    from .render_answer import answer_text, summary_text
    from .where_to_go import Office, offices
    from .errors import CalendarError, InputError, LeavecalcError, NoPolicyError, PolicyError
    from .kinds import KINDS, Env, Input, Kind, compute
    from .holiday_data import HolidayYear, build_calendar, holiday_year, load_holiday_file
    from .holiday_calendar import (
        Arrangement,
        Calendar,
        DayRule,
        HolidayLaw,
        HolidayName,
        LawVersion,
        Reading,
        ReturnDay,
        YearData,
        bundled_calendar,
    )
    from .maternity import MaternityCase, maternity_leave
    from .miscarriage import MiscarriageCase, miscarriage_leave
    from .parenting import ParentingCase, ParentingResult, ParentingYear, Period, parenting_leave
    from .paternity import PaternityCase, paternity_leave
    from .pay import (
        AllowanceMonth,
        AllowanceResult,
        PayPeriod,
        RestCase,
        RestMonth,
        RestPayResult,
        Wages,
        allowance_for_days,
        maternity_pay,
        minimum_wage_on,
        pregnancy_rest_pay,
    )
    from .plan import PlanCase, PlanLine, PlanResult, make_plan
    from .protection import (
        Arbitration,
        Dismissal,
        Lactation,
        PregnancyDates,
        PregnancyProtection,
        ProtectedPeriod,
        Protection,
        arbitration_deadline,
        lactation,
        protected_period,
        pregnancy_protection,
    )
    from .policy import (
        AgeLimit,
        Checked,
        Citation,
        Counting,
        Days,
        Flag,
        FundParts,
        Hours,
        MaternityRules,
        MaternitySegmentRules,
        MinimumWage,
        MiscarriageRules,
        MiscarriageTier,
        LactationRules,
        ParentingCounting,
        ParentingRules,
        ParentingYearRule,
        PaternityRules,
        PayRules,
        Percent,
        Policy,
        PolicyRegistry,
        PregnancyRules,
        ProtectedPeriodRules,
        ProtectionRules,
        Value,
        Weeks,
        WeeksPerMonth,
        Months,
        Years,
        Divisor,
        Review,
        SomeDays,
        ByChildOrder,
        ConditionalDays,
        DifficultDays,
        EmployerRange,
        LaterRule,
        user_policies,
        policy_dir,
        bundled_policies,
        load_policy_file,
        parse_policy,
    )
    from .policy import Dismissal as DismissalRule
    from .policy import Protection as ProtectionRule
    from .results import Basis, HolidayDataUsed, LeaveResult, Message, NamedDay, Segment, SegmentPart
