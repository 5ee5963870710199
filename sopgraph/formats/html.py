"""Whole web pages → text, with the standard library's forgiving HTML parser.

Scripts, styles and other non-content elements are dropped; block elements become line
breaks so paragraphs and headings stay apart. Nothing is fetched: links, images and
stylesheets are ignored.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..limits import Limits
from .text import check_text, decode_bytes

_SKIP = frozenset({"script", "style", "head", "noscript", "template", "svg", "math", "iframe", "object"})
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                    "section", "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "title",
                    "main", "nav", "aside", "figure", "figcaption", "address"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
                   "track", "wbr", "param"})
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.cells = 0  # cells opened so far in the current table row

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "tr":
            self.cells = 0
        elif tag in ("td", "th"):
            # cells apart, as in a Markdown table: "B.Sc. | Widget University, Quilltown | 2017"
            if self.cells and not self.skip_depth:
                self.parts.append(" | ")
            self.cells += 1
        if tag == "pre":
            self.pre_depth += 1
        if tag == "sup" and not self.skip_depth:
            self.parts.append("<sup>")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        if tag == "sup" and not self.skip_depth:
            # kept as markup for the normaliser, which reads a superscript as a citation mark
            # ("Children<sup>1</sup>" → "Children [1]"), a power ("10<sup>6</sup>") or an ordinal
            self.parts.append("</sup>")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            # a line break in the markup is a space on the page ("<br>" and blocks break lines), except in <pre>
            self.parts.append(data if self.pre_depth else re.sub(r"\s*\n\s*", " ", data))


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page, one block element per paragraph."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = "".join(collector.parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _declared_charset(data: bytes) -> str | None:
    import codecs

    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def extract(path: Path, data: bytes, limits: Limits) -> tuple[str, str]:
    """An .html page: decode (honouring a ``<meta charset>``), then strip it to text."""
    declared = _declared_charset(data)
    markup, encoding = None, None
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            markup, encoding = data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    if markup is None:
        markup, encoding = decode_bytes(data)
    check_text(markup)
    return html_to_text(markup), encoding
