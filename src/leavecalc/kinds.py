"""The kinds of question leavecalc answers, in one table: each kind's inputs (name, type,
required or not), the input whose date chooses the policy, the engine that answers it and the
flat fields a batch row carries. The library (:func:`compute`), ``leavecalc batch`` and the
command line all go through this table, so a field is accepted, refused or defaulted the same
way everywhere (docs/library.md, docs/batch.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from types import ModuleType
from typing import Any, Literal, get_args

from .cases import check_count, check_date, check_type
from .errors import InputError
from .holiday_calendar import Calendar, bundled_calendar
from .policy import Condition, Delivery, Policy, PolicyRegistry, bundled_policies

# How an input is written: ``date`` YYYY-MM-DD; ``dates`` several of them; ``count`` a whole
# number; ``money`` yuan with at most two decimals; ``flag`` true/false; ``choice`` one of
# ``choices``; ``choices`` several of them.
InputType = Literal["date", "dates", "count", "money", "flag", "choice", "choices"]


@dataclass(frozen=True)
class Input:
    name: str  # as batch columns and library keywords name it (CLI: --name with - for _)
    type: InputType
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    inputs: tuple[Input, ...]
    # The inputs whose date chooses the policy in force, the first one given.
    decided_by: tuple[str, ...]
    engine: Callable[[Policy, dict[str, Any], Env], Any]  # the typed inputs given -> result model
    row: Callable[[Any], dict[str, Any]]  # result model -> flat batch fields (see OUTPUT_COLUMNS)
    # Inputs whose case-model field has another name (input, model field), so an error about
    # the field names the input.
    renamed: tuple[tuple[str, str], ...] = ()
    # Rules between inputs, checked with the names before anything is computed.
    check: Callable[[Mapping[str, Any]], None] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {i.name: i for i in self.inputs})

    def input(self, name: str) -> Input | None:
        return self._by_name.get(name)  # type: ignore[attr-defined,no-any-return]


class Env:
    """What an engine may need besides the policy and its case. The calendar may be given as a
    function building it, called only by a kind that counts days (start-up stays fast)."""

    def __init__(self, calendar: Calendar | Callable[[], Calendar], registry: PolicyRegistry) -> None:
        self._calendar, self.registry = calendar, registry

    @property
    def calendar(self) -> Calendar:
        if callable(self._calendar):
            self._calendar = self._calendar()
        return self._calendar

    def periods(self, policy: Policy) -> list[Policy]:
        """The periods of ``policy``'s jurisdiction: the later years of a child's parenting leave
        follow the rules then in force (parenting.py)."""
        return self.registry.policies_of(policy.jurisdiction)


class _Named(Env):
    """The environment of a policy the caller named (an id or a file): it is applied alone, to
    every year, as its not-in-force warning says ("computed under it as asked")."""

    def __init__(self, env: Env) -> None:
        self._env, self.registry = env, env.registry

    @property
    def calendar(self) -> Calendar:
        return self._env.calendar

    def periods(self, policy: Policy) -> list[Policy]:
        return []


# Inputs every kind takes, outside its case: how to choose the policy.
POLICY = Input("policy", "choice", "a policy id (default: the one in force on the deciding date)")
JURISDICTION = Input("jurisdiction", "choice", "whose law applies (default: the layer marked default = true)")

DELIVERIES: tuple[str, ...] = get_args(Delivery)
BIRTH = Input("birth", "date", "date of birth", required=True)
START = Input("start", "date", "first day of leave if before the birth")
DELIVERY = Input("delivery", "choice", "how the baby was delivered (default normal)", choices=DELIVERIES)
BABIES = Input("babies", "count", "babies born at this birth, 1 to 9 (default 1)")
OTHER_CHILD = Input("other_child", "dates", "birth dates of the parent's other children")
AVG_WAGE = Input("avg_wage", "money", "employer's previous-year average monthly wage (yuan)")
OWN_WAGE = Input("own_wage", "money", "her own monthly wage (yuan): adds the top-up")
UNINSURED = Input("uninsured", "flag", "not covered by maternity insurance (default false)")
CONDITIONS: tuple[str, ...] = get_args(Condition)
# Inputs that matter only where a policy has such a rule (docs/policy-format.md).
CHILD_ORDER = Input("child_order", "count", "1 for her first child, 2 for the second... (where the days depend on it)")
CONDITION = Input("condition", "choices", "conditions she meets (where the law grants extra days for them)", choices=CONDITIONS)
EMPLOYER_DAYS = Input("employer_days", "count", "the total days the employer set, where the law lets it choose")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _codes(result: Any) -> str:
    return ";".join(w.code for w in result.warnings)


def _given(fields: Mapping[str, Any], *names: str, **renamed: str) -> dict[str, Any]:
    """The case-model arguments among ``fields``: ``names`` as they are, ``renamed`` input -> model field."""
    out = {n: fields[n] for n in names if n in fields}
    out.update({model: fields[n] for n, model in renamed.items() if n in fields})
    return out


# ---------------------------------------------------------------- the engines, by kind
# Each loads its engine module when first called, so a command loads only the modules it uses
# (start-up time); later calls, a batch's every row, find it in _LOADED.

_LOADED: dict[str, ModuleType] = {}


def _engine(name: str) -> Any:
    module = _LOADED.get(name)
    if module is None:
        module = _LOADED[name] = import_module(f"{__package__}.{name}")
    return module


OTHER_RENAMED = (("other_child", "other_births"),)
CONDITION_RENAMED = (("condition", "conditions"),)
REST_RENAMED = (("from", "start"), ("to", "end"))


def _conditions_renamed(f: dict[str, Any]) -> dict[str, Any]:
    # ``f`` holds only this kind's inputs (solve checked them), named as the case's fields but one.
    return _given(f, *(n for n in f if n != "condition"), **dict(CONDITION_RENAMED)) if "condition" in f else f


def _maternity(policy: Policy, f: dict[str, Any], env: Env) -> Any:
    m = _engine("maternity")
    f = _conditions_renamed(f)
    return m.maternity_leave(policy, m.MaternityCase(**f), env.calendar)


def _miscarriage(policy: Policy, f: dict[str, Any], env: Env) -> Any:
    m = _engine("miscarriage")
    return m.miscarriage_leave(policy, m.MiscarriageCase(**f), env.calendar)


def _paternity(policy: Policy, f: dict[str, Any], env: Env) -> Any:
    m = _engine("paternity")
    f = _conditions_renamed(f)
    return m.paternity_leave(policy, m.PaternityCase(**f), env.calendar)


def _parenting(policy: Policy, f: dict[str, Any], env: Env) -> Any:
    m = _engine("parenting")
    case = m.ParentingCase(**_given(f, "birth", "start", "days", **dict(OTHER_RENAMED)))
    return m.parenting_leave(policy, case, env.calendar, env.periods(policy))


def _wages(f: Mapping[str, Any], needed: bool) -> Any:
    if not needed and not any(k in f for k in ("avg_wage", "own_wage", "uninsured")):
        return None
    return _engine("pay").Wages(**_given(f, "avg_wage", "own_wage"), insured=not f.get("uninsured", False))


def _allowance(policy: Policy, f: dict[str, Any], env: Env) -> Any:
    pay, wages = _engine("pay"), _wages(f, needed=True)
    if "days" in f:
        return pay.allowance_for_days(policy, f["days"], wages, f.get("on"))
    case = _engine("maternity").MaternityCase(**_given(f, "birth", "start", "delivery", "babies"))
    return pay.maternity_pay(policy, case, env.calendar, wages)


def _allowance_check(f: Mapping[str, Any]) -> None:
    if ("days" in f) == ("birth" in f):
        raise InputError.naming_code("error.days_or_birth")
    if "days" in f:
        _engine("pay").check_allowance_days(check_count(f["days"], "days"))  # before the policy: a typing slip is the thing to report
        if any(k in f for k in ("start", "delivery", "babies")):
            raise InputError.naming_code("error.birth_fields_with_days")
    elif "on" in f:
        raise InputError.naming_code("error.on_with_birth")


def _pregnancy_rest(policy: Policy, f: dict[str, Any], env: Env) -> Any:
    m = _engine("pay")
    # All policies: when the chosen one has no floor, the error can say from when one applies.
    return m.pregnancy_rest_pay(policy, m.RestCase(**_given(f, "pay", **dict(REST_RENAMED))), env.registry.policies_of(policy.jurisdiction))


def _plan(policy: Policy, f: dict[str, Any], env: Env) -> Any:
    m = _engine("plan")
    case = m.PlanCase(
        **_given(
            f, "birth", "delivery", "babies", "due", "conception", "maternity_start", "paternity_start",
            "contract_end", "dispute_known", **dict(OTHER_RENAMED),
        )
    )
    return m.make_plan(policy, case, env.calendar, _wages(f, needed=False), env.periods(policy))


# ---------------------------------------------------------------- flat rows, by kind

def _leave_row(r: Any) -> dict[str, Any]:
    return {
        "policy": r.policy,
        "total_days": r.total_days,
        "start": r.start.isoformat(),
        "end": r.end.isoformat(),
        "return_to_work": r.return_to_work.isoformat(),
        "provisional": r.provisional,
        "warnings": _codes(r),
    }


def _parenting_row(r: Any) -> dict[str, Any]:
    """The whole entitlement (``total_days`` from birth to ``end``); with a block, the block too."""
    out = {
        "policy": r.policy,
        "total_days": r.total_days,
        "start": r.birth.isoformat(),
        "end": r.last_day.isoformat(),
        "provisional": r.provisional,
        "warnings": _codes(r),
    }
    if r.block is not None:
        out |= {
            "block_start": r.block.start.isoformat(),
            "block_end": r.block.end.isoformat(),
            "return_to_work": r.block.return_to_work.isoformat(),
        }
    return out


def _money_row(r: Any) -> dict[str, Any]:
    return {
        "days": r.days,
        "daily_rate": str(r.daily_rate),
        "amount": str(r.amount),
        "employer_top_up": str(r.employer_top_up),
        "paid_by": r.paid_by,
    }


def _allowance_row(r: Any) -> dict[str, Any]:
    return {
        "policy": r.policy,
        **_money_row(r),
        "start": _iso(r.leave_start),
        "end": _iso(r.leave_end),
        "warnings": _codes(r),
    }


def _rest_row(r: Any) -> dict[str, Any]:
    return {
        "policy": r.policy,
        "start": r.start.isoformat(),
        "end": r.end.isoformat(),
        "floor_total": str(r.floor_total),
        "paid_total": str(r.paid_total),
        "shortfall_total": str(r.shortfall_total),
        "warnings": _codes(r),
    }


def _plan_row(r: Any) -> dict[str, Any]:
    """Maternity leave in the leave columns; the other periods' ends in their own columns."""
    out = _leave_row(r.maternity) | {
        "provisional": r.provisional,
        "paternity_start": r.paternity.start.isoformat(),
        "paternity_end": r.paternity.end.isoformat(),
        "lactation_end": r.lactation.end.isoformat(),
        "parenting_end": r.parenting.last_day.isoformat(),
        "protected_end": r.protected_period.end.isoformat(),
        "arbitration_last_day": _iso(r.arbitration.last_day) if r.arbitration is not None else None,
        "warnings": _codes(r),
    }
    if r.allowance is not None:
        out |= _money_row(r.allowance)
    return out


