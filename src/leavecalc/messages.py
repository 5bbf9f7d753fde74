"""The wording of every answer, in Chinese and English, kept as data (data/messages.toml).

Code says *what* to tell (a code and its parameters); the catalogue says *how*, in each
language. A parameter that differs by language (a holiday's name, a list of articles) is given
as a :class:`Pair`; any other parameter is written as it is (dates as 2026-01-01).

TOML rather than gettext: the catalogue is small, both languages sit side by side for review,
it needs no compile step or new dependency, and it is read the way the policy files are.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:  # results imports policy, which words its errors from here
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


_HEADER = re.compile(r"^\[([A-Za-z0-9_.]+)\][ \t]*$", re.M)
_BRACKET_LINE = re.compile(r"^[ \t]*\[", re.M)
_PREAMBLE = re.compile(r"\A(?:[ \t]*(?:#.*)?\n)*\Z")  # blank lines and comments only


class Catalogue(Mapping[str, dict[str, str]]):
    """The catalogue, each entry parsed when first asked for: one answer uses a few dozen of
    its entries, and parsing the whole file costs a tenth of the command line's start-up.

    Only for a file of plain ``[code]`` tables (as messages.toml is): anything else (a string
    over several lines, a code that is a prefix of another, an array of tables) is parsed
    whole, so both ways always read alike (tests/test_messages.py checks they do). Codes come
    in the order of the file."""

    def __init__(self, text: str):
        heads = list(_HEADER.finditer(text))
        codes = {m[1] for m in heads}
        simple = (
            bool(heads)
            and _PREAMBLE.match(text[: heads[0].start()]) is not None
            and len(_BRACKET_LINE.findall(text)) == len(heads) == len(codes)
            and '"""' not in text and "'''" not in text
            and not any(p in codes for c in codes for p in _prefixes(c))
        )
        self._text = text
        self._spans = {m[1]: (m.start(), n.start() if n else len(text)) for m, n in zip(heads, [*heads[1:], None])} if simple else {}
        self._read: dict[str, dict[str, str]] = {} if simple else _flatten(tomllib.loads(text))

    def __getitem__(self, code: str) -> dict[str, str]:
        entry = self._read.get(code)
        if entry is None:
            start, end = self._spans[code]  # KeyError: an unknown code
            got = _flatten(tomllib.loads(self._text[start:end]))
            if got.keys() != {code}:  # cannot happen for a file read as simple; never trust it silently
                raise ValueError(f"messages.toml: [{code}] reads as {sorted(got)}")
            entry = self._read[code] = got[code]
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans or self._read)

    def __len__(self) -> int:
        return len(self._spans or self._read)

    def __contains__(self, code: object) -> bool:
        return code in (self._spans or self._read)


def _prefixes(code: str) -> list[str]:
    """``a.b.c``: ``a`` and ``a.b``."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


@cache
def catalogue() -> Catalogue:
    """Every code with its wording in each language (read once, each entry when first used)."""
    return Catalogue(files("leavecalc").joinpath("data", "messages.toml").read_text(encoding="utf-8"))


def text(code: str, lang: Lang, **params: object) -> str:
    """The wording of ``code`` in ``lang`` with ``params`` filled in (KeyError: unknown code)."""
    values = {k: (getattr(v, lang) if isinstance(v, Pair) else v) for k, v in params.items()}
    return catalogue()[code][lang].format(**values)


def message(code: str, **params: object) -> Message:
    """``code`` worded in both languages, as results carry warnings and notes. The message's
    own code is the entry's ``code`` where it gives one (programs key on it: several wordings
    may share one), else ``code``."""
    from .results import Message

    return Message(code=catalogue()[code].get("code", code), zh=text(code, "zh", **params), en=text(code, "en", **params))


def pair(code: str, **params: object) -> Pair:
    """``code`` worded in both languages, to pass as a parameter of another message."""
    return Pair(text(code, "zh", **params), text(code, "en", **params))


def joined(items: list[Pair]) -> Pair:
    """Several worded items as one parameter: "a、b" / "a, b"."""
    return Pair("、".join(i.zh for i in items), ", ".join(i.en for i in items))
