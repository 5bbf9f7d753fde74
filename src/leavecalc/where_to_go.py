"""Where to go for help (data/where_to_go.toml): offices by jurisdiction, national by default."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files

from .results import Frozen


class Office(Frozen):
    """A place to turn to: what it is, how to reach it, what it does, the questions it helps with."""

    id: str
    phone: str | None = None
    name: str
    name_en: str
    does: str
    does_en: str
    topics: list[str]


@cache
def directory() -> dict[str, tuple[Office, ...]]:
    """Every jurisdiction's offices (read once; an invalid entry fails loudly, naming the field)."""
    data = tomllib.loads(files("leavecalc").joinpath("data", "where_to_go.toml").read_text(encoding="utf-8"))
    return {place: tuple(Office(**o) for o in entries) for place, entries in data.items()}


def offices(jurisdiction: str, topic: str) -> list[Office]:
    """The offices of ``jurisdiction`` (else the national list) that help with ``topic``."""
    book = directory()
    return [o for o in book.get(jurisdiction, book["national"]) if topic in o.topics]
