"""Law in layers: national, province and city files with dated values, resolved into one Policy.

A layer file (``policies/<id>.toml``) holds what one level of government adds or changes: its
citations and a list of dated periods, each a *partial* policy tree (``rules``). A jurisdiction is
a chain of layers (city -> province -> country). The policy in force on a day is the merge of
the period each layer has in force that day, top (national) down: tables merge key by key, a
lower layer's value replaces an upper one's, ``maternity.segments`` merge by ``name``, other lists
are replaced whole. The result is validated as an ordinary :class:`Policy`, so the engines never
see layers. The format is documented in docs/policy-format.md.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from .errors import PolicyError
from .policy import Citation, Day, Policy, Review, Status, _describe, _Strict

Level = Literal["country", "province", "city"]


class Place(_Strict):
    """A city that has no layer of its own: its province's law applies."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    code: str = Field(pattern=r"^[0-9]{6}$")
    short: str | None = None  # what people call it: 恩施 for 恩施土家族苗族自治州


class LayerInfo(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    level: Level
    name: str
    name_en: str
    short: str | None = None
    code: str = Field(pattern=r"^[0-9]{6}$")  # GB/T 2260
    parent: str | None = Field(default=None, pattern=r"^[a-z0-9_]+$")
    status: Status
    review_note: str = ""
    review_note_en: str = ""
    verified_on: Day | None = None
    aliases: list[str] = Field(default_factory=list)
    cities: list[Place] = Field(default_factory=list)
    # The jurisdiction answered when none is named (at most one layer): a product choice kept with
    # the data, so no place is named in Python.
    default: bool = False

    @model_validator(mode="after")
    def _shape(self) -> LayerInfo:
        if (self.level == "country") != (self.parent is None):
            raise ValueError("the country layer has no parent; every other layer names its parent")
        Review(status=self.status, note=self.review_note, note_en=self.review_note_en)  # says why if unsettled
        return self


class Period(_Strict):
    """The rules a layer has in force from ``from`` to ``until`` (inclusive; open if absent)."""

    start: Day = Field(alias="from")
    until: Day | None = None
    id: str | None = Field(default=None, pattern=r"^[a-z0-9_]+$")  # the resolved policy's id
    title: str | None = None
    title_en: str | None = None
    citations: dict[str, Citation] = Field(default_factory=dict)
    rules: dict[str, Any] = Field(default_factory=dict)

    model_config = _Strict.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.until is not None and self.until < self.start:
            raise ValueError("until is before from")
        return self

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.until is None or day <= self.until)


class Layer(_Strict):
    layer: LayerInfo
    citations: dict[str, Citation] = Field(default_factory=dict)
    # Rules that hold in every period of the layer (values dated by their own fields, e.g. a
    # minimum wage's `since`); a period's rules go over them.
    rules: dict[str, Any] = Field(default_factory=dict)
    periods: list[Period] = Field(min_length=1, max_length=100)
    origin: str = ""  # the file it came from (set by the loader, named in errors)

    @model_validator(mode="after")
    def _no_overlap(self) -> Layer:
        ps = sorted(self.periods, key=lambda p: p.start)
        for a, b in zip(ps, ps[1:]):
            if a.until is None or a.until >= b.start:
                raise ValueError(f"periods from {a.start} and from {b.start} overlap: give the first an until before {b.start}")
        return self

    @property
    def id(self) -> str:
        return self.layer.id

    def period_on(self, day: date) -> Period | None:
        return next((p for p in self.periods if p.covers(day)), None)


def parse_layer(data: dict[str, Any], origin: str) -> Layer:
    try:
        return Layer.model_validate({**data, "origin": origin})
    except ValidationError as e:
        raise PolicyError(f"policy layer {origin}: {_describe(e)}") from None


# ---------------------------------------------------------------- reading only the [layer] table

_LAYER_START = re.compile(r"^\[layer\][ \t]*(?:#.*)?$", re.M)
_BEFORE_OK = re.compile(r"\A(?:[ \t]*(?:#.*)?\n)*\Z")  # blank lines and comments only
_OTHER_TABLE = re.compile(r"^[ \t]*\[(?!\[?[ \t]*layer[ \t]*[.\]])", re.M)
_LAYER_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*[\"']?layer[\"']?[ \t]*[.\]]", re.M)