# ---------------------------------------------------------------- the table

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("maternity", "maternity leave: days, end date, day back at work",
             (BIRTH, START, DELIVERY, BABIES, CHILD_ORDER, CONDITION, EMPLOYER_DAYS), ("birth",), _maternity, _leave_row,
             CONDITION_RENAMED),
        Kind("miscarriage", "miscarriage or termination leave (流产假)",
             (Input("date", "date", "date of the miscarriage or termination", required=True),
              Input("weeks", "count", "completed weeks of pregnancy (or months)"),
              Input("months", "count", "completed months of pregnancy (or weeks)")),
             ("date",), _miscarriage, _leave_row),
        Kind("paternity", "paternity leave (护理假)",
             (BIRTH, Input("start", "date", "first day of paternity leave (default: the birth)"), DELIVERY, BABIES,
              Input("mother_start", "date", "first day of the mother's maternity leave (default: computed)"),
              Input("mother_end", "date", "last day of the mother's maternity leave (default: computed)"),
              CHILD_ORDER, CONDITION),
             ("birth",), _paternity, _leave_row, CONDITION_RENAMED),
        Kind("parenting", "parenting leave (育儿假) to the child's third birthday, and a block of it",
             (Input("birth", "date", "the child's date of birth", required=True),
              Input("start", "date", "first day of a block of parenting leave"),
              Input("days", "count", "days of that block (default: the year's days)"), OTHER_CHILD),
             ("birth",), _parenting, _parenting_row, OTHER_RENAMED),
        Kind("allowance", "maternity allowance (生育津贴) and the employer's top-up",
             (AVG_WAGE, OWN_WAGE, UNINSURED,
              Input("birth", "date", "date of birth (or give days)"), START, DELIVERY, BABIES,
              Input("days", "count", "allowance days, 1 to 1000, instead of birth"),
              Input("on", "date", "with days: the first day of leave (chooses the policy in force)")),
             ("birth", "on"), _allowance, _allowance_row, check=_allowance_check),
        Kind("pregnancy_rest", "pregnancy rest (保胎休息): the pay floor and any shortfall",
             (Input("from", "date", "first day of the rest", required=True),
              Input("to", "date", "last day of the rest (at most 300 days in all)", required=True),
              Input("pay", "money", "monthly pay agreed for the rest (yuan)", required=True)),
             ("from",), _pregnancy_rest, _rest_row, REST_RENAMED),
        Kind("plan", "both parents' timeline: every period and protection around a birth",
             (Input("birth", "date", "date of birth (or expected birth)", required=True), DELIVERY, BABIES,
              Input("due", "date", "due date (预产期)"),
              Input("conception", "date", "conception date, instead of due"),
              Input("maternity_start", "date", "first day of maternity leave if before the birth"),
              Input("paternity_start", "date", "first day of paternity leave (default: the birth)"),
              Input("contract_end", "date", "last day of the mother's fixed-term contract"),
              Input("dispute_known", "date", "day she knew her rights were infringed (arbitration limit)"),
              OTHER_CHILD, AVG_WAGE, OWN_WAGE, UNINSURED),
             ("birth",), _plan, _plan_row, OTHER_RENAMED),
    )
}

