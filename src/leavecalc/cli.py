"""The ``leavecalc`` command. With batch.py, the only module that reads files, the environment
or the clock; the engine modules are imported inside the commands so start-up stays fast."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

# The command line uses no pydantic plugins; scanning every installed package for them costs
# a tenth of the start-up time. Set before typer, which imports pydantic.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer  # noqa: E402

if TYPE_CHECKING:
    from .holiday_calendar import Calendar
    from .policy import Policy, PolicyRegistry
    from .render import Lang

app = typer.Typer(
    name="leavecalc",
    help="Statutory maternity and related leave in China (Nanjing first), with the article behind each number.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
policies_app = typer.Typer(help="List, show and validate policy files.", no_args_is_help=True)
app.add_typer(policies_app, name="policies")


class DeliveryOpt(str, Enum):
    normal = "normal"
    cesarean = "cesarean"
    assisted = "assisted"
    other_difficult = "other_difficult"


class LangOpt(str, Enum):
    zh = "zh"
    en = "en"


BirthOpt = Annotated[str, typer.Option("--birth", help="Date of birth, YYYY-MM-DD.")]
DeliveryOption = Annotated[DeliveryOpt, typer.Option("--delivery", help="How the baby was delivered.")]
BabiesOpt = Annotated[int, typer.Option("--babies", help="Babies born at this birth (1-9).")]
OwnWageOpt = Annotated[Optional[str], typer.Option("--own-wage", help="Her own monthly wage (yuan): adds the top-up.")]
UninsuredOpt = Annotated[bool, typer.Option("--uninsured", help="Not covered by maternity insurance.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON (docs/json-contract.md).")]
LangOption = Annotated[LangOpt, typer.Option("--lang", help="Language of the text output.")]
JurisdictionOpt = Annotated[str, typer.Option("--jurisdiction", help="Whose law applies.")]
PolicyOpt = Annotated[
    Optional[str],
    typer.Option("--policy", help="A policy id or a policy file path; default: the one in force on the date."),
]

HolidaysOpt = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--holidays",
        metavar="FILE",
        help="A holiday-year file (the State Council's notice as TOML, docs/holidays.md); repeatable. "
        "Wins over the user directory and the bundled data for its year.",
    ),
]


class UserError(Exception):
    """Bad input noticed by the CLI itself (an unparsable date)."""


def parse_date(value: str | None, option: str) -> date | None:
    from .dates import parse_iso_date

    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        shown = repr(value) if len(value) <= 40 else repr(value[:37]) + "..."
        raise UserError(f"{option}: {shown} is not a date (use YYYY-MM-DD, e.g. 2025-03-10)") from None


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


def registry() -> PolicyRegistry:
    """The bundled policy layers with the user's policy directory over them (docs/policy-format.md)."""
    from .policy import user_policies

    return user_policies()