def read_header(text: str) -> LayerInfo | None:
    """The ``[layer]`` table of a layer file, read without parsing or validating the rest, so a
    run resolves names (id, name, code, cities) cheaply and loads only the chain it needs.

    None unless the file opens with that table (after comments) and names ``layer`` nowhere
    else; the caller then reads the whole file. A cut inside a multi-line value leaves an
    unclosed string or bracket, which fails to parse, so it is never mistaken for a header.
    """
    start = _LAYER_START.search(text)
    if start is None or not _BEFORE_OK.match(text[: start.start()]):
        return None
    end = _OTHER_TABLE.search(text, start.end())
    cut = end.start() if end is not None else len(text)
    if _LAYER_TABLE.search(text, cut):
        return None
    try:
        data = tomllib.loads(text[start.start() : cut])
        return LayerInfo.model_validate(data["layer"]) if data.keys() == {"layer"} else None
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):  # ValidationError is a ValueError
        return None


class LayerSource:
    """A layer file known by its ``[layer]`` table; the whole file is read and validated on first use."""

    def __init__(self, info: LayerInfo, origin: str, load: Callable[[], Layer]):
        self.info, self.origin, self._load = info, origin, load
        self._layer: Layer | None = None

    @classmethod
    def of(cls, layer: Layer) -> LayerSource:
        src = cls(layer.layer, layer.origin, lambda: layer)
        src._layer = layer
        return src

    @classmethod
    def from_text(cls, text: str, origin: str, parse: Callable[[], dict[str, Any]]) -> LayerSource:
        """``parse`` reads the whole file (its errors name it); it runs now only if the header
        cannot be read on its own."""
        info = read_header(text)
        if info is None:
            return cls.of(parse_layer(parse(), origin))
        return cls(info, origin, lambda: parse_layer(parse(), origin))

    @property
    def id(self) -> str:
        return self.info.id

    def layer(self) -> Layer:
        if self._layer is None:
            layer = self._load()
            if layer.layer != self.info:  # cannot happen for a file read_header accepted; never trust it silently
                raise PolicyError(f"policy layer {self.origin}: field layer: read differently on its own and in the whole file")
            self._layer = layer
        return self._layer


# ---------------------------------------------------------------- merging

