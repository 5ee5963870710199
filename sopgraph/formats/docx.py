"""Word .docx files, with the zip container checked before anything is decompressed.

A .docx is a zip; a "zip bomb" declares a few kilobytes that inflate to gigabytes. The
central directory is read first and the file refused when it has too many entries or its
entries add up to more than the configured size. Python's zipfile never inflates an entry
beyond its declared size, so the declared sizes are a real bound.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import DocumentReadError, NotTextError, TooLargeError
from ..limits import Limits


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a zip that is not one, or is too big once decompressed, before parsing it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise NotTextError(f"not a .docx file (not a zip archive: {exc}); save it again from Word") from exc
    if len(entries) > limits.docx_max_entries:
        raise TooLargeError(f".docx has {len(entries)} zip entries, more than the limit of "
                            f"{limits.docx_max_entries} (raise --max-docx-entries if it is genuine)")
    total = sum(e.file_size for e in entries)
    if total > limits.docx_max_uncompressed:
        raise TooLargeError(f".docx decompresses to {total} bytes, more than the limit of "
                            f"{limits.docx_max_uncompressed} (a zip bomb? raise --max-docx-bytes if it is genuine)")
    if not any(e.filename == "word/document.xml" for e in entries):
        raise NotTextError("zip archive without word/document.xml; not a Word .docx file")


def _paragraph_texts(document) -> list[str]:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell.text not in cells:  # merged cells repeat their text
                    cells.append(cell.text)
            parts.append("\t".join(cells))
    return parts


def extract(path: Path, data: bytes, limits: Limits) -> tuple[str, str]:
    """The paragraphs (then table rows) of a .docx, one per line."""
    check_zip(data, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(_paragraph_texts(document))
    except Exception as exc:  # python-docx/lxml raise many types on a damaged file
        raise DocumentReadError(f"damaged .docx ({type(exc).__name__}: {exc}); open and save it again in Word") \
            from exc
    return text, "docx"
