"""Plain data passed between the stages of the pipeline.

read → normalise → extract → resolve → graph: each stage consumes and produces the frozen
dataclasses defined here, so no stage needs to import a later one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

EntityKind = Literal["person", "organization", "venue", "paper", "topic", "program"]
APPLICANT = -1
"""Subject/object index that stands for the document's applicant in a :class:`Fact`."""


@dataclass(frozen=True)
class Document:
    """One input document, read as text."""

    path: Path
    name: str
    text: str
    encoding: str = "utf-8"
    format: str = "text"
    """How the text was obtained: ``text``, ``html``, ``pdf`` or ``docx``."""
    repaired: bool = False
    """True when mojibake ("Ã©" for "é") was repaired while reading."""


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read, with a human-readable reason."""

    path: Path
    reason: str
    status: str = "unreadable"
    """``empty``, ``not_text``, ``too_large`` or ``unreadable`` (see :mod:`sopgraph.report`)."""


@dataclass(frozen=True)
class CleanText:
    """Text prepared for NLP with a map back to the original characters.

    ``offsets[i]`` is the index in the original text of clean character ``i``;
    ``offsets[len(text)]`` is the original length, so end offsets map too. ``list_items``
    are the clean offsets where a list item begins: its bullet or number is gone from
    ``text``, yet the item is a unit of its own for the sentence splitter.
    """

    text: str
    offsets: tuple[int, ...]
    list_items: tuple[int, ...] = ()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean ``[start, end)`` span to the original document's offsets."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Mention:
    """An entity mentioned in one document (before cross-document resolution)."""

    index: int
    kind: EntityKind
    label: str
    start: int = -1
    end: int = -1
    subtype: str | None = None
    aliases: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Fact:
    """A relation between two mentions (or the applicant), or a mention and a literal."""

    subject: int
    predicate: str
    object: int | str
    confidence: float = 1.0
    rule: str = ""
    evidence: str = ""
    start: int = -1
    """Start of the evidence in the original document's text (-1 when unknown)."""
    end: int = -1


@dataclass(frozen=True)
class Applicant:
    """What a document says about its author."""

    name: str
    email: str | None = None
    homepage: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    applicant: Applicant | None
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)
