"""Each question's result and answer from parsed fields. A question the CLI answers through the
table of kinds (kinds.py) is answered through it here too (``solved``: the same case building
and policy choice as the CLI, batch and ``leavecalc.compute``), then by the answers layer as the
CLI's command does (tests/test_web_api.py checks the API's JSON is the CLI's ``--json``, byte
for byte). Errors become the form's: a bad input marked on its field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property, partial
from typing import Any, Callable

from pydantic import BaseModel, ValidationError

from ..answers import Answer
from ..errors import InputError, LeavecalcError, NoPolicyError
from ..holiday_calendar import Calendar
from ..policy import Policy, PolicyRegistry
from .fields import BIRTH, FieldError


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


def unknown_place(e: NoPolicyError, v: dict[str, Any]) -> FieldError | NoPolicyError:
    """An unknown city is the form's jurisdiction field at fault; any other error stands."""
    if e.code != "error.unknown_jurisdiction":
        return e
    return FieldError("jurisdiction", f"不认识这个地方：{v['jurisdiction']}", str(e))


# The questions answered by a kind of kinds.py (the table the CLI and batch go through), under
# the kind's name where the question's differs.
KIND_OF = {"pregnancy-rest": "pregnancy_rest"}


def solved(ctx: Context, question: str, v: dict[str, Any], **inputs: Any) -> tuple[Any, Policy]:
    """The result of kinds.solve for the kind's ``inputs`` (None, [] or False: not given), as the
    CLI and batch get it, and the policy it used. An error naming an input is marked on the
    form's field of that name, an unknown city on the city field."""
    from ..kinds import KINDS, Env, solve

    given = {k: x for k, x in inputs.items() if x is not None and x != [] and x is not False}
    if v["jurisdiction"] is not None:
        given["jurisdiction"] = v["jurisdiction"]
    try:
        result = solve(KINDS[KIND_OF.get(question, question)], given, Env(ctx.calendar, ctx.registry))
    except InputError as e:
        field = e.field if e.field in v else ERROR_FIELDS.get(e.code or "")
        if field is None:  # no field to mark: the case as a whole cannot be computed
            raise
        raise engine_error(e, "due" if field == "birth" and v.get("due") and not v.get("birth") else field) from None
    except NoPolicyError as e:
        raise unknown_place(e, v) from None
    return result, ctx.registry.get(result.policy)


# Errors that name no input (a rule between inputs): the field to fill in or correct (as the
# CLI's ERROR_HINTS name the option).
ERROR_FIELDS = {
    "error.needs_avg_wage": "avg_wage", "error.needs_own_wage": "own_wage", "error.block_needs_start": "start",
    "error.no_rest_floor_yet": "from", "error.weeks_or_months": "weeks", "error.no_parenting_leave_on": "start",
}


def make(model: type[Any], **values: Any) -> Any:
    """``model(**values)`` for a case of a question with no kind (its errors name the form's field)."""
    try:
        return model(**values)
    except InputError as e:  # a case model's own check, raised as it is
        raise engine_error(e) from None
    except ValidationError as e:
        err = e.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else None
        cause = err.get("ctx", {}).get("error")
        if isinstance(cause, LeavecalcError):
            raise engine_error(cause, field) from None
        msg = err["msg"].removeprefix("Value error, ")
        raise FieldError.of("desk.error.invalid", field, reason=msg) from None


def policy_for(ctx: Context, v: dict[str, Any], day: date) -> Policy:
    """The policy a question with no kind is answered under (as the CLI's policy_for)."""
    try:
        return ctx.registry.in_force(v["jurisdiction"], day)
    except NoPolicyError as e:
        raise unknown_place(e, v) from None


def one_of(v: dict[str, Any], a: str, b: str) -> None:
    """Exactly one of two fields (the birth or the due date)."""
    if (v.get(a) is None) == (v.get(b) is None):
        raise FieldError(a, "请填写生育日期或预产期（二选一）。", f"Give the date of birth or the due date ({a} or {b}), one of them.")


def claims(v: dict[str, Any]) -> dict[str, Any]:
    return {"claimed_days": v.get("claimed_days"), "claimed_end": v.get("claimed_end")}


def pregnancy(v: dict[str, Any]) -> Any:
    from ..protection_answers import Pregnancy

    if v.get("birth") is None and v.get("due") is None:
        raise FieldError.of("desk.error.birth_or_due", "birth")
    return make(Pregnancy, birth=v.get("birth"), due=v.get("due"), babies=v.get("babies", 1), delivery=v.get("delivery", "normal"))


def birth_inputs(v: dict[str, Any]) -> dict[str, Any]:
    return {"birth": v["birth"], "start": v["start"], "delivery": v["delivery"], "babies": v["babies"]}


def maternity(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..answers import leave_answer

    one_of(v, "birth", "due")
    result, pol = solved(
        ctx, "maternity", v, **(birth_inputs(v) | {"birth": v["birth"] or v["due"]}),
        child_order=v.get("child_order"), condition=[v["condition"]] if v.get("condition") else None,
        employer_days=v.get("employer_days"),
    )
    return Outcome(result, partial(leave_answer, pol, result, **claims(v), due=v["due"], asked_start=v["start"]))


def miscarriage(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..answers import leave_answer

    result, pol = solved(ctx, "miscarriage", v, date=v["date"], weeks=v["weeks"], months=v["months"])
    return Outcome(result, partial(leave_answer, pol, result))


def paternity(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..answers import leave_answer

    result, pol = solved(ctx, "paternity", v, **birth_inputs(v), mother_start=v["mother_start"], mother_end=v["mother_end"])
    return Outcome(result, partial(leave_answer, pol, result, **claims(v)))


def parenting(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..answers import parenting_answer

    result, pol = solved(ctx, "parenting", v, birth=v["birth"], start=v["start"], days=v["days"], other_child=v["other_child"])
    # "This year" is the year of the child's age today falls in (a front end may read the clock).
    # The answer is worded under the policy the result names (for parenting: the newest period).
    return Outcome(result, partial(parenting_answer, pol, result, v.get("on") or date.today(), **claims(v)))


def wage_inputs(v: dict[str, Any]) -> dict[str, Any]:
    return {"avg_wage": v["avg_wage"], "own_wage": v["own_wage"], "uninsured": v["uninsured"]}


def allowance(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..pay_answers import allowance_answer

    if v["birth"] is None:  # the desk asks for the birth, not for a number of days
        raise FieldError.of("desk.error.required", "birth", label=BIRTH.words)
    result, pol = solved(ctx, "allowance", v, **wage_inputs(v), **birth_inputs(v))
    return Outcome(result, partial(allowance_answer, pol, result))


def pregnancy_rest(ctx: Context, v: dict[str, Any]) -> Outcome:
    from ..pay_answers import rest_answer

    result, pol = solved(ctx, "pregnancy-rest", v, **{"from": v["from"], "to": v["to"], "pay": v["pay"]})
    return Outcome(result, partial(rest_answer, pol, result))


def plan(ctx: Context, v: dict[str, Any]) -> Outcome:
    result, _ = solved(
        ctx, "plan", v, birth=v["birth"], delivery=v["delivery"], babies=v["babies"], due=v["due"],
        contract_end=v["contract_end"], dispute_known=v["dispute_known"], other_child=v["other_child"], **wage_inputs(v),
    )
    return Outcome(result, None)


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