def answer(
    kind: str, jurisdiction: str, policy: str | None, holidays: list[Path] | None = None, **fields: Any
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
        raise UserError(option_error(e)) from None
    return result, pol or reg.get(result.policy), env


def holidays_dir() -> Path:
    """Where holiday-year files are read from automatically (docs/holidays.md)."""
    from .files import user_data_dir

    return user_data_dir("LEAVECALC_HOLIDAYS_DIR", "holidays")


def calendar(files: list[Path] | None = None) -> Calendar:
    """The holiday calendar: ``--holidays`` files over the user directory over chinese-calendar."""
    from .holiday_data import user_holiday_files

    user_files, warnings = user_holiday_files(holidays_dir())
    for w in warnings:  # never ignored silently, but no reason to stop: the bundled data stands
        typer.echo(f"leavecalc: warning: {w}", err=True)
    if not files and not user_files:  # the common case: no file to read or validate
        from .holiday_calendar import bundled_calendar

        return bundled_calendar()
    from .holiday_data import build_calendar

    return build_calendar(files or [], user_files)


def emit(result: Any, as_json: bool, lang: Lang, heading: str = "") -> None:
    from . import render

    typer.echo(render.to_json(result) if as_json else render.leave_text(result, lang, heading))


@app.command()
def maternity(
    birth: BirthOpt,
    start: Annotated[Optional[str], typer.Option("--start", help="First day of leave if before the birth.")] = None,
    delivery: DeliveryOption = DeliveryOpt.normal,
    babies: BabiesOpt = 1,
    child_order: Annotated[Optional[int], typer.Option("--child-order", help="1 for her first child, 2 for the second... (where the days depend on it).")] = None,
    condition: Annotated[Optional[list[str]], typer.Option("--condition", help="A condition she meets, e.g. exclusive_breastfeeding (repeatable; where the law grants extra days for it).")] = None,
    employer_days: Annotated[Optional[int], typer.Option("--employer-days", help="The total days the employer set, where the law lets it choose within a range.")] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = LangOpt.zh,
) -> None:
    """Maternity leave: days, end date and the day back at work."""
    from .render import birth_heading

    day = parse_date(birth, "--birth")
    result, _, _ = answer(
        "maternity", jurisdiction, policy, holidays,
        birth=day, start=parse_date(start, "--start"), delivery=delivery.value, babies=babies,
        child_order=child_order, condition=condition, employer_days=employer_days,
    )
    assert day is not None  # a required option
    emit(result, as_json, lang.value, birth_heading(day, delivery.value, babies, lang.value))


@app.command()
def miscarriage(
    on: Annotated[str, typer.Option("--date", help="Date of the miscarriage or termination, YYYY-MM-DD.")],
    weeks: Annotated[Optional[int], typer.Option("--weeks", help="Completed weeks of pregnancy.")] = None,
    months: Annotated[Optional[int], typer.Option("--months", help="Completed months of pregnancy.")] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = LangOpt.zh,
) -> None:
    """Miscarriage or termination leave (流产假), by the length of the pregnancy."""
    result, _, _ = answer(
        "miscarriage", jurisdiction, policy, holidays, date=parse_date(on, "--date"), weeks=weeks, months=months
    )
    emit(result, as_json, lang.value)


@app.command("jurisdictions")
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


@policies_app.command("list")
def policies_list() -> None:
    """The bundled policies and the dates each covers."""
    for p in registry().policies:
        until = p.effective_until or "..."
        typer.echo(f"{p.id:16} {p.jurisdiction:10} {p.effective_from} to {until}  {p.title}")


@policies_app.command("show")
def policies_show(spec: Annotated[str, typer.Argument(help="A policy id or file path.")]) -> None:
    """Every number in a policy with its citation."""
    from .render import policy_text

    typer.echo(policy_text(registry().resolve(spec)))


@policies_app.command("validate")
def policies_validate(path: Annotated[str, typer.Argument(help="A policy file to check.")]) -> None:
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


@app.command()
def batch(
    source: Annotated[str, typer.Argument(help="Input file, .csv (with a header row) or .jsonl; - for stdin.")],
    output: Annotated[Optional[str], typer.Option("-o", "--output", help="Output file (.csv or .jsonl); default stdout.")] = None,
    out_format: Annotated[Optional[str], typer.Option("--format", help="Output format, csv or jsonl (default: by extension, else the input's).")] = None,
    in_format: Annotated[Optional[str], typer.Option("--input-format", help="Input format, csv or jsonl (default: by extension).")] = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=1, max=64, help="Worker processes computing rows (output order is kept). Default 1."),
    ] = 1,
    jurisdiction: JurisdictionOpt = "nanjing",
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


@app.command()
def allowance(
    avg_wage: Annotated[
        Optional[str], typer.Option("--avg-wage", help="Employer's previous-year average monthly wage (yuan).")
    ] = None,
    days: Annotated[
        Optional[int],
        typer.Option("--days", help="Allowance days, if known, 1 to 1000 (ample: the longest leave is a few hundred days; no dates: no monthly split)."),
    ] = None,
    birth: Annotated[Optional[str], typer.Option("--birth", help="Date of birth, YYYY-MM-DD (instead of --days).")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="First day of leave if before the birth.")] = None,
    delivery: DeliveryOption = DeliveryOpt.normal,
    babies: BabiesOpt = 1,
    own_wage: OwnWageOpt = None,
    uninsured: UninsuredOpt = False,
    on: Annotated[
        Optional[str], typer.Option("--on", help="With --days: the first day of leave, to choose the policy in force.")
    ] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = LangOpt.zh,
) -> None:
    """Maternity allowance (生育津贴), the employer's top-up, and the split by month."""
    from . import render

    # Defaults are passed as absent, so that with --days the kind can refuse what goes with --birth.
    result, _, _ = answer(
        "allowance", jurisdiction, policy, holidays,
        avg_wage=avg_wage, own_wage=own_wage, uninsured=uninsured or None, days=days, on=parse_date(on, "--on"),
        birth=parse_date(birth, "--birth"), start=parse_date(start, "--start"),
        delivery=None if delivery == DeliveryOpt.normal else delivery.value, babies=None if babies == 1 else babies,
    )
    typer.echo(render.to_json(result) if as_json else render.allowance_text(result, lang.value))


