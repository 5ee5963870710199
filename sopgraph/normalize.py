"""Turn a document's text into clean prose for NLP, keeping a map back to the original.

Markdown markers, HTML tags and entities, LaTeX math and hyphenated line breaks are
removed; every clean character remembers the index of the original character it came
from, so a mention found in the clean text still points at its place in the file.
"""
from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from .model import CleanText

Replacement = str | Callable[[re.Match[str]], str] | None


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    keep_group: int | None = None
    replacement: Replacement = None


def _rule(regex: str, *, keep: int | None = None, to: Replacement = None, flags: int = 0) -> _Rule:
    return _Rule(re.compile(regex, flags), keep, to)


_LATEX_SYMBOLS = {
    "times": "×", "cdot": "·", "ell": "ℓ", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
    "epsilon": "ε", "lambda": "λ", "mu": "μ", "sigma": "σ", "pi": "π", "approx": "≈", "sim": "~",
    "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥", "pm": "±", "infty": "∞", "rightarrow": "→",
    "to": "→", "%": "%", "&": "&", "_": "_",
}


def _latex_command(match: re.Match[str]) -> str:
    return _LATEX_SYMBOLS.get(match.group(1) or match.group(2), "")


# A list item's bullet or number at the start of its line ("- ", "• ", "2. ").
_LIST_MARKER = r"^[ \t]*(?:[-*+•▪●◦]|\d{1,3}\.)[ \t]+(?=\S)"
_LIST_ITEM = re.compile(_LIST_MARKER + r"|<li\b[^<>]{0,200}>\s*", re.M | re.I)

# Order matters: containers (code, math, links) first, then inline markers, then spacing.
_RULES: tuple[_Rule, ...] = (
    _rule(r"<(script|style)\b.*?</\1\s*>", to="", flags=re.S | re.I),
    _rule(r"<!--.*?-->", to="", flags=re.S),
    _rule(r"<br\s*/?>|</(?:p|div|li|h[1-6]|tr)>", to="\n", flags=re.I),
    # A superscript number after punctuation or a word is a citation ("Research,<sup>1</sup>",
    # "shown<sup>2,3</sup>"), read as "[1]"; after a digit or a unit ("10<sup>6</sup>", "m<sup>2</sup>") a power.
    _rule(r"(?:(?<=[,.;:)\]])|(?<=[^\W\d_]{3}))<sup>\s*(\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,6})\s*</sup>",
          to=lambda m: " [" + re.sub(r"\s+", "", m.group(1)) + "]", flags=re.I),
    _rule(r"(?<=\d)<sup>\s*([-−–]?\d{1,4})\s*</sup>", to=lambda m: "^" + m.group(1), flags=re.I),
    _rule(r"</?[A-Za-z][^<>]{0,200}>", to=""),
    _rule(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});", to=lambda m: html.unescape(m.group(0))),
    _rule(r"\$\$?([^$\n]{1,200}?)\$\$?", keep=1),
    # a starred command ("\section*{…}") loses its star; "\ " after an abbreviation is a plain space
    _rule(r"\\([a-zA-Z]+)\*|\\([a-zA-Z]+|[%&_])", to=_latex_command),
    _rule(r"(?<=\S)\\(?= )", to=""),
    _rule(r"[{}]", to=""),
    # LaTeX quotes (``title'') and ties (ROS~2)
    _rule(r"``", to='"'),
    _rule(r"(?<=[\w.,;:!?)])''(?=[\s,.;:)]|$)", to='"', flags=re.M),
    _rule(r"(?<=[\w.])~(?=\w)", to=" "),
    _rule(r"!?\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)", keep=1),
    _rule(r"`([^`\n]{1,200})`", keep=1),
    _rule(r"^[ \t]{0,3}#{1,6}[ \t]+", to="", flags=re.M),
    _rule(_LIST_MARKER, to="", flags=re.M),
    _rule(r"^[ \t]*(?:[-*_][ \t]*){3,}$", to="", flags=re.M),
    # An escaped marker (Markdown "\*") is a literal character, never half of an emphasis pair.
    _rule(r"(?<!\\)(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1", keep=2),
    _rule(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=[^\s\\])\*(?![\w*])", keep=1),
    _rule(r"(?<![\w_\\])_(?=\S)([^_\n]+?)(?<=[^\s\\])_(?![\w_])", keep=1),
    _rule(r"\\([\\`*_{}\[\]()#+\-.!])", keep=1),
    _rule(r"(?<=[a-z])-\n[ \t]*(?=[a-z])", to=""),
    _rule("[\u00ad\u200b\u200c\u200d\ufeff]", to=""),
    _rule(r"[ \t\u00a0]+\n", to="\n"),
    _rule(r"[ \t\u00a0]{2,}|\t|\u00a0", to=" "),
    _rule(r"\n{3,}", to="\n\n"),
)