def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = _merge(old, value)
        elif key == "segments" and isinstance(old, list) and isinstance(value, list):
            out[key] = _merge_named(old, value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _merge_named(old: list[Any], new: list[Any]) -> list[Any]:
    """Segments by name: a lower layer's segment changes the upper one of that name (or, with
    ``replace = true``, takes its place whole) or comes after."""
    out = [copy.deepcopy(s) for s in old]
    names = [s.get("name") if isinstance(s, dict) else None for s in out]
    for seg in new:
        name = seg.get("name") if isinstance(seg, dict) else None
        # replace = true: the lower layer restates the segment whole (a city reading the province's
        # "three months" as 90 days must drop the months, which a key-by-key merge would keep).
        replace = isinstance(seg, dict) and seg.get("replace") is True
        if replace:
            seg = {k: v for k, v in seg.items() if k != "replace"}
        if name is not None and name in names:
            i = names.index(name)
            out[i] = copy.deepcopy(seg) if replace else _merge(out[i], seg)
        else:
            out.append(copy.deepcopy(seg))
            names.append(name)
    return out


def _has_path(tree: Any, path: tuple[Any, ...]) -> bool:
    """Whether a layer's rules set the field at ``path`` (a list index may differ after merging
    segments by name, so any item of a list will do)."""
    if not path:
        return True
    step, rest = path[0], path[1:]
    if isinstance(tree, dict):
        return step in tree and _has_path(tree[step], rest)
    if isinstance(tree, list) and isinstance(step, int):
        return any(_has_path(item, rest) for item in tree)
    return False


# ---------------------------------------------------------------- resolving

class Chain:
    """A jurisdiction's layers, lowest first (city, province, country)."""

    def __init__(self, layers: list[Layer]):
        self.layers = layers
        self.own = layers[0]

    def spans(self) -> Iterator[tuple[date, date | None]]:
        """The stretches of time over which no layer of the chain changes, within the own layer's periods."""
        cuts = sorted({d for layer in self.layers for p in layer.periods for d in _bounds(p)})
        for p in sorted(self.own.periods, key=lambda p: p.start):
            inner = [d for d in cuts if p.start < d and (p.until is None or d <= p.until)]
            starts = [p.start, *inner]
            for a, b in zip(starts, [*inner, None]):
                yield a, (b - timedelta(days=1)) if b is not None else p.until

    def resolve(self, start: date, until: date | None) -> Policy:
        """The policy in force from ``start`` to ``until`` (a span from :meth:`spans`)."""
        used = [(layer, layer.period_on(start)) for layer in reversed(self.layers)]
        parts = [(layer, p) for layer, p in used if p is not None]
        own = parts[-1][1]
        info = self.own.layer
        data: dict[str, Any] = {}
        citations: dict[str, Any] = {}
        for layer, p in parts:
            citations.update({k: v.model_dump(exclude_none=True) for k, v in layer.citations.items()})
            citations.update({k: v.model_dump(exclude_none=True) for k, v in p.citations.items()})
            data = _merge(_merge(data, layer.rules), p.rules)
        whole = own.until is None or until == own.until
        data.update(
            id=own.id if own.id and start == own.start and whole else f"{info.id}_{start:%Y%m%d}",
            jurisdiction=info.id,
            title=own.title or f"{info.name}（{start}起）",
            title_en=own.title_en or f"{info.name_en} (from {start})",
            effective_from=start,
            citations=citations,
            review={"status": info.status, "note": info.review_note, "note_en": info.review_note_en},
            layers=[layer.origin for layer in self.layers],
        )
        if until is not None:
            data["effective_until"] = until
        try:
            return Policy.model_validate(data)
        except ValidationError as e:
            loc = tuple(e.errors()[0]["loc"])
            blame = next((f"{layer.origin} (period from {p.start})" for layer, p in reversed(parts) if _has_path(p.rules, loc)), None)
            blame = blame or next((layer.origin for layer, _ in reversed(parts) if _has_path(layer.rules, loc)), None)
            blame = blame or " <- ".join(layer.origin for layer in self.layers)
            raise PolicyError(f"policy layer {blame}: {_describe(e)} (resolving {info.id} from {start})") from None


def _bounds(p: Period) -> Iterable[date]:
    yield p.start
    if p.until is not None:
        yield p.until + timedelta(days=1)


def by_id(sources: Iterable[LayerSource]) -> dict[str, LayerSource]:
    """The layers by id; two layers of one id are an error."""
    out: dict[str, LayerSource] = {}
    for src in sources:
        if src.id in out:
            raise PolicyError(f"policy layers {out[src.id].origin} and {src.origin} both have the id {src.id!r}")
        out[src.id] = src
    return out


def chain_of(own: str, sources: dict[str, LayerSource]) -> Chain:
    """The chain of the jurisdiction ``own`` (a layer below the country), each layer read in full."""
    first = sources[own]
    chain = [first]
    while chain[-1].info.parent is not None:
        parent = sources.get(chain[-1].info.parent)
        if parent is None:
            raise PolicyError(f"policy layer {chain[-1].origin}: field layer.parent: unknown layer {chain[-1].info.parent!r}")
        if parent in chain:
            raise PolicyError(f"policy layer {first.origin}: field layer.parent: the chain of parents loops")
        chain.append(parent)
    return Chain([src.layer() for src in chain])


def jurisdictions(sources: dict[str, LayerSource]) -> list[str]:
    """Every jurisdiction a user can ask for: each layer below the country."""
    return [i for i, src in sources.items() if src.info.level != "country"]


def names(infos: Iterable[LayerInfo]) -> dict[str, str]:
    """Every name a user may give ``--jurisdiction`` (id, name, short name, code, alias, and the
    cities without a layer of their own), folded to lower case, mapped to the layer id."""
    infos = [i for i in infos if i.level != "country"]
    out: dict[str, str] = {}
    for info in infos:
        for city in info.cities:
            for n in (city.id, city.name, city.name.removesuffix("市"), city.code, *([city.short] if city.short else [])):
                out.setdefault(n.casefold(), info.id)
    for info in infos:  # a layer's own names win over a province's city list
        for n in (info.id, info.name, info.short or info.id, info.code, *info.aliases):
            out[n.casefold()] = info.id
    return out


# ---------------------------------------------------------------- the list of places


class Listing(_Strict):
    """One jurisdiction a user can name, for `leavecalc jurisdictions`: a layer, or a city using its province's."""

    id: str
    level: Level
    name: str
    name_en: str | None
    code: str
    parent: str | None
    own_layer: bool
    status: Status
    verified_on: date | None
    sources: list[str]


def places(layers: Iterable[Layer]) -> list[Listing]:
    """Every province and city the bundled and user layers know, with the documents their law rests on
    (interpretations left out: they are the project's readings, not sources)."""
    out: list[Listing] = []
    for layer in sorted(layers, key=lambda la: la.layer.code):
        info = layer.layer
        if info.level == "country":
            continue
        docs = sorted({c.document for c in layer.citations.values() if c.confidence != "interpretation"})
        common = dict(status=info.status, verified_on=info.verified_on, sources=docs)
        out.append(Listing(id=info.id, level=info.level, name=info.name, name_en=info.name_en, code=info.code, parent=info.parent, own_layer=True, **common))
        out += [Listing(id=c.id, level="city", name=c.name, name_en=None, code=c.code, parent=info.id, own_layer=False, **common) for c in info.cities]
    return sorted(out, key=lambda p: p.code)