@app.command("pregnancy-rest")
def pregnancy_rest(
    rest_from: Annotated[str, typer.Option("--from", help="First day of pregnancy rest, YYYY-MM-DD.")],
    rest_to: Annotated[str, typer.Option("--to", help="Last day of pregnancy rest, YYYY-MM-DD; at most 300 days in all (about 10 months).")],
    pay: Annotated[str, typer.Option("--pay", help="Monthly pay agreed for the rest (yuan).")],
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = LangOpt.zh,
) -> None:
    """Pregnancy rest (保胎休息): the floor of the pay, month by month, and any shortfall."""
    from . import render

    result, _, _ = answer(
        "pregnancy_rest", jurisdiction, policy, None,
        **{"from": parse_date(rest_from, "--from"), "to": parse_date(rest_to, "--to"), "pay": pay},
    )
    typer.echo(render.to_json(result) if as_json else render.rest_text(result, lang.value))


@app.command("holidays")
def holidays_command(
    year: Annotated[int, typer.Argument(metavar="YEAR", help="The year, 2014 to 2099.")],
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = LangOpt.zh,
) -> None:
    """A year's statutory holidays, arranged rest days and make-up workdays, and where they come from."""
    from . import render
    from .holiday_data import holiday_year

    # No --jurisdiction/--policy: the holiday calendar is national and no policy bears on it.
    result = holiday_year(calendar(holidays), year)
    typer.echo(render.to_json(result) if as_json else render.holiday_year_text(result, lang.value))


@app.command()
def paternity(
    birth: BirthOpt,
    start: Annotated[Optional[str], typer.Option("--start", help="First day of paternity leave (default: the birth).")] = None,
    delivery: Annotated[DeliveryOpt, typer.Option("--delivery", help="How the baby was delivered (for the mother's leave).")] = DeliveryOpt.normal,
    babies: BabiesOpt = 1,
    mother_start: Annotated[Optional[str], typer.Option("--mother-start", help="First day of the mother's maternity leave (default: computed).")] = None,
    mother_end: Annotated[Optional[str], typer.Option("--mother-end", help="Last day of the mother's maternity leave (default: computed).")] = None,
    child_order: Annotated[Optional[int], typer.Option("--child-order", help="1 for the first child, 2 for the second... (where the father's days depend on it).")] = None,
    condition: Annotated[Optional[list[str]], typer.Option("--condition", help="A condition met, e.g. living_apart (repeatable; where the law grants extra days for it).")] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = LangOpt.zh,
) -> None:
    """Paternity leave (护理假): days, dates and the day back at work."""
    from .paternity import PaternityCase, mother_window
    from .render import t

    fields: dict[str, Any] = dict(
        birth=parse_date(birth, "--birth"), start=parse_date(start, "--start"), delivery=delivery.value, babies=babies,
        mother_start=parse_date(mother_start, "--mother-start"), mother_end=parse_date(mother_end, "--mother-end"),
        child_order=child_order, condition=condition,
    )
    result, pol, env = answer("paternity", jurisdiction, policy, holidays, **fields)
    case = PaternityCase(**{("conditions" if k == "condition" else k): v for k, v in fields.items() if v is not None})
    lo, hi = mother_window(pol, case, env.calendar)
    heading = f"{case.birth} · {t('mother_leave', lang.value)} {lo} {t('to', lang.value)} {hi}"
    emit(result, as_json, lang.value, heading)


@app.command()
def parenting(
    birth: Annotated[str, typer.Option("--birth", help="The child's date of birth, YYYY-MM-DD.")],
    start: Annotated[Optional[str], typer.Option("--start", help="First day of a block of parenting leave.")] = None,
    days: Annotated[Optional[int], typer.Option("--days", help="Days of that block (default: the year's days).")] = None,
    other_child: Annotated[
        Optional[list[str]], typer.Option("--other-child", help="Birth date of another child (repeatable).")
    ] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = LangOpt.zh,
) -> None:
    """Parenting leave (育儿假): each parent's days for every year until the child's third birthday."""
    from . import render

    result, _, _ = answer(
        "parenting", jurisdiction, policy, holidays,
        birth=parse_date(birth, "--birth"), start=parse_date(start, "--start"), days=days,
        other_child=[parse_date(o, "--other-child") for o in other_child] if other_child else None,
    )
    typer.echo(render.to_json(result) if as_json else render.parenting_text(result, lang.value))


