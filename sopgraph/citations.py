"""In-text citations linked to reference-list entries: "[3]", "[1, 4]", "(Doe et al., 2020b)".

Pure string processing over the normalised text; a citation links to an entry by its number,
or by first author's surname and year (with the letter that tells two papers of one year
apart).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .names import fold, name_tokens
from .references import Reference

_NUMERIC = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")
_PARENS = re.compile(r"\(([^()]{3,200}?(?:19|20)\d{2}[a-z]?)\)")
_AUTHOR_YEAR = re.compile(r"([A-Z][\w'’-]+)(?:\s+(?:et al\.?|and|&)(?:\s+[A-Z][\w'’-]+)?)?,?\s+((?:19|20)\d{2})([a-z]?)")
_NARRATIVE = re.compile(r"([A-Z][\w'’-]+)(?:\s+(?:et al\.?|and|&)(?:\s+[A-Z][\w'’-]+)?)?\s+\(((?:19|20)\d{2})([a-z]?)\)")


@dataclass(frozen=True)
class Citation:
    """A citation's character range in the text and the index of the entry it cites."""

    start: int
    end: int
    reference: int


def _numbers(text: str) -> Iterator[int]:
    for part in re.split(r"\s*,\s*", text):
        bounds = re.split(r"\s*[–-]\s*", part)
        if len(bounds) == 2 and all(b.isdigit() for b in bounds) and int(bounds[1]) - int(bounds[0]) < 20:
            yield from range(int(bounds[0]), int(bounds[1]) + 1)
        elif part.isdigit():
            yield int(part)


def _by_author_year(refs: list[Reference], surname: str, year: str, suffix: str) -> int | None:
    matches = [i for i, r in enumerate(refs)
               if r.year == int(year) and r.authors and name_tokens(r.authors[0])[-1:] == [fold(surname)]
               and (not suffix or r.year_suffix == suffix)]
    return matches[0] if len(matches) == 1 else None


def find_citations(text: str, refs: list[Reference]) -> list[Citation]:
    """Every citation in ``text`` that resolves to exactly one entry of ``refs``."""
    out: list[Citation] = []
    by_marker = {r.marker: i for i, r in enumerate(refs) if r.marker}
    for m in _NUMERIC.finditer(text):
        for n in _numbers(m.group(1)):
            if str(n) in by_marker:
                out.append(Citation(m.start(), m.end(), by_marker[str(n)]))
    for m in _PARENS.finditer(text):
        for part in m.group(1).split(";"):
            cite = _AUTHOR_YEAR.search(part)
            if cite:
                index = _by_author_year(refs, *cite.groups())
                if index is not None:
                    out.append(Citation(m.start(), m.end(), index))
    for m in _NARRATIVE.finditer(text):
        index = _by_author_year(refs, *m.groups())
        if index is not None:
            out.append(Citation(m.start(), m.end(), index))
    return sorted(set(out), key=lambda c: (c.start, c.reference))