def _apply(text: str, offsets: list[int], rule: _Rule) -> tuple[str, list[int]]:
    if rule.pattern.search(text) is None:
        return text, offsets  # most rules find nothing in a statement: skip copying the offset map
    out: list[str] = []
    out_offsets: list[int] = []
    pos = 0
    for match in rule.pattern.finditer(text):
        start, end = match.span()
        out.append(text[pos:start])
        out_offsets.extend(offsets[pos:start])
        if rule.keep_group is not None:
            g_start, g_end = match.span(rule.keep_group)
            out.append(text[g_start:g_end])
            out_offsets.extend(offsets[g_start:g_end])
        else:
            rep = rule.replacement
            piece = rep(match) if callable(rep) else (rep or "")
            out.append(piece)
            out_offsets.extend([offsets[start]] * len(piece))
        pos = end
    out.append(text[pos:])
    out_offsets.extend(offsets[pos:])
    return "".join(out), out_offsets


def clean_text(text: str) -> CleanText:
    """Return NLP-ready text and its offset map back into ``text``.

    ``text`` is expected to be NFC already (the readers normalise); characters are never
    re-ordered, only dropped or replaced, so the offset map is monotonic.
    """
    offsets = list(range(len(text)))
    current = text
    for rule in _RULES:
        current, offsets = _apply(current, offsets, rule)
    # Leading blank lines carry no information and would shift section detection.
    stripped = current.lstrip("\n ")
    drop = len(current) - len(stripped)
    offsets = offsets[drop:]
    offsets.append(len(text))
    items = _list_item_starts(text, offsets)
    return CleanText(text=_unwrapped(stripped, frozenset(items)), offsets=tuple(offsets), list_items=items)


# A hard-wrapped text (a plain-text e-mail, a PDF's lines) breaks names and sentences at its
# margin ("Instituto Superior de Tecnologias e\nCiências"): the parser and the name patterns
# stop at a line break. Such a break becomes a space; one space for one newline keeps the offset map.
_WRAP_MIN_LINES = 5  # lines of 40 characters or more needed to tell a margin
_WRAP_MAX_WIDTH = 100  # wider lines are paragraphs written on one line each, not wrapped
# Paragraphs of one text are often wrapped a few columns apart (a reply at 72 under a quote at 76): a
# line that reaches nearly to the margin may end a few columns short of it. (Short lines, a header's, may not.)
_WRAP_SLACK = 4
_WRAP_NEARLY = 0.85
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*$")  # a line that ends a sentence or opens a list
_ABBREVIATION_END = re.compile(r"\b[A-Z][a-z]{0,3}\.$")  # not one that ends in a title or an initial: "… join Dr."
# "[2] …", "3. …": a new reference or list entry; "Intended group: …": a labelled line of a header
_ENTRY_START = re.compile(r"\[\d|\(?\d{1,3}[.)]\s|[A-Z][\w-]*(?: [\w-]+){0,3}:\s")


def _unwrapped(text: str, item_starts: frozenset[int]) -> str:
    """``text`` with the line breaks of a hard-wrapped paragraph turned into spaces.

    A break is a wrap when the next line's first word would not have fitted on the line
    before it (give or take a few columns), the line does not end a sentence, and the next line does not open a list
    item. A text with no margin (its long lines vary past 100 characters) is kept as it is.
    """
    lines = text.split("\n")
    widths = sorted(len(line) for line in lines if len(line) >= 40)
    if len(widths) < _WRAP_MIN_LINES:
        return text
    margin = widths[(9 * len(widths)) // 10 - 1]
    if margin > _WRAP_MAX_WIDTH:
        return text
    chars = list(text)
    start = 0
    for line, following in zip(lines, lines[1:]):
        newline = start + len(line)
        start = newline + 1
        first_word = following.split(" ", 1)[0]
        slack = _WRAP_SLACK if len(line) >= _WRAP_NEARLY * margin else 0
        if (line.strip() and first_word and len(line) + 1 + len(first_word) > margin - slack
                and not (_SENTENCE_END.search(line) and not _ABBREVIATION_END.search(line)) and start not in item_starts
                and not _ENTRY_START.match(following)):
            chars[newline] = " "
    return "".join(chars)


def _list_item_starts(text: str, offsets: list[int]) -> tuple[int, ...]:
    """Clean offsets of the first character of each list item of ``text`` (after its bullet or ``<li>``)."""
    last = len(offsets) - 1  # the final entry maps the end of the text
    starts = {bisect_left(offsets, match.end(), 0, last) for match in _LIST_ITEM.finditer(text)}
    return tuple(sorted(i for i in starts if i < last))


def nfc(text: str) -> str:
    """Unicode NFC plus the compatibility folds that matter for names (ligatures, NBSP)."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\ufb00", "ff")
