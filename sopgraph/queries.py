"""The named questions: competency queries shipped as ``sopgraph/data/queries/*.rq``.

A question's parameters are declared in its header as ``# param: NAME  description``
and are bound as plain literals by the engine (``--param NAME=VALUE``), never pasted into
the query text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from .errors import QueryError

_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class NamedQuery:
    """One shipped question: its name, first comment line, parameters and SPARQL text."""

    name: str
    description: str
    params: tuple[str, ...]
    text: str


def _root():
    return resources.files("sopgraph") / "data" / "queries"


def names() -> list[str]:
    """Names of every shipped question, sorted."""
    return sorted(p.name[:-3] for p in _root().iterdir() if p.name.endswith(".rq"))


def get(name: str) -> NamedQuery:
    """The named question ``name``; :class:`QueryError` naming the known ones otherwise."""
    if name not in names():
        raise QueryError(f"no named question {name!r}; choose one of: {', '.join(names())}")
    text = (_root() / f"{name}.rq").read_text(encoding="utf-8")
    first = text.splitlines()[0].lstrip("# ").strip() if text else ""
    return NamedQuery(name, first, tuple(m.group(1) for m in _PARAM.finditer(text)), text)


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["name=Ada Lovelace"]`` → ``{"name": "Ada Lovelace"}``; rejects malformed pairs."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"\w+", key):
            raise QueryError(f"--param {pair!r} is not NAME=VALUE (e.g. --param name='Eilidh Ramsay')")
        out[key] = value
    return out


def check_params(query: NamedQuery, params: dict[str, str]) -> None:
    """Every declared parameter given, and no unknown one."""
    missing = [p for p in query.params if p not in params]
    unknown = [p for p in params if p not in query.params]
    if missing:
        raise QueryError(f"named question {query.name!r} needs --param {missing[0]}=VALUE")
    if unknown:
        allowed = ", ".join(query.params) or "none"
        raise QueryError(f"named question {query.name!r} has no parameter {unknown[0]!r} (parameters: {allowed})")