COMMON = {POLICY.name: POLICY, JURISDICTION.name: JURISDICTION}

# Every input name any kind takes, with the policy choice: a batch column outside these is unknown.
ALL_INPUTS: frozenset[str] = frozenset({i.name for k in KINDS.values() for i in k.inputs} | set(COMMON))

# The batch output columns, in order (fixed, so a streamed CSV can write its header first). Later
# additions go at the end so existing positions never move.
OUTPUT_COLUMNS = (
    "id", "kind", "error", "policy", "total_days", "start", "end", "return_to_work", "provisional",
    "block_start", "block_end", "days", "daily_rate", "amount", "employer_top_up", "paid_by",
    "floor_total", "paid_total", "shortfall_total", "warnings",
    "paternity_start", "paternity_end", "lactation_end", "parenting_end", "protected_end", "arbitration_last_day",
)


def kind_named(name: Any) -> Kind:
    kind = KINDS.get(name) if isinstance(name, str) else None
    if kind is None:
        shown = repr(name) if len(repr(name)) <= 40 else repr(name)[:37] + "..."
        raise InputError(f"unknown kind {shown} (one of: {', '.join(KINDS)})", field="kind")
    return kind


def input_spec(kind: Kind, name: str) -> Input:
    """The input ``name`` of ``kind`` (or the policy choice); else an InputError saying whether it
    belongs to another kind or to none."""
    spec = kind.input(name) or COMMON.get(name)
    if spec is not None:
        return spec
    if name in ALL_INPUTS:
        users = ", ".join(k.name for k in KINDS.values() if k.input(name) is not None)
        reason = f"does not apply to {kind.name} (only to {users})"
        raise InputError(f"{name}: {reason}", field=name, reason=reason)
    shown = name if len(name) <= 40 else name[:37] + "..."
    raise InputError(f"unknown field {shown!r} (the fields of {kind.name}: {', '.join(i.name for i in kind.inputs)})")


