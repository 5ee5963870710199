"""How inputs are grouped: into batches of paths for a worker, and of texts for ``nlp.pipe``.

Grouping changes speed and memory only, never a result: every document is parsed and
extracted on its own, whatever else shares its batch.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from .model import Document

T = TypeVar("T")

BATCH_SIZE = 8
"""Documents parsed by one ``nlp.pipe`` batch. spaCy parses a batch faster than its texts
one by one (about 7% for en_core_web_sm on statements); beyond 8 nothing more is gained."""


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of ``items`` of ``size`` (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    for start in range(0, len(items), size):
        yield items[start:start + size]


def parse_groups(documents: Sequence[Document], max_docs: int, max_chars: int) -> Iterator[list[Document]]:
    """Consecutive groups of ``documents`` of at most ``max_docs`` and ``max_chars`` characters.

    The parser's memory grows with the text it holds, and chunking keeps any one text under
    ``chunk_chars``; a group keeps the whole batch under it too (a longer document is a
    group of its own).
    """
    group: list[Document] = []
    chars = 0
    for document in documents:
        if group and (len(group) >= max_docs or chars + len(document.text) > max_chars):
            yield group
            group, chars = [], 0
        group.append(document)
        chars += len(document.text)
    if group:
        yield group
