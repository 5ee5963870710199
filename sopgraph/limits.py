"""Configurable limits that keep one bad input from exhausting a batch."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Per-input limits of a build; every field can be set from the CLI.

    ``chunk_chars`` is not a rejection limit: longer texts are split into chunks of at most
    this many characters (spaCy refuses texts beyond its ``max_length``, and the parser's
    memory grows with the text), and their extractions are merged with offsets kept.
    """

    max_bytes: int = 20_000_000
    """Files larger than this on disk are ``too_large``."""
    max_chars: int = 5_000_000
    """Texts longer than this after extraction are ``too_large``."""
    chunk_chars: int = 100_000
    """Texts longer than this are split into chunks for the NLP pipeline."""
    docx_max_entries: int = 2_000
    """A .docx zip with more entries than this is refused before parsing."""
    docx_max_uncompressed: int = 100_000_000
    """A .docx whose entries decompress to more bytes than this is refused before parsing."""
    pdf_timeout: float = 30.0
    """Seconds one PDF may take to extract (in a child process) before it is given up."""
    pdf_max_memory: int = 1_000_000_000
    """Address-space limit (bytes) of the PDF child process, where the OS supports it."""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_chars", "chunk_chars", "docx_max_entries", "docx_max_uncompressed",
                     "pdf_max_memory"):
            if getattr(self, name) <= 0:
                raise ValueError(f"limit {name} must be positive, got {getattr(self, name)!r}")
        if self.pdf_timeout <= 0:
            raise ValueError(f"limit pdf_timeout must be positive, got {self.pdf_timeout!r}")


DEFAULT_LIMITS = Limits()
