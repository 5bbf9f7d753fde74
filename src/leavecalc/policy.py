"""Policy files: the law as data.

A policy is one TOML file (``policies/*.toml``) holding every legal number for one
jurisdiction and period, each naming a citation (document, article, date in force,
confidence). It is validated on load: unknown keys, a missing or unknown citation,
negative days and overlapping periods are rejected with the file and the field path.
The format is documented in docs/policy-format.md.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from functools import cache, cached_property, partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StrictBool, ValidationError, field_validator, model_validator

from .errors import InputError, NoPolicyError, PolicyError
from .messages import Pair
from .files import parse_toml, read_data_file, user_data_dir

if TYPE_CHECKING:
    from .layers import Layer, LayerSource

Confidence = Literal["text", "secondary", "interpretation"]
Status = Literal["verified", "secondary", "needs_review"]
# Strict: TOML `true` or `0` must not pass as a number of days or as 1970-01-01.
Int = Annotated[int, Strict()]
Day = Annotated[date, Strict()]
Delivery = Literal["normal", "cesarean", "assisted", "other_difficult"]
CountingRule = Literal["calendar", "skip_statutory"]
# Parenting leave may also be read as working days (weekends and holidays not counted).
ParentingCountingRule = Literal["calendar", "skip_statutory", "workdays"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Citation(_Strict):
    """Where a rule comes from and how sure the project is of it."""

    document: str = Field(min_length=1)
    article: str = Field(min_length=1)
    in_force: Day | Literal["unverified"]
    confidence: Confidence
    issuer: str | None = None
    url: str | None = None
    verified_on: Day | None = None
    # The article's own words, short and verbatim (results and the web desk show the law itself).
    excerpt: str | None = None
    source_file: str | None = None
    # Shown to the user whenever a result rests on this citation (required for interpretations).
    note: str | None = None
    note_en: str | None = None

    @model_validator(mode="after")
    def _interpretations_explain_themselves(self) -> Citation:
        if self.confidence == "interpretation" and not (self.note and self.note_en):
            raise ValueError("an interpretation needs note and note_en, shown to the user")
        return self


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class _Cited(_Strict):
    basis: list[str] = Field(min_length=1)
    _listify = field_validator("basis", mode="before")(_one_or_many)


class Days(_Cited):
    days: Int = Field(ge=0, le=3650)  # more than ten years of leave is a typing error, not law


class SomeDays(Days):
    """Days of a leave that exists at all (0 would give a leave ending before it starts)."""

    days: Int = Field(ge=1, le=3650)


class Value(_Cited):
    """A count the law sets; each use bounds it (a subclass) so a typing error cannot pass."""

    value: Int = Field(ge=1, le=366)


class Weeks(Value):
    value: Int = Field(ge=1, le=50)


class WeeksPerMonth(Value):
    value: Int = Field(ge=4, le=5)  # obstetric months are 4 weeks; calendar months a little over


class Months(Value):
    value: Int = Field(ge=1, le=10)


class Years(Value):
    value: Int = Field(ge=1, le=5)  # limitation periods in labour law are a year or a few


class Divisor(Value):
    value: Int = Field(ge=1, le=31)  # a daily rate from a monthly wage


class Counting(_Cited):
    rule: CountingRule


class Flag(_Cited):
    value: StrictBool


class DifficultDays(Days):
    """Days a difficult birth adds; ``deliveries`` narrows which (default: maternity.difficult_deliveries),
    e.g. a province's +15 for a caesarean only."""

    deliveries: list[Delivery] | None = None


class ByChildOrder(_Cited):
    """Base days by the child's birth order: days[0] for the 1st child, days[1] the 2nd... the last
    entry for every later child. Without the order the smallest is granted, with a warning."""

    days: list[Int] = Field(min_length=1, max_length=10)

    @field_validator("days")
    @classmethod
    def _bounded(cls, v: list[int]) -> list[int]:
        if any(not 0 <= d <= 3650 for d in v):
            raise ValueError("each entry must be 0 to 3650 days")
        return v


Condition = Literal[
    "prepregnancy_check", "exclusive_breastfeeding", "employer_approval", "third_child", "late_marriage", "living_apart", "other"
]


