"""The answers layer as a library: frozen, JSON-serialisable, worded in both languages, a short
summary, where to go by jurisdiction."""

from __future__ import annotations

import json
from datetime import date

import pytest

import leavecalc as lc
from leavecalc.answers import Pregnancy, ground_for, REASONS
from leavecalc.where_to_go import offices


def test_answer_is_frozen_and_round_trips_through_json(nj2025, calendar):
    a = lc.maternity_answer(nj2025, lc.MaternityCase(birth=date(2025, 3, 10), delivery="cesarean"), calendar, claimed_days=158)
    with pytest.raises(Exception):
        a.status = "correct"  # type: ignore[misc]
    data = json.loads(a.model_dump_json())
    assert lc.Answer.model_validate(data) == a
    assert data["status"] == "wrong" and data["verdict"]["code"] == "check.days_short"
    # 98 + 15 + 60 + 15 = 188; the parameters are there for a front end that words it itself.
    params = {p["name"]: p["zh"] for p in data["verdict"]["params"]}
    assert params["legal"] == "188" and params["diff"] == "30"
    assert {"verdict", "key_dates", "articles", "warnings", "readings", "remedies", "where_to_go"} <= set(data)


def test_every_answer_has_both_languages(nj2025, calendar):
    a = lc.dismissal_answer(nj2025, Pregnancy(birth=date(2025, 6, 1)), date(2025, 9, 1), calendar, "layoff")
    for m in [a.verdict, *a.details, *a.remedies, *a.warnings, *a.readings, *a.key_dates]:
        assert m.zh and m.en and m.zh != m.en


def test_summary_is_at_most_ten_lines(nj2025, calendar):
    a = lc.dismissal_answer(nj2025, Pregnancy(birth=date(2025, 6, 1)), date(2025, 9, 1), calendar)
    for lang in ("zh", "en"):
        lines = lc.summary_text(a, lang).splitlines()
        assert 3 <= len(lines) <= 10 and lines[0] == (a.verdict.zh if lang == "zh" else a.verdict.en)


def test_where_to_go_falls_back_to_the_national_list():
    # Nanjing has no list of its own yet: the national one, in its order, for the topic asked.
    assert [o.phone for o in offices("nanjing", "dismissal")] == ["12338", None, None, "12348"]
    assert offices("nanjing", "leave") == offices("national", "leave")
    assert {o.phone for o in offices("anywhere", "leave")} >= {"12338", "12333"}


def test_every_dismissal_reason_is_one_ground_of_the_policy(nj2025, nj2023):
    for pol in (nj2025, nj2023):
        barred = {r: ground_for(pol, r).barred for r in REASONS}
        assert barred == {"pregnancy": True, "no_fault": True, "layoff": True, "expiry": True,
                          "for_cause": False, "agreement": False}


def test_a_birth_or_a_due_date_is_needed():
    with pytest.raises(Exception, match="birth date or the due date"):
        Pregnancy()
    assert Pregnancy(due=date(2026, 3, 1)).estimate and not Pregnancy(birth=date(2026, 3, 1)).estimate


def test_dismissal_before_the_pregnancy_is_outside(nj2025, calendar):
    # Due 2026-03-01: conception is week 2, i.e. 38 weeks (266 days) before: 2025-06-08. A dismissal on
    # 2025-05-01 is before it.
    a = lc.dismissal_answer(nj2025, Pregnancy(due=date(2026, 3, 1)), date(2025, 5, 1), calendar)
    assert a.status == "not_barred" and a.key_dates[0].date == date(2025, 6, 8)


def test_overtime_without_a_due_date_says_the_month_not_a_date(nj2025):
    a = lc.overtime_answer(nj2025, Pregnancy(birth=date(2025, 6, 1)))
    assert a.verdict.code == "verdict.overtime_no_due" and [k.code for k in a.key_dates] == ["date.lactation_end"]
    assert a.key_dates[0].date == date(2026, 5, 31)


def test_articles_carry_excerpts_when_the_policy_has_them(nj2025):
    # Citations gain excerpt/issuer/url with the layered policy data; until then they are None, not an error.
    arts = lc.lactation_answer(nj2025, date(2025, 6, 1)).articles
    assert arts and all(hasattr(a, "excerpt") for a in arts)
    assert any(a.article == "9" for a in arts)


def test_dates_in_every_form():
    for text in ("2026-01-01", "2026-1-1", "2026/1/1", "2026年1月1日", "2026年1月1", "20260101"):
        assert lc.parse_date(text) == date(2026, 1, 1)
    for text in ("2026-02-30", "2026-W01-1", "2026.1.1", "26-1-1", "2026-1/1", ""):
        with pytest.raises(ValueError):
            lc.parse_date(text)