def check_inputs(kind: Kind, names: Mapping[str, Any], names_known: bool = False) -> None:
    """Every name must be an input of ``kind`` (or the policy choice), every required input
    given, and the kind's rules between inputs kept. ``names_known``: the caller has checked
    each name with :func:`input_spec` already."""
    if not names_known:
        for name in names:
            input_spec(kind, name)
    for i in kind.inputs:
        if i.required and i.name not in names:
            raise InputError(f"{i.name}: required for {kind.name}", field=i.name, reason=f"required for {kind.name}")
    if kind.check is not None:
        kind.check(names)


def choose_policy(kind: Kind, fields: Mapping[str, Any], registry: PolicyRegistry, jurisdiction: str | None) -> Policy:
    """The policy named by ``policy``, else the one of ``jurisdiction`` in force on the deciding date."""
    if "policy" in fields:
        if not isinstance(fields["policy"], str):
            raise InputError(f"policy: {fields['policy']!r:.40} is not a policy id", field="policy")
        return registry.get(fields["policy"])
    for name in kind.decided_by:
        if name in fields:
            break
    else:
        raise InputError.naming_code("error.no_policy_date", kind.decided_by)
    day = fields[name]
    if day.__class__ is not date:  # reported here, naming the input, rather than by in_force
        check_date(day, name)
    return registry.in_force(fields.get("jurisdiction", jurisdiction), day)


