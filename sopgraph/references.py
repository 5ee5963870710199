"""Parse reference-list entries into authors, title, venue and year.

Handles the two families of styles statements use: "Authors. Title. In Venue, Year." (ACL,
NeurIPS, IEEE-like, optionally numbered "[3]") and author–year "Authors (Year). Title.
Venue." (APA-like). Pure string processing: no model needed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import titles
from .names import PARTICLE_ALTERNATION, PARTICLES

REFERENCE_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:(?:selected|my|relevant|own|recent|peer[- ]reviewed|list of)\s+)*"
    r"(?:references?|bibliography|works cited|cited works|citations|publications?|papers|(?:research |scholarly )?outputs?)"
    # "Publications and presentations", "References (own publications)"
    r"(?:\s*(?:,|and|&)\s*(?:references?|publications?|preprints|presentations|talks|posters|papers|manuscripts))*"
    r"\s*(?:\([^()]{1,40}\))?\s*:?\s*$",
    re.I,
)
"""A line that opens a reference list."""
# "[3]", "(3)", "3.", "- [3]", a bullet, and "[A]" (a list that names its entries by letter)
_MARKER = re.compile(r"^\s*(?:[-*•·]\s+(?=\[\s*[\dA-Z]))?(?:\[\s*(?:\d{1,3}|[A-Z])\s*\]|\(\s*\d{1,3}\s*\)|\d{1,3}[.)]"
                     r"|[-*•·](?=\s))\s*")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})([a-z])?(?!\d)")
# Astronomy (AAS) and Harvard styles: "Doe, J., & Roe, A. 2021, ApJ, 900, 1" / "Doe, J. 2021. Title. Venue."
# — the year follows the author list without brackets.
# (or the status that stands for a year not yet known: "Doe, Ada. Forthcoming. Title.")
_STATUS_YEAR = r"(?i:forthcoming|in press|n\.\s?d)"
# APA's year in brackets, or the status in its place: "(2023).", "(in preparation)", "(n.d.)"
_APA_YEAR = re.compile(r"\(\s*((?:19|20)\d{2}|" + _STATUS_YEAR + r"\.?|(?i:in prep(?:aration|\.)))[a-z]?\s*\)\.?")
_BARE_YEAR = re.compile(r",?\s+((?:19|20)\d{2}|" + _STATUS_YEAR + r")([a-z])?\s*([,.])\s+")
_INITIAL = re.compile(r"(?:^|[\s.\-])[A-Z]$")
_ARXIV = re.compile(r"\barxiv\b", re.I)
# A year in a sentence of its own, or the status that stands for one not yet known ("Forthcoming.")
_YEAR_ALONE = re.compile(r"^\(?((?:19|20)\d{2}|" + _STATUS_YEAR + r")([a-z])?\)?\.?$")
# The year (or its status) that ends the authors before a quoted title: 'Doe, Ada M., and Bo Roe. 2015. "Title."'
_LEAD_YEAR = re.compile(r"(?:\.\s+((?:19|20)\d{2})([a-z])?|[.,]\s+" + _STATUS_YEAR + r")\.?$")
_YEAR_SENTENCE = re.compile(r"(?:(?:19|20)\d{2}[a-z]?|" + _STATUS_YEAR + r")\.(?:\s|$)")
ARXIV_ID = re.compile(r"\b(?:arXiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?\b", re.I)
_VENUE_PREFIX = re.compile(r"^(?:in\s*:?\s+|proc(?:eedings|\.)?\s+(?:of\s+(?:the\s+)?)?)+", re.I)
_STATUS_AFTER_QUESTION = re.compile(r"(?<=[?!])\s+(?=(?:under|in)\s+review\b|submitted\b|in\s+(?:submission|preparation|press)\b|"
                                    r"to\s+appear\b|accepted\b|forthcoming\b)", re.I)
_SUBMITTED_TO = re.compile(r"\b(?:under review|in review|submitted|in submission)(?:\s+(?:at|to|in|with)\s+|\s*[,:]\s*)(?:the\s+)?"
                           r"([^;()]+?)\s*(?:[;(]|$)", re.I)
_UNDER_REVIEW = re.compile(r"\b(?:under review|in review|submitted|in submission|in preparation|to appear)\b|\bin prep\.", re.I)
# Vancouver / PubMed style "Lindgren H" or "van Dijk AB": surname, then capital initials.
# A capital letter of a Latin script ("Öztürk", "Łukasz", "Şahin"), not only A–Z.
_CAP = "[" + "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper()) + "]"
# A surname as Vancouver lists write it, up to two lower-case particles first ("de la Cruz").
_V_SURNAME = rf"(?:[a-z]{{1,3}} ){{0,2}}{_CAP}[\w'’-]+"
# A second surname, joined by a particle in Catalan or Portuguese ("Casals i Puig", "Silva e Souza").
_V_SECOND = rf"(?: (?:{PARTICLE_ALTERNATION} )?{_CAP}[\w'’-]+)?"
# initials plain ("AK") or dotted ("A.K.", "T.")
_V_INITIALS = r"(?:[A-Z]{1,3}|[A-Z]\.(?:[A-Z]\.?){0,2})"
_VANCOUVER = re.compile(rf"^({_V_SURNAME}{_V_SECOND}) ({_V_INITIALS})$")
_VANCOUVER_NAME = rf"{_V_SURNAME}{_V_SECOND} [A-Z]{{1,3}}"
# At least two names, or one with two or three initials ("Charnov EL."), or one initial before a year of its own
# ("Solberg M. 2016."): a lone "Ilse V." is the
# start of "Ilse V. Marsh, …", not a list.
_VANCOUVER_LIST = re.compile(rf"^({_VANCOUVER_NAME}(?:, {_VANCOUVER_NAME})+(?:,? et al)?"
                             rf"|{_V_SURNAME} [A-Z]{{2,3}}"
                             rf"|{_V_SURNAME} [A-Z](?=\.\s+(?:19|20)\d{{2}}\.))\.\s+")
# A DOI or a URL; an entry that ends in one has no closing full stop.
_LINK = r"(?:\bdoi:\s*|https?://)\S+"
_ENDS_IN_LINK = re.compile(_LINK + "$", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,\s*(?:and|&)\s+|\s+and\s+|\s*&\s*|;\s*|,\s*)")


@dataclass(frozen=True)
class Reference:
    """One parsed reference entry."""

    raw: str
    authors: tuple[str, ...]
    title: str
    venue: str | None
    year: int | None
    year_suffix: str = ""
    marker: str | None = None
    under_review: bool = False
    editors: tuple[str, ...] = ()  # of the book a chapter appeared in: "In A & B (eds.), Book"

    @property
    def submitted_to(self) -> str | None:
        """Where an entry under review was sent ("Under review at Widget Journal"): a venue the
        text names, though not where the paper appeared."""
        found = _SUBMITTED_TO.search(self.raw) if self.under_review else None
        return (_clean_venue(found.group(1)) or None) if found else None


# A few words with no punctuation or digits on a line of their own inside a reference list.
_SUBHEADING = re.compile(r"[A-Z][^\W\d_]*(?:[ \t]+(?:[^\W\d_]+|&)){0,4}")


# "al-Asadi", "el-Sayed": a particle joined to the surname by a hyphen
_JOINED_PARTICLE = rf"{PARTICLE_ALTERNATION}-"
_PARTICLE_SURNAME_START = re.compile(rf"^(?:(?:{PARTICLE_ALTERNATION}\s+)+|{_JOINED_PARTICLE})[A-Z][\w'’-]+,\s+[A-Z]")


def _year_of(found: str) -> int | None:
    """The year a matched year-or-status stands for (none for "Forthcoming")."""
    return int(found) if found.isdigit() else None


def split_entries(text: str) -> list[str]:
    """Split a reference section into entries: one per line, or per numbered marker.

    Lines that continue the previous entry (no marker, starting lower-case, or the previous
    line not ending a sentence) are joined to it.
    """
    entries: list[str] = []
    indent = 0  # of the current entry's first line
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or REFERENCE_HEADING.match(line):
            continue
        # (a hanging indent continues the entry above, whatever its last line ended with)
        hanging = len(raw) - len(raw.lstrip()) > indent and bool(entries) and not _MARKER.match(line)
        starts_new = not hanging and (bool(_MARKER.match(line)) or not entries or entries[-1].rstrip().endswith((".", ")"))
                                      or bool(_ENDS_IN_LINK.search(entries[-1])))
        if starts_new and _SUBHEADING.fullmatch(line):
            continue  # "Journal articles", "Book chapters": a sub-heading of the list, not an entry
        # (a surname's particle may open an entry: "de los Quill, Ada. 2023. …")
        if starts_new and not (entries and line[:1].islower() and not _PARTICLE_SURNAME_START.match(line)):
            entries.append(line)
            indent = len(raw) - len(raw.lstrip())
        else:
            entries[-1] = f"{entries[-1]} {line}"
    return entries


def _split_sentences(body: str) -> list[str]:
    """Split at '. ' boundaries that do not follow a single capital initial (and at '." ', the end
    of a quoted title that holds its full stop, as Chicago style writes it), nor lie inside a
    quoted title ('"… in Laur. Plut. 74.7."')."""
    parts, start = [], 0
    for m in re.finditer(r"\.[\"”]?\s+(?=\S)", body):
        before = body[start : m.start()]
        quoted = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
        # ("Doe, Ada M. 2023. Title.": an initial before a year of its own ends the authors)
        initial = _INITIAL.search(before) and not _YEAR_SENTENCE.match(body, m.end())
        if (quoted and len(m.group(0)) > 1 and m.group(0)[1] not in '"”') or initial or re.search(r"\b(?:et al|vs|Proc|Conf|Int|Vol|pp|no|eds?|spp|sp|subsp|var|cf|ca|e\.g|i\.e)$",
                                                before, re.I):
            continue
        parts.append(body[start : m.start() + 1].strip().strip('"“”'))
        start = m.end()
    parts.append(body[start:].strip())
    # "Title: contact or retention? Journal 59(1), 45–71.": a title ending in a question mark, then a venue
    # with its volume and pages
    asked = re.search(r"[?!]\s+(?=[A-Z][^.?!]{1,120}?\s\d{1,4}\s*(?:\(\s*[\w–-]{1,9}\s*\))?\s*[,:]\s*[\w–-]+\.?$)", parts[-1])
    if asked:
        last = parts.pop()
        parts += [last[:asked.start() + 1], last[asked.end():]]
    return [p for p in parts if p]


_AUTHOR_LOWER_WORDS = PARTICLES | {"et", "al."}
_PARTICLE_JOINED = re.compile(rf"{_JOINED_PARTICLE}[A-Z]")


# "Prof. P (Uniandes): thesis advisor" under a "References" heading lists referees, not authors.
_TITLE_ONLY = titles.words("academic", "courtesy")


def _looks_like_authors(s: str) -> bool:
    names = [n for n in _AUTHOR_SPLIT.split(s.strip().rstrip(".")) if n]
    if not names or any(n.strip().rstrip(".").lower() in _TITLE_ONLY for n in names):
        return False
    good = 0
    for n in names:
        toks = n.replace(".", ". ").split()
        if 1 <= len(toks) <= 5 and all(t.lstrip("-")[:1].isupper() or t.lower() in _AUTHOR_LOWER_WORDS
                                       or _PARTICLE_JOINED.match(t) for t in toks):
            good += 1
    return good / len(names) >= 0.8


def _dotted(initials: str) -> str:
    return " ".join(f"{c}." for c in re.findall(_CAP, initials))


# "Okafor, A." or "van Dijk, P." opening an author list: surname first, then initials.
# A surname of one or two capitalised words, with particles before or between them ("van Dijk",
# "Ferreira dos Santos", "Tavares de Andrade").
_SURNAME = rf"(?:{PARTICLE_ALTERNATION} )*(?:{_JOINED_PARTICLE})?{_CAP}[\w'’\-]+(?: (?:{PARTICLE_ALTERNATION} ){{0,2}}{_CAP}[\w'’\-]+)?"
_APA_AUTHOR_START = re.compile(rf"^{_SURNAME},\s*[A-Z](?:\.|$)")  # "Doe, A." (its last full stop may be trimmed)


def split_authors(s: str) -> tuple[str, ...]:
    """Split an author list into names; 'Last, F.' pairs (APA) are re-joined as 'F. Last'."""
    s = re.sub(r"\bet al\.?", "", s).strip().rstrip(",.;")
    # APA: "Okafor, A., Lindqvist, H., & Raman, P. K." — surname, initials alternating.
    apa = re.findall(rf"({_SURNAME}),\s*((?:{_CAP}\.?\s?-?){{1,3}})(?=,|$|\s*&|\s+and\b)", s)
    if apa and len(apa) * 2 >= s.count(",") - 1 and _APA_AUTHOR_START.match(s):
        return tuple(f"{_dotted(initials)} {last}" for last, initials in apa)
    paired = _surname_given_pairs(s)
    if paired:
        return paired
    names = [n.strip().rstrip(".") if not _INITIAL.search(n.strip().rstrip(".")) else n.strip() for n in _AUTHOR_SPLIT.split(s)]
    names = [n for n in names if n and n.lower() not in {"and", "others"}]
    # Chicago: "Doe, Jane B., Bo Roe, and Cy Poe": only the first author is written surname first
    # (or the only one: "de la Doe, Ada Joy M.")
    if len(names) >= 2 and _ONE_SURNAME.fullmatch(names[0]) and _GIVEN_NAMES.fullmatch(names[1]) \
            and all(len(n.split()) >= 2 and not _VANCOUVER.match(n) for n in names[2:]):
        given = names[1] + "." if re.search(r"\s[A-Z]$", names[1]) else names[1]  # the list's last stop was cut
        names[:2] = [f"{given} {names[0]}"]
    names = [_VANCOUVER.sub(lambda m: f"{_dotted(m.group(2))} {m.group(1)}", n) for n in names]
    names = [n for n in names if n and n.lower() not in {"and", "others"}]
    # "Doe, Jane. 2023." and "Doe, Jane, and Bo Roe": the first author written surname, given name
    if len(names) >= 2 and all(_ONE_WORD_NAME.fullmatch(n) for n in names[:2]) \
            and all(len(n.split()) >= 2 for n in names[2:]):
        names[:2] = [f"{names[1]} {names[0]}"]
    return tuple(names)


_ONE_WORD_NAME = re.compile(rf"(?:{_JOINED_PARTICLE})?{_CAP}[\w'’\-]+")
# One surname word (particles before it, or one joined to it: "al-Asadi") and one to three written-out given names.
_ONE_SURNAME = re.compile(rf"(?:{PARTICLE_ALTERNATION} )*(?:{_JOINED_PARTICLE})?{_CAP}[\w'’\-]+")
_FULL_GIVEN_NAMES = re.compile(rf"{_CAP}[\w'’\-]+(?: {_CAP}[\w'’\-]+){{0,2}}")


def _surname_given_pairs(s: str) -> tuple[str, ...]:
    """'Doe, Jane & Roe, Bo Ann': every author written surname, comma, given names in full
    (as linguistics and humanities styles do) → ('Jane Doe', 'Bo Ann Roe'); () for other lists.

    Only one-word surnames qualify: in 'Jane Doe, Bo Roe' the pieces before the commas are
    whole names, not surnames.
    """
    parts = re.split(r"(\s*(?:,\s*(?:and|&)\s+|\s+and\s+|\s*&\s*|;\s*|,\s*))", s.strip())
    pieces, seps = parts[::2], parts[1::2]
    if len(pieces) < 2 or len(pieces) % 2 or any(seps[i].strip() != "," for i in range(0, len(seps), 2)):
        return ()
    pairs = list(zip(pieces[::2], pieces[1::2]))
    if not all(_ONE_SURNAME.fullmatch(last) and _FULL_GIVEN_NAMES.fullmatch(given) for last, given in pairs):
        return ()
    return tuple(f"{given} {last}" for last, given in pairs)
# "Jane B.", "Ada Joy M.": one or two given names and initials
_GIVEN_NAMES = re.compile(rf"{_CAP}[\w'’\-]+(?:\s+{_CAP}[\w'’\-]+)?(?:\s+[A-Z]\.)*\s+[A-Z]\.?")


# What a reference says in place of a venue when the work has not appeared anywhere.
_NO_VENUE = re.compile(r"^(?:(?:unpublished\s+)?(?:working\s+paper|manuscript|mimeo|draft)|unpublished|preprint)$", re.I)
# "MEd thesis, Widget University", "Doctoral dissertation.": a thesis appeared nowhere ("Thesis Eleven" is a journal)
_THESIS = re.compile(r"^(?:[\w.'’-]+\s+){0,3}(?:thesis|dissertation)\s*(?:[,.(]|$)", re.I)


def _clean_venue(s: str) -> str:
    s = s.strip(" ,.;:*_")  # (Markdown's emphasis, if a list is read raw)
    if _THESIS.match(s):
        return ""
    presented = _POSTER_PREFIX.match(s)
    s = _MEETING_DATES_TAIL.sub("", _POSTER_PREFIX.sub("", s))
    edition = _EDITION_THEN_PLACE.match(s)
    if edition and (presented or _MEETING_WORD.search(edition.group(1))):
        # "Paper presented at Widgetag 2023, Quill University, September 20–22"; "Widget Annual Congress 2023,
        # Quilltown, Widgetland, 10-14 July"
        s = edition.group(1)
    elif presented and _MEETING_THEN_HOST.match(s):
        s = _MEETING_THEN_HOST.match(s).group(1)
    named = _KIND_THEN_QUOTED_NAME.match(s)
    if named:
        return named.group(1).strip(" ,.")  # 'the workshop "Widgets from A to B", Quill University, 11–12 May'
    s = _VENUE_PREFIX.sub("", s).strip()
    s = re.sub(r",?\s+published\s+in\s+\S.*$", "", s, flags=re.I)  # "Widget Symposium, published in Widget Series"
    # "43rd Annual Meeting", "XXIX International Seminar": one venue for every edition
    s = re.sub(r"^(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)|(?-i:[IVXLC]{2,7}(?=\s+[A-Z])))\s+", "", s, flags=re.I)
    s = _EDITORS.sub("", s)  # "In A & B (eds.), Book Title, 311-334": the book is the venue
    s = _MONTH_TAIL.sub("", s)  # "…, Toronto, August (2023)": the month of a meeting
    s = _PUBLISHER_TAIL.sub("", s)  # "Book Title (pp. 1–9). Oxford: Widget Press": the book, not its publisher
    if _PUBLISHER_ONLY.match(s):
        return ""  # "Title. Oxford: Widget University Press": a book's publisher is no venue
    # "National Symposium in X, Widget Society (WS)": the organiser after a named meeting is not its name
    # and neither is a place ("… Annual Meeting, Bogotá", "… Conference, New York")
    after_meeting = _ORGANISER_AFTER_MEETING.match(s)
    s = after_meeting.group(1) if after_meeting else _without_place(s)
    # "WidgetCon - International Conference on Widgets": the meeting's short name, then its long one
    short_then_long = _SHORT_THEN_LONG_NAME.match(s)
    if short_then_long:
        s = short_then_long.group(1)
    s = re.sub(r",?\s*\bNo\.\s*[\w\-–]+$", "", s)  # "Documentos X No. 2024-18": a series number
    # "bioRxiv preprint", "bioRxiv. Preprint", "ChemRxiv preprint, 2025"
    s = re.sub(r"(?<=\w)[.,]?\s+preprint\.?(?=(?:,?\s*(?:19|20)\d{2})?$)", "", s, flags=re.I)
    s = re.sub(r"\barXiv:\s*\d{4}\.\d{4,5}(?:v\d+)?", "", s, flags=re.I)
    s = re.sub(r"[.,;]?\s*" + _LINK, "", s, flags=re.I)
    s = re.sub(r"\s*\(\s*(?:pp?\.|pages?)\s*[\d\-–]+\s*\)\.\s+[A-Z][\w'’ -]{1,30}\.?$", "", s)  # "… (pp. 1–4). Leiden."
    s = re.sub(r",?\s*(?:pp?\.|pages?)\s*[\d\-–]+", "", s)
    s = re.sub(r",\s*\d+\s*[-–]\s*\d+\.\s+[A-Z][\w'’ -]{1,30}$", "", s)  # "…, 88–97. Dublin": pages, then the place
    # IEEE's article number: "…, 2021, Paper SPE-207012-MS", "…, Art. no. 1234", "paper no. 12"
    s = re.sub(r",?\s*\b(?:paper|art\.|article)(?:\s*(?:no\.?|number))?\s*[A-Z0-9][\w\-–]*\.?\s*$", "", s, flags=re.I)
    s = re.sub(r",?\s*(?:vol\.?|volume)\s*\d+.*$", "", s, flags=re.I)
    s = re.sub(r"\(\s*(?:19|20)\d{2}[a-z]?\s*\)\s*$", "", s).strip(" ,.;")
    s = re.sub(r",?\s+\d+\s*(?:\(\d+\))?\s*(?:[,:]\s*[\w.\-–]+)?\s*$", "", s)  # "9(4): ENEURO.0112-22"
    s = _YEAR.sub("", s)
    # Vancouver "J Mater Chem A. 2023;11(18):9874-85": volume(issue):pages after the year.
    s = re.sub(r"[.\s]*;\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*(?::\s*[\w\-–]+)?\.?\s*$", "", s)
    s = re.sub(r"\s*[,;]\s*\d+\s*[-–]\s*\d+\s*$", "", s)  # a page range left after the year
    s = re.sub(r"\s*\[(?:preprint|internet)\]\s*", " ", s, flags=re.I)
    s = re.sub(r"\s*\(\s*\)\s*", " ", s)
    # Elsevier "Journal of Widgets 556 (2021) 120571" and "… 56 (2015) 121–128": the volume left before the year
    # (and "Widget Journal 19:402, 2020": volume and article number before it)
    s = re.sub(r"(?<=[A-Za-z])\s+\d{1,4}(?:\s*\(\s*[\w-]+\s*\))?(?:\s*:\s*[\w.\-–]*|\s+\d+(?:\s*[-–]\s*\d+)?)?\s*$", "",
               s.strip(" ,.;"))
    s = re.sub(r"\(\s*([^()]*?)\s*\)", r"(\1)", s)  # "(CogSci 2021)" without its year
    # "ArabicNLP 2023, the First Arabic … Conference, Singapore": the meeting's short name, then what it is
    s = re.sub(r"^([A-Z][\w-]{2,20})\s*,\s+the\s+[^,]*\b(?i:" + _MEETING_KINDS + r")\b.*$", r"\1", s.strip())
    # ("… Conference, Kigali, Rwanda, 2022, pp. 1-5": the place shows once the year and the pages are gone)
    s = _without_place(s.strip(" ,.;"))
    s = " ".join(s.split()).strip(" ,.;:*_")  # (and Markdown's emphasis, if a list is read raw)
    return "" if _NO_VENUE.match(s) or not re.search(r"\w", s) else s  # "(" left of "(in review)"


def _without_place(s: str) -> str:
    """"… Annual Meeting, Bogotá" without its place ("…, Phonology, and Morphology" lists fields, no place)."""
    after_meeting = _PLACE_AFTER_MEETING.match(s)
    if after_meeting is None or re.search(r"\band\b", s[after_meeting.end(1):]):
        return s
    return after_meeting.group(1)


_MEETING_KINDS = r"symposium|symposia|conferences?|workshops?|meetings?|congress|seminars?|colloquium"
_MEETING_HEAD = r"([^,]*\b(?:" + _MEETING_KINDS + r")\b[^,]*),\s*"
_MEETING_WORD = re.compile(r"\b(?:" + _MEETING_KINDS + r"|summit|assembly)\b", re.I)
_EDS = r"\(\s*[Ee]ds?\.?\s*\)"  # "(eds.)", "(Ed.)"
_EDITORS = re.compile(r"^[^,()]{3,120}?" + _EDS + r"\s*,?\s*")
_PUBLISHER_TAIL = re.compile(r"\s*(?:\(pp?\.\s*[\d\-–]+\))?\s*\.\s+[A-Z][\w .'’-]{1,30}:\s*[A-Z][^:.]{1,60}\.?$")
_PUBLISHER_ONLY = re.compile(r"^[A-Z][\w .,'’-]{1,40}:\s*[A-Z][\w .&'’-]{0,60}\b(?:Press|Publishers?|Publishing|Verlag|Books)\.?$")
_MONTH_TAIL = re.compile(r",\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
                         r"\s*(?:\(?\s*(?:19|20)\d{2}\s*\)?)?\s*[.,]?\s*$", re.I)
_ORGANISER_AFTER_MEETING = re.compile(_MEETING_HEAD + r"[^,]*\b(?:society|association|institute|academy|council|federation|union)\b",
                                      re.I)
# a place ("Bogotá", "Boston, MA, USA") or a host conference's acronym ("Young Researchers' Symposium, CODS-COMAD")
_PLACE_WORD = r"[^\W\d_][\w.'’-]+"
_PLACE_AFTER_MEETING = re.compile(_MEETING_HEAD + r"(?![^,]*\b(?:workshops?|symposium|conference|meeting|track|session)\b)"
                                  + rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD})?(?:,\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD})?){{0,2}}"
                                  r"(?:,?\s+(?:19|20)\d{2})?$",
                                  re.I)
_POSTER_PREFIX = re.compile(r"^(?:\(?(?:poster|talk|oral presentation|abstract|presentation|paper)\s*\)?\s*[,:]\s*|"
                            r"(?:(?:paper|poster|talk|abstract)\s+)?presented\s+at\s*:?\s+(?:the\s+)?|"
                            r"(?:invited\s+|contributed\s+)?(?:talk|poster|presentation|keynote|lecture)\s+at\s+(?:the\s+)?)", re.I)
# "FASL 32 (its long name), Widget University": the meeting a talk was given at, then where
_MEETING_THEN_HOST = re.compile(r"^((?:[^,()]|\([^()]*\))+?)\s*,\s*[A-Z][\w.'’ -]*(?:,\s*[A-Z][\w.'’ -]*){0,2}$")
_SHORT_THEN_LONG_NAME = re.compile(r"^((?=\S*[A-Z]\S*[A-Z])[A-Z][\w-]{2,15})(?:\s+(?:19|20)\d{2})?\s+[-–—]\s+(?:\d{1,3}(?:st|nd|rd|th)\s+)?[A-Z][^,]*"
                                   r"\b(?i:" + _MEETING_KINDS + r")\b")
# A meeting, its year, then where and when it was held.
_EDITION_THEN_PLACE = re.compile(r"^([^,]+?)\s+(?:19|20)\d{2}\s*,\s*\S")
_KIND_THEN_QUOTED_NAME = re.compile(r"^(?:the\s+)?(?:international\s+)?(?:workshop|conference|symposium|colloquium|seminar|"
                                    r"meeting|panel)\s+[\"“]([^\"”]{4,200})[\"”]", re.I)
# Vancouver's meeting: "Poster presented at: Widget Annual Meeting; 2023 Oct 18–22; Quillton, IL": its dates, then its place
_MEETING_DATES_TAIL = re.compile(r"\s*;\s*(?:(?:19|20)\d{2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                                 r"\s+\d.*$", re.I)
_QUOTED_TITLE = re.compile(r"[\"“]([^\"”]{8,300})[\"”]\s*[.,]?")
# Harvard's single quotes: "Doe, A. (2022) 'Title with Zagreb's Town', Journal, 30(2)": the title ends at a
# quote before a comma or a full stop (an apostrophe inside a word ends nothing).
_SINGLE_QUOTED_TITLE = re.compile(r"[‘']([^\n]{8,300}?)['’](?=[.,]?(?:\s|$))\s*[.,]?")


def parse_reference(raw: str) -> Reference | None:
    """Parse one entry; ``None`` when it does not look like a reference."""
    ref = _parse_reference(raw)
    editors = _EDITED_BY.search(raw) if ref is not None else None
    if editors is not None:
        ref = replace(ref, editors=split_authors(editors.group(1)))
    return ref


# "In Katrin Doe & Bo Roe (eds.), Book": the editors of the volume
_EDITED_BY = re.compile(r"(?:^|[.?!,]\s+)In:?\s+([^()]{3,120}?)\s*" + _EDS)


# A name with its academic title ("Assoc. Prof. Ada Quill"): a referee's, never an entry's first author
_TITLED_PERSON_START = re.compile(rf"(?:{titles.alternation('rank')}\s+)?{titles.alternation('academic')}\s+[A-Z]")


def _parse_reference(raw: str) -> Reference | None:
    raw = re.sub(r"(?<=[\w.])\\?[*†‡]", "", raw)  # equal-contribution marks ("Renn BC*", "Quill A.K.*")
    marker_match = _MARKER.match(raw)
    marker = (re.sub(r"[^\dA-Z]", "", marker_match.group(0)) or None) if marker_match else None
    body = raw[marker_match.end():] if marker_match else raw
    body = re.sub(r"^\s*[†‡]+\s*", "", body).strip()  # "† Doe, J., …": the mark of the author's own papers
    if len(body) < 20 or _TITLED_PERSON_START.match(body):
        return None  # (a referee, "Prof. Jane Roe, Widget University": no author list starts with a title)
    under_review = bool(_UNDER_REVIEW.search(body))

    apa = _APA_YEAR.search(body)
    if apa and apa.start() < len(body) * 0.6 and _looks_like_authors(body[: apa.start()]):
        authors = split_authors(body[: apa.start()])
        after = body[apa.end():].strip()
        if after.startswith(":"):
            return None  # "Doe & Roe (2022): journal article on widgets": a citation and what it is, no entry
        quoted = _QUOTED_TITLE.match(after) or _SINGLE_QUOTED_TITLE.match(after)
        # '(2023). "Title." Venue': the quotes bound a title that ends with its own full stop.
        rest = [quoted.group(1), after[quoted.end():]] if quoted else _split_sentences(after)
        title = rest[0].rstrip(".,") if rest else ""
        venue = _venue_of(" ".join(rest[1:])) if len(rest) > 1 else None
        year = _year_of(apa.group(1))
        suffix = re.search(r"\d{4}([a-z])", apa.group(0))
        return Reference(raw, authors, title, venue or None, year, suffix.group(1) if suffix else "", marker, under_review)

    bare = _acs_reference(raw, body, marker, under_review) or _bare_year_reference(raw, body, marker, under_review) \
        or _ams_reference(raw, body, marker, under_review)
    if bare is not None:
        return bare

    quoted = _QUOTED_TITLE.search(body)
    lead = body[:quoted.start()].rstrip(" ,.:") if quoted else ""
    # Chicago author–date: 'Doe, Ada M., and Bo Roe. 2015. "Title." Venue': the year ends the authors
    lead_year = _LEAD_YEAR.search(lead)
    if lead_year:
        lead = lead[:lead_year.start()]
    if quoted and lead and _looks_like_authors(lead):
        # IEEE/ACM style: 'A. Doe and B. Roe, "Title," in Venue, 2021' — the quotes bound the title.
        authors, title = split_authors(lead), quoted.group(1).strip().rstrip(".,")
        parts = ["", "", body[quoted.end():]]
    else:
        vancouver = _VANCOUVER_LIST.match(body)
        if vancouver:
            # "Doe J, Roe AB. Title. Journal 20, 1–9 (2023)." — the initials end the author list.
            parts = [vancouver.group(1), *_split_sentences(body[vancouver.end():])]
        else:
            named = _APA_AUTHORS_THEN_TITLE.match(body)
            # "Doe, J.A., Roe, B. Title. Submitted to Journal.": surname-first authors with their initials, no year
            parts = [named.group(1), *_split_sentences(body[named.end():])] if named else _split_sentences(body)
        if len(parts) < 2 or not _looks_like_authors(parts[0]):
            return None
        authors = split_authors(parts[0])
        if len(parts) > 2 and _YEAR_ALONE.match(parts[1]):
            # "Doe J, Roe AB. 2023. Title. Journal 152(4): 1–9." (author–date) and ACM's "Ada Doe and
            # Bo Roe. 2023. Title. In Proceedings of … ACM, …": the year has a sentence of its own,
            # and the venue is the sentence after the title (a publisher may follow it).
            found = _YEAR_ALONE.match(parts[1])
            venue_text = parts[3] if len(parts) > 3 else ""
            venue = "arXiv" if _ARXIV.search(venue_text) else (_clean_venue(venue_text) or None)
            return Reference(raw, authors, parts[2].rstrip("."), venue, _year_of(found.group(1)), found.group(2) or "",
                             marker, under_review)
        title = parts[1].rstrip(".")
        status = _STATUS_AFTER_QUESTION.search(title)
        if status:
            # "Title: who does what? Under review, Journal": a title ending in "?" runs on into its status
            parts = [parts[0], title[:status.start()], title[status.end():], *parts[2:]]
            title = parts[1]
    raw_tail = " ".join(parts[2:])
    tail = ARXIV_ID.sub(" ", raw_tail)
    years = list(_YEAR.finditer(tail or title))
    year, suffix = (int(years[0].group(1)), years[0].group(2) or "") if years else (None, "")
    if lead_year and lead_year.group(1) and parts[0] == "":
        year, suffix = int(lead_year.group(1)), lead_year.group(2) or ""
    if _UNDER_REVIEW.search(tail):
        # "arXiv preprint …, currently under review at ICLR 2021": the paper's venue is the
        # preprint server; the conference it is submitted to is not where it appeared.
        tail = _UNDER_REVIEW.split(tail)[0]
        if not _YEAR.search(tail):
            year = None
    venue = "arXiv" if re.search(r"\barXiv:\s*\d", raw_tail, re.I) else _venue_of(tail)  # "arXiv:2403.11872, 2024"
    return Reference(raw, authors, title, venue, year, suffix, marker, under_review)


# '"Title" [Its Translation]. Journal 12: 1–9. (in Japanese)': the translation and the language are no venue.
_TRANSLATED_TITLE = re.compile(r"^\s*\[[^\]]{3,300}\]\.?\s*")
_IN_LANGUAGE = re.compile(r"\(\s*in\s+[A-Z][a-z]+\s*\)")


def _venue_of(tail: str) -> str | None:
    """The venue in what follows an entry's title: the preprint server for an arXiv paper or one
    "submitted to" a journal (where it is under review is not where it appeared), else the cleaned text."""
    tail = _UNDER_REVIEW.split(tail)[0]
    if _ARXIV.search(tail):
        return "arXiv"
    if _NO_VENUE.match(tail.strip().split(".")[0]):
        return None  # "Working paper. Presented at the X Conference 2024": not yet published anywhere
    tail = _IN_LANGUAGE.sub(" ", _TRANSLATED_TITLE.sub("", tail))
    tail = _ACCEPTED.sub("", tail)  # "Accepted, Journal of X, 2024": the status is no part of the venue
    return _clean_venue(tail) or None


_ACCEPTED = re.compile(r"^\s*(?:accepted|in\s+press|forthcoming)\b(?:\s+(?:in|at|by|for))?[\s,:.]*", re.I)


# Chemistry (ACS) style: "Doe, J. B.; Roe, A. Title. J. Am. Chem. Soc. 2023, 145 (2), 101–109." —
# surname-first names with initials, separated by semicolons; the journal's abbreviation, then the
# year and the volume.
_ACS_NAME = rf"{_SURNAME},\s+[A-Z]\.(?:\s?-?[A-Z]\.)*"
_ACS_AUTHORS = re.compile(rf"^({_ACS_NAME}(?:;\s*(?:and\s+)?{_ACS_NAME})*)\s+(?=[^\d\s(])")
_ACS_YEAR = re.compile(r"\s((?:19|20)\d{2})[a-z]?(?:,\s*\d|\.?\s*$)")


def _acs_reference(raw: str, body: str, marker: str | None, under_review: bool) -> Reference | None:
    """An entry in the ACS style (see the expressions above), or None."""
    names = _ACS_AUTHORS.match(body)
    if names is None or (";" not in names.group(1) and not _ACS_YEAR.search(body)):
        return None
    rest = body[names.end():]
    found = _ACS_YEAR.search(rest)
    if found is None:
        return None
    # the title is the first sentence; the journal's abbreviation keeps its full stops
    title, _, venue_text = rest[:found.start()].partition(". ")
    if len(title) < 8:
        return None
    venue = "arXiv" if _ARXIV.search(venue_text) else (_clean_venue(venue_text) or None)
    authors = tuple(split_authors(name)[0] for name in re.split(r";\s*(?:and\s+)?", names.group(1)))
    return Reference(raw, authors, title.strip().rstrip("."), venue, int(found.group(1)), "", marker, under_review)


def _bare_year_reference(raw: str, body: str, marker: str | None, under_review: bool) -> Reference | None:
    """'Doe, J., & Roe, A. 2021, ApJ, 900, 1, "Title"' (AAS) or 'Doe, J. 2021. Title. Venue.' (Harvard).

    Only for surname-first author lists, where the bare year right after the names is unambiguous.
    """
    if not _APA_AUTHOR_START.match(body):
        return None
    found = _BARE_YEAR.search(body)
    if not found or not _looks_like_authors(body[:found.start()]):
        return None
    authors = split_authors(body[:found.start()])
    rest = body[found.end():]
    quoted = _QUOTED_TITLE.search(rest)
    if found.group(3) == ",":
        # AAS: the journal comes first, then volume and page; a title, when given, is quoted.
        title = quoted.group(1).strip().rstrip(".,") if quoted else ""
        venue = _clean_venue((rest[:quoted.start()] if quoted else rest).split(",")[0])
    else:
        parts = _split_sentences(rest)
        title = (quoted.group(1) if quoted else parts[0] if parts else "").strip().rstrip(".,")
        venue = _clean_venue(rest[quoted.end():] if quoted else " ".join(parts[1:]))
    return Reference(raw, authors, title, venue or None, _year_of(found.group(1)), found.group(2) or "", marker,
                     under_review)


# Mathematics (AMS) and Elsevier numbered styles: "A. B. Doe and C. Roe, Title, J. Algebra 512
# (2023), 101–130." — initials-first names, a comma before the unquoted title, the journal
# with its volume just before the bracketed year.
_GIVEN_FIRST = rf"(?:[A-Z]\.(?:\s?-?[A-Z]\.)*\s+{_SURNAME})"
_AMS_AUTHORS = re.compile(rf"^({_GIVEN_FIRST}(?:(?:,\s*|,?\s+and\s+){_GIVEN_FIRST})*),\s+(?=[^\s\"“])")
_AMS_VENUE_YEAR = re.compile(r",\s+([^,]{2,120}?)\s*\(\s*((?:19|20)\d{2})\s*\)")


def _ams_reference(raw: str, body: str, marker: str | None, under_review: bool) -> Reference | None:
    """An entry in the AMS or Elsevier style (see the expressions above), or None."""
    names = _AMS_AUTHORS.match(body)
    if names is None or _IEEE_LINE.match(body):
        return None  # 'A. Doe, B. Roe, "Title," …' quotes its title: the IEEE reading applies
    rest = body[names.end():]
    found = None
    for found in _AMS_VENUE_YEAR.finditer(rest):
        pass  # the last bracketed year: a title may hold a comma and a year of its own
    if found is None or found.start() < 8:
        return None
    title = rest[:found.start()].strip(" ,.")
    venue_text = re.sub(r"\s+\d+\s*$", "", found.group(1)).strip()  # the volume
    if _ARXIV.search(rest):
        venue = "arXiv"
    else:
        venue = _clean_venue(venue_text) or None
    return Reference(raw, split_authors(names.group(1)), title, venue, int(found.group(2)), "", marker, under_review)


def parse_references(section_text: str) -> list[Reference]:
    """Parse every entry of a reference section, skipping the heading and junk lines."""
    refs = []
    for entry in split_entries(section_text):
        ref = parse_reference(entry)
        if ref is not None:
            refs.append(ref)
    return refs


_BULLET = re.compile(r"^\s*(?:[-*•·]\s*)?(?:\d{1,3}[.)]|\[(?:\d{1,3}|[A-Z]{1,2})\])?\s*")


# "J. Doe, A. B. Roe, and C. Poe, "Title," …" (IEEE): initials-first authors, then the quoted title.
# (An initial may be a digraph of a transliterated name: "Zh.", "Sh.")
# (and a surname's particles: "P. de Quill", "A. van der Renn")
_INITIALS_NAME = rf"[A-Z][a-z]?\.(?:[\s-]?[A-Z][a-z]?\.)*\s+(?:{PARTICLE_ALTERNATION}\s+){{0,2}}{_CAP}[\w'’-]+(?:\s+{_CAP}[\w'’-]+)?"
_IEEE_LINE = re.compile(rf"^{_INITIALS_NAME}(?:,\s+(?:and\s+)?{_INITIALS_NAME})*(?:,?\s+and\s+{_INITIALS_NAME})?[,.]\s+[\"“]")


# "Doe, Jane B., Bo Roe, and Cy Poe. 2021. …" (Chicago author–date): surname, full given name.
_CHICAGO_START = re.compile(rf"^{_SURNAME},\s+{_CAP}[\w'’\-]+(?:\s+[A-Z]\.)*,\s+(?:and\s+)?{_CAP}")


# "Doe J., Roe A. (2021). …", "Doe JA, Roe B. 2021. …": surnames with their initials after them, then the year.
# (The year closes with a full stop before the title: "Roe J (2020) showed that …" is a sentence.)
_VANCOUVER_LINE = re.compile(rf"^{_VANCOUVER_NAME}\.?(?:,\s+{_VANCOUVER_NAME}\.?)*(?:,?\s+et al\.?)?\s+\(?(?:19|20)\d{{2}}[a-z]?\)?\.\s+"
                             r"[\"“‘A-Z]")


# An APA entry written inside a sentence of prose ("… was published as Doe, J. A., & Roe, B. (2021).
# Title. Journal, 12(3), 45–67. Later …"): surname-first authors with initials, the year in
# brackets, a title, and a venue closed by its volume, issue and pages (or a DOI).
_APA_NAME = rf"{_SURNAME},\s*(?:{_CAP}\.[\s-]*){{1,3}}"
_APA_AUTHORS_THEN_TITLE = re.compile(rf"^({_APA_NAME}(?:,?\s+(?:&\s+|and\s+)?{_APA_NAME}){{0,7}})\s*(?=[A-Z][a-z])")
_INLINE_APA = re.compile(
    rf"(?<![\w'’-])({_APA_NAME}(?:,?\s+(?:&\s+|and\s+)?{_APA_NAME}){{0,7}}(?:,?\s+et al\.)?\s*"
    r"\(\s*(?:19|20)\d{2}[a-z]?\s*\)\.\s+[^\n]{10,400}?"
    r"(?:,\s*\d{1,4}(?:\s*\(\s*[\w–-]{1,9}\s*\))?(?:,\s*[A-Za-z]?\d{1,6}(?:\s*[-–]\s*[A-Za-z]?\d{1,6})?)?|\s+(?:https?://doi\.org/|doi:\s*)\S+?))\.(?=\s|$)")


# "Doe JA, Roe B. Title. Journal. 2021;8:12.": two names or more with their initials, then the title, and a year
_NLM_LINE = re.compile(rf"^{_VANCOUVER_NAME}(?:, {_VANCOUVER_NAME})+(?:,? et al)?\.\s+[A-Z]")
_NLM_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def inline_references(text: str) -> list[Reference]:
    """APA entries written inside sentences of prose, with their volume, pages or DOI closing them."""
    refs = []
    for m in _INLINE_APA.finditer(text):
        ref = parse_reference(m.group(1))
        if ref is not None and ref.title and ref.year and ref.authors and ref.venue:
            refs.append(ref)
    return refs


def listed_references(text: str) -> list[Reference]:
    """Reference entries written as lines of the body, outside a reference section.

    Only lines that open with a surname-first author list and give a year and a title ("Doe,
    J., & Roe, A. (2023). …", "Doe, Jane B., and Bo Roe. 2021. …", "Doe J., Roe A. (2021). …", "Doe J, Roe AB.
    Title. Journal. 2021;8:12."), or with initials-first
    authors and a quoted title ('J. Doe and A. Roe, "Title," …', whose year may wait for
    publication): those shapes are citations, never sentences of prose.
    """
    refs = []
    for line in text.split("\n"):
        entry = line[_BULLET.match(line).end():].strip()
        ieee = _IEEE_LINE.match(entry)
        if not (ieee or _APA_AUTHOR_START.match(entry) or _CHICAGO_START.match(entry) or _VANCOUVER_LINE.match(entry)
                or (_NLM_LINE.match(entry) and _NLM_YEAR.search(entry))):
            continue
        ref = parse_reference(entry)
        if ref is not None and ref.title and (ref.year or ieee) and ref.authors:
            refs.append(ref)
    return refs
