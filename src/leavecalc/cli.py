"""The ``leavecalc`` command. With batch.py, the only module that reads files, the environment
or the clock; the engine modules are imported inside the commands so start-up stays fast."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional
from collections.abc import Mapping

# The command line uses no pydantic plugins; scanning every installed package for them costs
# a tenth of the start-up time. Set before typer, which imports pydantic.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer  # noqa: E402

from .errors import LeavecalcError  # noqa: E402

if TYPE_CHECKING:
    from .holiday_calendar import Calendar
    from .policy import Policy, PolicyRegistry
    from .render import Lang

app = typer.Typer(
    name="leavecalc",
    help="cli.app",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
policies_app = typer.Typer(help="cli.policies", no_args_is_help=True)
app.add_typer(policies_app, name="policies")


# --delivery as people say it, in Chinese or in the engine's words.
DELIVERIES = {
    "normal": "normal", "顺产": "normal",
    "cesarean": "cesarean", "剖宫产": "cesarean", "剖腹产": "cesarean",
    "assisted": "assisted", "助产": "assisted", "助娩产": "assisted",
    "other_difficult": "other_difficult", "难产": "other_difficult", "其他难产": "other_difficult",
}


class LangOpt(str, Enum):
    zh = "zh"
    en = "en"


BirthOpt = Annotated[str, typer.Option("--birth", help="cli.opt.birth")]
DeliveryOption = Annotated[str, typer.Option("--delivery", help="cli.opt.delivery")]
BabiesOpt = Annotated[int, typer.Option("--babies", help="cli.opt.babies")]
OwnWageOpt = Annotated[Optional[str], typer.Option("--own-wage", help="cli.opt.own_wage")]
UninsuredOpt = Annotated[bool, typer.Option("--uninsured", help="cli.opt.uninsured")]
JsonOpt = Annotated[bool, typer.Option("--json", help="cli.opt.json")]
LangOption = Annotated[Optional[LangOpt], typer.Option("--lang", help="cli.opt.lang")]
JurisdictionOpt = Annotated[str, typer.Option("--jurisdiction", help="cli.opt.jurisdiction")]
PolicyOpt = Annotated[
    Optional[str],
    typer.Option("--policy", help="cli.opt.policy"),
]

HolidaysOpt = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--holidays",
        metavar="FILE",
        help="cli.opt.holidays",
    ),
]


def bad_input(code: str, **params: object) -> LeavecalcError:
    """Bad input noticed by the CLI itself, worded from the catalogue in the user's language."""
    return LeavecalcError.of(code, **params)


def parse_date(value: str | None, option: str) -> date | None:
    from .dates import parse_date as parse

    if value is None:
        return None
    try:
        return parse(value)
    except ValueError:
        raise bad_input("cli.error.not_a_date", option=option, value=value) from None


def delivery_of(value: str) -> str:
    try:
        return DELIVERIES[value.strip().lower()]
    except KeyError:
        raise bad_input("cli.error.delivery", value=value) from None


def build_case(model: type[Any], **fields: Any) -> Any:
    """Validate a case model, turning a validation error into one line naming the option."""
    from pydantic import ValidationError

    try:
        return model(**fields)
    except ValidationError as e:
        err = e.errors()[0]
        name = ".".join(str(p) for p in err["loc"])
        cause = err.get("ctx", {}).get("error")
        if isinstance(cause, LeavecalcError) and cause.code is not None:
            # An engine's own error, worded from the catalogue: shown in the user's language.
            raise cause from None
        problem = err["msg"].removeprefix("Value error, ")
        if not name:
            raise bad_input("cli.error.problem", problem=problem) from None
        raise bad_input("cli.error.invalid", option=f"--{name.replace('_', '-')}", problem=problem) from None


def ui_lang(chosen: LangOpt | None = None, env: Mapping[str, str] | None = None) -> Lang:
    """The language to answer in: ``--lang`` if given, else English under an English locale,
    else Chinese."""
    if chosen is not None:
        return "en" if chosen is LangOpt.en else "zh"
    env = os.environ if env is None else env
    locale = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    return "en" if locale.lower().startswith("en") else "zh"


