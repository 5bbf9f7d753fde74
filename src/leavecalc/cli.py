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
JurisdictionOpt = Annotated[Optional[str], typer.Option("--jurisdiction", help="cli.opt.jurisdiction")]
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


class _Options(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "--" + key.replace("_", "-")


def option_error(e: Any) -> str:
    """An InputError as the command line says it: each input as its option (``--avg-wage``)."""
    if e.template:
        return str(e.template.format_map(_Options()))
    if not e.field:
        return str(e)
    return f"--{e.field.replace('_', '-')}: {e.reason}"


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


def coded_or_plain(e: Any) -> LeavecalcError:
    """An InputError as the command line shows it: worded in the user's language when the
    catalogue has it (its field named as the option), else in English naming the options."""
    if e.naming_templates:
        from .messages import Pair

        zh, en = (e.naming_templates[lang].format_map(_Options()) for lang in ("zh", "en"))
        return bad_input("cli.error.as_said", text=Pair(zh, en))
    if e.code is None:
        return LeavecalcError(option_error(e))
    if not e.field:
        return e  # type: ignore[no-any-return]
    from .messages import Pair

    return bad_input("cli.error.invalid", option=f"--{e.field.replace('_', '-')}", problem=Pair(e.worded("zh"), e.worded("en")))


def registry() -> PolicyRegistry:
    """The bundled policy layers with the user's policy directory over them (docs/policy-format.md)."""
    from .policy import user_policies

    return user_policies()


def answer(
    kind: str, jurisdiction: str | None, policy: str | None, holidays: list[Path] | None = None, **fields: Any
) -> tuple[Any, Policy, Any]:
    """The result of a kind of question (kinds.py) from the options given (None: not given), with
    the policy used and the environment (its calendar); errors name the options."""
    from .errors import InputError
    from .kinds import KINDS, Env, solve

    given = {k: v for k, v in fields.items() if v is not None}
    reg = registry()
    env = Env(lambda: calendar(holidays), reg)
    chosen = KINDS[kind]
    # --policy '' is an unknown policy, not the absence of one. A layer file given as --policy is
    # resolved on the deciding date.
    day = next((given[n] for n in chosen.decided_by if n in given), None)
    pol = reg.resolve(policy, day) if policy is not None else None
    try:
        result = solve(chosen, given, env, jurisdiction, pol)
    except InputError as e:
        raise coded_or_plain(e) from None
    return result, pol or reg.get(result.policy), env


def policy_for(jurisdiction: str | None, policy: str | None, day: date) -> Policy:
    """The policy a question with no kind of its own is answered under: --policy, else the one
    in force on the deciding date."""
    reg = registry()
    return reg.resolve(policy, day) if policy is not None else reg.in_force(jurisdiction, day)


def holidays_dir() -> Path:
    """Where holiday-year files are read from automatically (docs/holidays.md)."""
    from .files import user_data_dir

    return user_data_dir("LEAVECALC_HOLIDAYS_DIR", "holidays")


def calendar(files: list[Path] | None = None) -> Calendar:
    """The holiday calendar: ``--holidays`` files over the user directory over chinese-calendar."""
    from .files import user_holiday_files

    user_files, warnings = user_holiday_files(holidays_dir())
    for w in warnings:  # never ignored silently, but no reason to stop: the bundled data stands
        typer.echo(f"leavecalc: warning: {w}", err=True)
    if not files and not user_files:  # the common case: no file to read or validate
        from .holiday_calendar import bundled_calendar

        return bundled_calendar()
    from .holiday_data import build_calendar

    return build_calendar(files or [], user_files)


# Engine errors whose remedy is an option: the hint the command line adds (the engine names none).
ERROR_HINTS = {
    "error.needs_avg_wage": "cli.hint.avg_wage",
    "error.needs_own_wage": "cli.hint.own_wage",
    "error.block_needs_start": "cli.hint.start",
    "error.no_rest_floor_yet": "cli.hint.from",
    "error.weeks_or_months": "cli.hint.weeks_or_months",
}


def error_line(e: LeavecalcError, lang: Lang) -> str:
    """An error in the user's language, with the option to use where the engine's error has one."""
    from .cli_words import click_words

    hint = text_of(ERROR_HINTS[e.code], lang) if e.code in ERROR_HINTS else ""
    return click_words(e.worded(lang), lang) + hint


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
    child_order: Annotated[Optional[int], typer.Option("--child-order", help="cli.opt.child_order")] = None,
    condition: Annotated[Optional[list[str]], typer.Option("--condition", help="cli.opt.condition")] = None,
    employer_days: Annotated[Optional[int], typer.Option("--employer-days", help="cli.opt.employer_days")] = None,
    claimed_days: ClaimedDaysOpt = None,
    claimed_end: ClaimedEndOpt = None,
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Maternity leave: days, end date and the day back at work; with --due, an estimate."""
    from .answers import leave_answer
    from .render import segment_lines

    if (birth is None) == (due is None):
        raise bad_input("cli.error.birth_or_due")
    day = parse_date(birth, "--birth") if birth else parse_date(due, "--due")
    asked_start = parse_date(start, "--start")
    result, pol, _ = answer(
        "maternity", jurisdiction, policy, holidays,
        birth=day, start=asked_start, delivery=delivery_of(delivery), babies=babies,
        child_order=child_order, condition=condition, employer_days=employer_days,
    )
    reply = leave_answer(
        pol,
        result,
        claimed_days=claimed_days,
        claimed_end=parse_date(claimed_end, "--claimed-end"),
        due=day if due else None,
        asked_start=asked_start,
    )
    show(reply, result, as_json, ui_lang(lang), segment_lines(result, ui_lang(lang)))


@app.command(help="cli.cmd.miscarriage")
def miscarriage(
    on: Annotated[str, typer.Option("--date", help="cli.opt.miscarriage_date")],
    weeks: Annotated[Optional[int], typer.Option("--weeks", help="cli.opt.weeks")] = None,
    months: Annotated[Optional[int], typer.Option("--months", help="cli.opt.months")] = None,
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Miscarriage or termination leave (流产假), by the length of the pregnancy."""
    from .answers import leave_answer
    from .render import segment_lines

    result, pol, _ = answer(
        "miscarriage", jurisdiction, policy, holidays, date=parse_date(on, "--date"), weeks=weeks, months=months
    )
    show(leave_answer(pol, result), result, as_json, ui_lang(lang), segment_lines(result, ui_lang(lang)))


def pregnancy_of(
    jurisdiction: str | None, policy: str | None, birth: str | None, due: str | None, babies: int = 1, delivery: str = "normal"
) -> tuple[Any, Policy]:
    """What a protection question knows of the pregnancy (the birth, the due date, or both), and
    the policy in force on the birth (or the due date standing in for it)."""
    from .protection_answers import Pregnancy

    if birth is None and due is None:
        raise bad_input("cli.error.birth_or_due_needed")
    p = build_case(
        Pregnancy, birth=parse_date(birth, "--birth"), due=parse_date(due, "--due"), babies=babies, delivery=delivery_of(delivery)
    )
    return p, policy_for(jurisdiction, policy, p.day)


OptBirth = Annotated[Optional[str], typer.Option("--birth", help="cli.opt.birth")]


@app.command(help="cli.cmd.contract")
def contract(
    end: Annotated[str, typer.Option("--end", help="cli.opt.contract_end")],
    birth: OptBirth = None,
    due: DueOpt = None,
    delivery: DeliveryOption = "normal",
    babies: BabiesOpt = 1,
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """A fixed-term contract ending in pregnancy, maternity leave or nursing: does it run on, to when."""
    from .protection_answers import contract_answer

    p, pol = pregnancy_of(jurisdiction, policy, birth, due, babies, delivery)
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
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """A dismissal in the protected period: barred or not, what she can claim, by when."""
    from .protection_answers import REASONS, dismissal_answer

    if reason is not None and reason not in REASONS:
        raise bad_input("cli.error.reason", value=reason, choices=", ".join(REASONS))
    p, pol = pregnancy_of(jurisdiction, policy, birth, due, babies)
    day = parse_date(on, "--date")
    assert day is not None
    show(dismissal_answer(pol, p, day, calendar(holidays), reason), None, as_json, ui_lang(lang))


@app.command(help="cli.cmd.arbitration")
def arbitration(
    known: Annotated[str, typer.Option("--known", help="cli.opt.known")],
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """The last day to apply for labour arbitration."""
    from .protection_answers import arbitration_answer

    day = parse_date(known, "--known")
    assert day is not None
    pol = policy_for(jurisdiction, policy, day)
    show(arbitration_answer(pol, day, calendar(holidays)), None, as_json, ui_lang(lang))


@app.command(help="cli.cmd.overtime")
def overtime(
    birth: OptBirth = None,
    due: DueOpt = None,
    babies: BabiesOpt = 1,
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """From when and until when overtime and night shifts are barred."""
    from .protection_answers import overtime_answer

    p, pol = pregnancy_of(jurisdiction, policy, birth, due, babies)
    show(overtime_answer(pol, p), None, as_json, ui_lang(lang))


@app.command(help="cli.cmd.lactation")
def lactation(
    birth: BirthOpt,
    babies: BabiesOpt = 1,
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Nursing time a working day (哺乳时间) and until when."""
    from .protection_answers import lactation_answer

    p, pol = pregnancy_of(jurisdiction, policy, birth, None, babies)
    show(lactation_answer(pol, p.day, p.babies), None, as_json, ui_lang(lang))


@app.command("jurisdictions", help="cli.cmd.jurisdictions")
def jurisdictions_command(as_json: JsonOpt = False) -> None:
    """Every region and city --jurisdiction takes: level, review status, verified on, sources."""
    import json

    from .layers import places

    rows = places(registry().layers)
    if as_json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        via = "" if r.own_layer else f" (按{r.parent}的规定)"
        typer.echo(f"{r.code}  {r.id:<22} {r.name}{via}  [{r.level}, {r.status}, {r.verified_on or '-'}]  {len(r.sources)} sources")


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
    """Check a policy or layer file; prints what is wrong, naming the field, and exits 2 if anything is."""
    from .policy import PolicyRegistry, read_policy_data

    reg = registry()
    if "layer" in read_policy_data(path):
        # Resolved with its parents over every period, as a command would use it.
        own = [p for p in reg.with_layer_file(path).policies if p.layers and p.layers[0] == path]
        spans = ", ".join(f"{p.id} from {p.effective_from}" for p in own) or "no jurisdiction of its own"
        typer.echo(f"ok: {path} is a valid policy layer ({spans})")
        return
    pol = reg.resolve(path)
    # Also check it against the bundled policies of the same jurisdiction for overlaps.
    others = [p for p in reg.policies if p.id != pol.id]
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
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
) -> None:
    """Many cases at once: one output row per input row, in order (docs/batch.md).

    Exit status: 0 when every row was computed, 1 when any row has an error, 2 when the input
    cannot be read at all."""
    from .batch import Context, OutputClosed, run_files

    reg = registry()
    ctx = Context(reg, calendar(holidays), jurisdiction, reg.resolve(policy) if policy is not None else None)
    try:
        summary = run_files(source, output, in_format, out_format, ctx, jobs)
    except OutputClosed:
        # `leavecalc batch IN | head -1`: the reader stopped reading. Exit as a tool killed by
        # SIGPIPE would (128 + 13), saying so, rather than as a failed run.
        typer.echo("leavecalc batch: the output was closed by its reader; stopped", err=True)
        raise SystemExit(141) from None
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
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Maternity allowance (生育津贴), the employer's top-up, and the split by month."""
    from . import render
    from .pay_answers import allowance_answer

    # Defaults are passed as absent, so that with --days the kind can refuse what goes with --birth.
    delivered = delivery_of(delivery)
    result, pol, _ = answer(
        "allowance", jurisdiction, policy, holidays,
        avg_wage=avg_wage, own_wage=own_wage, uninsured=uninsured or None, days=days, on=parse_date(on, "--on"),
        birth=parse_date(birth, "--birth"), start=parse_date(start, "--start"),
        delivery=None if delivered == "normal" else delivered, babies=None if babies == 1 else babies,
    )
    show(allowance_answer(pol, result), result, as_json, ui_lang(lang), render.allowance_lines(result, ui_lang(lang)))


@app.command("pregnancy-rest", help="cli.cmd.pregnancy_rest")
def pregnancy_rest(
    rest_from: Annotated[str, typer.Option("--from", help="cli.opt.rest_from")],
    rest_to: Annotated[str, typer.Option("--to", help="cli.opt.rest_to")],
    pay: Annotated[str, typer.Option("--pay", help="cli.opt.rest_pay")],
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Pregnancy rest (孕期休息, art 37): is the pay below the floor; the shortfall month by month."""
    from . import render
    from .pay_answers import rest_answer

    result, pol, _ = answer(
        "pregnancy_rest", jurisdiction, policy, None,
        **{"from": parse_date(rest_from, "--from"), "to": parse_date(rest_to, "--to"), "pay": pay},
    )
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
    child_order: Annotated[Optional[int], typer.Option("--child-order", help="cli.opt.child_order_father")] = None,
    condition: Annotated[Optional[list[str]], typer.Option("--condition", help="cli.opt.condition_father")] = None,
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Paternity leave (护理假): days, dates and the day back at work."""
    from .answers import leave_answer
    from .paternity import PaternityCase, mother_window
    from .render import segment_lines, t

    fields: dict[str, Any] = dict(
        birth=parse_date(birth, "--birth"), start=parse_date(start, "--start"), delivery=delivery_of(delivery), babies=babies,
        mother_start=parse_date(mother_start, "--mother-start"), mother_end=parse_date(mother_end, "--mother-end"),
        child_order=child_order, condition=condition,
    )
    result, pol, env = answer("paternity", jurisdiction, policy, holidays, **fields)
    case = PaternityCase(**{("conditions" if k == "condition" else k): v for k, v in fields.items() if v is not None})
    lo, hi = mother_window(pol, case, env.calendar)
    language = ui_lang(lang)
    reply = leave_answer(pol, result, claimed_days=claimed_days, claimed_end=parse_date(claimed_end, "--claimed-end"))
    mother = f"{t('mother_leave', language)} {lo} {t('to', language)} {hi}"
    show(reply, result, as_json, language, [*segment_lines(result, language), mother])


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
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Parenting leave (育儿假): each parent's days for every year until the child's third birthday."""
    from . import render
    from .answers import parenting_answer

    result, pol, _ = answer(
        "parenting", jurisdiction, policy, holidays,
        birth=parse_date(birth, "--birth"), start=parse_date(start, "--start"), days=days,
        other_child=[parse_date(o, "--other-child") for o in other_child] if other_child else None,
    )
    # "This year" is the year of the child's age that today (the CLI may read the clock) falls in.
    day = parse_date(on, "--on") or date.today()
    reply = parenting_answer(pol, result, day, claimed_days=claimed_days, claimed_end=parse_date(claimed_end, "--claimed-end"))
    show(reply, result, as_json, ui_lang(lang), render.parenting_lines(result, ui_lang(lang)))


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
    jurisdiction: JurisdictionOpt = None,
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = None,
) -> None:
    """Both parents' timeline: pregnancy, maternity, paternity, nursing, parenting leave, protected period."""
    from . import render

    result, _, _ = answer(
        "plan", jurisdiction, policy, holidays,
        birth=parse_date(birth, "--birth"), delivery=delivery_of(delivery), babies=babies,
        due=parse_date(due, "--due"), conception=parse_date(conception, "--conception"),
        maternity_start=parse_date(maternity_start, "--maternity-start"),
        paternity_start=parse_date(paternity_start, "--paternity-start"),
        contract_end=parse_date(contract_end, "--contract-end"), dispute_known=parse_date(dispute_known, "--dispute-known"),
        other_child=[parse_date(o, "--other-child") for o in other_child] if other_child else None,
        avg_wage=avg_wage, own_wage=own_wage, uninsured=uninsured or None,
    )
    if ics is not None:
        from datetime import datetime, timezone

        from .files import output_file
        from .ics import plan_ics

        data = plan_ics(result, datetime.now(timezone.utc), ui_lang(lang))
        with output_file(ics, LeavecalcError, binary=True) as f:  # written whole or not at all
            f.write(data)
    typer.echo(render.to_json(result) if as_json else render.plan_text(result, ui_lang(lang)))


from .web.serve import serve  # noqa: E402  (the web desk; its heavy imports wait until it runs)

app.command("serve", help="cli.cmd.serve")(serve)

# The longest message shown: one that echoes a 100 KB argument must not print it whole.
MAX_MESSAGE = 400


def fail(message: str) -> NoReturn:
    message = " ".join(message.split("\n"))
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 3] + "..."
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
    from .errors import Stopped

    args = argv if argv is not None else sys.argv[1:]
    lang = lang_of_args(args)
    try:
        code = run(args, lang)
    except LeavecalcError as e:
        fail(error_line(e, lang))
    except Stopped as e:  # files were cleaned up on the way out; exit as the signal would
        typer.echo("leavecalc: stopped", err=True)
        raise SystemExit(128 + int(e.args[0])) from None
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