def solve(
    kind: Kind, fields: dict[str, Any], env: Env, jurisdiction: str | None = None, policy: Policy | None = None,
    names_known: bool = False,
) -> Any:
    """The result of ``kind`` for typed ``fields`` (absent inputs left out), checked against the table."""
    check_inputs(kind, fields, names_known)
    given = policy is not None or "policy" in fields
    if policy is None or "policy" in fields:
        policy = choose_policy(kind, fields, env.registry, jurisdiction)
    try:
        if "policy" in fields or "jurisdiction" in fields:
            fields = {k: v for k, v in fields.items() if k not in COMMON}
        return kind.engine(policy, fields, _Named(env) if given else env)
    except InputError as e:
        named = {model: name for name, model in kind.renamed}
        if e.field in named:
            raise InputError(f"{named[e.field]}: {e.reason}", field=named[e.field], reason=e.reason) from None
        raise


def compute(
    kind: str,
    *,
    policy: Policy | None = None,
    jurisdiction: str | None = None,
    registry: PolicyRegistry | None = None,
    calendar: Calendar | None = None,
    **fields: Any,
) -> Any:
    """Answer one question of ``kind`` (a key of :data:`KINDS`) from keyword ``fields``.

    ``leavecalc.compute("maternity", birth=date(2025, 3, 10), delivery="cesarean")``. Fields are
    Python values (``datetime.date``, ``int``, ``Decimal`` or text for money, ``bool``, a list of
    dates for ``other_child``); ``None`` means absent. Without ``policy``, the policy of
    ``jurisdiction`` in force on the kind's deciding date is used. Unknown or inapplicable
    fields, and wrong types, raise :class:`~leavecalc.errors.InputError`.
    """
    chosen = kind_named(kind)
    if policy is not None:
        check_type(policy, Policy, "policy")
    reg = registry if registry is not None else bundled_policies()
    check_type(reg, PolicyRegistry, "registry")
    cal = calendar if calendar is not None else bundled_calendar()
    check_type(cal, Calendar, "calendar")
    given = {k: v for k, v in fields.items() if v is not None}
    return solve(chosen, given, Env(cal, reg), jurisdiction, policy)