class ConditionalDays(_Cited):
    """Days, or calendar months ("增加一个月产假"), granted only if a condition is met (a pre-pregnancy
    check, breastfeeding, the employer's approval...), and with ``min_child_order`` only from that
    child on. Not known to be met: not granted, with a warning saying what she may get."""

    condition: Condition
    days: Int | None = Field(default=None, ge=1, le=3650)
    months: Int | None = Field(default=None, ge=1, le=10)
    min_child_order: Int | None = Field(default=None, ge=2, le=10)
    # A range ("增加一至三个月", the employer agreeing): the days or months are the minimum granted when
    # the condition is met, up_to (same unit) the most she may get; results warn of the rest.
    up_to: Int | None = Field(default=None, ge=1, le=3650)
    label: str
    label_en: str

    @model_validator(mode="after")
    def _days_or_months(self) -> ConditionalDays:
        if (self.days is None) == (self.months is None):
            raise ValueError("give days or months (one of them)")
        least = self.days or self.months or 0
        if self.up_to is not None and not least < self.up_to <= (3650 if self.days else 10):
            raise ValueError("up_to must be above the days (months) and at most 3650 days (10 months)")
        return self


class MaternitySegmentRules(_Strict):
    name: str
    label: str
    label_en: str
    counting: Counting
    base: Days
    # A base of months ("增加产假三个月"): calendar months from the segment's first day, on top of base.days.
    base_months: Months | None = None
    by_child_order: ByChildOrder | None = None  # replaces base.days when present
    difficult_birth: DifficultDays | None = None
    per_extra_baby: Days | None = None
    conditional: list[ConditionalDays] = Field(default_factory=list, max_length=10)

    @model_validator(mode="after")
    def _months_are_calendar(self) -> MaternitySegmentRules:
        months = self.base_months is not None or any(c.months for c in self.conditional)
        if months and self.counting.rule != "calendar":
            raise ValueError("months (base_months, conditional months) need counting calendar (a month is a calendar month)")
        return self


class EmployerRange(_Cited):
    """The employer sets the total maternity leave between ``min_total`` and ``max_total`` days; the
    days above the minimum go to ``segment``. Not told the employer's total: the minimum, with a warning."""

    min_total: Int = Field(ge=1, le=3650)
    max_total: Int = Field(ge=1, le=3650)
    segment: str

    @model_validator(mode="after")
    def _ordered(self) -> EmployerRange:
        if self.max_total < self.min_total:
            raise ValueError("max_total is below min_total")
        return self


class LaterRule(_Cited):
    """A newer rule in force from ``on`` that may also reach leave still running that day (Sichuan's
    2025 guidance): a leave of this period that runs on to ``on`` gets a warning, its figures unchanged."""

    on: date


class MaternityRules(_Strict):
    difficult_deliveries: list[Delivery]
    difficult_deliveries_basis: list[str]
    max_days_before_birth: Days
    order_basis: list[str]
    segments: list[MaternitySegmentRules] = Field(min_length=1, max_length=10)
    employer_range: EmployerRange | None = None
    # The law leaves a multiple birth's extra days to agreement or is unclear: a warning (its note).
    multiple_manual: list[str] = Field(default_factory=list)
    # The leave is counted from the birth date: days taken before it are not maternity leave.
    anchored_to_birth: Flag | None = None
    later_rule: LaterRule | None = None

    _listify = field_validator("difficult_deliveries_basis", "order_basis", "multiple_manual", mode="before")(_one_or_many)

    @model_validator(mode="after")
    def _some_leave(self) -> MaternityRules:
        if self.employer_range is not None and self.employer_range.segment not in {s.name for s in self.segments}:
            raise ValueError(f"employer_range.segment {self.employer_range.segment!r} is not a segment")
        if not any(s.base.days or s.base_months or s.by_child_order for s in self.segments):
            raise ValueError("every segment has base days 0: a birth must give some leave")
        names = [s.name for s in self.segments]
        if len(set(names)) != len(names):
            raise ValueError(f"two segments share a name ({names})")
        return self