@app.command()
def plan(
    birth: Annotated[str, typer.Option("--birth", help="Date of birth (or expected birth), YYYY-MM-DD.")],
    delivery: DeliveryOption = DeliveryOpt.normal,
    babies: BabiesOpt = 1,
    due: Annotated[Optional[str], typer.Option("--due", help="Due date (预产期), for the pregnancy protections.")] = None,
    conception: Annotated[Optional[str], typer.Option("--conception", help="Conception date, instead of --due.")] = None,
    maternity_start: Annotated[Optional[str], typer.Option("--maternity-start", help="First day of maternity leave if before the birth.")] = None,
    paternity_start: Annotated[Optional[str], typer.Option("--paternity-start", help="First day of paternity leave (default: the birth).")] = None,
    contract_end: Annotated[Optional[str], typer.Option("--contract-end", help="Last day of the mother's fixed-term contract.")] = None,
    dispute_known: Annotated[
        Optional[str], typer.Option("--dispute-known", help="Day she knew her rights were infringed (arbitration limit).")
    ] = None,
    other_child: Annotated[
        Optional[list[str]], typer.Option("--other-child", help="Birth date of another child (repeatable).")
    ] = None,
    avg_wage: Annotated[
        Optional[str], typer.Option("--avg-wage", help="Employer's previous-year average monthly wage: adds the allowance.")
    ] = None,
    own_wage: OwnWageOpt = None,
    uninsured: UninsuredOpt = False,
    ics: Annotated[Optional[str], typer.Option("--ics", help="Also write the periods to this iCalendar (.ics) file.")] = None,
    jurisdiction: JurisdictionOpt = "nanjing",
    policy: PolicyOpt = None,
    holidays: HolidaysOpt = None,
    as_json: JsonOpt = False,
    lang: LangOption = LangOpt.zh,
) -> None:
    """Both parents' timeline: pregnancy, maternity, paternity, nursing, parenting leave, protected period."""
    from . import render

    result, _, _ = answer(
        "plan", jurisdiction, policy, holidays,
        birth=parse_date(birth, "--birth"), delivery=delivery.value, babies=babies,
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

        data = plan_ics(result, datetime.now(timezone.utc), lang.value)
        from .errors import LeavecalcError

        with output_file(ics, LeavecalcError, binary=True) as f:  # written whole or not at all
            f.write(data)
    typer.echo(render.to_json(result) if as_json else render.plan_text(result, lang.value))


from .web.serve import serve  # noqa: E402  (the web desk; its heavy imports wait until it runs)

app.command("serve")(serve)

# The longest message shown: one that echoes a 100 KB argument must not print it whole.
MAX_MESSAGE = 400


def fail(message: str) -> NoReturn:
    message = " ".join(message.split("\n"))
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 3] + "..."
    typer.echo(f"leavecalc: error: {message}", err=True)
    raise SystemExit(2)


def command_for(args: list[str]) -> Any:
    """The click command to run. For `leavecalc NAME ...` it is a group holding just NAME: typer
    builds every command's options when it converts an app, and building one instead of all of
    them is a sixth of the start-up time. Usage, options, help and errors are the same."""
    name = args[0] if args else None
    wanted = [
        c
        for c in app.registered_commands
        if c.callback is not None and (c.name or typer.main.get_command_name(c.callback.__name__)) == name
    ]
    if not wanted:
        return typer.main.get_command(app)
    one = typer.Typer(name="leavecalc", add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    one.registered_commands = wanted
    return typer.main.get_group(one)


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the app and turns every expected error into one line and exit code 2."""
    from .errors import LeavecalcError, Stopped

    args = argv if argv is not None else sys.argv[1:]
    try:
        code = command_for(args).main(args=args, prog_name="leavecalc", standalone_mode=False)
    except (LeavecalcError, UserError) as e:
        fail(str(e))
    except Stopped as e:  # files were cleaned up on the way out; exit as the signal would
        typer.echo("leavecalc: stopped", err=True)
        raise SystemExit(128 + int(e.args[0])) from None
    except typer.Abort:
        fail("aborted")
    except OSError as e:
        fail(f"{e.__class__.__name__}: {e}")
    except Exception as e:
        # Usage errors of click (vendored inside newer typer, so matched by shape, not by class).
        message = getattr(e, "format_message", None)
        if message is None or not hasattr(e, "exit_code"):
            raise
        if type(e).__name__ == "NoArgsIsHelpError":
            typer.echo(message())
            raise SystemExit(0) from None
        ctx = getattr(e, "ctx", None)
        hint = f" (see: {ctx.command_path} --help)" if ctx is not None else ""
        fail(message() + hint)
    raise SystemExit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
