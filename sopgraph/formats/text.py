"""Plain text in any common encoding: detection, mojibake repair and normalisation.

Also holds :func:`normalise`, which every format's text goes through, so a ligature or a
soft hyphen from a PDF looks the same as one typed into a .txt file.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from ..errors import DocumentReadError, NotTextError
from ..limits import Limits

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096
# Ligatures PDFs and typesetters emit; NFKC would fold them but also much else (superscripts, ½).
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st", "\u00ad": None, "\u200b": None, "\ufeff": None})
# C0/C1 controls other than tab, newline and form feed carry no text; NUL would break rdflib.
# Lone surrogates cannot be encoded as UTF-8 at all (no decoder here yields them, but an
# extractor might), so they go too.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _control_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return controls / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NULs sit in every other byte, as in ASCII-range UTF-16."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0) / (len(sample) // 2)
    odd = sample[1::2].count(0) / (len(sample) // 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _legacy_encoding(data: bytes) -> str:
    """Pick a single-byte encoding for bytes that are not UTF-8.

    Statements are mostly in Latin script, where charset detection on a short text often
    guesses a wrong code page (Cyrillic for French). So cp1252 (what Windows word
    processors write; latin-1 for the five bytes it leaves undefined) is taken unless it
    would make most letters accented, which is what Greek or Cyrillic bytes look like read
    as cp1252; only then is charset detection asked.
    """
    try:
        fallback, text = "cp1252", data.decode("cp1252")
    except UnicodeDecodeError:
        fallback, text = "latin-1", data.decode("latin-1")
    letters = [c for c in text[:20_000] if c.isalpha()]
    accented = sum(1 for c in letters if not c.isascii())
    if not letters or accented <= 0.4 * len(letters):
        return fallback
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else fallback


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode document bytes, returning ``(text, encoding)``.

    Order: a byte-order mark, UTF-16 without one, strict UTF-8, then a detected legacy
    encoding. Raises :class:`NotTextError` for binary data and
    :class:`DocumentReadError` for bytes that fit no encoding.
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None) or _utf16_without_bom(data)
    if encoding is None:
        if b"\x00" in data[:_SAMPLE]:
            raise NotTextError("looks like a binary file (NUL bytes); convert it to text first")
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding = _legacy_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentReadError(f"invalid {encoding} text ({exc.reason} at byte {exc.start}); "
                                "save it again as UTF-8") from exc
    return text, encoding


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("Ã©" → "é") and similar, changing nothing else."""
    if text.isascii():
        # ftfy returns ASCII text unchanged (no mojibake; the other fixes enabled below
        # concern C1 controls and surrogates): skip its line-by-line pass.
        return text
    import ftfy

    config = ftfy.TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
                                  fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
                                  remove_control_chars=False, normalization=None, explain=False)
    return ftfy.fix_text(text, config)


def normalise(text: str) -> str:
    """Line ends to ``\\n``, NFC, ligatures spelled out; soft hyphens, controls and lone surrogates dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_LIGATURES)
    return _CONTROLS.sub("", text)


def check_text(text: str) -> None:
    """Raise :class:`NotTextError` when decoded "text" is mostly control characters."""
    if _control_ratio(text) > 0.05:
        raise NotTextError("looks like a binary file (control characters); convert it to text first")


def extract(path: Path, data: bytes, limits: Limits) -> tuple[str, str]:
    """Plain text or Markdown: decode and refuse binary (the reader repairs and normalises)."""
    text, encoding = decode_bytes(data)
    check_text(text)
    return text, encoding