class MiscarriageTier(_Cited):
    from_months: Int = Field(ge=0, le=10)
    days: Int = Field(ge=1, le=3650)
    label: str
    label_en: str


class MiscarriageRules(_Strict):
    counting: Counting
    weeks_per_month: WeeksPerMonth
    tiers: list[MiscarriageTier] = Field(min_length=1, max_length=20)
    # The national minimum (619 art 7: 15 / 42 days) a province's own tiers rest on: results cite it too.
    national_floor_basis: list[str] = Field(default_factory=list)

    _listify = field_validator("national_floor_basis", mode="before")(_one_or_many)

    @model_validator(mode="after")
    def _tiers_ascend_from_zero(self) -> MiscarriageRules:
        starts = [t.from_months for t in self.tiers]
        if starts[0] != 0 or any(a >= b for a, b in zip(starts, starts[1:])):
            raise ValueError("tiers must start at from_months = 0 and strictly ascend")
        return self


# ---------------------------------------------------------------- pay (pay.py)

# The leave parts maternity.segment_parts() grants; pay rules name them as "segment.part"
# (a conditional extra is "condition:<code>").
LEAVE_PARTS = ("base", "difficult_birth", "extra_babies", "employer")


class MinimumWage(_Cited):
    """A minimum wage in force from ``since`` (always the 1st of a month) until the next entry."""

    since: Day
    # Bounded so a typing error (1e300) cannot pass as a wage and overflow the money arithmetic.
    monthly: Decimal = Field(gt=0, le=1_000_000, allow_inf_nan=False)
    hourly: Decimal = Field(gt=0, le=10_000, allow_inf_nan=False)

    @field_validator("since")
    @classmethod
    def _first_of_month(cls, v: date) -> date:
        # Lets "the minimum wage in force in a month" mean one figure for the whole month.
        if v.day != 1:
            raise ValueError("a minimum wage must take effect on the 1st of a month")
        return v


class Checked(_Cited):
    """The day a table of the policy (e.g. the minimum wages) was last checked against its sources."""

    on: Day


class Percent(_Cited):
    percent: Int = Field(gt=0, le=100)


class FundParts(_Cited):
    """The maternity-leave parts the maternity fund pays the allowance for, as "segment.part"."""

    parts: list[str] = Field(min_length=1)


class PayRules(_Strict):
    # Only the pregnancy-rest floor uses the minimum wage (a province's table differs by class of
    # city), so a layer without a floor may leave it out.
    minimum_wage: list[MinimumWage] = Field(default_factory=list, max_length=200)
    minimum_wage_checked: Checked | None = None  # later months may have another minimum wage: results warn
    allowance_wage_basis: list[str]  # the allowance is paid at the employer's average monthly wage
    allowance_divisor: Divisor
    own_wage_divisor: Divisor
    fund_parts: FundParts
    fund_day_order_basis: list[str]
    uninsured_basis: list[str]
    top_up_basis: list[str]
    part_month_basis: list[str]
    eligibility_basis: list[str]  # who qualifies for the allowance: assumed, and said so in results
    # Pregnancy rest floor (Nanjing ordinance art 37); absent where no such rule is in force.
    rest_floor: Percent | None = None

    _listify = field_validator(
        "allowance_wage_basis", "fund_day_order_basis", "uninsured_basis", "top_up_basis", "part_month_basis",
        "eligibility_basis", mode="before"
    )(_one_or_many)

    @model_validator(mode="after")
    def _minimum_wages_ascend(self) -> PayRules:
        starts = [m.since for m in self.minimum_wage]
        if any(a >= b for a, b in zip(starts, starts[1:])):
            raise ValueError("minimum_wage entries must be in strictly ascending order of since")
        if self.rest_floor is not None and not (self.minimum_wage and self.minimum_wage_checked):
            raise ValueError("rest_floor needs the minimum_wage table and minimum_wage_checked")
        return self


# ---------------------------------------------------------------- family entitlements

class AgeLimit(_Cited):
    """A period that lasts until a child's ``years``-th birthday.

    ``last_day`` says whether the birthday itself is still inside ("birthday") or the
    period ends the day before ("day_before_birthday", i.e. while the child is under that age).
    """

    years: Int = Field(ge=1, le=18)
    last_day: Literal["day_before_birthday", "birthday"]


