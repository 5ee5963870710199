"""Read input paths into :class:`~sopgraph.model.Document` objects.

Folders are walked recursively in sorted order (so builds are deterministic); inside a
folder only files with a supported extension are taken, while a file named explicitly is
always attempted. Every path ends as either a ``Document`` or a ``ReadFailure``.
"""
from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import DocumentReadError
from .model import Document, ReadFailure

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".html", ".htm"})
MAX_BYTES = 5_000_000

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode document bytes, returning ``(text, encoding)``.

    Raises :class:`DocumentReadError` for binary data; falls back from UTF-8 to cp1252
    because that is what legacy word processors on Windows write.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data[:4096]:
        raise DocumentReadError("looks like a binary file (NUL bytes); convert it to text first")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DocumentReadError(f"not UTF-8 or cp1252 text ({exc.reason} at byte {exc.start})") from exc
    return text, "cp1252"


def _looks_binary(text: str) -> bool:
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f")
    return controls > 0.05 * min(len(text), 4096)


def read_document(path: Path, *, name: str | None = None) -> Document:
    """Read one file as a :class:`Document`; raise :class:`DocumentReadError` if impossible."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentReadError(f"file is {size} bytes, more than the {MAX_BYTES}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentReadError(f"cannot read file: {exc.strerror or exc}") from exc
    text, encoding = decode_bytes(data)
    if _looks_binary(text):
        raise DocumentReadError("looks like a binary file (control characters); convert it to text first")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentReadError("file is empty")
    return Document(path=path, name=name or path.name, text=text, encoding=encoding)


def read_inputs(inputs: Iterable[Path]) -> Iterator[Document | ReadFailure]:
    """Read every input path, yielding a Document or a ReadFailure for each file."""
    for item in iter_input_files(inputs):
        if isinstance(item, ReadFailure):
            yield item
            continue
        try:
            yield read_document(item)
        except DocumentReadError as exc:
            yield ReadFailure(item, str(exc))
