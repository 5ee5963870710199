"""Turn the bytes of one input file into text, per format.

Each extractor takes a path and the run's :class:`~sopgraph.limits.Limits` and returns
``(text, encoding)`` or raises a :class:`~sopgraph.errors.DocumentReadError` subclass whose
``status`` says what went wrong. Only :mod:`sopgraph.readers` calls these.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..limits import Limits
from . import docx, html, pdf, text

Extractor = Callable[[Path, bytes, Limits], tuple[str, str]]

EXTRACTORS: dict[str, Extractor] = {
    ".txt": text.extract,
    ".text": text.extract,
    ".md": text.extract,
    ".markdown": text.extract,
    ".html": html.extract,
    ".htm": html.extract,
    ".xhtml": html.extract,
    ".pdf": pdf.extract,
    ".docx": docx.extract,
}
SUPPORTED_SUFFIXES = frozenset(EXTRACTORS)


def extractor_for(path: Path) -> Extractor:
    """The extractor for ``path``'s suffix; unknown suffixes are read as plain text."""
    return EXTRACTORS.get(path.suffix.lower(), text.extract)
