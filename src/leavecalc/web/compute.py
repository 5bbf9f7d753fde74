"""Each question's result and answer from parsed fields: the case models, the policy in force,
the engine and the answers layer, as the CLI's commands do (tests/test_web_api.py checks the
API's JSON is the CLI's ``--json``, byte for byte). Case models validate; a validation error
names the field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property, partial
from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from ..answers import Answer
from ..errors import InputError, LeavecalcError
from ..holiday_calendar import Calendar
from ..policy import Policy, PolicyRegistry
from .fields import FieldError


@dataclass(frozen=True)
class Context:
    """What every request shares, loaded once when the server starts."""

    registry: PolicyRegistry
    calendar: Calendar


class Outcome:
    """The engine's result (None for questions that have none) and the answer (None for the
    timeline and the holiday list, which the CLI prints as they are). The answer is worked out
    only when asked for: the API sends the result alone, and the answer costs more than it."""

    def __init__(self, result: BaseModel | None, answer: Callable[[], Answer] | None) -> None:
        self.result = result
        self._answer = answer

    @cached_property
    def answer(self) -> Answer | None:
        return self._answer() if self._answer is not None else None

    def json_model(self) -> BaseModel:
        """What the CLI's ``--json`` prints: the result, else the answer."""
        model = self.result if self.result is not None else self.answer
        assert model is not None
        return model


def engine_error(e: LeavecalcError, field: str | None = None) -> FieldError:
    return FieldError(field, e.worded("zh"), e.worded("en"))


def make(model: type[Any], rename: dict[str, str] | None = None, whole: str | None = None, **values: Any) -> Any:
    """``model(**values)``; a validation error becomes a FieldError naming the form's field
    (``whole``: the field to mark when the model as a whole is refused)."""
    back = {v: k for k, v in (rename or {}).items()}
    try:
        return model(**values)
    except InputError as e:  # a case model's own check, raised as it is
        raise engine_error(e, whole) from None
    except ValidationError as e:
        err = e.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else None
        field = back.get(name, name) if name else whole
        cause = err.get("ctx", {}).get("error")
        if isinstance(cause, LeavecalcError):
            raise engine_error(cause, field) from None
        msg = err["msg"].removeprefix("Value error, ")
        raise FieldError(field, f"输入有误：{msg}", msg) from None


def policy_for(ctx: Context, v: dict[str, Any], day: date) -> Policy:
    try:
        place = ctx.registry.place(v["jurisdiction"])
    except LeavecalcError as e:
        raise FieldError("jurisdiction", f"不认识这个地方：{v['jurisdiction']}", str(e)) from None
    return ctx.registry.in_force(place, day)


def one_of(v: dict[str, Any], a: str, b: str) -> None:
    """Exactly one of two fields (the birth or the due date)."""
    if (v.get(a) is None) == (v.get(b) is None):
        raise FieldError(a, "请填写生育日期或预产期（二选一）。", f"Give the date of birth or the due date ({a} or {b}), one of them.")


def birth_case(model: type[Any], v: dict[str, Any], **more: Any) -> Any:
    return make(model, birth=v["birth"], start=v.get("start"), delivery=v["delivery"], babies=v["babies"], **more)


def claims(v: dict[str, Any]) -> dict[str, Any]:
    return {"claimed_days": v.get("claimed_days"), "claimed_end": v.get("claimed_end")}


def wages(v: dict[str, Any]) -> Any:
    from ..pay import Wages

    return make(Wages, {"uninsured": "insured"}, "avg_wage", avg_wage=v["avg_wage"], own_wage=v["own_wage"], insured=not v["uninsured"])


def pregnancy(v: dict[str, Any]) -> Any:
    from ..protection_answers import Pregnancy

    if v.get("birth") is None and v.get("due") is None:
        raise FieldError("birth", "请填写生育日期或预产期。", "Give the date of birth or the due date.")
    return make(Pregnancy, birth=v.get("birth"), due=v.get("due"), babies=v.get("babies", 1), delivery=v.get("delivery", "normal"))


