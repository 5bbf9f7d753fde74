"""Each question's result from parsed fields: the case models, the policy in force and the engine,
as the CLI's commands do (tests/test_web_api.py checks the JSON is the CLI's, byte for byte).
Cases are validated by the engines' own models; a validation error names the field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from ..errors import InputError, LeavecalcError
from ..holiday_calendar import Calendar
from ..policy import Policy, PolicyRegistry
from .fields import FieldError


@dataclass(frozen=True)
class Context:
    """What every request shares, loaded once when the server starts."""

    registry: PolicyRegistry
    calendar: Calendar


def make(model: type[Any], rename: dict[str, str] | None = None, whole: str | None = None, **values: Any) -> Any:
    """``model(**values)``; a validation error becomes a FieldError naming the form's field
    (``whole``: the field to mark when the model as a whole is refused)."""
    back = {v: k for k, v in (rename or {}).items()}
    try:
        return model(**values)
    except InputError as e:  # a case model's own check, raised as it is
        raise FieldError(whole, f"输入有误：{e}", str(e)) from None
    except ValidationError as e:
        err = e.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else None
        msg = err["msg"].removeprefix("Value error, ")
        field = back.get(name, name) if name else whole
        raise FieldError(field, f"输入有误：{msg}", msg) from None


def policy_for(ctx: Context, v: dict[str, Any], day: date) -> Policy:
    try:
        place = ctx.registry.place(v["jurisdiction"])
    except LeavecalcError as e:
        raise FieldError("jurisdiction", f"不认识这个地方：{v['jurisdiction']}", str(e)) from None
    return ctx.registry.in_force(place, day)


def birth_case(model: type[Any], v: dict[str, Any], **more: Any) -> Any:
    return make(model, birth=v["birth"], start=v.get("start"), delivery=v["delivery"], babies=v["babies"], **more)


def wages(v: dict[str, Any]) -> Any:
    from ..pay import Wages

    return make(Wages, {"uninsured": "insured"}, "avg_wage", avg_wage=v["avg_wage"], own_wage=v["own_wage"], insured=not v["uninsured"])


def maternity(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..maternity import MaternityCase, maternity_leave

    case = birth_case(MaternityCase, v)
    return maternity_leave(policy_for(ctx, v, case.birth), case, ctx.calendar)


def miscarriage(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..miscarriage import MiscarriageCase, miscarriage_leave

    case = make(MiscarriageCase, date=v["date"], weeks=v["weeks"], months=v["months"])
    return miscarriage_leave(policy_for(ctx, v, case.date), case, ctx.calendar)


def paternity(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..paternity import PaternityCase, paternity_leave

    case = birth_case(PaternityCase, v, mother_start=v["mother_start"], mother_end=v["mother_end"])
    return paternity_leave(policy_for(ctx, v, case.birth), case, ctx.calendar)


def parenting(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..parenting import ParentingCase, parenting_leave

    case = make(
        ParentingCase, {"other_child": "other_births"},
        birth=v["birth"], start=v["start"], days=v["days"], other_births=v["other_child"],
    )
    return parenting_leave(policy_for(ctx, v, case.birth), case, ctx.calendar)


def allowance(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..maternity import MaternityCase
    from ..pay import maternity_pay

    if v["birth"] is None:
        raise FieldError("birth", "请填写“生育日期”。", "Date of birth is required.")
    w = wages(v)
    case = birth_case(MaternityCase, v)
    return maternity_pay(policy_for(ctx, v, case.birth), case, ctx.calendar, w)


def pregnancy_rest(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..pay import RestCase, pregnancy_rest_pay

    case = make(RestCase, {"from": "start", "to": "end"}, start=v["from"], end=v["to"], pay=v["pay"])
    pol = policy_for(ctx, v, case.start)
    # All policies: when the chosen one has no floor, the error can say from when one applies.
    return pregnancy_rest_pay(pol, case, ctx.registry.policies)


def plan(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..plan import PlanCase, make_plan

    case = make(
        PlanCase, {"other_child": "other_births"},
        birth=v["birth"], delivery=v["delivery"], babies=v["babies"], due=v["due"],
        contract_end=v["contract_end"], dispute_known=v["dispute_known"], other_births=v["other_child"],
    )
    has_wages = v["avg_wage"] is not None or v["own_wage"] is not None or v["uninsured"]
    return make_plan(policy_for(ctx, v, case.birth), case, ctx.calendar, wages(v) if has_wages else None)


def holidays(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..holiday_data import holiday_year

    return holiday_year(ctx.calendar, v["year"])


# ---- questions the CLI has no command for yet (issue 10): the engines' protection results

def lactation(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..protection import lactation as lactation_period

    return lactation_period(policy_for(ctx, v, v["birth"]), v["birth"], v["babies"])


def overtime(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..protection import PregnancyDates, pregnancy_protection

    return pregnancy_protection(policy_for(ctx, v, v["due"]), PregnancyDates(due=v["due"]))


def arbitration(ctx: Context, v: dict[str, Any]) -> BaseModel:
    from ..protection import arbitration_deadline

    return arbitration_deadline(policy_for(ctx, v, v["known"]), v["known"], ctx.calendar)


def dismissal(ctx: Context, v: dict[str, Any]) -> BaseModel:
    """The whole plan for the birth: its protected period, contract and arbitration lines."""
    return plan(
        ctx,
        {**v, "due": None, "dispute_known": v["dismissed"], "other_child": [], "avg_wage": None, "own_wage": None, "uninsured": False},
    )


COMPUTE: dict[str, Callable[[Context, dict[str, Any]], BaseModel]] = {
    "maternity": maternity,
    "miscarriage": miscarriage,
    "paternity": paternity,
    "parenting": parenting,
    "allowance": allowance,
    "pregnancy-rest": pregnancy_rest,
    "plan": plan,
    "holidays": holidays,
    "lactation": lactation,
    "overtime": overtime,
    "arbitration": arbitration,
    "dismissal": dismissal,
}


def compute(ctx: Context, kind: str, values: dict[str, Any]) -> BaseModel:
    """The result; raises FieldError (a bad field) or LeavecalcError (a case the law data cannot answer)."""
    return COMPUTE[kind](ctx, values)
