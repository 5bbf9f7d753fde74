"""The OpenAPI 3.1 schema of the JSON API, from the same field table as the forms and the result
models' own JSON schemas (docs/json-contract.md)."""

from __future__ import annotations

from functools import cache
from typing import Any

from .fields import API_KINDS, Field, api_fields

TYPES: dict[str, dict[str, Any]] = {
    "date": {"type": "string", "format": "date", "examples": ["2025-03-10"]},
    "dates": {"type": "array", "items": {"type": "string", "format": "date"}},
    "int": {"type": "integer"},
    "money": {"type": ["string", "number"], "examples": ["8000.00"]},
    "bool": {"type": "boolean"},
    "text": {"type": "string"},
}


def field_schema(f: Field) -> dict[str, Any]:
    s = dict(TYPES.get(f.type, {"type": "string"}))
    if f.choices:
        s["enum"] = list(f.choices)
    if f.lo is not None:
        s["minimum"], s["maximum"] = f.lo, f.hi
    if f.default:
        s["default"] = int(f.default) if f.type == "int" else f.default
    s["description"] = f"{f.en} / {f.zh}"
    return s


def result_models() -> dict[str, Any]:
    from ..answers import Answer
    from ..holiday_data import HolidayYear
    from ..parenting import ParentingResult
    from ..pay import AllowanceResult, RestPayResult
    from ..plan import PlanResult
    from ..results import LeaveResult

    return {"maternity": LeaveResult, "miscarriage": LeaveResult, "paternity": LeaveResult,
            "parenting": ParentingResult, "allowance": AllowanceResult, "pregnancy-rest": RestPayResult,
            "plan": PlanResult, "holidays": HolidayYear, "contract": Answer, "dismissal": Answer,
            "arbitration": Answer, "overtime": Answer, "lactation": Answer}


@cache
def openapi_schema() -> dict[str, Any]:
    from pydantic.json_schema import models_json_schema

    models = result_models()
    unique = list(dict.fromkeys(models.values()))
    refs, defs = models_json_schema([(m, "serialization") for m in unique], ref_template="#/components/schemas/{model}")
    error = {"type": "object", "properties": {"errors": {"type": "array", "items": {
        "type": "object", "properties": {"field": {"type": ["string", "null"]}, "message": {"type": "string"},
                                         "message_zh": {"type": "string"}}}}}}
    paths: dict[str, Any] = {}
    for kind in API_KINDS:
        specs = api_fields(kind)
        body = {"type": "object", "additionalProperties": False,
                "properties": {f.name: field_schema(f) for f in specs},
                "required": [f.name for f in specs if f.required]}
        paths[f"/api/v1/{kind}"] = {"post": {
            "summary": f"leavecalc {kind} --json",
            "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
            "responses": {
                "200": {"description": "The same JSON as the CLI's --json", "content": {"application/json": {
                    "schema": refs[(models[kind], "serialization")]}}},
                "400": {"description": "A bad field, named", "content": {"application/json": {"schema": error}}},
                "422": {"description": "A case the law data cannot answer", "content": {"application/json": {"schema": error}}},
            }}}
    paths["/api/v1/jurisdictions"] = {"get": {"summary": "Jurisdictions and their policies", "responses": {"200": {"description": "A list"}}}}
    paths["/healthz"] = {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}}
    return {"openapi": "3.1.0", "info": {"title": "leavecalc", "version": "1"}, "paths": paths,
            "components": {"schemas": defs.get("$defs", {})}}
