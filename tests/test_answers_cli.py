"""The hotline questions (issue 10, "Done when"): each answered by one command whose Chinese
output starts with the answer. Expected dates and sums worked out by hand from the articles.

Nanjing, births from 2025-01-01: 《女职工劳动保护特别规定》 art 7 gives 98 calendar days (+15
difficult birth, +15 per extra baby), then ordinance art 35 adds 60 (+15 difficult, +15 per
extra baby) with statutory holidays not counted.
"""

from __future__ import annotations

import json

import pytest

from leavecalc.cli import main

pytestmark = pytest.mark.usefixtures("chinese")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return int(e.value.code or 0), out, err


def first_line(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out.splitlines()[0]


def test_q1_when_leave_ends_and_work_resumes(capsys):
    # 98 calendar days from 2025-03-10: Mar 22 + Apr 30 + May 31 + Jun 15 = 98 -> 2025-06-15.
    # 60 more from 06-16, no statutory holiday before mid-August: Jun 15 + Jul 31 + Aug 14 = 60 -> 08-14 (Thu).
    line = first_line(capsys, "maternity", "--birth", "2025-03-10")
    assert line == "产假共158天：2025-03-10至2025-08-14，2025-08-15返岗上班。"


def test_q2_is_hrs_figure_right_short(capsys):
    # Caesarean: 98 + 15 (art 7) + 60 + 15 (art 35, "另行延长") = 188; HR's 158 is 30 short.
    line = first_line(capsys, "maternity", "--birth", "2025-03-10", "--delivery", "剖宫产", "--claimed-days", "158")
    assert line.startswith("单位按158天计算，少算30天：依法应为188天（")
    assert "第35条" in line and "第7条" in line


def test_q2_is_hrs_figure_right_correct(capsys):
    line = first_line(capsys, "maternity", "--birth", "2025-03-10", "--delivery", "cesarean", "--claimed-days", "188")
    assert line == "单位按188天计算，正确。"


def test_q2_employers_last_day_checked_both_ways(capsys):
    # 113 calendar days from 03-10 -> 06-30; 75 from 07-01, no statutory holiday: Jul 31 + Aug 31 + Sep 13 -> 09-13.
    # HR's 08-14 is 30 days early (Aug 14 -> Sep 13).
    line = first_line(capsys, "maternity", "--birth", "2025-03-10", "--delivery", "剖宫产", "--claimed-end", "2025-08-14")
    assert line.startswith("单位算的假期最后一天2025-08-14早了30天：依法应到2025-09-13（")
    line = first_line(capsys, "maternity", "--birth", "2025-03-10", "--delivery", "剖宫产", "--claimed-end", "2025-09-13")
    assert line == "单位算的假期最后一天2025-09-13正确。"


def test_q2_more_than_the_law_is_lawful(capsys):
    line = first_line(capsys, "paternity", "--birth", "2025-03-10", "--claimed-days", "20")
    assert line == "单位按20天计算，比法定的15天多5天：多给不违法。"


def test_q3_husbands_leave(capsys):
    # 15 days from the birth, statutory holidays not counted (none before 清明 04-04): 03-10 .. 03-24 (Mon).
    line = first_line(capsys, "paternity", "--birth", "2025年3月10日")
    assert line == "护理假（陪产假）共15天：2025-03-10至2025-03-24，2025-03-25返岗上班。"


def test_q3_husbands_leave_checked(capsys):
    line = first_line(capsys, "paternity", "--birth", "2025-03-10", "--claimed-days", "7")
    assert line.startswith("单位按7天计算，少算8天：依法应为15天（")


def test_q4_parenting_days_this_year(capsys):
    # Years of the child's age: 2024-05-01..2025-04-30, 2025-05-01..2026-04-30, 2026-05-01..2027-04-30;
    # 10 days each, to the day before the 3rd birthday (2027-04-30).
    line = first_line(capsys, "parenting", "--birth", "2024-05-01", "--on", "2025-11-15")
    assert line == "孩子满3周岁前（至2027-04-30），父母每人每年10天育儿假，共30天；2025-05-01至2026-04-30这一年度10天。"


def test_q4_parenting_figure_checked(capsys):
    line = first_line(capsys, "parenting", "--birth", "2024-05-01", "--on", "2025-11-15", "--claimed-days", "5")
    assert line.startswith("单位按5天计算，少算5天：依法应为10天（")


def test_q5_miscarriage_at_10_weeks(capsys):
    # 10 weeks = 2 months (4-week months) and 2 weeks: "2 to under 3 months" -> 30 calendar days (苏 122号 art 12).
    line = first_line(capsys, "miscarriage", "--date", "20250610", "--weeks", "10")
    assert line == "流产假共30天：2025-06-10至2025-07-09，2025-07-10返岗上班。"


def test_q6_allowance_and_top_up(capsys):
    # 12000 / 30 x 158 = 63200.00 from the fund; her own 15000 / 30 x 158 = 79000.00, so the employer adds 15800.00.
    code, out, _ = run(capsys, "allowance", "--avg-wage", "12000", "--birth", "2025-03-10", "--own-wage", "15000")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "生育津贴63200.00元（生育保险基金支付，158天）。"
    assert lines[1] == "本人工资高于津贴的，单位补足差额15800.00元。"


def test_q7_1500_a_month_during_rest_at_8_months(capsys):
    # Nanjing minimum wage 2490 (from 2024-01-01); floor 80% = 1992 a month; two whole months:
    # floor 3984.00, paid 3000.00, short 984.00.
    code, out, _ = run(capsys, "pregnancy-rest", "--from", "2025-09-01", "--to", "2025-10-31", "--pay", "1500")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "每月1500.00元低于法定下限（当地最低工资标准的80%）：2025-09-01至2025-10-31应至少支付3984.00元，少付984.00元，单位应补足。"
    assert lines[1].startswith("适用条件：怀孕不满3个月需要保胎休息，或怀孕7个月以上且上班确有困难")
    assert "保胎休息工资" not in out


def test_q7_pay_at_the_floor_is_lawful(capsys):
    line = first_line(capsys, "pregnancy-rest", "--from", "2025-09-01", "--to", "2025-09-30", "--pay", "1992")
    assert line == "每月1992.00元不低于法定下限（当地最低工资标准的80%）。"


def test_q8_contract_ending_while_nursing(capsys):
    # Born 2025-06-01: nursing to the day before the 1st birthday, 2026-05-31; a contract expiring
    # 2026-01-31 runs on to then (劳动合同法 art 45).
    line = first_line(capsys, "contract", "--end", "2026-01-31", "--birth", "2025-06-01")
    assert line.startswith("合同2026-01-31到期时在三期（孕期、产期、哺乳期）内：合同应顺延至2026-05-31三期结束")
    assert "第45条" in line


def test_q8_contract_ending_after_nursing_ends_then(capsys):
    line = first_line(capsys, "contract", "--end", "2026-07-31", "--birth", "2025-06-01")
    assert line.startswith("合同2026-07-31到期时不在三期内") and "至2026-05-31" in line


def test_q9_overtime_at_7_months(capsys):
    # 7 months = 28 weeks; the due date is week 40, so 12 weeks (84 days) before 2026-03-01: 2025-12-07.
    # Nursing (estimated from the due date) to 2027-02-28, the day before the 1st birthday.
    code, out, _ = run(capsys, "overtime", "--due", "2026-03-01")
    assert code == 0
    assert out.splitlines()[0] == "从2025-12-07（怀孕满7个月）起至2027-02-28（孩子满1周岁前一天），单位不得安排加班和夜班。"
    assert "按预产期2026-03-01的估算" in out


def test_q10_nursing_time_for_twins(capsys):
    # 619号 art 9: 1 hour a working day, +1 per extra baby: 2 hours; to 2026-05-31.
    line = first_line(capsys, "lactation", "--birth", "2025-06-01", "--babies", "2")
    assert line == "2个婴儿：每个工作日哺乳时间2小时，至2026-05-31（孩子满1周岁前一天）。"


def test_q11_spring_festival_extends_the_leave(capsys):
    # 98 days from 2025-10-01 -> 2026-01-06; 60 from 01-07 -> 03-07 counting every day, but 除夕 02-16
    # and 春节 02-17..02-19 are statutory (4 days, not counted) -> 03-11 (Wed).
    line = first_line(capsys, "maternity", "--birth", "2025-10-01")
    assert line == "产假共158天（其中4天法定节假日不计入，假期相应顺延：除夕、春节）：2025-10-01至2026-03-11，2026-03-12返岗上班。"


def test_q12_due_next_january_is_an_estimate(capsys):
    # 98 days from 2027-01-15 -> 04-22; 60 from 04-23 -> 06-21, plus 05-01, 05-02 and 端午 06-09 -> 06-24.
    code, out, _ = run(capsys, "maternity", "--due", "2027-01-15")
    assert code == 0
    assert out.startswith("按预产期2027-01-15估算：产假共158天（其中3天法定节假日不计入")
    assert "2027-01-15至2027-06-24" in out.splitlines()[0] and "以实际出生日为准" in out.splitlines()[0]


def test_q13_arbitration_deadline_after_a_dismissal(capsys):
    # One year from 2025-09-01, counted from the next day: 2026-09-01, a Tuesday (a working day).
    line = first_line(capsys, "arbitration", "--known", "2025-09-01")
    assert line == "最迟在2026-09-01（含当日）申请劳动仲裁：时效1年，从2025-09-01知道或应当知道权利被侵害时起算。"


def test_q13_dismissal_in_the_protected_period(capsys):
    code, out, _ = run(capsys, "dismissal", "--date", "2025-09-01", "--birth", "2025-06-01", "--reason", "no_fault")
    assert code == 0
    assert out.splitlines()[0].startswith("2025-09-01在三期内（至2026-05-31）：以“非过失性辞退")
    assert "第48条" in out and "第87条" in out and "2026-09-01" in out and "12348" in out


def test_q13_dismissal_for_cause_may_be_lawful(capsys):
    line = first_line(capsys, "dismissal", "--date", "2025-09-01", "--birth", "2025-06-01", "--reason", "for_cause")
    assert "仍可能合法" in line


def test_q14_leave_started_20_days_before_the_birth(capsys):
    # Only 15 days before the birth count (art 7): from 2025-02-23. 98 days -> 05-31 (端午 counted: calendar
    # days); 60 from 06-01 -> 07-30. 02-18..02-22 (5 days) need other leave, e.g. pregnancy rest (art 37).
    code, out, _ = run(capsys, "maternity", "--birth", "2025-03-10", "--start", "2025-02-18")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "产假共158天：2025-02-23至2025-07-30，2025-07-31返岗上班。"
    assert lines[1].startswith("2025-02-18至2025-02-22这5天不算产假：产假最多在产前15天开始（")
    assert "第37条" in lines[1]


def test_chinese_answers_name_no_policy_id_path_or_option(capsys):
    for args in (
        ["maternity", "--birth", "2025-03-10", "--claimed-days", "150"],
        ["dismissal", "--date", "2025-09-01", "--birth", "2025-06-01"],
        ["pregnancy-rest", "--from", "2025-09-01", "--to", "2025-10-31", "--pay", "1500"],
    ):
        _, out, _ = run(capsys, *args)
        assert "nanjing_20" not in out and "--" not in out and ".toml" not in out


def test_json_of_a_leave_is_the_engine_result(capsys):
    # --json keeps the contract payroll parses (docs/json-contract.md), whatever the answer says.
    code, out, _ = run(capsys, "maternity", "--birth", "2025-03-10", "--claimed-days", "150", "--json")
    assert code == 0 and json.loads(out)["total_days"] == 158


def test_json_of_a_question_without_an_engine_result_is_the_answer(capsys):
    code, out, _ = run(capsys, "arbitration", "--known", "2025-09-01", "--json")
    data = json.loads(out)
    assert code == 0 and data["question"] == "arbitration" and data["key_dates"][1]["date"] == "2026-09-01"


# ---------------------------------------------------------------- Chinese-first command line

def test_help_is_in_chinese(capsys):
    code, out, _ = run(capsys, "maternity", "--help")
    assert code == 0 and out.startswith("用法：leavecalc maternity") and "选项：" in out and "出生日期" in out
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "命令：" in out and "产假" in out


def test_help_in_english_on_request(capsys):
    code, out, _ = run(capsys, "maternity", "--help", "--lang", "en")
    assert code == 0 and out.startswith("Usage: leavecalc maternity") and "Date of birth" in out


def test_english_locale_gives_english(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    line = first_line(capsys, "maternity", "--birth", "2025-03-10")
    assert line == "Maternity leave: 158 days, 2025-03-10 to 2025-08-14; back at work on 2025-08-15."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["maternity", "--birth", "2025-13-01"], "--birth：“2025-13-01”不是日期"),
        (["maternity"], "请给出出生日期 --birth 或预产期 --due"),
        (["maternity", "--birth", "2025-03-10", "--delivery", "顺转剖"], "“顺转剖”不是分娩方式"),
        (["maternity", "--birth", "2025-03-10", "--babies", "x"], "--babies 的值无效：应为整数"),
        (["maternity", "--birth", "2025-03-10", "--nope"], "没有这个选项：--nope"),
        (["paternity"], "缺少选项 --birth"),
        (["dismissal", "--date", "2025-09-01", "--birth", "2025-06-01", "--reason", "x"], "不是可选的理由"),
    ],
)
def test_errors_are_in_chinese(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("leavecalc: error: ") and message in err


@pytest.mark.parametrize("text", ["2025-03-10", "2025-3-10", "2025/3/10", "2025/03/10", "2025年3月10日", "2025年3月10", "20250310"])
def test_every_date_form(capsys, text):
    line = first_line(capsys, "maternity", "--birth", text)
    assert line == "产假共158天：2025-03-10至2025-08-14，2025-08-15返岗上班。"


@pytest.mark.parametrize(("word", "days"), [("顺产", 158), ("剖宫产", 188), ("助产", 188), ("难产", 188), ("cesarean", 188)])
def test_delivery_in_chinese(capsys, word, days):
    line = first_line(capsys, "maternity", "--birth", "2025-03-10", "--delivery", word)
    assert line.startswith(f"产假共{days}天")


def test_parenting_after_the_age_limit_says_it_has_passed(capsys):
    # Born 2022-03-01 (Nanjing 2023 rules): to 2025-02-28; on 2025-06-01 it has passed.
    line = first_line(capsys, "parenting", "--birth", "2022-03-01", "--on", "2025-06-01")
    assert line == "孩子满3周岁前（至2025-02-28），父母每人每年10天育儿假，共30天；到2025-06-01已过期，育儿假不再享有。"
