"""Journals and meetings named by how the sentence speaks of them, listed or not.

"published in Widget Today in 2022", "now in press at Widget Ecology.", "under review at Chem.
Mater.;", "a recent study in Widget Policy (Quill et al., 2022)", "(Quill & Roe, Widget Perception,
2024)", "(Quill 2021, Widget Berichte)", "for Widgetica, the CNRQ journal", "the model of Quill and
Roe in Widget Medicine (2019)", "presented at Widget Prosody 2024": the capitalised words after a
publishing or presenting cue, right before an author–year citation, between its authors and its year
or after its year, between cited authors and a year, or that the sentence calls a journal, name where
a work appeared. The caller decides whether the words name an organisation or a place instead.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from .pipeline.gazetteer import GAZETTEER_KEY

# Capitalised words, with the small words of titles ("of the", "de", "y") between them; after a German
# one, an adjective in lower case ("Zeitschrift für philosophische Forschung").
# A subtitle after a colon is part of the name ("Journal of Widgetry: Regional Studies"), unless it
# opens a sentence ("… in Widget Letters: The results …").
_NAME = (r"((?:[A-Z][\w&'’-]*\.?)(?:\s+(?:(?:of|on|for|and|&|in|de|del|des|du|di|do|da|y|e|et|ir|och|og|és|și|ve)(?:\s+the)?\s+"
         r"|(?:für|und|der|des|zur|zum)\s+(?:[a-zäöüß]+\s+)?)?[A-Z][\w&'’-]*\.?)*"
         r"(?::\s+(?!(?:The|This|That|These|Those|It|Its|We|I|A|An|Our|My|They|He|She)\b)[A-Z][\w&'’-]*"
         r"(?:\s+(?:(?:of|and|&|in|for)\s+)?[A-Z][\w&'’-]*){0,3})?)")
_AFTER_CUE = re.compile(r"\b(?:(?:published|appeared|appears|forthcoming|accepted(?: for publication)?|in press|under review|"
                        r"submitted)(?:\s+(?:the|this|that|my|our|it|work|paper|study|results?|article|findings)){0,3}"
                        r"|(?:paper|article|letter|review)s?"
                        # 'published as "Title" in X': the title between the cue and the journal
                        r"|(?:published|appeared|appears|accepted)\s+as\s+[\"“][^\"”\n]{3,300}[\"”],?"
                        r")\s+(?:in|at|to)\s+(?:the\s+)?" + _NAME)
# A cited surname, in any Latin script ("Žukauskaitė", "Øster").
_SURNAME = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+"
# "(Quill & Roe, Widget Perception, 2024)": authors, the journal, the year, in one bracket. The
# authors must close their list ("et al.", "A & B"): after "(Quill, Roe and Penn, 2023)" a lone
# surname would make the other authors a journal.
_INSIDE_CITATION = re.compile(r"\(" + _SURNAME + r"(?:\s+et al\.?|(?:,\s+" + _SURNAME + r")*,?\s+(?:and|&)\s+" + _SURNAME
                              + r"),\s+" + _NAME + r",\s+(?:19|20)\d{2}[a-z]?\)")
# "(Quill 2021, Widget Berichte)", "(Quill, Renn & Tamm 2023, Widget Letters)" and, right after a
# surname, "Quill (2021, Widget Review)": the year, then where the work appeared.
_SURNAMES = _SURNAME + r"(?:,\s+" + _SURNAME + r")*(?:,?\s+(?:and|&)\s+" + _SURNAME + r"|\s+et al\.?)?"
_YEAR_THEN_NAME = re.compile(r"(?:\(" + _SURNAMES + r",?\s+|" + _SURNAME + r"\s+\()(?:19|20)\d{2}[a-z]?,\s+" + _NAME + r"\)")
# Words after a cited year that point inside the work, not to where it appeared.
_LOCATORS = frozenset({"chapter", "ch", "table", "figure", "fig", "section", "sec", "appendix", "part", "vol", "volume",
                       "page", "pages", "pp", "p", "ex", "example", "footnote", "note"})
# "for Widgetica, the CNRQ journal,", "in Quill Studies, a peer-reviewed journal": a name the sentence calls a journal
_CALLED_A_JOURNAL = re.compile(r"\b(?:in|for|to)\s+" + _NAME + r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:journal|review)\b")
# "the model of Quill and Roe in Widget Medicine (2019)": cited authors, then where their work appeared and its year
_AUTHORS_IN = re.compile(r"\b" + _SURNAME + r"(?:\s+et al\.?|\s+(?:and|&)\s+" + _SURNAME + r")\s+in\s+" + _NAME
                         + r"\s*\((?:19|20)\d{2}[a-z]?\)")
# "I presented this work at Widget Prosody 2024 in Quilltown": what one presents at, named with its year, is a meeting
_PRESENTED_AT = re.compile(r"\bpresent(?:ed|ing)?\s+(?:[\w-]+\s+){0,4}?at\s+(?:the\s+)?" + _NAME + r"\s+(?:19|20)\d{2}\b")
# ("… Widget Prosody 2024 in Quilltown (Quill & Roe 2024)": after a meeting's year, "in" names its place)
_BEFORE_CITATION = re.compile(r"(?<!\d\d\d\d )\bin\s+" + _NAME + r"\s*\(" + _SURNAME
                              + r"(?:\s+et al\.?|\s+(?:and|&)\s+" + _SURNAME + r")?,?\s+(?:19|20)\d{2}")


def cued_venue_spans(doc: Doc) -> Iterator[Span]:
    """Spans of the journal names found after a publishing cue or before a citation (labelled
    ``VENUE`` when nothing else can be meant: after a cited year, or called a journal)."""
    text = doc.text
    listed = doc.spans.get(GAZETTEER_KEY, [])
    for m in [*_AFTER_CUE.finditer(text), *_BEFORE_CITATION.finditer(text), *_INSIDE_CITATION.finditer(text),
              *_AUTHORS_IN.finditer(text), *_PRESENTED_AT.finditer(text),
              *_YEAR_THEN_NAME.finditer(text), *_CALLED_A_JOURNAL.finditer(text)]:
        if m.re is _YEAR_THEN_NAME and m.group(1).split()[0].rstrip(".").lower() in _LOCATORS:
            continue
        if m.re is _PRESENTED_AT and any(g.start_char < m.end(1) and m.start(1) < g.end_char for g in listed):
            continue  # "presented at IEEE ICC 2023": the lists know the meeting (and its sponsor) already
        # After a cited year, or called a journal, the words can only be where the work appeared, whatever
        # the model calls them ("Widget Berichte" looks like a person's name): the label says so.
        label = "VENUE" if m.re in (_YEAR_THEN_NAME, _CALLED_A_JOURNAL) else ""
        span = doc.char_span(m.start(1), _name_end(m), label=label, alignment_mode="contract")
        if span is not None and len(span):
            yield _to_sentence_end(span)


def _to_sentence_end(span: Span) -> Span:
    """"under review at Widget Reefs. Reading the study …": a sentence the parser starts after a whole word
    and its full stop is not the name's ("Chem. Mater." abbreviates its words)."""
    doc = span.doc
    for tok in span[1:]:
        before = doc[tok.i - 1]
        if tok.is_sent_start and before.text == "." and tok.i >= 2 and doc[tok.i - 2].is_alpha and len(doc[tok.i - 2]) >= 5:
            return doc[span.start:tok.i - 1]
    return span


def _name_end(m: re.Match) -> int:
    """Where the name ends: a full stop after a whole word, or before a small word, ends the sentence.

    "… at Widget Ecology. Data …" and "… at Widgets. Since 2022 …" end at the stop; "… at Chem.
    Mater.;" abbreviates its words and goes on.
    """
    end, dotted = m.start(1), False
    for word in re.finditer(r"\S+", m.group(1)):
        if dotted and word.group().lower() in STOP_WORDS:
            return end - 1
        end = m.start(1) + word.end()
        dotted = word.group().endswith(".")
        if dotted and len(word.group()) > 6:
            return end - 1
    return end
