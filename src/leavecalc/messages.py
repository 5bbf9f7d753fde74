"""The wording of every answer, in Chinese and English, kept as data (data/messages.toml).

Code says *what* to tell (a code and its parameters); the catalogue says *how*, in each
language. A parameter that differs by language (a holiday's name, a list of articles) is given
as a :class:`Pair`; any other parameter is written as it is (dates as 2026-01-01).

TOML rather than gettext: the catalogue is small, both languages sit side by side for review,
it needs no compile step or new dependency, and it is read the way the policy files are.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Literal, NamedTuple

from .results import Message

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class Pair(NamedTuple):
    """A parameter worded differently in each language."""

    zh: str
    en: str


def _flatten(table: dict[str, object], prefix: str = "") -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, value in table.items():
        if not isinstance(value, dict):
            raise ValueError(f"messages.toml: {prefix}{key} is not a table")
        if "zh" in value or "en" in value:
            out[prefix + key] = {k: str(v) for k, v in value.items()}
        else:
            out.update(_flatten(value, f"{prefix}{key}."))
    return out


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every code with its wording in each language (read once)."""
    text = files("leavecalc").joinpath("data", "messages.toml").read_text(encoding="utf-8")
    return _flatten(tomllib.loads(text))


def text(code: str, lang: Lang, **params: object) -> str:
    """The wording of ``code`` in ``lang`` with ``params`` filled in (KeyError: unknown code)."""
    values = {k: (getattr(v, lang) if isinstance(v, Pair) else v) for k, v in params.items()}
    return catalogue()[code][lang].format(**values)


def message(code: str, **params: object) -> Message:
    """``code`` worded in both languages, as results carry warnings and notes. The message's
    own code is the entry's ``code`` where it gives one (programs key on it: several wordings
    may share one), else ``code``."""
    return Message(code=catalogue()[code].get("code", code), zh=text(code, "zh", **params), en=text(code, "en", **params))


def pair(code: str, **params: object) -> Pair:
    """``code`` worded in both languages, to pass as a parameter of another message."""
    return Pair(text(code, "zh", **params), text(code, "en", **params))


def joined(items: list[Pair]) -> Pair:
    """Several worded items as one parameter: "a、b" / "a, b"."""
    return Pair("、".join(i.zh for i in items), ", ".join(i.en for i in items))
