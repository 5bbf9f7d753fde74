"""The desk answers every question of the table of kinds (kinds.py) through kinds.solve, the one
route the CLI, ``leavecalc batch`` and ``leavecalc.compute`` take: for each case, results and
errors alike, the API says what the library says (and what the CLI says). A desk that built a
case or chose a policy by itself would answer a caller one way and the CLI another."""

from __future__ import annotations

import warnings
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

pytest.importorskip("starlette")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for the test client
    from starlette.testclient import TestClient

import leavecalc
from leavecalc import kinds, render
from leavecalc.cli import main
from leavecalc.errors import InputError, LeavecalcError, NoPolicyError
from leavecalc.holiday_calendar import Calendar
from leavecalc.policy import PolicyRegistry
from leavecalc.web.app import create_app
from leavecalc.web.compute import Context
from leavecalc.web.fields import FIELDS

from .test_web_api import argv

# Nanjing's policies are in force from 2022-02-10 (nanjing.toml); 2021 has none.
CASES: list[tuple[str, dict[str, Any]]] = [
    # maternity
    ("maternity", {"birth": "2025-03-10"}),
    ("maternity", {"birth": "2025-03-10", "start": "2025-03-01", "delivery": "cesarean", "babies": 2, "jurisdiction": "苏州"}),
    ("maternity", {"birth": "2026-01-01", "jurisdiction": "hangzhou", "child_order": 2}),
    ("maternity", {"birth": "2025-03-10", "start": "2025-03-20"}),  # leave starting after the birth
    ("maternity", {"birth": "2021-03-10"}),  # no policy in force
    ("maternity", {"birth": "2021-03-10", "start": "2021-03-20"}),  # both: the policy is chosen first
    ("maternity", {"birth": "2025-03-10", "jurisdiction": "atlantis"}),
    ("maternity", {"birth": "2200-01-01"}),  # no policy, and past the dates leavecalc computes with
    # miscarriage
    ("miscarriage", {"date": "2025-05-01", "weeks": 10}),
    ("miscarriage", {"date": "2025-05-01", "months": 5, "jurisdiction": "beijing"}),
    ("miscarriage", {"date": "2025-05-01"}),  # neither weeks nor months
    ("miscarriage", {"date": "2021-05-01", "weeks": 10, "months": 3}),  # both, and no policy
    ("miscarriage", {"date": "2025-05-01", "weeks": 10, "jurisdiction": "atlantis"}),
    # paternity
    ("paternity", {"birth": "2025-09-25", "start": "2025-09-30"}),
    ("paternity", {"birth": "2025-09-25", "mother_start": "2025-09-20"}),  # the mother's first day alone
    ("paternity", {"birth": "2021-09-25", "mother_start": "2021-09-20"}),  # that, and no policy
    ("paternity", {"birth": "2025-09-25", "jurisdiction": "atlantis"}),
    # parenting
    ("parenting", {"birth": "2024-02-10", "start": "2025-01-20", "days": 5, "other_child": ["2022-06-01"]}),
    ("parenting", {"birth": "2024-02-10", "days": 5}),  # a block's days without its first day
    ("parenting", {"birth": "2020-02-10", "days": 5}),  # that, and no policy
    ("parenting", {"birth": "2024-02-10", "jurisdiction": "atlantis"}),
    # allowance
    ("allowance", {"birth": "2025-03-10", "avg_wage": "12000", "own_wage": "15000"}),
    ("allowance", {"birth": "2025-03-10", "own_wage": "9000", "uninsured": True, "delivery": "assisted"}),
    ("allowance", {"birth": "2025-03-10"}),  # insured, no average wage
    ("allowance", {"birth": "2025-03-10", "avg_wage": "8000", "uninsured": True}),  # not insured, no wage of hers
    ("allowance", {"birth": "2021-03-10", "avg_wage": "8000", "uninsured": True}),  # that, and no policy
    ("allowance", {"birth": "2025-03-10", "avg_wage": "8000.555"}),  # a fraction of a fen
    ("allowance", {"birth": "2025-03-10", "avg_wage": "8000", "jurisdiction": "atlantis"}),
    # pregnancy rest
    ("pregnancy-rest", {"from": "2025-06-01", "to": "2025-08-31", "pay": "1500"}),
    ("pregnancy-rest", {"from": "2025-08-31", "to": "2025-06-01", "pay": "1500"}),  # ends before it starts
    ("pregnancy-rest", {"from": "2021-08-31", "to": "2021-06-01", "pay": "1500"}),  # that, and no policy
    ("pregnancy-rest", {"from": "2024-06-01", "to": "2024-08-31", "pay": "1500"}),  # before the floor's law
    ("pregnancy-rest", {"from": "2025-06-01", "to": "2025-08-31", "pay": "1500.001"}),
    ("pregnancy-rest", {"from": "2025-06-01", "to": "2025-08-31", "pay": "1500", "jurisdiction": "atlantis"}),
    # plan
    ("plan", {"birth": "2025-03-10", "due": "2025-03-12", "contract_end": "2025-06-30", "avg_wage": "10000"}),
    ("plan", {"birth": "2025-03-10", "uninsured": True}),  # not insured, no wage of hers
    ("plan", {"birth": "2021-03-10", "uninsured": True}),  # that, and no policy
    ("plan", {"birth": "2025-03-10", "jurisdiction": "atlantis"}),
]

