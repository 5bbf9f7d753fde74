"""Holiday-year files: the format's rules, loading and precedence, and the `holidays` command."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leavecalc.cli import main
from leavecalc.errors import CalendarError
from leavecalc.holiday_data import build_calendar, holiday_year, load_holiday_file, parse_holiday_file
from leavecalc.holiday_calendar import Arrangement, Calendar, HolidayName
from leavecalc.maternity import MaternityCase, maternity_leave
from leavecalc.miscarriage import MiscarriageCase, miscarriage_leave
from leavecalc.policy import Policy

from .conftest import d

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_2026 = ROOT / "examples" / "holidays-2026.toml"
FIXTURE_2027 = ROOT / "tests" / "data" / "holidays-2027-example.toml"


@pytest.fixture(scope="module")
def with_2026_file() -> Calendar:
    return build_calendar([EXAMPLE_2026])


@pytest.fixture(scope="module")
def with_2027_file() -> Calendar:
    return build_calendar([FIXTURE_2027])


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


# ---------------------------------------------------------------- the shipped example

def test_the_example_file_validates(calendar: Calendar) -> None:
    arr = load_holiday_file(EXAMPLE_2026, calendar.law)
    assert arr.year == 2026
    assert arr.source.startswith(f"{EXAMPLE_2026}: 国务院办公厅关于2026年部分节假日安排的通知")
    assert arr.statutory is None  # statutory days come from the law


def test_the_2026_file_gives_the_bundled_answers(calendar: Calendar, with_2026_file: Calendar) -> None:
    assert with_2026_file.arrangements[2026].source != calendar.arrangements[2026].source
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert with_2026_file.is_workday(day) == calendar.is_workday(day), day
        day += timedelta(days=1)
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert with_2026_file.statutory_between(*year) == calendar.statutory_between(*year)
    assert dict(with_2026_file.arrangements[2026].workdays).keys() == dict(calendar.arrangements[2026].workdays).keys()
    assert dict(with_2026_file.arrangements[2026].rest_days).keys() == dict(calendar.arrangements[2026].rest_days).keys()


# Births whose leave ends just before, or inside, a 2026 block, or whose return is a make-up workday.
@pytest.mark.parametrize(
    ("birth", "delivery"),
    [("2025-07-27", "normal"), ("2025-08-10", "cesarean"), ("2025-09-18", "normal"),
     ("2025-10-20", "cesarean"), ("2026-03-26", "cesarean"), ("2026-04-01", "cesarean")],
)
def test_maternity_is_the_same_on_bundled_and_supplied_2026(
    nj2025: Policy, calendar: Calendar, with_2026_file: Calendar, birth: str, delivery: str
) -> None:
    case = MaternityCase(birth=d(birth), delivery=delivery)  # type: ignore[arg-type]
    bundled, supplied = maternity_leave(nj2025, case, calendar), maternity_leave(nj2025, case, with_2026_file)
    assert bundled.return_to_work.year == 2026
    assert (supplied.end, supplied.return_to_work, supplied.provisional) == (
        bundled.end,
        bundled.return_to_work,
        bundled.provisional,
    )
    assert str(EXAMPLE_2026) in supplied.holiday_data[-1].source


# ---------------------------------------------------------------- a supplied year makes a result final

def test_a_supplied_2027_turns_a_provisional_maternity_result_final(
    nj2025: Policy, calendar: Calendar, with_2027_file: Calendar
) -> None:
    # Birth 2026-08-30, normal: 98 calendar days run to 2026-12-05 (Aug 30..31 = 2, Sep 30, Oct 31,
    # Nov 30, Dec 1..5 = 5: 98). The 60 Nanjing days start 2026-12-06 and skip 2027-01-01 only:
    # Dec 6..31 = 26 + Jan 31 + Feb 1..4 = 4 is 61 days less 1 statutory = 60, ending Thu 2027-02-04.
    case = MaternityCase(birth=d("2026-08-30"))
    estimated = maternity_leave(nj2025, case, calendar)
    final = maternity_leave(nj2025, case, with_2027_file)
    assert estimated.end == final.end == d("2027-02-04")
    # Without 2027 data: Fri 2-5 除夕, Sat, Sun, Mon 2-8 春节 are off; back Tue 2027-02-09, provisional.
    assert (estimated.return_to_work, estimated.provisional) == (d("2027-02-09"), True)
    assert [w.code for w in estimated.warnings] == ["arrangement_missing"]
    # The example file frees Tue 2-9 to Fri 2-12 (block 2-5..2-13); Sun 2-14 is a weekend: back Mon 2-15.
    assert (final.return_to_work, final.provisional) == (d("2027-02-15"), False)
    assert final.warnings == []
    [data] = final.holiday_data
    assert (data.year, data.estimated) == (2027, False)
    assert data.source.startswith(f"{FIXTURE_2027}: EXAMPLE, not an official notice")


def test_a_supplied_years_rest_days_move_a_miscarriage_return(nj2025: Policy, calendar: Calendar, with_2027_file: Calendar) -> None:
    # 14 weeks = 3.5 months: the 3-7 months tier, 42 calendar days. From Sat 2027-03-20:
    # Mar 20..31 = 12 + Apr 1..30 = 30 = 42, ending Fri 2027-04-30.
    case = MiscarriageCase(date=d("2027-03-20"), weeks=14)
    # Estimate: Sat 5-1 and Sun 5-2 (statutory, a weekend anyway), back Mon 5-3, provisional.
    estimated = miscarriage_leave(nj2025, case, calendar)
    assert (estimated.end, estimated.return_to_work, estimated.provisional) == (d("2027-04-30"), d("2027-05-03"), True)
    # The example file's 劳动节 block 5-1..5-5 frees Mon 5-3 to Wed 5-5: back Thu 5-6, final.
    final = miscarriage_leave(nj2025, case, with_2027_file)
    assert (final.end, final.return_to_work, final.provisional) == (d("2027-04-30"), d("2027-05-06"), False)
    # Its make-up Saturday 5-8 is worked; the estimate has it as a weekend.
    assert with_2027_file.is_workday(d("2027-05-08")) == (True, True)
    assert calendar.is_workday(d("2027-05-08")) == (False, False)


# ---------------------------------------------------------------- user directory and precedence

def test_the_user_directory_is_read_and_a_holidays_file_wins_over_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The user's own 2027 file ends the Spring Festival block on Wed 2-10: back Thu 2-11.
    shorter = FIXTURE_2027.read_text(encoding="utf-8").replace("rest_to = 2027-02-13", "rest_to = 2027-02-10")
    (tmp_path / "2027.toml").write_text(shorter, encoding="utf-8")
    monkeypatch.setenv("LEAVECALC_HOLIDAYS_DIR", str(tmp_path))
    args = ("maternity", "--birth", "2026-08-30", "--json")
    code, out, _ = run(capsys, *args)
    r = json.loads(out)
    assert (code, r["return_to_work"], r["provisional"]) == (0, "2027-02-11", False)
    assert r["holiday_data"][0]["source"].startswith(str(tmp_path / "2027.toml"))
    code, out, _ = run(capsys, *args, "--holidays", str(FIXTURE_2027))
    r = json.loads(out)
    assert (code, r["return_to_work"]) == (0, "2027-02-15")
    assert r["holiday_data"][0]["source"].startswith(str(FIXTURE_2027))


def test_the_xdg_data_directory_is_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "leavecalc" / "holidays"
    folder.mkdir(parents=True)
    (folder / "holidays-2027.toml").write_text(FIXTURE_2027.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.delenv("LEAVECALC_HOLIDAYS_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr("sys.platform", "linux")
    code, out, _ = run(capsys, "miscarriage", "--date", "2027-03-20", "--weeks", "14", "--json")
    assert (code, json.loads(out)["return_to_work"]) == (0, "2027-05-06")


def test_two_files_for_one_year_at_one_rank_are_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    copy = tmp_path / "copy-2026.toml"
    copy.write_bytes(EXAMPLE_2026.read_bytes())
    code, _, err = run(capsys, "holidays", "2026", "--holidays", str(EXAMPLE_2026), "--holidays", str(copy))
    assert code == 2
    assert "two holiday files give 2026" in err


def test_the_same_holiday_file_given_twice_is_one_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Issue 11: --holidays F --holidays F (or F and a link to it) is not a conflict.
    link = tmp_path / "link.toml"
    link.symlink_to(EXAMPLE_2026)
    for second in (EXAMPLE_2026, link):
        code, _, err = run(capsys, "holidays", "2026", "--holidays", str(EXAMPLE_2026), "--holidays", str(second))
        assert code == 0, err


def test_a_broken_file_in_the_user_directory_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.toml").write_text("year = 2027\n", encoding="utf-8")
    monkeypatch.setenv("LEAVECALC_HOLIDAYS_DIR", str(tmp_path))
    code, _, err = run(capsys, "maternity", "--birth", "2026-08-30")
    assert code == 2
    assert f"holiday file {tmp_path / 'bad.toml'}: source: Field required" in err


# ---------------------------------------------------------------- validation, one rule at a time

def broken(*changes: tuple[str, str]) -> str:
    text = EXAMPLE_2026.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    return text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # A make-up workday on a weekday: 2026-02-16 is a Monday.
        ([("work = [2026-02-14, 2026-02-28]", "work = [2026-02-14, 2026-02-16]")],
         "holiday[2].work[2] (春节): 2026-02-16 is a Monday; a make-up workday (调休上班) must be a Saturday or Sunday"),
        # Both rest and work: Sat 2026-02-21 is inside the 春节 block.
        ([("work = [2026-02-14, 2026-02-28]", "work = [2026-02-14, 2026-02-21]")],
         "holiday[2].work[2] (春节): 2026-02-21 is also a rest day of holiday[2] (春节); a day cannot be both rest and work"),
        # A statutory day cannot be worked: Sat 2026-10-03 is 国庆节 (the block made to start 10-04).
        ([("rest_from = 2026-10-01", "rest_from = 2026-10-04"),
          ("work = [2026-09-20, 2026-10-10]", "work = [2026-09-20, 2026-10-03]")],
         "holiday[7].work[2] (国庆节): 2026-10-03 is a statutory holiday (国庆节) and cannot be a make-up workday"),
        # The same make-up workday twice.
        ([("work = [2026-05-09]", "work = [2026-02-14]")],
         "holiday[4].work[1] (劳动节): 2026-02-14 is listed twice as a make-up workday"),
        # A date outside the year: the 元旦 block moved to 2027.
        ([("rest_from = 2026-01-01", "rest_from = 2027-01-01"), ("rest_to = 2026-01-03", "rest_to = 2027-01-03")],
         "holiday[1] (元旦).rest_from: the rest days 2027-01-01 to 2027-01-03 are not in 2026"),
        # A make-up workday far outside the year.
        ([("work = [2026-01-04]", "work = [2025-11-01]")],
         "holiday[1].work[1] (元旦): 2025-11-01 is outside 2026"),
        # A block crossing the turn of the year may reach back into December only.
        ([("rest_from = 2026-01-01", "rest_from = 2025-11-29")],
         "holiday[1] (元旦).rest_from: 2025-11-29 is outside 2026"),
        # Rest days the wrong way round.
        ([("rest_to = 2026-04-06", "rest_to = 2026-04-01")],
         "holiday[3] (清明节).rest_to: 2026-04-01 is before rest_from 2026-04-04"),
        # Two blocks sharing a day.
        ([("rest_to = 2026-09-27", "rest_to = 2026-10-01")],
         "holiday[7] (国庆节): its rest days overlap holiday[6] (中秋节) on 2026-10-01"),
        # A year outside the law's range.
        ([("year = 2026", "year = 2100")], "year: no statutory-holiday data for 2100"),
        # Unknown keys are refused (a typo must not be silently ignored).
        ([("published = 2025-11-04", "published = 2025-11-04\npublisher = \"国务院办公厅\"")],
         "source.publisher: Extra inputs are not permitted"),
        # A required key missing.
        ([("rest_to = 2026-06-21", "")], "holiday[5].rest_to: Field required"),
        # A date that is not a date.
        ([("rest_to = 2026-06-21", "rest_to = \"June 21\"")], "holiday[5].rest_to: Input should be a valid date"),
        # Not TOML at all.
        ([("year = 2026", "year = = 2026")], "not valid TOML"),
    ],
)
def test_each_rule_rejects_a_broken_file_naming_the_field(
    calendar: Calendar, changes: list[tuple[str, str]], message: str
) -> None:
    with pytest.raises(CalendarError) as e:
        parse_holiday_file(broken(*changes), "h.toml", calendar.law)
    assert str(e.value).startswith("holiday file h.toml: ")
    assert message in str(e.value)


STATUTORY_2026 = """
[[statutory]]
name = "元旦"
name_en = "New Year's Day"
dates = [2026-01-01]

