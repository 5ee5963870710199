"""Split a statement into header, body, reference list and signature.

Works on lines of the normalised text, so it needs no statistical model; the spaCy
component stores the result as labelled spans in ``doc.spans["sg_sections"]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..references import REFERENCE_HEADING, parse_reference, split_entries

SECTIONS_KEY = "sg_sections"

_CLOSING = re.compile(
    r"^\s*(?:(?:yours )?(?:sincerely|faithfully|truly|respectfully)(?: yours)?|"
    r"(?:best|kind|warm|warmest)? ?regards|best(?: wishes)?|thanking you|thank you(?: again)?|"
    r"with (?:gratitude|thanks|best regards)|cordially|"
    # the same in the languages applicants often close in
    r"(?:un |muchos |cordiales )?saludos(?: cordiales)?|atentamente|cordialmente|atenciosamente|cordialement|"
    r"mit freundlichen gr(?:ü|ue)(?:ß|ss)en|cordiali saluti|met vriendelijke groet(?:en)?)\s*[,.!]?\s*$",
    re.I,
)
# The writer's voice, or a statement's about its subject in the third person ("Her first article …").
_OWN_VOICE = re.compile(r"\b(?:I|me|my|we|our|you|your|[Ss]he|[Hh]er|[Hh]is|[Hh]e)\b")
# Words of the sub-headings inside a publication list ("Journal articles", "Talks and posters"); any
# other heading after the list ("Research Interests", "Why this program") opens prose again.
_LIST_HEADING_WORDS = frozenset({"article", "articles", "paper", "papers", "chapter", "chapters", "book", "books",
                                 "proceedings", "conference", "conferences", "journal", "journals", "publication",
                                 "publications", "presentation", "presentations", "poster", "posters", "talk", "talks",
                                 "preprint", "preprints", "abstract", "abstracts", "patent", "patents", "report",
                                 "reports", "review", "submitted", "manuscript", "manuscripts", "workshop", "workshops",
                                 "press", "preparation", "progress"})
# Words of a résumé's section headings ("EDUCATION", "Research and Work Experience"): the header of
# name and contact lines ends at the first of them, and the résumé's entries are read as the body's.
_RESUME_HEADING_WORDS = frozenset({"education", "experience", "employment", "positions", "appointments", "awards",
                                   "honours", "honors", "skills", "teaching", "qualifications", "grants",
                                   "fellowships", "training", "service", "languages", "referees"})
# A header line is short; a body paragraph is a sentence of many words.
_HEADER_MAX_WORDS = 14
_BODY_MIN_WORDS = 25


@dataclass(frozen=True)
class Section:
    """A labelled character range of the text: HEADER, BODY, REFERENCES or SIGNATURE."""

    label: str
    start: int
    end: int


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _is_prose(line: str) -> bool:
    """A paragraph in the writer's own voice, which no reference entry is (though a title may have
    an "I" in it: "… a transient Cu(I) intermediate")."""
    return len(line.split()) >= _BODY_MIN_WORDS and bool(_OWN_VOICE.search(line)) and parse_reference(line) is None


def _segmented_header_line(line: str) -> bool:
    """"Jane Roe · Applicant to the PhD, Graduate School of X, Y University · Z Scholarship candidate": one long
    header line of short parts set apart by dots or bars, none a sentence in the writer's voice."""
    parts = re.split(r"\s[·|•]\s", line.strip())
    return len(parts) >= 2 and all(len(p.split()) < _BODY_MIN_WORDS for p in parts) \
        and not line.rstrip().endswith(".") and not _OWN_VOICE.search(line)


def _resume_heading(line: str) -> bool:
    """A résumé's section heading: a short line of capitalised words, one of them a résumé heading's
    ("EDUCATION", "Research and Work Experience", "Awards:")."""
    words = line.strip().rstrip(":").split()
    return 1 <= len(words) <= 5 and all(w[0].isupper() or w.lower() in ("and", "of", "&") for w in words) \
        and any(w.lower() in _RESUME_HEADING_WORDS for w in words)


def _heading_after_list(lines: list[tuple[int, int, str]], i: int) -> bool:
    """Is line ``i`` a heading of prose after a list of publications: a short line after a blank
    one, without digits or a closing full stop, that is no sub-heading of the list itself and
    opens no more entries ("Work I build on" before cited works)?"""
    # (a numbered heading, "5. WHY THIS PROGRAMME", is read without its number)
    line = re.sub(r"^\d{1,2}[.)]?\s+(?=[A-Z])", "", lines[i][2].strip())
    words = line.rstrip(":").split()
    if not 1 <= len(words) <= 6 or i == 0 or lines[i - 1][2].strip() or re.search(r"\d|[.,;]$", line):
        return False
    if REFERENCE_HEADING.match(line) or any(w.lower() in _LIST_HEADING_WORDS for w in words):
        return False
    following = next((text for _, _, text in lines[i + 1:] if text.strip()), "")
    # ("Under review", "Other": a sub-heading of the list when entries follow, else the heading of what comes next)
    return parse_reference(following) is None


def _wrapped_paragraph(lines: list[tuple[int, int, str]], i: int) -> bool:
    """Does a paragraph of prose hard-wrapped into short lines (an e-mail's) open at line ``i``: lines that
    are no list items, a sentence running on from one into the next in lower case, enough words in all?"""
    if i > 0 and lines[i - 1][2].strip():
        return False  # not the first line of its block
    block = []
    for _, _, line in lines[i:]:
        if not line.strip():
            break
        block.append(line.strip())
    if len(block) < 2 or any(re.match(r"[-*•·–—=_#>]|\d+[.)]\s", line) for line in block):
        return False
    # (a word in lower case, not an e-mail address or a web page under an affiliation line)
    runs_on = any(not above.endswith((".", ":", "!", "?")) and len(above.split()) >= 6 and re.match(r"[a-z]+[\s,;]", below)
                  for above, below in zip(block, block[1:]))
    return runs_on and sum(len(line.split()) for line in block) >= _BODY_MIN_WORDS


