"""Split over-long documents for the NLP pipeline and merge their extractions back.

spaCy refuses texts beyond ``nlp.max_length`` and its parser's memory grows with the text,
so a long document is cut into chunks at paragraph (else line, else sentence, else word)
boundaries, each chunk is extracted as its own document, and the extractions are merged
into one for the original document: mention indices renumbered, character offsets (of
mentions and of facts' evidence) shifted back to the original text, so nothing downstream
can tell a chunked document apart.
"""
from __future__ import annotations

import dataclasses

from .model import APPLICANT, Document, Extraction, Fact, Mention

_BREAKS = ("\n\n", "\n", ". ", " ")


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """``(offset, chunk)`` pairs covering ``text`` exactly, each at most ``max_chars`` long."""
    if max_chars <= 0:
        raise ValueError(f"chunk size must be positive, got {max_chars}")
    chunks: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for sep in _BREAKS:
            found = text.rfind(sep, start + max_chars // 2, window_end)
            if found != -1:
                cut = found + len(sep)
                break
        if cut <= start:
            cut = window_end
        chunks.append((start, text[start:cut]))
        start = cut
    chunks.append((start, text[start:]))
    return chunks


def split_document(document: Document, max_chars: int) -> list[tuple[int, Document]]:
    """The chunks of ``document`` as documents of their own, with their offsets."""
    if len(document.text) <= max_chars:
        return [(0, document)]
    return [(offset, dataclasses.replace(document, text=chunk)) for offset, chunk in split_text(document.text, max_chars)]


def _shift(start: int, end: int, offset: int) -> dict[str, int]:
    """Chunk offsets → document offsets; -1 (unknown) stays -1."""
    return {"start": start + offset if start >= 0 else start, "end": end + offset if end >= 0 else end}


def _shift_mention(mention: Mention, index: int, offset: int) -> Mention:
    return dataclasses.replace(mention, index=index, **_shift(mention.start, mention.end, offset))


def merge_extractions(document: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction for ``document`` from the extractions of its ``(offset, chunk)`` parts.

    The applicant is the first one a chunk found (the name heads a statement); metadata
    keeps the first value of each key.
    """
    if len(parts) == 1 and parts[0][1].document is document:
        return parts[0][1]
    mentions: list[Mention] = []
    facts: list[Fact] = []
    meta: dict[str, str] = {}
    applicant = None
    seen: set[tuple] = set()
    for offset, part in parts:
        base = len(mentions)
        renumber = {m.index: base + n for n, m in enumerate(part.mentions)}
        mentions.extend(_shift_mention(m, base + n, offset) for n, m in enumerate(part.mentions))

        def target(i: int | str) -> int | str:
            return i if isinstance(i, str) or i == APPLICANT else renumber[i]

        for fact in part.facts:
            merged = dataclasses.replace(fact, subject=target(fact.subject), object=target(fact.object),
                                         **_shift(fact.start, fact.end, offset))
            key = (merged.subject, merged.predicate, merged.object)
            if key not in seen:
                seen.add(key)
                facts.append(merged)
        applicant = applicant or part.applicant
        for key, value in part.meta.items():
            meta.setdefault(key, value)
    return Extraction(document=document, applicant=applicant, mentions=tuple(mentions), facts=tuple(facts), meta=meta)