# The desk's questions answered by a kind, under the kind's name.
KIND = {"pregnancy-rest": "pregnancy_rest"}


def typed(question: str, body: dict[str, Any]) -> dict[str, Any]:
    """A JSON body as the library's keywords: dates as dates, the desk's defaults filled in."""
    types = {f.name: f.type for f in FIELDS[question]}
    out: dict[str, Any] = {}
    for name, value in body.items():
        if types[name] == "date":
            out[name] = date.fromisoformat(value)
        elif types[name] == "dates":
            out[name] = [date.fromisoformat(v) for v in value]
        elif types[name] == "money":
            out[name] = Decimal(value)
        else:
            out[name] = value
    return out


@pytest.fixture(scope="module")
def client(registry: PolicyRegistry, calendar: Calendar) -> TestClient:
    return TestClient(create_app(Context(registry, calendar)))


@pytest.mark.parametrize(("question", "body"), CASES, ids=lambda x: x if isinstance(x, str) else "")
def test_the_api_says_what_the_library_says(
    client: TestClient, registry: PolicyRegistry, calendar: Calendar, question: str, body: dict[str, Any]
) -> None:
    r = client.post(f"/api/v1/{question}", json=body)
    try:
        result = leavecalc.compute(KIND.get(question, question), registry=registry, calendar=calendar, **typed(question, body))
    except LeavecalcError as e:
        assert r.status_code in (400, 422), r.text
        [error] = r.json()["errors"]
        assert error["message"] == e.worded("en")
        if isinstance(e, NoPolicyError) and e.code == "error.unknown_jurisdiction":
            # The form's city field is marked, with the desk's short words for it.
            assert r.status_code == 400 and error["field"] == "jurisdiction"
        else:  # bad input is the caller's to correct; a case no policy covers is not
            assert r.status_code == (400 if isinstance(e, InputError) else 422)
            assert error["message_zh"] == e.worded("zh")
        return
    assert r.status_code == 200, r.text
    assert r.text == render.to_json(result) + "\n"


@pytest.mark.parametrize(("question", "body"), CASES, ids=lambda x: x if isinstance(x, str) else "")
def test_the_api_and_the_cli_answer_or_refuse_alike(
    client: TestClient, capsys: pytest.CaptureFixture[str], question: str, body: dict[str, Any]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv(question, body))
    out, err = capsys.readouterr()
    r = client.post(f"/api/v1/{question}", json=body)
    if done.value.code == 0:
        assert r.status_code == 200 and r.text == out
    else:
        assert done.value.code == 2 and err.startswith("leavecalc: error:")
        assert r.status_code in (400, 422)


@pytest.mark.parametrize(
    ("question", "body", "field"),
    [
        ("maternity", {"birth": "2025-02-30"}, "birth"),
        ("miscarriage", {"date": "2025-13-01", "weeks": 10}, "date"),
        ("paternity", {"birth": "tomorrow"}, "birth"),
        ("parenting", {"birth": "2024-02-10", "other_child": ["2022-02-30"]}, "other_child"),
        ("allowance", {"birth": "2025-03-10", "start": "3/1/2025", "avg_wage": "8000"}, "start"),
        ("pregnancy-rest", {"from": "2025-06-01", "to": "2025-06-31", "pay": "1500"}, "to"),
        ("plan", {"birth": "2025-03-10", "contract_end": "2025-02-29"}, "contract_end"),
    ],
)
def test_a_bad_date_is_refused_by_both_naming_the_field(
    client: TestClient, capsys: pytest.CaptureFixture[str], question: str, body: dict[str, Any], field: str
) -> None:
    # Each front end reads its own text; neither reaches kinds.solve with a date that is not one.
    with pytest.raises(SystemExit) as done:
        main(argv(question, body))
    assert done.value.code == 2
    assert "--" + field.replace("_", "-") in capsys.readouterr().err
    r = client.post(f"/api/v1/{question}", json=body)
    assert r.status_code == 400 and [e["field"] for e in r.json()["errors"]] == [field]


# The first case of each question (each is answered).
FIRST = list({q: (q, b) for q, b in reversed(CASES)}.values())


