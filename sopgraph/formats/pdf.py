"""PDF files, extracted with pypdf in a child process under a time and memory limit.

A malformed PDF can make a parser loop or recurse forever; running pypdf in its own
process means the limit holds whatever pypdf does, and a crash there is one failed input.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ..errors import DocumentReadError, NotTextError
from ..limits import Limits

_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\n(?=[a-z])")


def pdf_to_text(data: bytes, limits: Limits) -> str:
    """The text of a PDF's pages (blank line between pages); raises on failure or timeout."""
    cmd = [sys.executable, "-m", "sopgraph.formats.pdf_child", str(limits.pdf_max_memory)]
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, timeout=limits.pdf_timeout)
    except subprocess.TimeoutExpired as exc:  # subprocess.run kills the child before raising
        raise DocumentReadError(f"PDF extraction took longer than {limits.pdf_timeout:g} s "
                                "(malformed PDF? raise --pdf-timeout if it is genuine)") from exc
    except OSError as exc:
        raise DocumentReadError(f"cannot start the PDF extractor: {exc.strerror or exc}") from exc
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[-1] if lines else f"PDF extractor died (exit code {proc.returncode})"
        if proc.returncode < 0:
            reason = f"PDF extractor was killed by signal {-proc.returncode} (out of memory?)"
        raise DocumentReadError(reason)
    text = proc.stdout.decode("utf-8", "replace")
    return _HYPHEN_BREAK.sub("", text.replace("\f", "\n\n"))


def extract(path: Path, data: bytes, limits: Limits) -> tuple[str, str]:
    """A .pdf file's text; refuses files that do not even start like a PDF."""
    if b"%PDF-" not in data[:1024]:
        raise NotTextError("not a PDF file (no %PDF- header); check the file's extension")
    return pdf_to_text(data, limits), "pdf"