def birth_case(model: type[Any], birth: str | None, start: str | None, delivery: str, babies: int, **more: Any) -> Any:
    """A case about a birth (maternity, paternity, allowance) from the shared options."""
    return build_case(
        model,
        birth=parse_date(birth, "--birth"),
        start=parse_date(start, "--start"),
        delivery=delivery_of(delivery),
        babies=babies,
        **more,
    )


def registry() -> PolicyRegistry:
    from .policy import bundled_policies

    return bundled_policies()


def choose_policy(jurisdiction: str, policy: str | None, day: date) -> Policy:
    reg = registry()
    return reg.resolve(policy) if policy else reg.in_force(jurisdiction, day)


def holidays_dir() -> Path:
    """Where holiday-year files are read from automatically (docs/holidays.md)."""
    if os.environ.get("LEAVECALC_HOLIDAYS_DIR"):
        return Path(os.environ["LEAVECALC_HOLIDAYS_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "leavecalc" / "holidays"


def calendar(files: list[Path] | None = None) -> Calendar:
    """The holiday calendar: ``--holidays`` files over the user directory over chinese-calendar."""
    folder = holidays_dir()
    user_files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files and not user_files:  # the common case: no file to read or validate
        from .holiday_calendar import bundled_calendar

        return bundled_calendar()
    from .holiday_data import build_calendar

    return build_calendar(files or [], user_files)


def emit(result: Any, as_json: bool, lang: Lang, heading: str = "") -> None:
    from . import render

    typer.echo(render.to_json(result) if as_json else render.leave_text(result, lang, heading))


# Warnings whose remedy is something to do on the command line: the "how to" line that says so.
# Only the front end may name its options; the warning itself does not.
HOW_TO = {
    "arrangement_missing": "cli.howto.holidays",
    "next_year_missing": "cli.howto.holidays",
    "top_up_not_computed": "cli.howto.own_wage",
    "no_monthly_split": "cli.howto.birth",
}


def how_to(codes: list[str], lang: Lang) -> list[str]:
    from .messages import text

    lines = list(dict.fromkeys(text(HOW_TO[c], lang) for c in codes if c in HOW_TO))
    return [f"{text('cli.howto.heading', lang)}{'：' if lang == 'zh' else ':'}", *(f"  - {x}" for x in lines)] if lines else []


def show(answer: Any, result: Any, as_json: bool, lang: Lang, body: list[str] | None = None) -> None:
    """An answer, verdict first; ``--json`` prints the engine's result (the stable contract) or,
    for questions with no engine result of their own, the answer."""
    from .render import to_json
    from .render_answer import answer_text

    if as_json:
        typer.echo(to_json(result if result is not None else answer))
        return
    typer.echo("\n".join([answer_text(answer, lang, body), *how_to([w.code for w in answer.warnings], lang)]))


ClaimedDaysOpt = Annotated[Optional[int], typer.Option("--claimed-days", min=0, max=1000, help="cli.opt.claimed_days")]
ClaimedEndOpt = Annotated[Optional[str], typer.Option("--claimed-end", help="cli.opt.claimed_end")]
DueOpt = Annotated[Optional[str], typer.Option("--due", help="cli.opt.due")]


@app.command(help="cli.cmd.maternity")
def maternity(
    birth: Annotated[Optional[str], typer.Option("--birth", help="cli.opt.birth")] = None,
    due: Annotated[Optional[str], typer.Option("--due", help="cli.opt.due_maternity")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="cli.opt.start_maternity")] = None,
    delivery: DeliveryOption = "normal",
    babies: BabiesOpt = 1,
    claimed_days: ClaimedDaysOpt = None,
    claimed_end: ClaimedEndOpt = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Maternity leave: days, end date and the day back at work; with --due, an estimate."""
    from .answers import leave_answer
    from .maternity import MaternityCase, maternity_leave
    from .render import segment_lines

    if (birth is None) == (due is None):
        raise bad_input("cli.error.birth_or_due")
    case = build_case(
        MaternityCase,
        birth=parse_date(birth, "--birth") if birth else parse_date(due, "--due"),
        start=parse_date(start, "--start"),
        delivery=delivery_of(delivery),
        babies=babies,
    )
    pol = choose_policy(jurisdiction, policy, case.birth)
    result = maternity_leave(pol, case, calendar(holidays))
    answer = leave_answer(
        pol,
        result,
        claimed_days=claimed_days,
        claimed_end=parse_date(claimed_end, "--claimed-end"),
        due=case.birth if due else None,
        asked_start=case.start,
    )
    show(answer, result, as_json, ui_lang(lang), segment_lines(result, ui_lang(lang)))


@app.command(help="cli.cmd.miscarriage")
def miscarriage(
    on: Annotated[str, typer.Option("--date", help="cli.opt.miscarriage_date")],
    weeks: Annotated[Optional[int], typer.Option("--weeks", help="cli.opt.weeks")] = None,
    months: Annotated[Optional[int], typer.Option("--months", help="cli.opt.months")] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Miscarriage or termination leave (流产假), by the length of the pregnancy."""
    from .answers import leave_answer
    from .miscarriage import MiscarriageCase, miscarriage_leave
    from .render import segment_lines

    case = build_case(MiscarriageCase, date=parse_date(on, "--date"), weeks=weeks, months=months)
    pol = choose_policy(jurisdiction, policy, case.date)
    result = miscarriage_leave(pol, case, calendar(holidays))
    show(leave_answer(pol, result), result, as_json, ui_lang(lang), segment_lines(result, ui_lang(lang)))


def pregnancy_of(birth: str | None, due: str | None, babies: int = 1, delivery: str = "normal") -> Any:
    """What the protection questions know of the pregnancy: the birth, the due date, or both."""
    from .answers import Pregnancy

    if birth is None and due is None:
        raise bad_input("cli.error.birth_or_due_needed")
    return build_case(
        Pregnancy, birth=parse_date(birth, "--birth"), due=parse_date(due, "--due"), babies=babies, delivery=delivery_of(delivery)
    )


OptBirth = Annotated[Optional[str], typer.Option("--birth", help="cli.opt.birth")]


@app.command(help="cli.cmd.contract")
def contract(
    end: Annotated[str, typer.Option("--end", help="cli.opt.contract_end")],
    birth: OptBirth = None,
    due: DueOpt = None,
    delivery: DeliveryOption = "normal",
    babies: BabiesOpt = 1,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """A fixed-term contract ending in pregnancy, maternity leave or nursing: does it run on, to when."""
    from .answers import contract_answer

    p = pregnancy_of(birth, due, babies, delivery)
    pol = choose_policy(jurisdiction, policy, p.day)
    last = parse_date(end, "--end")
    assert last is not None
    show(contract_answer(pol, p, last, calendar(holidays)), None, as_json, ui_lang(lang))


@app.command(help="cli.cmd.dismissal")
def dismissal(
    on: Annotated[str, typer.Option("--date", help="cli.opt.dismissal_date")],
    birth: OptBirth = None,
    due: DueOpt = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="cli.opt.reason")] = None,
    babies: BabiesOpt = 1,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """A dismissal in the protected period: barred or not, what she can claim, by when."""
    from .answers import REASONS, dismissal_answer

    if reason is not None and reason not in REASONS:
        raise bad_input("cli.error.reason", value=reason, choices=", ".join(REASONS))
    p = pregnancy_of(birth, due, babies)
    pol = choose_policy(jurisdiction, policy, p.day)
    day = parse_date(on, "--date")
    assert day is not None
    show(dismissal_answer(pol, p, day, calendar(holidays), reason), None, as_json, ui_lang(lang))


@app.command(help="cli.cmd.arbitration")
def arbitration(
    known: Annotated[str, typer.Option("--known", help="cli.opt.known")],
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """The last day to apply for labour arbitration."""
    from .answers import arbitration_answer

    day = parse_date(known, "--known")
    assert day is not None
    pol = choose_policy(jurisdiction, policy, day)
    show(arbitration_answer(pol, day, calendar(holidays)), None, as_json, ui_lang(lang))


@app.command(help="cli.cmd.overtime")
def overtime(
    birth: OptBirth = None,
    due: DueOpt = None,
    babies: BabiesOpt = 1,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """From when and until when overtime and night shifts are barred."""
    from .answers import overtime_answer

    p = pregnancy_of(birth, due, babies)
    pol = choose_policy(jurisdiction, policy, p.day)
    show(overtime_answer(pol, p), None, as_json, ui_lang(lang))


@app.command(help="cli.cmd.lactation")
def lactation(
    birth: BirthOpt,
    babies: BabiesOpt = 1,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Nursing time a working day (哺乳时间) and until when."""
    from .answers import lactation_answer

    p = pregnancy_of(birth, None, babies)
    pol = choose_policy(jurisdiction, policy, p.day)
    show(lactation_answer(pol, p.day, p.babies), None, as_json, ui_lang(lang))


@policies_app.command("list", help="cli.cmd.policies_list")
def policies_list() -> None:
    """The bundled policies and the dates each covers."""
    for p in registry().policies:
        until = p.effective_until or "..."
        typer.echo(f"{p.id:16} {p.jurisdiction:10} {p.effective_from} to {until}  {p.title}")


@policies_app.command("show", help="cli.cmd.policies_show")
def policies_show(spec: Annotated[str, typer.Argument(help="cli.arg.policy")]) -> None:
    """Every number in a policy with its citation."""
    from .render import policy_text

    typer.echo(policy_text(registry().resolve(spec)))


@policies_app.command("validate", help="cli.cmd.policies_validate")
def policies_validate(path: Annotated[str, typer.Argument(help="cli.arg.policy_file")]) -> None:
    """Check a policy file; prints what is wrong, naming the field, and exits 2 if anything is."""
    from .policy import PolicyRegistry, load_policy_file

    pol = load_policy_file(path)
    # Also check it against the bundled policies of the same jurisdiction for overlaps.
    others = [p for p in registry().policies if p.id != pol.id]
    PolicyRegistry([*others, pol])
    typer.echo(f"ok: {path} is a valid policy ({pol.id}, {pol.jurisdiction}, from {pol.effective_from})")


@app.command(help="cli.cmd.batch")
def batch(
    source: Annotated[str, typer.Argument(help="cli.arg.batch_input")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="cli.opt.output")] = None,
    out_format: Annotated[Optional[str], typer.Option("--format", help="cli.opt.format")] = None,
    in_format: Annotated[Optional[str], typer.Option("--input-format", help="cli.opt.input_format")] = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=1, max=64, help="cli.opt.jobs"),
    ] = 1,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
) -> None:
    """Many cases at once: one output row per input row, in order (docs/batch.md).

    Exit status: 0 when every row was computed, 1 when any row has an error, 2 when the input
    cannot be read at all."""
    from .batch import Context, run_files

    reg = registry()
    ctx = Context(reg, calendar(holidays), jurisdiction, reg.resolve(policy) if policy else None)
    summary = run_files(source, output, in_format, out_format, ctx, jobs)
    typer.echo(f"leavecalc batch: {summary.rows} rows, {summary.ok} ok, {summary.errors} errors", err=True)
    raise SystemExit(1 if summary.errors else 0)


@app.command(help="cli.cmd.allowance")
def allowance(
    avg_wage: Annotated[
        Optional[str], typer.Option("--avg-wage", help="cli.opt.avg_wage")
    ] = None,
    days: Annotated[
        Optional[int],
        typer.Option("--days", help="cli.opt.allowance_days"),
    ] = None,
    birth: Annotated[Optional[str], typer.Option("--birth", help="cli.opt.allowance_birth")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="cli.opt.start_maternity")] = None,
    delivery: DeliveryOption = "normal",
    babies: BabiesOpt = 1,
    own_wage: OwnWageOpt = None,
    uninsured: UninsuredOpt = False,
    on: Annotated[
        Optional[str], typer.Option("--on", help="cli.opt.on_days")
    ] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Maternity allowance (生育津贴), the employer's top-up, and the split by month."""
    from . import render
    from .pay import Wages, allowance_for_days, check_allowance_days, maternity_pay

    if (days is None) == (birth is None):
        raise bad_input("cli.error.days_or_birth")
    wages = build_case(Wages, avg_wage=avg_wage, own_wage=own_wage, insured=not uninsured)
    if days is not None:
        check_allowance_days(days)  # before choosing a policy: a typing error is the thing to report
        if start is not None or delivery_of(delivery) != "normal" or babies != 1:
            raise bad_input("cli.error.days_alone")
        if on is None and policy is None:
            # The engine has no clock: without a date there is nothing to choose the policy by.
            raise bad_input("cli.error.days_need_on")
        day = parse_date(on, "--on")
        if policy is None:
            assert day is not None
            pol = registry().in_force(jurisdiction, day)
        else:
            pol = registry().resolve(policy)
        result = allowance_for_days(pol, days, wages, day)
    else:
        if on is not None:
            raise bad_input("cli.error.on_with_days")
        from .maternity import MaternityCase

        case = birth_case(MaternityCase, birth, start, delivery, babies)
        pol = choose_policy(jurisdiction, policy, case.birth)
        result = maternity_pay(pol, case, calendar(holidays), wages)
    from .answers import allowance_answer

    show(allowance_answer(pol, result), result, as_json, ui_lang(lang), render.allowance_lines(result, ui_lang(lang)))


@app.command("pregnancy-rest", help="cli.cmd.pregnancy_rest")
def pregnancy_rest(
    rest_from: Annotated[str, typer.Option("--from", help="cli.opt.rest_from")],
    rest_to: Annotated[str, typer.Option("--to", help="cli.opt.rest_to")],
    pay: Annotated[str, typer.Option("--pay", help="cli.opt.rest_pay")],
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Pregnancy rest (孕期休息, art 37): is the pay below the floor; the shortfall month by month."""
    from . import render
    from .pay import RestCase, pregnancy_rest_pay

    case = build_case(RestCase, start=parse_date(rest_from, "--from"), end=parse_date(rest_to, "--to"), pay=pay)
    reg = registry()
    pol = reg.resolve(policy) if policy else reg.in_force(jurisdiction, case.start)
    # All policies: when the chosen one has no floor, the error can say from when one applies.
    result = pregnancy_rest_pay(pol, case, reg.policies)
    from .answers import rest_answer

    show(rest_answer(pol, result), result, as_json, ui_lang(lang), render.rest_lines(result, ui_lang(lang)))


@app.command("holidays", help="cli.cmd.holidays")
def holidays_command(
    year: Annotated[int, typer.Argument(metavar="YEAR", help="cli.arg.year")],
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """A year's statutory holidays, arranged rest days and make-up workdays, and where they come from."""
    from . import render
    from .holiday_data import holiday_year

    # No --jurisdiction/--policy: the holiday calendar is national and no policy bears on it.
    result = holiday_year(calendar(holidays), year)
    if as_json:
        typer.echo(render.to_json(result))
        return
    language = ui_lang(lang)
    typer.echo("\n".join([render.holiday_year_text(result, language), *how_to([w.code for w in result.warnings], language)]))


@app.command(help="cli.cmd.paternity")
def paternity(
    birth: BirthOpt,
    start: Annotated[Optional[str], typer.Option("--start", help="cli.opt.start_paternity")] = None,
    delivery: Annotated[str, typer.Option("--delivery", help="cli.opt.delivery_mother")] = "normal",
    babies: BabiesOpt = 1,
    mother_start: Annotated[Optional[str], typer.Option("--mother-start", help="cli.opt.mother_start")] = None,
    mother_end: Annotated[Optional[str], typer.Option("--mother-end", help="cli.opt.mother_end")] = None,
    claimed_days: ClaimedDaysOpt = None,
    claimed_end: ClaimedEndOpt = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Paternity leave (护理假): days, dates and the day back at work."""
    from .answers import leave_answer
    from .paternity import PaternityCase, mother_window, paternity_leave
    from .render import segment_lines, t

    case = birth_case(
        PaternityCase,
        birth,
        start,
        delivery,
        babies,
        mother_start=parse_date(mother_start, "--mother-start"),
        mother_end=parse_date(mother_end, "--mother-end"),
    )
    pol = choose_policy(jurisdiction, policy, case.birth)
    cal = calendar(holidays)
    lo, hi = mother_window(pol, case, cal)
    language = ui_lang(lang)
    result = paternity_leave(pol, case, cal)
    answer = leave_answer(pol, result, claimed_days=claimed_days, claimed_end=parse_date(claimed_end, "--claimed-end"))
    mother = f"{t('mother_leave', language)} {lo} {t('to', language)} {hi}"
    show(answer, result, as_json, language, [*segment_lines(result, language), mother])


@app.command(help="cli.cmd.parenting")
def parenting(
    birth: Annotated[str, typer.Option("--birth", help="cli.opt.child_birth")],
    start: Annotated[Optional[str], typer.Option("--start", help="cli.opt.start_parenting")] = None,
    days: Annotated[Optional[int], typer.Option("--days", help="cli.opt.block_days")] = None,
    other_child: Annotated[
        Optional[list[str]], typer.Option("--other-child", help="cli.opt.other_child")
    ] = None,
    on: Annotated[Optional[str], typer.Option("--on", help="cli.opt.parenting_on")] = None,
    claimed_days: ClaimedDaysOpt = None,
    claimed_end: ClaimedEndOpt = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Parenting leave (育儿假): each parent's days for every year until the child's third birthday."""
    from . import render
    from .parenting import ParentingCase, parenting_leave

    others = [parse_date(o, "--other-child") for o in other_child or []]
    case = build_case(
        ParentingCase, birth=parse_date(birth, "--birth"), start=parse_date(start, "--start"), days=days, other_births=others
    )
    pol = choose_policy(jurisdiction, policy, case.birth)
    result = parenting_leave(pol, case, calendar(holidays))
    from .answers import parenting_answer

    # "This year" is the year of the child's age that today (the CLI may read the clock) falls in.
    day = parse_date(on, "--on") or date.today()
    answer = parenting_answer(pol, result, day, claimed_days=claimed_days, claimed_end=parse_date(claimed_end, "--claimed-end"))
    show(answer, result, as_json, ui_lang(lang), render.parenting_lines(result, ui_lang(lang)))


@app.command(help="cli.cmd.plan")
def plan(
    birth: Annotated[str, typer.Option("--birth", help="cli.opt.plan_birth")],
    delivery: DeliveryOption = "normal",
    babies: BabiesOpt = 1,
    due: Annotated[Optional[str], typer.Option("--due", help="cli.opt.plan_due")] = None,
    conception: Annotated[Optional[str], typer.Option("--conception", help="cli.opt.conception")] = None,
    maternity_start: Annotated[Optional[str], typer.Option("--maternity-start", help="cli.opt.maternity_start")] = None,
    paternity_start: Annotated[Optional[str], typer.Option("--paternity-start", help="cli.opt.start_paternity")] = None,
    contract_end: Annotated[Optional[str], typer.Option("--contract-end", help="cli.opt.contract_end")] = None,
    dispute_known: Annotated[
        Optional[str], typer.Option("--dispute-known", help="cli.opt.dispute_known")
    ] = None,
    other_child: Annotated[
        Optional[list[str]], typer.Option("--other-child", help="cli.opt.other_child")
    ] = None,
    avg_wage: Annotated[
        Optional[str], typer.Option("--avg-wage", help="cli.opt.plan_avg_wage")
    ] = None,
    own_wage: OwnWageOpt = None,
    uninsured: UninsuredOpt = False,
    ics: Annotated[Optional[str], typer.Option("--ics", help="cli.opt.ics")] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Both parents' timeline: pregnancy, maternity, paternity, nursing, parenting leave, protected period."""
    from . import render
    from .plan import PlanCase, make_plan

    case = build_case(
        PlanCase,
        birth=parse_date(birth, "--birth"),
        delivery=delivery_of(delivery),
        babies=babies,
        due=parse_date(due, "--due"),
        conception=parse_date(conception, "--conception"),
        maternity_start=parse_date(maternity_start, "--maternity-start"),
        paternity_start=parse_date(paternity_start, "--paternity-start"),
        contract_end=parse_date(contract_end, "--contract-end"),
        dispute_known=parse_date(dispute_known, "--dispute-known"),
        other_births=[parse_date(o, "--other-child") for o in other_child or []],
    )
    wages = None
    if avg_wage is not None or own_wage is not None or uninsured:
        from .pay import Wages

        wages = build_case(Wages, avg_wage=avg_wage, own_wage=own_wage, insured=not uninsured)
    pol = choose_policy(jurisdiction, policy, case.birth)
    result = make_plan(pol, case, calendar(holidays), wages)
    if ics is not None:
        from datetime import datetime, timezone
        from pathlib import Path

        from .ics import plan_ics

        Path(ics).write_bytes(plan_ics(result, datetime.now(timezone.utc), ui_lang(lang)))
    typer.echo(render.to_json(result) if as_json else render.plan_text(result, ui_lang(lang)))


def fail(message: str) -> NoReturn:
    typer.echo(f"leavecalc: error: {message}", err=True)
    raise SystemExit(2)


def command_for(args: list[str], lang: Lang = "en") -> Any:
    """The click command to run, its help in ``lang``. For `leavecalc NAME ...` it is a group
    holding just NAME: typer builds every command's options when it converts an app, and
    building one instead of all of them is a sixth of the start-up time. Usage, options, help
    and errors are the same."""
    from .cli_words import localise

    name = args[0] if args else None
    wanted = [
        c
        for c in app.registered_commands
        if c.callback is not None and (c.name or typer.main.get_command_name(c.callback.__name__)) == name
    ]
    if not wanted:
        return localise(typer.main.get_command(app), lang)
    one = typer.Typer(name="leavecalc", help="cli.app", add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    one.registered_commands = wanted
    return localise(typer.main.get_group(one), lang)


def lang_of_args(args: list[str]) -> Lang:
    """The language asked for on the command line (``--lang en`` / ``--lang=en``), else the locale's."""
    for i, a in enumerate(args):
        value = args[i + 1] if a == "--lang" and i + 1 < len(args) else a.removeprefix("--lang=") if a.startswith("--lang=") else None
        if value in ("zh", "en"):
            return ui_lang(LangOpt(value))
    return ui_lang()


def run(args: list[str], lang: Lang) -> Any:
    """Run the command; help printed by click is put into ``lang`` on its way out."""
    from .cli_words import click_words

    if lang == "en" or not {"--help", "-h"} & set(args) and args:
        return command_for(args, lang).main(args=args, prog_name="leavecalc", standalone_mode=False)
    import contextlib
    import io

    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            return command_for(args, lang).main(args=args, prog_name="leavecalc", standalone_mode=False)
    finally:
        sys.stdout.write(click_words(out.getvalue(), lang))


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the app and turns every expected error into one line and exit code 2."""
    from .cli_words import click_words

    args = argv if argv is not None else sys.argv[1:]
    lang = lang_of_args(args)
    try:
        code = run(args, lang)
    except LeavecalcError as e:
        fail(click_words(e.worded(lang), lang))  # a model's own words (pydantic) too
    except typer.Abort:
        fail(text_of("cli.error.aborted", lang))
    except OSError as e:
        fail(f"{e.__class__.__name__}: {e}")
    except Exception as e:
        # Usage errors of click (vendored inside newer typer, so matched by shape, not by class).
        message = getattr(e, "format_message", None)
        if message is None or not hasattr(e, "exit_code"):
            raise
        if type(e).__name__ == "NoArgsIsHelpError":
            typer.echo(click_words(message(), lang))
            raise SystemExit(0) from None
        ctx = getattr(e, "ctx", None)
        hint = text_of("cli.error.see_help", lang, command=ctx.command_path) if ctx is not None else ""
        fail(click_words(message(), lang) + hint)
    raise SystemExit(code if isinstance(code, int) else 0)


def text_of(code: str, lang: Lang, **params: object) -> str:
    from .messages import text

    return text(code, lang, **params)


if __name__ == "__main__":
    main()