class Hours(_Cited):
    hours: Int = Field(ge=0, le=8)


class PaternityRules(_Strict):
    label: str
    label_en: str
    days: SomeDays
    counting: Counting
    # "to be taken during the mother's maternity leave", or, with window_days, within that many
    # days of the birth.
    window_basis: list[str]
    window_days: Days | None = None
    # Days by the child's birth order (replaces days.days) and extras on a condition (living apart...).
    by_child_order: ByChildOrder | None = None
    conditional: list[ConditionalDays] = Field(default_factory=list, max_length=10)
    later_rule: LaterRule | None = None  # as for maternity leave (Sichuan 2025)

    _listify = field_validator("window_basis", mode="before")(_one_or_many)

    @model_validator(mode="after")
    def _days_only(self) -> PaternityRules:
        if any(c.months for c in self.conditional):
            raise ValueError("paternity conditional extras are given in days")
        return self



class ParentingYearRule(_Cited):
    rule: Literal["child_age_year", "calendar_year"]


class ParentingCounting(_Cited):
    rule: ParentingCountingRule


class ParentingRules(_Strict):
    label: str
    label_en: str
    days_per_year: SomeDays
    until: AgeLimit
    year: ParentingYearRule
    counting: ParentingCounting
    # True: each child under the age limit brings its own days; False: a parent has
    # days_per_year a year however many children are under the limit.
    per_child: Flag


class Protection(_Cited):
    """One protection in force during a period (no overtime, no night shift...)."""

    label: str
    label_en: str


class PregnancyRules(_Strict):
    # From this completed month of pregnancy (months of policy.miscarriage.weeks_per_month weeks).
    from_months: Months
    # Gestational weeks on the due date, and at conception (obstetric convention: counted from the last period).
    weeks_at_due_date: Weeks
    weeks_at_conception: Weeks
    # Plausible gestational weeks at a birth (below shortest or above longest: the dates are checked
    # with a warning; longest also bounds how early an unknown pregnancy can have started), and how
    # far a due date may lie from the birth before a warning.
    shortest_weeks: Weeks
    longest_weeks: Weeks
    due_date_gap_weeks: Weeks
    from_month_protections: list[Protection] = Field(min_length=1)
    whole_pregnancy_protections: list[Protection] = Field(default_factory=list)

    @model_validator(mode="after")
    def _weeks_in_order(self) -> PregnancyRules:
        w = (self.weeks_at_conception.value, self.shortest_weeks.value, self.longest_weeks.value)
        if not (w[0] < w[1] < w[2] and w[0] < self.weeks_at_due_date.value <= w[2]):
            raise ValueError("weeks must be in order: weeks_at_conception < shortest_weeks < longest_weeks, and the due date between")
        return self


class LactationRules(_Strict):
    until: AgeLimit
    hours_per_day: Hours
    per_extra_baby: Hours
    protections: list[Protection] = Field(min_length=1)


class Dismissal(_Cited):
    """A ground of dismissal or termination and whether the protected period bars it. ``reason``
    is the code a caller names it by (``leavecalc dismissal --reason``)."""

    reason: str = Field(pattern=r"^[a-z_]{1,30}$")
    ground: str
    ground_en: str
    barred: StrictBool


class ProtectedPeriodRules(_Strict):
    phases_basis: list[str]
    contract_runs_on_basis: list[str]
    dismissals: list[Dismissal] = Field(min_length=1)
    arbitration_years: Years
    arbitration_counting_basis: list[str]

    _listify = field_validator("phases_basis", "contract_runs_on_basis", "arbitration_counting_basis", mode="before")(
        _one_or_many
    )


class ProtectionRules(_Strict):
    pregnancy: PregnancyRules
    lactation: LactationRules
    protected_period: ProtectedPeriodRules


class Review(_Strict):
    status: Status = "verified"
    note: str = ""
    note_en: str = ""

    @model_validator(mode="after")
    def _unsettled_says_why(self) -> Review:
        if self.status == "needs_review" and not (self.note and self.note_en):
            raise ValueError("needs_review needs review_note and review_note_en saying what is unsettled")
        return self


