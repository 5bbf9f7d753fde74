"""The JSON API answers exactly what the CLI's --json prints (byte for byte), names the bad
field in its errors, and lists the jurisdictions; the OpenAPI schema covers every kind."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("starlette")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for the test client
    from starlette.testclient import TestClient

from leavecalc.cli import main
from leavecalc.holiday_calendar import Calendar
from leavecalc.policy import PolicyRegistry
from leavecalc.web.app import create_app
from leavecalc.web.compute import Context
from leavecalc.web.fields import API_KINDS, FIELDS

CASES: list[tuple[str, dict[str, Any]]] = [
    ("maternity", {"birth": "2025-03-10"}),
    ("maternity", {"birth": "2025-01-20", "start": "2025-01-10", "delivery": "cesarean", "babies": 3}),
    ("maternity", {"birth": "2024-09-20", "delivery": "assisted"}),  # the 2023 policy, across 国庆
    ("maternity", {"birth": "2026-11-30"}),  # provisional: 2027 not published
    ("miscarriage", {"date": "2025-05-01", "weeks": 10}),
    ("miscarriage", {"date": "2025-05-01", "months": 5}),
    ("paternity", {"birth": "2025-09-25", "start": "2025-09-30"}),
    ("parenting", {"birth": "2024-02-10", "start": "2025-01-20", "days": 5, "other_child": ["2022-06-01"]}),
    ("allowance", {"birth": "2025-03-10", "avg_wage": "10000", "own_wage": "12000.50"}),
    ("allowance", {"birth": "2025-03-10", "own_wage": 9000, "uninsured": True}),
    ("pregnancy-rest", {"from": "2025-06-01", "to": "2025-08-31", "pay": "1500"}),
    ("plan", {"birth": "2025-03-10", "due": "2025-03-12", "contract_end": "2025-06-30", "dispute_known": "2025-05-01", "avg_wage": "10000"}),
    ("holidays", {"year": 2026}),
    ("maternity", {"birth": "2025-03-10", "jurisdiction": "苏州"}),  # a city taking its province's law
    ("maternity", {"birth": "2025-03-10", "jurisdiction": "liaoning"}),
    ("maternity", {"due": "2027-01-15", "claimed_days": 128}),
    ("maternity", {"birth": "2025-03-10", "delivery": "剖宫产", "claimed_end": "2025-08-14"}),
    ("contract", {"end": "2026-01-31", "birth": "2025-06-01"}),
    ("dismissal", {"date": "2025-09-01", "birth": "2025-06-01", "reason": "no_fault"}),
    ("dismissal", {"date": "2025-09-01", "due": "2026-03-01"}),
    ("arbitration", {"known": "2025-09-01"}),
    ("overtime", {"due": "2026-03-01"}),
    ("lactation", {"birth": "2025-06-01", "babies": 2}),
]


def argv(kind: str, fields: dict[str, Any]) -> list[str]:
    """The same case as CLI arguments: each field is the option of the same name."""
    if kind == "holidays":
        return ["holidays", str(fields["year"]), "--json"]
    out = [kind]
    for name, value in fields.items():
        option = "--" + name.replace("_", "-")
        if value is True:
            out.append(option)
        elif isinstance(value, list):
            for v in value:
                out += [option, v]
        else:
            out += [option, str(value)]
    return [*out, "--json"]


@pytest.fixture(scope="module")
def client(registry: PolicyRegistry, calendar: Calendar) -> TestClient:
    return TestClient(create_app(Context(registry, calendar)))


@pytest.mark.parametrize(("kind", "fields"), CASES, ids=lambda x: x if isinstance(x, str) else "")
def test_api_answers_byte_for_byte_what_the_cli_prints(client: TestClient, capsys: pytest.CaptureFixture[str], kind: str, fields: dict[str, Any]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv(kind, fields))
    assert done.value.code == 0
    cli_json = capsys.readouterr().out
    r = client.post(f"/api/v1/{kind}", json=fields)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.text == cli_json


def test_every_api_kind_is_a_cli_command_in_the_cases() -> None:
    assert {k for k, _ in CASES} == set(API_KINDS)


@pytest.mark.parametrize(
    ("kind", "body", "field"),
    [
        ("maternity", {"birth": "2025-02-30"}, "birth"),
        ("maternity", {}, "birth"),
        ("maternity", {"birth": "2025-03-10", "babies": 0}, "babies"),
        ("maternity", {"birth": "2025-03-10", "delivery": "breech"}, "delivery"),
        ("maternity", {"birth": "2025-03-10", "bogus": 1}, "bogus"),
        ("miscarriage", {"date": "2025-05-01", "weeks": "ten"}, "weeks"),
        ("allowance", {"birth": "2025-03-10", "avg_wage": "lots"}, "avg_wage"),
        ("allowance", {"birth": "2025-03-10"}, "avg_wage"),  # insured but no average wage
        ("pregnancy-rest", {"from": "2025-08-31", "to": "2025-06-01", "pay": "1500"}, None),
        ("parenting", {"birth": "2025-03-10", "other_child": ["2024-13-01"]}, "other_child"),
        ("maternity", {"birth": "2025-03-10", "jurisdiction": "atlantis"}, "jurisdiction"),
        ("maternity", {"birth": "2025-03-10", "due": "2025-03-12"}, "birth"),  # one of them, not both
        ("dismissal", {"date": "2025-09-01"}, "birth"),
        ("dismissal", {"date": "2025-09-01", "birth": "2025-06-01", "reason": "whim"}, "reason"),
    ],
)
def test_api_errors_are_json_naming_the_field(client: TestClient, kind: str, body: dict[str, Any], field: str | None) -> None:
    r = client.post(f"/api/v1/{kind}", json=body)
    assert r.status_code == 400, r.text
    errors = r.json()["errors"]
    assert errors and all(e["message"] and e["message_zh"] for e in errors)
    if field is not None:
        assert field in {e["field"] for e in errors}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(API_KINDS),
    st.dictionaries(
        st.sampled_from(sorted({f.name for fs in FIELDS.values() for f in fs})),
        st.one_of(st.text(max_size=12), st.integers(-10**6, 10**6), st.booleans(), st.none(), st.lists(st.text(max_size=10), max_size=3)),
    ),
)
def test_no_body_gives_a_server_error(client: TestClient, kind: str, body: dict[str, Any]) -> None:
    r = client.post(f"/api/v1/{kind}", json=body)
    assert r.status_code in (200, 400, 422), r.text
    if r.status_code != 200:
        assert r.json()["errors"]


def test_api_refuses_what_is_not_a_json_object(client: TestClient) -> None:
    assert client.post("/api/v1/maternity", content=b"birth=2025-03-10").status_code == 400
    assert client.post("/api/v1/maternity", json=["2025-03-10"]).status_code == 400
    r = client.post("/api/v1/nonsense", json={})
    assert r.status_code == 404 and r.json()["errors"][0]["message"].startswith("no such question")


def test_a_case_no_policy_covers_is_422_with_the_reason(client: TestClient) -> None:
    r = client.post("/api/v1/maternity", json={"birth": "1990-01-01"})
    assert r.status_code == 422
    assert "nanjing" in r.json()["errors"][0]["message"]


def test_jurisdictions_list_each_place_and_its_policies(client: TestClient, registry: PolicyRegistry) -> None:
    data = client.get("/api/v1/jurisdictions").json()
    assert [j["id"] for j in data] == registry.jurisdictions
    assert "苏州市" in next(j for j in data if j["id"] == "jiangsu")["cities"]
    assert {p["id"] for j in data for p in j["policies"]} == {p.id for p in registry.policies}
    assert all(j["name"] and j["name_en"] for j in data)


def test_openapi_schema_covers_every_kind(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    for kind in API_KINDS:
        post = schema["paths"][f"/api/v1/{kind}"]["post"]
        ref = post["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        assert ref.split("/")[-1] in schema["components"]["schemas"]
    body = schema["paths"]["/api/v1/miscarriage"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["date"] and body["properties"]["weeks"]["type"] == "integer"
    delivery = schema["paths"]["/api/v1/maternity"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["delivery"]
    assert delivery["enum"][0] == "normal"


def test_healthz(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


def test_serve_listens_on_loopback_unless_told(capsys: pytest.CaptureFixture[str]) -> None:
    import inspect

    from leavecalc.web.serve import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    assert "--host" in capsys.readouterr().out
