"""Sentence-boundary hints set before the parser, which keeps preset boundaries.

The statistical parser splits after abbreviations ("my B.Sc. in Physics", "Prof. Ng") and
runs header lines into the first paragraph. Statements are full of both, and a relation is
only read inside one sentence, so these hints matter.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .. import titles

# "B.Sc.", "Ph.D.", "M.S.", "U.K.": letters with inner dots. Titles never end a sentence.
_DOTTED = re.compile(r"^(?:[A-Za-z]{1,4}\.){2,4}$")
_DOTTED_STEM = re.compile(r"^(?:[A-Za-z]{1,4}\.){1,3}[A-Za-z]{1,4}$")
_TITLES = titles.abbreviations() | {"st.", "no.", "fig.", "vs.", "e.g.", "i.e.", "al.", "approx."}
_SHORT_LINE = 60


@Language.factory("sopgraph_sentence_hints")
def make_sentence_hints(nlp: Language, name: str) -> "SentenceHints":
    """spaCy factory: add with ``nlp.add_pipe("sopgraph_sentence_hints", before="parser")``."""
    return SentenceHints()


_LIST_ITEMS = "sg_list_items"


def mark_list_items(doc: Doc, starts: Iterable[int]) -> Doc:
    """Record where list items begin (character offsets), for :class:`SentenceHints` to start a sentence
    at each: a bulleted line runs on into the next when neither ends a sentence, and long items do not."""
    doc.user_data[_LIST_ITEMS] = tuple(starts)
    return doc


class SentenceHints:
    """Marks tokens that must (blank lines, short header lines) or must not (after
    abbreviations) start a sentence."""

    def __call__(self, doc: Doc) -> Doc:
        # ``doc[i]`` makes a new Token each time: make each Token once, read each text once,
        # and join the text from them (what ``doc.text`` does, making every Token again).
        tokens = list(doc)
        texts = [tok.text for tok in tokens]
        text = "".join([t + " " if space else t for t, space in zip(texts, doc.to_array(SPACY).tolist())])
        line_start = 0
        for i in range(1, len(tokens)):
            # Every rule below reads a previous token that holds a line break or ends with a
            # full stop (as every one of _TITLES does; a trailing ``whitespace_`` is at most one
            # space); most tokens follow neither, and are passed over without reading more.
            prev_text = texts[i - 1]
            if "\n" not in prev_text and not prev_text.endswith("."):
                continue
            tok, prev = tokens[i], tokens[i - 1]
            if tok.is_space:
                continue
            if prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_:
                line = text[line_start:prev.idx].strip()
                # (a sentence hard-wrapped into short lines, as e-mails are, runs on into the next line)
                wrapped = not line.endswith((".", ":", "!", "?", ")")) and len(line.split()) >= 6 \
                    and (tok.is_lower and tok.is_alpha or tok.text == "(")
                if "\n\n" in prev.text or "\n\n" in prev.whitespace_ + prev.text or line.endswith((".", ":", "!", "?")) \
                        or (len(line) < _SHORT_LINE and not wrapped):
                    tok.is_sent_start = True
                line_start = tok.idx
                continue
            if prev.text.endswith(".") and len(prev.text) > 2 and prev.lower_ not in _TITLES \
                    and not _DOTTED.match(prev.text) and tok.is_title and prev.text[:-1].isalpha():
                # "…to pursue a PhD. At Oxford, …": the tokenizer kept the full stop on "PhD.".
                tok.is_sent_start = True
            elif prev.lower_ in _TITLES or (_DOTTED.match(prev.text) and (tok.is_lower or tok.is_punct)):
                tok.is_sent_start = False
            elif prev.text == "." and i >= 2 and not tokens[i - 2].whitespace_ and (
                    _DOTTED_STEM.match(tokens[i - 2].text) and (tok.is_lower or tok.is_punct)
                    or f"{tokens[i - 2].lower_}." in _TITLES):
                # The tokenizer split "B.Sc." into "B.Sc" + ".", or "Prof." into "Prof" + ".".
                tok.is_sent_start = False
        for start in doc.user_data.get(_LIST_ITEMS, ()):
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                span[0].is_sent_start = True
        return doc
