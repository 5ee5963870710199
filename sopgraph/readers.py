"""Read input paths into :class:`~sopgraph.model.Document` objects.

Folders are walked recursively in sorted order (so builds are deterministic); inside a
folder only files with a supported extension are taken, while a file named explicitly is
always attempted. Every path ends as either a ``Document`` or a ``ReadFailure`` whose
``status`` is one of ``empty``, ``not_text``, ``too_large`` or ``unreadable``: nothing a
file contains makes reading raise.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import DocumentReadError, EmptyDocumentError, TooLargeError
from .formats import SUPPORTED_SUFFIXES, extractor_for
from .formats.text import normalise, repair_mojibake
from .limits import DEFAULT_LIMITS, Limits
from .model import Document, ReadFailure

__all__ = ["SUPPORTED_SUFFIXES", "iter_input_files", "read_document", "read_inputs"]

_FORMATS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".xhtml": "html"}


def iter_input_files(inputs: Iterable[Path]) -> Iterator[Path | ReadFailure]:
    """Expand files and folders into the files to read, in a stable order.

    A missing path yields a :class:`ReadFailure` instead of raising, so one typo does not
    stop a batch.
    """
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in files if not f.startswith("."))
            yield from sorted(p for p in found if p.suffix.lower() in SUPPORTED_SUFFIXES)
        elif path.is_file():
            yield path
        else:
            yield ReadFailure(path, "no such file or folder")


def read_document(path: Path, *, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one file as a :class:`Document`; raise :class:`DocumentReadError` if impossible.

    The subclass raised says why (``EmptyDocumentError``, ``NotTextError``,
    ``TooLargeError``); its ``status`` attribute is the input's status in the run report.
    """
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise TooLargeError(f"file is {size} bytes, more than the {limits.max_bytes}-byte limit "
                                "(raise --max-bytes if it is genuine)")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise EmptyDocumentError("file is empty")
    raw, encoding = extractor_for(path)(path, data, limits)
    if len(raw) > limits.max_chars:
        raise TooLargeError(f"text is {len(raw)} characters, more than the {limits.max_chars}-character limit "
                            "(raise --max-chars if it is genuine)")
    repaired = repair_mojibake(raw)
    text = normalise(repaired)
    if not text.strip():
        raise EmptyDocumentError("file is empty" if encoding not in ("pdf", "docx")
                                 else f"no text in this {encoding} (scanned images? run OCR first)")
    return Document(path=path, name=name or path.name, text=text, encoding=encoding,
                    format=_FORMATS.get(path.suffix.lower(), "text"), repaired=repaired != raw)


def read_inputs(inputs: Iterable[Path], *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | ReadFailure]:
    """Read every input path, yielding a Document or a ReadFailure for each file."""
    for item in iter_input_files(inputs):
        if isinstance(item, ReadFailure):
            yield item
            continue
        yield read_one(item, limits)


def read_one(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document | ReadFailure:
    """Read one file, turning every error into a :class:`ReadFailure`; never raises."""
    try:
        return read_document(path, limits=limits)
    except DocumentReadError as exc:
        return ReadFailure(path, str(exc), exc.status)
    except Exception as exc:  # noqa: BLE001
        # A defect in a parser should cost one input, not the batch; say which input and why.
        return ReadFailure(path, f"reader failed ({type(exc).__name__}: {exc})", "unreadable")
