"""Every type a caller can get hold of through the public API is itself exported."""

from __future__ import annotations

import dataclasses
import inspect
import typing

from pydantic import BaseModel

import leavecalc


def _is_model(tp: object) -> bool:
    return isinstance(tp, type) and (
        issubclass(tp, BaseModel) or dataclasses.is_dataclass(tp) or (issubclass(tp, tuple) and hasattr(tp, "_fields"))
    )


def _models(tp: object) -> set[type]:
    """The models named anywhere in an annotation (list[X], X | None, dict[str, X]...)."""
    if typing.get_origin(tp) is not None:
        return {m for arg in typing.get_args(tp) for m in _models(arg)}
    return {tp} if _is_model(tp) else set()  # type: ignore[arg-type]


def _returns(fn: object) -> set[type]:
    return _models(typing.get_type_hints(fn).get("return"))


def _public_methods(cls: type) -> list[object]:
    return [
        f for n, f in inspect.getmembers(cls, inspect.isfunction)
        if not n.startswith("_") and f.__module__.startswith("leavecalc")
    ]


def _fields(cls: type) -> set[type]:
    hints = (
        {k: f.annotation for k, f in cls.model_fields.items()} if issubclass(cls, BaseModel) else typing.get_type_hints(cls)
    )
    return {m for name, tp in hints.items() if not name.startswith("_") for m in _models(tp)}


def reachable() -> dict[type, str]:
    """Each model reachable from the exports, with the path that reaches it."""
    todo: list[tuple[type, str]] = []
    for name in leavecalc.__all__:
        obj = getattr(leavecalc, name)
        if _is_model(obj):
            todo.append((obj, name))
        elif callable(obj) and not isinstance(obj, type):
            todo += [(m, f"{name}()") for m in _returns(obj)]
        if isinstance(obj, type):
            todo += [(m, f"{name}.{f.__name__}()") for f in _public_methods(obj) for m in _returns(f)]  # type: ignore[attr-defined]
    seen: dict[type, str] = {}
    while todo:
        cls, path = todo.pop()
        if cls in seen:
            continue
        seen[cls] = path
        todo += [(m, f"{path} -> {cls.__name__}") for m in _fields(cls)]
        todo += [(m, f"{path} -> {cls.__name__}.{f.__name__}()") for f in _public_methods(cls) for m in _returns(f)]  # type: ignore[attr-defined]
    return seen


def test_every_reachable_model_is_exported():
    exported = {id(getattr(leavecalc, n)) for n in leavecalc.__all__ if n != "__version__"}
    missing = {f"{c.__module__}.{c.__name__} (via {path})" for c, path in reachable().items() if id(c) not in exported}
    assert not missing, sorted(missing)


def test_the_walk_finds_nested_result_models():
    # Guards the walk itself: these are only reachable through fields and return types.
    found = {c.__name__ for c in reachable()}
    assert {"PlanLine", "ParentingYear", "AllowanceMonth", "RestMonth", "Arrangement", "MinimumWage", "Basis"} <= found


def test_every_export_is_importable_under_its_name():
    for name in leavecalc.__all__:
        assert getattr(leavecalc, name) is not None
