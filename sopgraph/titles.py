"""Titles written before a person's name ("Prof.", "Dra.", "Engr.", "Assoc. Prof. Dr.", "dr hab.").

One package data file (``data/lexicon/titles.json``) lists them by kind; every stage that
meets a title (the tokenizer, sentence boundaries, the person pattern, name cleaning, the
rules that find a name after a role) takes its forms from here, so a title added there is
known everywhere.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

KINDS = ("academic", "courtesy", "professional", "honorific", "rank", "after_title", "plural")
"""The kinds of title the data file lists."""
NAME_TITLES = ("academic", "courtesy", "professional", "honorific")
"""The kinds that stand before a name on their own."""


@dataclass(frozen=True)
class Title:
    """One title as written (``"Prof"``) and whether its full stop is ``"none"`` (a whole word),
    ``"optional"`` or ``"required"``."""

    text: str
    kind: str
    stop: str

    @property
    def abbreviated(self) -> bool:
        """Written with a full stop ("Prof.", "Ing."), not a whole word ("Professor", "Sir")."""
        return self.stop != "none"

    @property
    def word(self) -> str:
        """Lower case, without the stop: ``"prof"``."""
        return self.text.lower()

    def pattern(self) -> str:
        """A regular expression for the title as written in running text."""
        return re.escape(self.text) + {"none": "", "optional": r"\.?", "required": r"\."}[self.stop]


def _title(entry: str, kind: str) -> Title:
    if entry.endswith(".?"):
        return Title(entry[:-2], kind, "optional")
    if entry.endswith("."):
        return Title(entry[:-1], kind, "required")
    return Title(entry, kind, "none")


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[Title, ...], dict[str, str]]:
    path = resources.files("sopgraph") / "data" / "lexicon" / "titles.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(raw) - set(KINDS) - {"reads_as"} - {k for k in raw if k.startswith("_")}
    if unknown:
        raise ValueError(f"titles.json: unknown kind(s) {sorted(unknown)}; the kinds are {', '.join(KINDS)}")
    return tuple(_title(e, kind) for kind in KINDS for e in raw.get(kind, ())), dict(raw.get("reads_as", {}))


def titles(*kinds: str) -> tuple[Title, ...]:
    """The titles of the given kinds (all kinds when none is given)."""
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown kind of title {kind!r}; the kinds are {', '.join(KINDS)}")
    return tuple(t for t in _load()[0] if not kinds or t.kind in kinds)


def words(*kinds: str) -> frozenset[str]:
    """Lower-case titles without their stop (``"prof"``, ``"professor"``), for comparing tokens."""
    return frozenset(t.word for t in titles(*kinds))


def abbreviations(*kinds: str) -> frozenset[str]:
    """Lower-case abbreviated titles with their stop (``"prof."``, ``"ing."``): a stop that never ends a sentence."""
    return frozenset(t.word + "." for t in titles(*kinds) if t.abbreviated)


def alternation(*kinds: str, abbreviated: bool = False) -> str:
    """A regular-expression group matching any title of the given kinds as written, longest first;
    with ``abbreviated``, only the titles written with a stop ("Mr." but not "Sir")."""
    chosen = sorted((t for t in titles(*kinds) if t.abbreviated or not abbreviated),
                    key=lambda t: len(t.text), reverse=True)
    return "(?:" + "|".join(t.pattern() for t in chosen) + ")"


def token_forms(reference: str) -> list[str]:
    """The lower-case token texts of the abbreviated titles a pattern names as
    ``"@abbreviated:kind,kind"``: each with and without its stop, as the tokenizer may split it off."""
    prefix = "@abbreviated:"
    if not reference.startswith(prefix):
        raise ValueError(f"unknown title reference {reference!r}; write '{prefix}' and kinds, e.g. '{prefix}academic'")
    chosen = [t for t in titles(*reference[len(prefix):].split(",")) if t.abbreviated]
    return sorted({form for t in chosen for form in (t.word, t.word + ".")})


def reads_as() -> dict[str, str]:
    """Titles the statistical model does not know, with the English abbreviation its parser should read
    them as (``"Dra."`` → ``"dr."``)."""
    return dict(_load()[1])