def _header_blocks_end(lines: list[tuple[int, int, str]]) -> int:
    """Where the header ends in a text without a paragraph of prose (a note, a résumé-like statement):
    after the leading blocks of a few short lines ("Name / e-mail / city", then "Statement of Purpose /
    programme / university"), at the first block with a list item, a sentence or a rule line."""
    end = block_start = 0
    for i, (_, _, line) in enumerate([*lines, (0, 0, "")]):
        text = line.strip()
        if text:
            if len(text.split()) > _HEADER_MAX_WORDS or re.match(r"[-*•·–—=_#>]", text) or text.endswith((".", ":")) \
                    or i - block_start >= 4:
                return end
            continue
        if i > block_start:
            end = i  # a block of short lines closed by a blank line
        block_start = i + 1
    return end


def find_sections(text: str) -> list[Section]:
    """Return the sections of ``text`` in document order (empty ones left out)."""
    lines = _lines(text)
    n = len(lines)
    body_start = 0
    for i, (_, _, line) in enumerate(lines):
        words = len(line.split())
        if (words >= _BODY_MIN_WORDS and not _segmented_header_line(line)) \
                or (words > _HEADER_MAX_WORDS and line.rstrip().endswith(".")) or _wrapped_paragraph(lines, i):
            body_start = i
            break
    else:
        body_start = _header_blocks_end(lines)
    body_start = next((i for i in range(1, body_start) if _resume_heading(lines[i][2])), body_start)

    # Reference lists: each opens at a heading; one in the middle of a letter ends where prose
    # starts again, and another may follow ("Publications" in a résumé, "References" at the end).
    blocks: list[tuple[int, int]] = []
    at = body_start + 1
    while at < n:
        refs_start = next((i for i in range(at, n) if REFERENCE_HEADING.match(lines[i][2])), n)
        if refs_start == n:
            break
        refs_end = next((i for i in range(refs_start + 1, n) if _is_prose(lines[i][2]) or _heading_after_list(lines, i)), n)
        # A list none of whose lines reads as a reference is prose by other means: a résumé's referees under
        # "References" ("Prof. X (Y University): thesis advisor"), or papers told in sentences ('1. "Title"
        # (with P. Q). Working Papers, 2024.'), whose titles and venues the body's rules read.
        # (an entry may be wrapped over lines: the entries are read whole)
        listed = "\n".join(line for _, _, line in lines[refs_start + 1:refs_end])
        if any(parse_reference(entry) is not None for entry in split_entries(listed)):
            blocks.append((refs_start, refs_end))
        at = refs_end + 1
    sections: list[Section] = []

    def add(label: str, first: int, last: int) -> None:
        if first < last:
            start, end = lines[first][0], lines[last - 1][1]
            if text[start:end].strip():
                sections.append(Section(label, start, end))

    def closing(first: int, last: int) -> int:
        """The line of the closing ("Sincerely,") among the last lines before ``last``, else ``last``.

        Only name, post and contact lines follow a closing: a sentence after it (a footnote) is the body's.
        """
        for i in range(last - 1, max(first, last - 10) - 1, -1):
            if len(lines[i][2].split()) > 10:
                break
            if _CLOSING.match(lines[i][2]):
                return i
        return last

    add("HEADER", 0, body_start)
    prose = body_start  # where the prose before the next list starts
    for k, (refs_start, refs_end) in enumerate(blocks):
        if refs_end < n or k < len(blocks) - 1:
            add("BODY", prose, refs_start)
        else:  # the list ends the text: the signature comes before it
            sig_start = closing(prose + 1, refs_start)
            add("BODY", prose, sig_start)
            add("SIGNATURE", sig_start, refs_start)
        add("REFERENCES", refs_start, refs_end)
        prose = refs_end
    if prose < n:
        sig_start = closing(prose + 1 if blocks else body_start + 1, n)
        add("BODY", prose, sig_start)
        add("SIGNATURE", sig_start, n)
    return sections


@Language.factory("sopgraph_sections")
def make_sections(nlp: Language, name: str) -> "SectionTagger":
    """spaCy factory for :class:`SectionTagger`."""
    return SectionTagger()


class SectionTagger:
    """Stores :func:`find_sections` as spans in ``doc.spans["sg_sections"]``."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for section in find_sections(doc.text):
            span = doc.char_span(section.start, section.end, label=section.label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[SECTIONS_KEY] = SpanGroup(doc, name=SECTIONS_KEY, spans=spans)
        return doc


def section_of(doc: Doc, token_index: int) -> str:
    """The label of the section holding token ``token_index`` (BODY when unknown)."""
    return SectionTable(doc).label_at(token_index)


class SectionTable:
    """The sections of a Doc read once, for the many lookups extraction makes (a
    ``doc.spans`` group makes its Span objects anew on every pass)."""

    def __init__(self, doc: Doc):
        self._ranges = [(span.start, span.end, span.label_) for span in doc.spans.get(SECTIONS_KEY, [])]

    def label_at(self, token_index: int) -> str:
        """As :func:`section_of`: the first section holding the token, else BODY."""
        for start, end, label in self._ranges:
            if start <= token_index < end:
                return label
        return "BODY"


def sections_by_label(doc: Doc, label: str) -> list[Span]:
    """All spans of one section label."""
    return [s for s in doc.spans.get(SECTIONS_KEY, []) if s.label_ == label]