def maternity(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..answers import leave_answer
    from ..maternity import MaternityCase, maternity_leave

    one_of(v, "birth", "due")
    case = make(
        MaternityCase, birth=v["birth"] or v["due"], start=v["start"], delivery=v["delivery"], babies=v["babies"],
        child_order=v.get("child_order"), conditions=[v["condition"]] if v.get("condition") else None,
        employer_days=v.get("employer_days"),
    )
    pol = policy_for(ctx, v, case.birth)
    result = maternity_leave(pol, case, ctx.calendar)
    due = case.birth if v["due"] else None
    return Outcome(result, partial(leave_answer, pol, result, **claims(v), due=due, asked_start=case.start))


def miscarriage(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..answers import leave_answer
    from ..miscarriage import MiscarriageCase, miscarriage_leave

    case = make(MiscarriageCase, date=v["date"], weeks=v["weeks"], months=v["months"])
    pol = policy_for(ctx, v, case.date)
    result = miscarriage_leave(pol, case, ctx.calendar)
    return Outcome(result, partial(leave_answer, pol, result))


def paternity(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..answers import leave_answer
    from ..paternity import PaternityCase, paternity_leave

    case = birth_case(PaternityCase, v, mother_start=v["mother_start"], mother_end=v["mother_end"])
    pol = policy_for(ctx, v, case.birth)
    result = paternity_leave(pol, case, ctx.calendar)
    return Outcome(result, partial(leave_answer, pol, result, **claims(v)))


def parenting(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..answers import parenting_answer
    from ..parenting import ParentingCase, parenting_leave

    case = make(
        ParentingCase, {"other_child": "other_births"},
        birth=v["birth"], start=v["start"], days=v["days"], other_births=v["other_child"],
    )
    pol = policy_for(ctx, v, case.birth)
    result = parenting_leave(pol, case, ctx.calendar, ctx.registry.policies_of(pol.jurisdiction))
    # "This year" is the year of the child's age today falls in (a front end may read the clock).
    governing = ctx.registry.get(result.policy)
    return Outcome(result, partial(parenting_answer, governing, result, v.get("on") or date.today(), **claims(v)))


def allowance(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..pay_answers import allowance_answer
    from ..maternity import MaternityCase
    from ..pay import maternity_pay

    if v["birth"] is None:
        raise FieldError("birth", "请填写“生育日期”。", "Date of birth is required.")
    w = wages(v)
    case = birth_case(MaternityCase, v)
    pol = policy_for(ctx, v, case.birth)
    result = maternity_pay(pol, case, ctx.calendar, w)
    return Outcome(result, partial(allowance_answer, pol, result))


def pregnancy_rest(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..pay_answers import rest_answer
    from ..pay import RestCase, pregnancy_rest_pay

    case = make(RestCase, {"from": "start", "to": "end"}, start=v["from"], end=v["to"], pay=v["pay"])
    pol = policy_for(ctx, v, case.start)
    # All policies: when the chosen one has no floor, the error can say from when one applies.
    result = pregnancy_rest_pay(pol, case, ctx.registry.policies)
    return Outcome(result, partial(rest_answer, pol, result))


def plan(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..plan import PlanCase, make_plan

    case = make(
        PlanCase, {"other_child": "other_births"},
        birth=v["birth"], delivery=v["delivery"], babies=v["babies"], due=v["due"],
        contract_end=v["contract_end"], dispute_known=v["dispute_known"], other_births=v["other_child"],
    )
    has_wages = v["avg_wage"] is not None or v["own_wage"] is not None or v["uninsured"]
    return Outcome(make_plan(policy_for(ctx, v, case.birth), case, ctx.calendar, wages(v) if has_wages else None), None)


def holidays(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..holiday_data import holiday_year

    return Outcome(holiday_year(ctx.calendar, v["year"]), None)


def contract(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..protection_answers import contract_answer

    p = pregnancy(v)
    return Outcome(None, partial(contract_answer, policy_for(ctx, v, p.day), p, v["end"], ctx.calendar))


def dismissal(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..protection_answers import dismissal_answer

    p = pregnancy(v)
    return Outcome(None, partial(dismissal_answer, policy_for(ctx, v, p.day), p, v["date"], ctx.calendar, v.get("reason")))


def arbitration(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..protection_answers import arbitration_answer

    return Outcome(None, partial(arbitration_answer, policy_for(ctx, v, v["known"]), v["known"], ctx.calendar))


def overtime(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..protection_answers import overtime_answer

    p = pregnancy(v)
    return Outcome(None, partial(overtime_answer, policy_for(ctx, v, p.day), p))


def lactation(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..protection_answers import lactation_answer

    p = pregnancy(v)
    return Outcome(None, partial(lactation_answer, policy_for(ctx, v, p.day), p.day, p.babies))


COMPUTE: dict[str, Callable[[Context, dict[str, Any]], Outcome]] = {
    "maternity": maternity, "miscarriage": miscarriage, "paternity": paternity, "parenting": parenting,
    "allowance": allowance, "pregnancy-rest": pregnancy_rest, "plan": plan, "holidays": holidays,
    "contract": contract, "dismissal": dismissal, "arbitration": arbitration, "overtime": overtime,
    "lactation": lactation,
}


def compute(ctx: Context, kind: str, values: dict[str, Any]) -> Outcome:
    """The outcome; raises FieldError (a bad field) or LeavecalcError (a case the law data cannot answer)."""
    return COMPUTE[kind](ctx, values)
