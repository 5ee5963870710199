"""Child process that extracts a PDF's text: ``python -m sopgraph.formats.pdf_child MAX_MEMORY``.

Reads the PDF bytes from stdin and writes the text, pages separated by form feeds, to
stdout as UTF-8. Runs apart from the build so a malformed PDF that loops, recurses or
allocates without end costs only this process (the parent enforces the time limit; the
memory limit is set here, before pypdf is imported). Exit codes: 0 ok, 3 encrypted,
4 extraction error (message on the last stderr line).
"""
from __future__ import annotations

import sys

EXIT_ENCRYPTED = 3
EXIT_ERROR = 4


def _limit_memory(max_bytes: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
    except (ImportError, ValueError, OSError):  # not POSIX, or a lower hard limit already set
        pass


def main(argv: list[str]) -> int:
    """Extract stdin's PDF to stdout; return the exit code."""
    _limit_memory(int(argv[0]) if argv else 1_000_000_000)
    import io
    import logging

    logging.disable(logging.WARNING)  # pypdf logs every repaired xref; the parent wants one line
    data = sys.stdin.buffer.read()
    try:
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            print("encrypted PDF (needs a password); save an unprotected copy", file=sys.stderr)
            return EXIT_ENCRYPTED
        pages = [page.extract_text() or "" for page in reader.pages]
    except BaseException as exc:  # noqa: BLE001 — any failure, even RecursionError/MemoryError, is one message
        print(f"damaged PDF ({type(exc).__name__}: {str(exc)[:200]})".replace("\n", " "), file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.buffer.write("\f".join(pages).encode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