@pytest.mark.parametrize(("question", "body"), FIRST, ids=[q for q, _ in FIRST])
def test_every_kind_the_desk_answers_goes_through_kinds_solve_once(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, question: str, body: dict[str, Any]
) -> None:
    calls: list[str] = []
    solve = kinds.solve

    def counted(kind: kinds.Kind, *args: Any, **kw: Any) -> Any:
        calls.append(kind.name)
        return solve(kind, *args, **kw)

    monkeypatch.setattr(kinds, "solve", counted)
    client.post(f"/api/v1/{question}", json=body)
    client.post(f"/q/{'timeline' if question == 'plan' else question}", data={k: ",".join(v) if isinstance(v, list) else str(v) for k, v in body.items()})
    assert calls == [KIND.get(question, question)] * 2


def test_every_kind_of_the_table_the_desk_offers_is_in_the_cases() -> None:
    desk = {KIND.get(q, q) for q in FIELDS}
    assert {KIND.get(q, q) for q, _ in CASES} == desk & set(kinds.KINDS)


def test_allowance_and_top_up_through_the_desk_the_cli_and_the_library(
    client: TestClient, capsys: pytest.CaptureFixture[str], registry: PolicyRegistry, calendar: Calendar
) -> None:
    # Nanjing 2025, birth 2025-03-10: 158 days of leave (98 + 60, ordinance art 35; see
    # test_web.py). Allowance (619 art 8): 12000 ÷ 30 × 158 = 400 × 158 = 63200.00; the employer
    # tops up her higher wage: (15000 − 12000) ÷ 30 × 158 = 100 × 158 = 15800.00.
    body = {"birth": "2025-03-10", "avg_wage": "12000", "own_wage": "15000"}
    api = client.post("/api/v1/allowance", json=body).json()
    assert (api["days"], api["amount"], api["employer_top_up"]) == (158, "63200.00", "15800.00")
    lib = leavecalc.compute("allowance", registry=registry, calendar=calendar, **typed("allowance", body))
    assert (lib.days, lib.amount, lib.employer_top_up) == (158, Decimal("63200.00"), Decimal("15800.00"))
    with pytest.raises(SystemExit):
        main(argv("allowance", body))
    assert client.post("/api/v1/allowance", json=body).text == capsys.readouterr().out


def test_the_policy_is_chosen_before_the_case_is_checked_as_on_the_cli(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    # A rest ending before it starts is refused, but first: no Nanjing policy covers 2021-08-31
    # (the first is in force from 2022-02-10), so that is what the caller is told, as on the CLI.
    body = {"from": "2021-08-31", "to": "2021-06-01", "pay": "1500"}
    with pytest.raises(SystemExit):
        main(argv("pregnancy-rest", body))
    assert "2022-02-10" in capsys.readouterr().err
    r = client.post("/api/v1/pregnancy-rest", json=body)
    assert r.status_code == 422 and "2022-02-10" in r.json()["errors"][0]["message"]
    page = client.post("/q/pregnancy-rest", data=body)
    assert page.status_code == 400 and "无法计算" in page.text and "2022-02-10" in page.text


@pytest.mark.parametrize(
    ("slug", "data", "field"),
    [
        ("allowance", {"birth": "2025-03-10", "avg_wage": "8000", "uninsured": "on"}, "own_wage"),
        ("allowance", {"birth": "2025-03-10"}, "avg_wage"),
        ("timeline", {"birth": "2025-03-10", "uninsured": "on"}, "own_wage"),
        ("miscarriage", {"date": "2025-05-01"}, "weeks"),
        ("parenting", {"birth": "2024-02-10", "days": "5"}, "start"),
        ("pregnancy-rest", {"from": "2025-06-01", "to": "2025-08-31", "pay": "1500.001"}, "pay"),
        ("maternity", {"birth": "2025-03-10", "jurisdiction": "atlantis"}, "jurisdiction"),
    ],
)
def test_an_error_of_solve_is_marked_on_the_form_field_in_chinese(client: TestClient, slug: str, data: dict[str, str], field: str) -> None:
    r = client.post(f"/q/{slug}", data=data)
    assert r.status_code == 400 and f'id="e-{field}"' in r.text
    assert "Traceback" not in r.text


def test_an_answer_that_fails_after_its_result_is_a_message_not_a_500(client: TestClient) -> None:
    # The arbitration limit of a dismissal on 2011-10-28 runs in 2012, before the years the
    # holiday calendar covers (2014 on): the answer cannot be worked out, and the page says so.
    r = client.post("/q/dismissal", data={"date": "2011-10-28", "due": "2025-04-23"})
    assert r.status_code == 400 and "无法计算" in r.text