class Policy(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    jurisdiction: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    title_en: str
    effective_from: Day
    effective_until: Day | None = None
    # How settled the law of this jurisdiction is; a needs_review result says what is unsettled.
    review: Review = Field(default_factory=lambda: Review())
    # The layer files this policy was resolved from, lowest first (empty for a whole-policy file).
    layers: list[str] = Field(default_factory=list)
    citations: dict[str, Citation]
    maternity: MaternityRules
    miscarriage: MiscarriageRules
    paternity: PaternityRules
    parenting: ParentingRules | None = None  # None: the region grants no parenting leave known to the project
    protection: ProtectionRules
    pay: PayRules | None = None

    @model_validator(mode="after")
    def _fund_parts_exist(self) -> Policy:
        if self.pay is not None:
            names = {s.name for s in self.maternity.segments}
            for ref in self.pay.fund_parts.parts:
                seg, _, part = ref.partition(".")
                if seg not in names or not (part in LEAVE_PARTS or part.startswith("condition:")):
                    raise ValueError(f"pay.fund_parts: {ref!r} is not segment.part (segments {sorted(names)}, parts {LEAVE_PARTS})")
        return self

    @model_validator(mode="after")
    def _check(self) -> Policy:
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise ValueError("effective_until is before effective_from")
        for path, key in _basis_refs(self, ()):
            if key not in self.citations:
                raise ValueError(f"{'.'.join(path)}: unknown citation {key!r} (not in [citations])")
        return self

    @cached_property
    def memo(self) -> dict[Any, Any]:
        """Derived data that depends only on this policy (segment plans, notes), built once."""
        return {}

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    def cite(self, keys: Iterable[str]) -> list[Citation]:
        return [self.citations[k] for k in keys]


def _basis_refs(node: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every citation key named anywhere in the policy, with its field path."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if name.endswith("basis") and isinstance(value, list):
                for key in value:
                    yield (*path, name), key
            else:
                yield from _basis_refs(value, (*path, name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _basis_refs(item, (*path, str(i)))


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    msg = first["msg"].removeprefix("Value error, ")
    more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"field {where}: {msg}{more}"


def parse_policy(text: str, origin: str) -> Policy:
    """Validate a whole-policy TOML text (not a layer); ``origin`` names the file in error messages."""
    return _policy_from(parse_toml(text, f"policy file {origin}", PolicyError), origin)


def _policy_from(data: dict[str, Any], origin: str) -> Policy:
    try:
        return Policy.model_validate(data)
    except ValidationError as e:
        raise PolicyError(f"policy file {origin}: {_describe(e)}") from None


def read_policy_data(path: str | Path) -> dict[str, Any]:
    """A policy or layer file's TOML, read safely (regular files only, size cap, BOM)."""
    text = read_data_file(path, "policy file", PolicyError)
    return parse_toml(text, f"policy file {path}", PolicyError)


def load_policy_file(path: str | Path) -> Policy:
    """A whole-policy file (the format before layers; tests and one-off variants use it)."""
    data = read_policy_data(path)
    if "layer" in data:
        raise PolicyError(f"policy file {path}: a layer file, not a whole policy: resolve it with its parents (PolicyRegistry.with_layer_file)")
    return _policy_from(data, str(path))


class PolicyRegistry:
    """The policies known to a run, and which one is in force for a jurisdiction on a date.

    Built from whole policies and from layers (each layer chain is resolved into the policies of
    its periods, see layers.py). ``names`` maps what a user may type (an id, name, short name, GB/T 2260 code)
    to a jurisdiction id.

    Given ``sources`` (layer files known by their ``[layer]`` tables, as ``bundled_policies`` and
    ``user_policies`` give them), a jurisdiction's chain is read, validated and resolved when it
    is first asked for, and kept: one answer costs one chain, not every province. What needs
    every policy (``policies``, ``layers``, an unknown policy id) loads them all, with every check.
    """

    def __init__(self, policies: Iterable[Policy] = (), layers: Iterable[Layer] = (), sources: Iterable[LayerSource] = ()):
        from .layers import LayerSource, by_id, names

        self._sources = by_id([*map(LayerSource.of, layers), *sources])
        self._names = names(src.info for src in self._sources.values())
        defaults = sorted(i for i, src in self._sources.items() if src.info.default)
        if len(defaults) > 1:
            raise PolicyError(f"layers {', '.join(defaults)} all say default = true: at most one may")
        self._default = defaults[0] if defaults else None
        self._by_id: dict[str, Policy] = {}
        # jurisdiction -> its policies, newest first (most cases are recent births).
        self._by_place: dict[str, list[Policy]] = {}
        self._resolved: set[str] = set()  # the jurisdictions whose layer chain is resolved
        self._lock = threading.Lock()
        self._add(list(policies))
        if layers:  # built from layers already read: resolve them now, as before
            self._load_all()

    def _add(self, ps: list[Policy]) -> None:
        for p in ps:
            if p.id in self._by_id:
                raise PolicyError(f"two policies have the id {p.id!r}")
            self._by_id[p.id] = p
        for place in {p.jurisdiction for p in ps}:
            got = [*self._by_place.get(place, ()), *(p for p in ps if p.jurisdiction == place)]
            _check_no_overlap(place, got)
            self._by_place[place] = sorted(got, key=lambda p: p.effective_from, reverse=True)

    def _policies_of(self, place: str) -> list[Policy]:
        """The policies of a jurisdiction id, its layer chain resolved on first use ([] if none)."""
        if place not in self._resolved and place in self._sources and self._sources[place].info.level != "country":
            from .layers import chain_of

            with self._lock:  # threads sharing a registry must not resolve a chain twice
                if place not in self._resolved:
                    chain = chain_of(place, self._sources)
                    self._add([chain.resolve(a, b) for a, b in chain.spans()])
                    self._resolved.add(place)
        return self._by_place.get(place, [])

    def _load_all(self) -> None:
        from .layers import jurisdictions

        for place in jurisdictions(self._sources):
            self._policies_of(place)

    def policies_of(self, jurisdiction: str) -> list[Policy]:
        """The policies of a jurisdiction (an id or any name of it), oldest first; [] for an unknown one."""
        key = jurisdiction.strip().casefold()
        return sorted(self._policies_of(self._names.get(key, key)), key=lambda p: p.effective_from)

    @property
    def layers(self) -> list[Layer]:
        self._load_all()
        return [src.layer() for src in self._sources.values()]

    def with_layer_file(self, path: str | Path) -> PolicyRegistry:
        """This registry with one more layer file (replacing a layer of the same id), every chain resolved."""
        from .layers import parse_layer

        layer = parse_layer(read_policy_data(path), str(path))
        self._load_all()
        kept = [la for la in self.layers if la.id != layer.id]
        whole = [p for p in self._by_id.values() if not p.layers]
        return PolicyRegistry(whole, [*kept, layer])

    @property
    def policies(self) -> list[Policy]:
        self._load_all()
        return sorted(self._by_id.values(), key=lambda p: (p.jurisdiction, p.effective_from))

    @cached_property
    def jurisdictions(self) -> list[str]:
        from .layers import jurisdictions

        return sorted({*self._by_place, *jurisdictions(self._sources)})

    def place(self, name: str | None) -> str:
        """The jurisdiction id a name, short name, alias or GB/T 2260 code stands for; None: the
        default jurisdiction (the layer with ``default = true``)."""
        if name is None:
            if self._default is None:
                raise NoPolicyError("no jurisdiction was named and no layer is the default (default = true)")
            return self._default
        key = name.strip().casefold()
        if key in self._by_place:
            return key
        if key in self._names:
            return self._names[key]
        raise NoPolicyError.of("error.unknown_jurisdiction", name=name, known=", ".join(self.jurisdictions))

    def get(self, policy_id: str) -> Policy:
        if policy_id not in self._by_id:
            self._load_all()
        try:
            return self._by_id[policy_id]
        except KeyError:
            known = ", ".join(sorted(self._by_id))
            raise PolicyError(f"unknown policy {policy_id!r} (known: {known})") from None

    def in_force(self, jurisdiction: str | None, day: date) -> Policy:
        """The policy of ``jurisdiction`` (an id or any name of it; None: the default) in force on
        ``day`` (for leave: the birth date)."""
        if day.__class__ is not date:  # a datetime would compare wrongly (or not at all) below
            raise InputError(f"day: {day!r:.60} is not a date (give a datetime.date)")
        place = self.place(jurisdiction)
        ps = self._policies_of(place)
        for p in ps:
            if p.in_force_on(day):
                return p
        spans = [(p.effective_from, p.effective_until) for p in reversed(ps)]  # oldest first
        covered = Pair(
            "；".join(f"{a} 至 {b}" if b else f"{a} 起" for a, b in spans),
            "; ".join(f"{a} to {b or 'open'}" for a, b in spans),
        )
        raise NoPolicyError.of("error.no_policy_in_force", place=place, day=day, covered=covered)

    def resolve(self, spec: str, day: date | None = None) -> Policy:
        """A policy id, or the path of a policy file (anything ending in .toml). A layer file is
        resolved with its parents, on ``day`` (default: its latest period)."""
        if not (spec.endswith(".toml") or "/" in spec or "\\" in spec):
            return self.get(spec)
        data = read_policy_data(spec)
        if "layer" not in data:
            return _policy_from(data, spec)
        reg = self.with_layer_file(spec)
        own = [p for p in reg.policies if p.layers and p.layers[0] == spec]
        if not own:
            raise PolicyError(f"policy file {spec}: the country layer is not a jurisdiction of its own; give a province or city layer")
        if day is not None:
            return next((p for p in own if p.in_force_on(day)), None) or reg.in_force(own[0].jurisdiction, day)
        return own[-1]


def _check_no_overlap(place: str, ps: list[Policy]) -> None:
    ps = sorted(ps, key=lambda p: p.effective_from)
    for a, b in zip(ps, ps[1:]):
        if a.effective_until is None or a.effective_until >= b.effective_from:
            raise PolicyError(
                f"policies {a.id!r} and {b.id!r} of {place!r} overlap: "
                f"field effective_until of {a.id!r} must be before {b.effective_from}"
            )


def policy_dir() -> Path:
    """Where users' own policy layers are read from: $LEAVECALC_POLICY_DIR, else the data directory."""
    return user_data_dir("LEAVECALC_POLICY_DIR", "policies")


def bundled_layers() -> list[Layer]:
    return [src.layer() for src in _bundled_sources()]


@cache
def _bundled_sources() -> tuple[LayerSource, ...]:
    """The layer files shipped inside the package, known by their headers; each is read in full
    (and kept for the rest of the process) when a jurisdiction of its chain is first asked for."""
    from .layers import LayerSource

    folder = resources.files("leavecalc") / "policies"
    found = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    out = []
    for f in found:
        origin = f"leavecalc/policies/{f.name}"
        text = f.read_text(encoding="utf-8")
        out.append(LayerSource.from_text(text, origin, partial(parse_toml, text, origin, PolicyError)))
    return tuple(out)


def bundled_policies() -> PolicyRegistry:
    """The policies shipped inside the package (``leavecalc/policies/*.toml``, layers)."""
    return PolicyRegistry(sources=_bundled_sources())


def user_policies() -> PolicyRegistry:
    """The bundled layers with the user's policy directory over them (a user layer of the same
    id replaces the bundled one). A user file is read now; its rules are validated when a
    jurisdiction of its chain is asked for (or by ``policies``, ``leavecalc policies validate``)."""
    from .layers import LayerSource

    folder = policy_dir()
    layers = {src.id: src for src in _bundled_sources()}
    if folder.is_dir():
        for f in sorted(folder.iterdir()):
            if f.suffix.lower() == ".toml":
                text = read_data_file(f, "policy file", PolicyError)
                src = LayerSource.from_text(text, str(f), partial(parse_toml, text, f"policy file {f}", PolicyError))
                layers[src.id] = src
    return PolicyRegistry(sources=layers.values())