[[statutory]]
name = "春节"
name_en = "Spring Festival"
dates = [2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19]

[[statutory]]
name = "其他"
name_en = "others"
dates = [2026-04-05, 2026-05-01, 2026-05-02, 2026-06-19, 2026-09-25, 2026-10-01, 2026-10-02, {last}]
"""


def test_statutory_days_given_must_be_the_laws_count(calendar: Calendar) -> None:
    # The law in force in 2026 has 13 days; these are 13 with 10-03, 12 without it.
    text = EXAMPLE_2026.read_text(encoding="utf-8")
    ok = parse_holiday_file(text + STATUTORY_2026.format(last="2026-10-03"), "h.toml", calendar.law)
    assert ok.statutory is not None and len(ok.statutory) == 13
    short = STATUTORY_2026.replace(", {last}", "")
    with pytest.raises(CalendarError, match=re.escape("statutory: 12 days given, but the law in force in 2026")):
        parse_holiday_file(text + short, "h.toml", calendar.law)
    with pytest.raises(CalendarError, match=re.escape("statutory[3].dates[8]: 2027-10-03 is not in 2026")):
        parse_holiday_file(text + STATUTORY_2026.format(last="2027-10-03"), "h.toml", calendar.law)
    with pytest.raises(CalendarError, match=re.escape("statutory[3].dates[8]: 2026-10-02 is listed twice")):
        parse_holiday_file(text + STATUTORY_2026.format(last="2026-10-02"), "h.toml", calendar.law)


def test_statutory_days_given_replace_the_laws_for_counting(calendar: Calendar) -> None:
    # A file moving 中秋 from 9-25 to 9-24 (hypothetical): a leave skipping statutory days now skips 9-24.
    example = EXAMPLE_2026.read_text(encoding="utf-8").replace("rest_from = 2026-09-25", "rest_from = 2026-09-24")
    text = example + STATUTORY_2026.format(last="2026-10-03").replace("2026-09-25,", "2026-09-24,")
    moved = Calendar(calendar.law, {2026: parse_holiday_file(text, "h.toml", calendar.law)})
    # 2 counted days from Thu 9-24: 9-24 is statutory there, so they are 9-25 and 9-26.
    assert moved.advance(d("2026-09-24"), 2, "skip_statutory") == d("2026-09-26")
    # Under the law 9-25 is the statutory day: 9-24 and 9-26.
    assert calendar.advance(d("2026-09-24"), 2, "skip_statutory") == d("2026-09-26")
    assert moved.statutory_name(d("2026-09-24")) is not None and calendar.statutory_name(d("2026-09-24")) is None


# ---------------------------------------------------------------- a block over the turn of the year

# The 2027 example with its 元旦 block starting in December: Thu 2026-12-31 to Sun 2027-01-03,
# Sun 2026-12-27 worked (both in the year before).
NEW_YEAR_2027 = FIXTURE_2027.read_text(encoding="utf-8").replace(
    "rest_from = 2027-01-01  # Fri\nrest_to = 2027-01-03    # Sun",
    "rest_from = 2026-12-31\nrest_to = 2027-01-03\nwork = [2026-12-27]",
)
assert "work = [2026-12-27]" in NEW_YEAR_2027


def test_a_block_may_start_in_december_of_the_year_before(calendar: Calendar) -> None:
    arr = parse_holiday_file(NEW_YEAR_2027, "ny.toml", calendar.law)
    cal = Calendar(calendar.law, {**calendar.arrangements, 2027: arr})
    # 2026's own data (chinese-calendar) says nothing about Thu 12-31 or Sun 12-27: the 2027 notice does.
    assert calendar.is_workday(d("2026-12-31")) == (True, True)
    assert cal.is_workday(d("2026-12-31")) == (False, True)
    assert cal.is_workday(d("2026-12-27")) == (True, True)
    # 42 calendar days from 2026-11-19 end Wed 2026-12-30 (Nov 19..30 = 12, Dec 1..30 = 30).
    # Back Thu 12-31 by 2026's data alone; with the 2027 block, 12-31 to 1-3 are off: back Mon 2027-01-04.
    listing = holiday_year(cal, 2026)
    assert [(x.date, x.name) for x in listing.rest_days][-1] == (d("2026-12-31"), "元旦")
    assert d("2026-12-27") in [x.date for x in listing.workdays]
    back = cal.return_day(d("2026-12-30"))
    assert back.day == d("2027-01-04") and back.estimated_years == ()


# ---------------------------------------------------------------- `leavecalc holidays YEAR`

def test_holidays_says_plainly_when_a_year_is_not_published(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "holidays", "2027", "--json")
    r = json.loads(out)
    assert code == 0 and r["estimated"] is True
    assert (r["rest_days"], r["workdays"]) == ([], [])
    assert [x["date"] for x in r["statutory"]][:5] == ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"]
    assert [w["code"] for w in r["warnings"]] == ["arrangement_missing"]
    code, out, _ = run(capsys, "holidays", "2027", "--lang", "zh")
    assert "放假调休安排来源: 未公布或未提供，按周末和法定节假日估算" in out
    assert "2027年的放假调休安排尚未公布（或未提供）" in out and "无" in out


def test_holidays_lists_a_supplied_year_with_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "holidays", "2027", "--holidays", str(FIXTURE_2027), "--json")
    r = json.loads(out)
    # 2027 is supplied; 2028 is not, so the last days of December 2027 may still move.
    assert code == 0 and r["estimated"] is False and [w["code"] for w in r["warnings"]] == ["next_year_missing"]
    # 春节 block 2-5..2-13: its weekdays that are not statutory are Tue 2-9 .. Fri 2-12.
    rest = [x["date"] for x in r["rest_days"] if x["name"] == "春节"]
    assert rest == ["2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"]
    assert [x["date"] for x in r["workdays"]] == ["2027-02-20", "2027-04-25", "2027-05-08", "2027-09-26", "2027-10-09"]
    assert r["source"].startswith(str(FIXTURE_2027))
    code, out, _ = run(capsys, "holidays", "2027", "--holidays", str(FIXTURE_2027), "--lang", "en")
    assert "2027-02-09 (Tue) Spring Festival" in out and "Make-up workdays" in out


def test_holidays_names_the_bundled_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "holidays", "2026", "--lang", "en")
    assert code == 0
    assert re.search(r"Arrangement from: chinese-calendar \d", out)
    assert "2026-10-10 (Sat) National Day" in out


@pytest.mark.parametrize("year", ["2013", "2100"])
def test_holidays_outside_the_laws_years_is_a_clean_error(capsys: pytest.CaptureFixture[str], year: str) -> None:
    code, out, err = run(capsys, "holidays", year)
    assert (code, out) == (2, "")
    assert err == f"leavecalc: error: no statutory-holiday data for {year}: leavecalc covers 2014 to 2099\n"


def test_a_block_may_run_into_january_of_the_year_after(calendar: Calendar) -> None:
    # A 2026 block from Thu 2026-12-31 to Mon 2027-01-04, with no 2027 arrangement anywhere.
    text = broken(("rest_to = 2026-10-07", "rest_to = 2026-10-07\n\n[[holiday]]\nname = \"元旦\"\nname_en = \"New Year's Day\"\n"
                   "rest_from = 2026-12-31\nrest_to = 2027-01-04"))
    cal = Calendar(calendar.law, {2026: parse_holiday_file(text, "h.toml", calendar.law)})
    assert cal.is_workday(d("2026-12-31")) == (False, True)
    assert cal.is_workday(d("2027-01-04")) == (False, True)  # the 2026 notice's word for this day
    assert cal.is_workday(d("2027-01-05")) == (True, False)  # 2027 itself is still estimated
    with pytest.raises(CalendarError, match=re.escape("rest_to: 2027-02-01 is outside 2026")):
        parse_holiday_file(text.replace("rest_to = 2027-01-04", "rest_to = 2027-02-01"), "h.toml", calendar.law)


def test_a_years_own_arrangement_wins_over_a_neighbour_reaching_into_it(calendar: Calendar) -> None:
    def name(zh: str) -> HolidayName:
        return HolidayName(zh, zh)

    own = Arrangement(2026, "2026 notice", {}, {d("2026-12-27"): name("元旦")})
    neighbour = Arrangement(2027, "2027 notice", {d("2026-12-27"): name("元旦"), d("2026-12-28"): name("元旦")}, {})
    cal = Calendar(calendar.law, {2026: own, 2027: neighbour})
    assert cal.is_workday(d("2026-12-27")) == (True, True)  # 2026's notice lists Sun 12-27 as worked
    assert cal.is_workday(d("2026-12-28")) == (False, True)  # 2026's says nothing of Mon 12-28


@settings(max_examples=25, deadline=None)
@given(
    blocks=st.lists(st.tuples(st.integers(0, 364), st.integers(1, 9)), min_size=1, max_size=8),
    work=st.lists(st.integers(0, 364), max_size=8),
)
def test_a_valid_file_makes_exactly_its_blocks_off_and_its_make_up_days_worked(
    calendar: Calendar, blocks: list[tuple[int, int]], work: list[int]
) -> None:
    jan1 = date(2027, 1, 1)
    ranges: list[tuple[date, date]] = []
    for start, length in sorted(blocks):
        first, last = jan1 + timedelta(days=start), min(jan1 + timedelta(days=start + length - 1), date(2027, 12, 31))
        if not ranges or first > ranges[-1][1]:
            ranges.append((first, last))
    statutory = {day for day, _ in calendar.statutory_between(jan1, date(2027, 12, 31))}
    covered = {first + timedelta(days=i) for first, last in ranges for i in range((last - first).days + 1)}
    ranges = sorted(ranges + [(day, day) for day in statutory - covered])  # a notice gives every festival a block
    off = {first + timedelta(days=i) for first, last in ranges for i in range((last - first).days + 1)}
    made_up = sorted({jan1 + timedelta(days=w) for w in work} - off - statutory)
    made_up = [day for day in made_up if day.weekday() >= 5]
    text = 'year = 2027\n[source]\ntitle = "EXAMPLE (generated)"\npublished = 2026-11-22\n'
    for i, (first, last) in enumerate(ranges):
        days_worked = ", ".join(map(str, made_up)) if i == 0 else ""
        text += f'[[holiday]]\nname = "h{i}"\nname_en = "h{i}"\nrest_from = {first}\nrest_to = {last}\nwork = [{days_worked}]\n'
    cal = Calendar(calendar.law, {2027: parse_holiday_file(text, "gen.toml", calendar.law)})
    for i in range(365):
        day = jan1 + timedelta(days=i)
        worked = day in made_up or (day not in off and day.weekday() < 5 and day not in statutory)
        assert cal.is_workday(day) == (worked, True), day


# ---------------------------------------------------------------- review findings: no silent guesses

@pytest.mark.parametrize("year", ["0", "10000", "99999999999999999999"])
def test_absurd_years_are_a_clean_error(capsys: pytest.CaptureFixture[str], year: str) -> None:
    code, out, err = run(capsys, "holidays", year)
    assert (code, out) == (2, "") and err.startswith("leavecalc: error: no statutory-holiday data for")


def test_negative_year_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "holidays", "--", "-5")
    assert code == 2 and "no statutory-holiday data for -5" in err


@pytest.mark.parametrize(("year", "fragment"), [("0", "year: no statutory-holiday data for 0"), ('"2027"', "year: Input should be a valid integer")])
def test_a_file_year_must_be_a_year_leavecalc_knows(calendar: Calendar, year: str, fragment: str) -> None:
    text = FIXTURE_2027.read_text(encoding="utf-8").replace("year = 2027", f"year = {year}")
    with pytest.raises(CalendarError, match=re.escape(fragment)):
        parse_holiday_file(text, "y.toml", calendar.law)


def test_a_file_missing_a_festival_is_rejected(calendar: Calendar) -> None:
    # Only the 元旦 block: a notice gives every festival a block, so this one is incomplete and must
    # not make 2027's dates final.
    text = FIXTURE_2027.read_text(encoding="utf-8")
    partial = text[: text.index('[[holiday]]\nname = "春节"')]
    with pytest.raises(CalendarError, match=re.escape("the statutory holiday 2027-02-05 (除夕) is in no [[holiday]] block")):
        parse_holiday_file(partial, "partial.toml", calendar.law)


def test_statutory_days_unlike_the_laws_are_named_in_every_result(nj2025: Policy, calendar: Calendar) -> None:
    # The file moves 中秋 2026 from 9-25 to 9-24 (hypothetical): results counting through 2026 say so.
    example = EXAMPLE_2026.read_text(encoding="utf-8").replace("rest_from = 2026-09-25", "rest_from = 2026-09-24")
    text = example + STATUTORY_2026.format(last="2026-10-03").replace("2026-09-25,", "2026-09-24,")
    moved = Calendar(calendar.law, {**calendar.arrangements, 2026: parse_holiday_file(text, "moved.toml", calendar.law)})
    r = maternity_leave(nj2025, MaternityCase(birth=d("2026-06-01")), moved)
    assert "statutory_override" in [w.code for w in r.warnings]
    assert "moved.toml" in next(w.zh for w in r.warnings if w.code == "statutory_override")
    plain = maternity_leave(nj2025, MaternityCase(birth=d("2026-06-01")), calendar)
    assert "statutory_override" not in [w.code for w in plain.warnings]


def test_a_return_in_late_december_waits_for_next_years_notice(nj2025: Policy, calendar: Calendar) -> None:
    # 42 days from 2026-11-19 (14 weeks): Nov 19..30 = 12, Dec 1..30 = 30 -> ends Wed 12-30; back Thu
    # 12-31 by 2026's data, but the 2027 notice (unpublished) could still make 12-31 a rest day.
    r = miscarriage_leave(nj2025, MiscarriageCase(date=d("2026-11-19"), weeks=14), calendar)
    assert (r.end, r.return_to_work) == (d("2026-12-30"), d("2026-12-31"))
    assert r.provisional and [w.code for w in r.warnings] == ["arrangement_missing"]
    # With a 2027 notice supplied the same date is final.
    final = miscarriage_leave(nj2025, MiscarriageCase(date=d("2026-11-19"), weeks=14), build_calendar([FIXTURE_2027]))
    assert final.return_to_work == d("2026-12-31") and not final.provisional
    # A return well before the end of December does not wait: 42 days from 2026-11-01 end 12-12 (Sat),
    # back Mon 12-14.
    early = miscarriage_leave(nj2025, MiscarriageCase(date=d("2026-11-01"), weeks=14), calendar)
    assert early.return_to_work == d("2026-12-14") and not early.provisional


def test_holidays_of_a_known_year_warns_when_the_next_is_not_out(capsys: pytest.CaptureFixture[str]) -> None:
    # 2026 is published (bundled), 2027 is not: the last days of December 2026 may still move.
    code, out, _ = run(capsys, "holidays", "2026", "--json")
    assert code == 0 and [w["code"] for w in json.loads(out)["warnings"]] == ["next_year_missing"]
    code, out, _ = run(capsys, "holidays", "2026", "--holidays", str(FIXTURE_2027), "--json")
    assert json.loads(out)["warnings"] == []
    code, out, _ = run(capsys, "holidays", "2025", "--json")
    assert json.loads(out)["warnings"] == []
