"""Collect the entity mentions of one parsed statement into an :class:`EntityRegistry`.

Sources, in order of trust: the gazetteer (known organisations and venues), token
patterns ("X Lab", "University of X", "Prof. Y"), acronyms defined in the text, the
reference list, and — filtered hard — the statistical model's PERSON and ORG guesses.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cached_property

from spacy.attrs import IS_ALPHA, IS_LOWER
from spacy.tokens import Doc, Span

from . import titles
from .gazetteer import Gazetteer, OrgEntry
from .interests import find_interests
from .model import APPLICANT, CleanText, Fact, Mention
from .acronyms import word_prefixes_spell
from .names import fold
from .nlp import PATTERNS_KEY
from .person_mentions import CITATION, PersonMentions
from .pipeline.gazetteer import GAZETTEER_KEY
from .pipeline.sections import SectionTable, sections_by_label
from .references import Reference, listed_references, parse_references
from .registry import EntityRegistry, fold_into
from .relations import load_cues
from .sentence_cues import is_degree_word
from .span_edges import (
    DASHES,
    cut_person_span,
    is_number_sign,
    strip_span,
    surname_of_a_person,
    with_hyphen_head,
    with_hyphen_tail,
    with_leading_title_words,
    with_prefixed_surname,
    with_surname_tail,
    without_date_or_place,
)
from .topics import TopicScheme
from .typed_names import (cv_line_employers, funder_acronyms, typed_org_names, workplace_acronyms,
                          workplace_names)
from .venue_mentions import VenueMentions

# Heads that may close a name a pattern read only in part ("… Research" + "Programme").
_TRAILING_HEADS = re.compile(r"^(?:programme|program|institute|centre|center|unit|initiative|network|consortium|"
                             r"partnership|project|laboratory|laboratories|lab|labs)$", re.I)
# "Prof.", "Dr.": a title inside a span makes it a person's name, or a person's lab, never an organisation.
_ACADEMIC_TITLES = titles.words("academic")
# Words naming a post, which no organisation's name holds in the singular.
_POST_TITLES = frozenset({"fellow", "officer", "lecturer", "assistant", "intern", "postdoc", "analyst", "scientist"})
# A capitalised name, its small words between ("Widget Institute of Science and Technology").
_LONG_NAME = r"(?:[A-Z][\w.&'’\u2013-]*\s+(?:(?:of|for|and|the|in|on|&|de|für)\s+)*){1,10}[A-Z][\w.&'’\u2013-]*"
# "(WCAM QAS)": the unit's acronym, then its parent's.
_ACRONYM_DEF = re.compile(rf"({_LONG_NAME})\s*\(\s*([A-Z][A-Za-z0-9.&-]{{1,12}}(?:\s+[A-Z][A-Z0-9&]{{1,6}})?)\s*\)")
# "X (Widget University of Science and Technology, WUST)": an English name and its acronym, in brackets.
# "California State University, Widget (Widget State)": a shorter name made of the long name's own words.
_SHORT_NAME_DEF = re.compile(rf"({_LONG_NAME}(?:,\s+[A-Z][\w'’-]+)?)\s*\(\s*((?:[A-Z][\w'’-]+\s+){{1,2}}[A-Z][\w'’-]+)\s*\)")
# "Laboratoire de Widgets, Statistique et Modélisation (LWSM)": a name listing fields, with commas.
_LISTING_NAME_DEF = re.compile(r"((?:[A-Z][\w'’-]*(?:,?\s+(?:(?:of|for|and|the|in|on|&|de|des|du|für|et|e|y|und)\s+)*)){2,12})"
                               r"\(\s*([A-Z][A-Z0-9&-]{2,10})\s*\)")
_ACRONYM_CITY_DEF = re.compile(rf"({_LONG_NAME})\s*\(\s*([A-Z][A-Z0-9&-]{{1,10}}\s+[A-Z][a-zà-ÿ'’-]+)\s*\)")
_BRACKETED_ACRONYM_DEF = re.compile(rf"\(\s*({_LONG_NAME})\s*,\s*([A-Z][A-Za-z0-9.&-]{{1,12}})\s*\)")
# "automatic speech recognition (ASR)": an acronym the text defines for a lower-case term.
_TERM_ACRONYM_DEF = re.compile(r"\b((?:[a-z][a-z-]+\s+){1,6}[a-z][a-z-]+)\s*\(\s*([A-Z][A-Za-z0-9-]{1,10})\s*\)")
# Spanish and Portuguese "Universidad(e)" have no "t"; "Politécnico", "Politechnika" are technical universities.
_UNIVERSITY_WORDS = re.compile(r"\b(?:university|universit\w+|universidad\w*|uniwersytet\w*|üniversite\w*|yliopisto|egyetem|univerzit\w*|college|polytechnic|polit[eé]cnic\w*|politechnika|institute of technology|école|escuela)\b", re.I)
_GROUP_WORDS = re.compile(r"\b(?:lab|labs|laboratory|laboratories|laboratoire|laborat[oó]rio|group|center|centre|team|unit|"
                          r"initiative)\b", re.I)
_COMPANY_WORDS = re.compile(r"\b(?:inc|ltd|llc|pvt|gmbh|corp|corporation|technologies|company|co)\b\.?|\.(?:ai|io|com|tech|app)\b", re.I)
_ORG_WORDS = re.compile(r"\b(?:school|department|faculty|society|foundation|association|council|agency|institute|institution|academy|club|committee|organi[sz]ation|network|consortium|bank|ministry|office|hospital|museum|library|programme|program)\b", re.I)
# Heads whose name goes on with "of …": "… School of Public Health", "Federal Widget Bank of Boston".
_OF_HEADS = re.compile(r"^(?:school|college|university|institute|center|centre|department|faculty|laboratory|lab|division|bank|museum"
                       r"|library|hospital|archives?|society|academy|council|ministry|bureau|agency|authority)$", re.I)
_UNIT_HEADS = re.compile(r"^(?:school|college|institute|center|centre|department|faculty|laboratory|lab|division|directorate)$", re.I)
# "the Widget Astronomical Center of the Quill Academy of Sciences": an academy's institutes have names of their own.
_ACADEMY = re.compile(r"\bacademy\b", re.I)
_ACADEMY_UNIT = re.compile(r"\b(?:institute|centre|center|laboratory|observatory)$", re.I)
# A research unit named by its own field: "Institute of Widgetry", "Centre for Quill Studies".
_OWN_UNIT = re.compile(r"(?i:(?:the\s+)?(?:institute|centre|center|laboratory)\s+(?:of|for))\s+[A-Z]")
_PARENT_HEADS = re.compile(r"\b(?:bank|ministry|university|institute|agency|commission|council|authority|corporation|"
                           r"foundation|organi[sz]ation|bureau|board|academy|society|company|hospital|museum|service)\b", re.I)
_VENUE_WORDS = re.compile(r"\b(?:conference|workshop|symposium|journal|proceedings|transactions|letters|meetings?|congress|colloquium)\b", re.I)
_LEGAL_SUFFIX = re.compile(r"(?:,?\s+\(?(?:pvt|private|ltd|limited|inc|llc|gmbh|corp|co|plc|s\.?a|ag)\.?\)?)+$", re.I)
_DOMAIN_NAME = re.compile(r"(?<![@/\w.])([A-Z][A-Za-z0-9-]{1,30}\.(?:ai|io|com|co|org|net|tech|app))(?![\w/@-])")
# Words that make a header line an application: "Applicant to …", "Application for a position at …".
APPLICATION_WORDS = re.compile(r"\b(?:apply|applying|applied|application|applicant|candidate|candidacy|position|vacancy)\b", re.I)
_ORG_NER_PREPS = frozenset({"at", "joined", "join"})
# Lower-case particles inside names in other languages ("Banco de la República", "Technische
# Universität zu Berlin"): not a sign that a capitalised span is running text.
_NAME_PARTICLES = frozenset("de del della di da do dos das des du la las le les los van von der den zu für y e et en para per pour sur sobre".split())


_QUOTED_TITLE = re.compile(r"[\"“]([A-Z][^\"”\n]{10,300})[\"”]")


def _without_bare_parent(span: Span) -> Span:
    """"the Widget Physics Laboratory of the Department": a parent named only by its kind is
    no part of the name."""
    if len(span) > 3 and span[-3].lower_ == "of" and span[-2].lower_ == "the" \
            and (_UNIT_HEADS.match(span[-1].text) or _PARENT_HEADS.fullmatch(span[-1].text)):
        return span[:-3]
    return span


def _named_on_its_own(unit: str, parent: str) -> bool:
    """Is ``unit`` of ``parent`` ("X Institute" of "the Y Academy") a workplace with a name of its
    own? A university's schools and departments are its parts; an academy's institutes, and
    institutes named by their field ("Institute of Widgetry") elsewhere, are not."""
    return not _UNIVERSITY_WORDS.search(parent) and bool(
        _OWN_UNIT.match(unit) or (_ACADEMY.search(parent) and _ACADEMY_UNIT.search(unit)))


def _spelled_ending(words: list[str], short: str, *, ignore_case: bool = False) -> int | None:
    """Where the shortest ending of ``words`` whose initials spell ``short`` starts, or None."""
    for k in range(len(words)):
        initials = "".join(w[0] for w in words[k:])
        if initials == short or (ignore_case and initials.upper() == short.upper()):
            return k
    return None


def program_label(text: str) -> tuple[str, list[str]]:
    """Canonical programme label and alternatives: 'Ph. D' → ('PhD', ['Ph. D'])."""
    surface = " ".join(text.split()).strip(" ,.;")
    low = fold(surface).replace(" ", "")
    short = {"phd": "PhD", "dphil": "DPhil", "ms": "M.S.", "msc": "MSc", "meng": "MEng", "mba": "MBA",
             "mphil": "MPhil", "mres": "MRes", "ma": "M.A.", "mtech": "M.Tech.", "mfa": "MFA", "mpp": "MPP",
             "mpa": "MPA", "mph": "MPH"}
    if low in short:
        return short[low], [surface]
    if re.fullmatch(r"(?:doctoral|doctorate|phd)(?:program|programme|studies)?", low):
        return "PhD", [surface]
    if re.fullmatch(r"(?:master|masters|graduate)s?(?:program|programme|degree|studies)", low):
        return "Master's", [surface]
    bracket = re.fullmatch(r"(.+?) \((\w[\w.]*)\) (in .+)", surface)
    if bracket:  # "Master of Mathematics (MMath) in Computer Science": the name with and without its short form
        return surface, [f"{bracket.group(1)} {bracket.group(3)}", f"{bracket.group(2)} {bracket.group(3)}"]
    words = surface.split()
    # A named programme ("DPhil in Atmospheric Physics") keeps its own name only: the bare
    # degree ("DPhil") would make it share a label with every other programme of that degree.
    aliases = []
    caps = [w for w in words if w[:1].isupper() and w.lower() not in ("of", "in", "and", "for")]
    if words[0].lower().startswith("master") and len(caps) >= 3:
        aliases.append("".join(w[0] for w in caps))
    return surface, aliases


class MentionCollector(PersonMentions, VenueMentions):
    """Finds entity mentions in one Doc and keeps their spans for the relation rules."""

    def __init__(self, doc: Doc, clean: CleanText, gazetteer: Gazetteer, topics: TopicScheme):
        self.doc = doc
        self.clean = clean
        self.gazetteer = gazetteer
        self.topic_scheme = topics
        self.registry = EntityRegistry()
        self.spans: list[tuple[Span, int]] = []
        self.titled: set[int] = set()
        self.applicant_index: set[int] = set()
        # lone surnames of authors the statement discusses ("Kant"): people, never advisors
        self.discussed_authors: set[int] = set()
        self.pending_affiliations: list[int] = []
        self.references: list[Reference] = []
        self.applicant_name: str | None = None
        self._acronyms: dict[str, str] = {}
        self._cued_venue_spans: list[Span] = []
        self._term_acronyms: set[str] = set()
        self._parent_university: dict[int, str] = {}
        # Read once: ``Doc.text`` joins every token anew on each access, and many rules scan it.
        self.text = doc.text
        self._sections = SectionTable(doc)
        for span in sections_by_label(doc, "REFERENCES"):
            self.references.extend(parse_references(span.text))
        self._reference_lines: list[tuple[int, int]] = []  # reference entries written as lines of the body
        for span in sections_by_label(doc, "BODY"):
            for ref in listed_references(span.text):
                self.references.append(ref)
                start = self.text.find(ref.raw, span.start_char)
                if start >= 0:
                    self._reference_lines.append((start, start + len(ref.raw)))
        # Read once for what several rules count or look up.
        lowers = [t.lower_ for t in doc]
        self.word_counts = Counter(lowers)
        flags = doc.to_array([IS_LOWER, IS_ALPHA]).tolist() if lowers else []
        self._lower_words = {low for low, (lower, alpha) in zip(lowers, flags) if lower and alpha}
        # Surnames cited author–year ("(Quill et al., 2020)"): found once, used by several rules.
        self.cited_surnames = {m.group(1) for m in CITATION.finditer(self.text)}

    # -- offsets ---------------------------------------------------------------------------
    def _orig(self, span: Span) -> tuple[int, int]:
        return self.clean.original_span(span.start_char, span.end_char)

    def _register(self, span: Span, index: int) -> int:
        self.spans.append((span, index))
        return index

    # -- collection -----------------------------------------------------------------------
    def collect_entities(self) -> None:
        self._acronym_definitions()
        self._cued_venues()
        self._gazetteer_spans()
        self._pattern_spans()
        self._domain_names()
        self._acronym_venues()  # before the model's organisations: "Widget" of "at Widget und Gadget 27" is no organisation
        self._ner_orgs()
        self._typed_names()
        self._acronym_uses()
        self._people()
        self._reference_entities()

    def _acronym_definitions(self) -> None:
        for m in _TERM_ACRONYM_DEF.finditer(self.text):
            # the acronym's letters are the initials of the words just before it
            if _spelled_ending(re.split(r"[\s-]+", m.group(1)), m.group(2), ignore_case=True) is not None:
                self._term_acronyms.add(m.group(2))
        for m in [*_ACRONYM_DEF.finditer(self.text), *_BRACKETED_ACRONYM_DEF.finditer(self.text),
                  *_ACRONYM_CITY_DEF.finditer(self.text)]:
            # a name ends at a line break: the line above is another name (an address block)
            long, short = m.group(1).strip().split("\n")[-1].strip(), m.group(2).strip()
            # "X University's Widget Studies Institute (WSI)": the name follows the possessive
            long = re.split(r"['’]s\s+", long)[-1]
            letters = short.split()[0]  # "IRB Barcelona": the acronym, then the city it is in
            # "Max-Planck-Institut für X (MPIM)": each part of a hyphenated word gives a letter
            words = [w for w in re.split(r"[\s\-\u2010\u2013]+", long) if w and w[0].isupper()]
            initials = "".join(w[0] for w in words)
            if letters[0] == initials[:1] and (set(letters.upper().replace("-", "")) <= set(initials.upper()) | set("0123456789.&-")
                                               or word_prefixes_spell(letters, words)):
                self._acronyms[short] = long
            elif len(words) >= 3 and short.split()[0] == words[0] and len(short.split()) == 2 \
                    and "".join(w[0] for w in words[1:]) == short.split()[1]:
                # "Widget School of Quill and Ink (Widget SQI)": the name's first word, then the others' initials
                self._acronyms[short] = long
            elif len(words) >= 3 and "-" in long.split()[0] and "".join(w[0] for w in words[1:]).upper() == short.upper():
                # "Leibniz-Zentrum Allgemeine Sprachwissenschaft (ZAS)": a patron's name joined to what the letters spell
                self._acronyms[short] = long
            elif letters.isupper() and len(letters) >= 3 and _ORG_WORDS.search(long) and not self.gazetteer.find_org(letters):
                # "Metropolitan Widget Institute of Quill (IMEWIQ)": an English name for an acronym of the
                # name in the organisation's own language
                self._acronyms[letters] = long

        for m in _LISTING_NAME_DEF.finditer(self.text):
            long, short = m.group(1).strip(" ,"), m.group(2)
            if "," not in long or short in self._acronyms:
                continue
            # the shortest ending of the name whose capitalised words spell the acronym, commas inside it
            words = list(re.finditer(r"[A-Z][\w'’-]*", long))
            k = _spelled_ending([w.group() for w in words], short)
            if k is not None and "," in long[words[k].start():]:
                self._acronyms[short] = long[words[k].start():]
        for m in _SHORT_NAME_DEF.finditer(self.text):
            long, short = m.group(1).strip(), m.group(2).strip()
            if {w.lower() for w in short.split()} <= {w.lower().strip(",") for w in long.split()}:
                self._acronyms[short] = long

    def _acronym_uses(self) -> None:
        """Every later use of a short name the text defined ("Teaching Assistant, Widget SQI (2022)"):
        the model tags an acronym as an organisation only now and then."""
        for short, long in sorted(self._acronyms.items(), key=lambda kv: len(kv[0]), reverse=True):
            for m in re.finditer(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", self.text):
                if self._defined_right_before(m.start(), long):
                    continue  # the definition itself, and its name a mention already
                span = self.doc.char_span(m.start(), m.end())
                if span is not None and not self._taken(span) and self.section(span) != "REFERENCES":
                    self._add_org_text(span, "acronym-use")

    def _defined_right_before(self, at: int, long: str) -> bool:
        """Does ``long`` end right before ``at`` ("Long Name (LN)") as part of a mention already taken?"""
        window = max(0, at - len(long) - 3)
        before = self.text[window:at].rstrip(" (,")
        if not before.endswith(long):
            return False
        named = self.doc.char_span(window + len(before) - len(long), window + len(before), alignment_mode="contract")
        return named is not None and self._taken(named)

    def _defined_long_form(self, span: Span) -> Span:
        """"University of Engineering" of "University of Engineering and Technology (UET)": the
        long form the text defines an acronym for, when a pattern stopped short of it."""
        for long in self._acronyms.values():
            if len(long) <= len(span.text):
                continue
            # the long form may start before the span ("Widget University of Science …" for "University of Science")
            start = self.text.find(long, max(0, span.end_char - len(long)), span.start_char + len(long))
            if 0 <= start <= span.start_char and start + len(long) >= span.end_char:
                longer = self.doc.char_span(start, start + len(long))
                if longer is not None:
                    return longer
        return span

    def _org_attributes(self, entry) -> dict[str, str]:
        attrs = {"gazetteer": entry.id}
        if getattr(entry, "country", None):
            attrs["country"] = entry.country
        if getattr(entry, "url", None):
            attrs["url"] = entry.url
        if getattr(entry, "domains", None):
            attrs["domain"] = entry.domains[0]
        return attrs

    def add_org_entry(self, entry, span: Span | None, surface: str) -> int:
        start, end = self._orig(span) if span is not None else (-1, -1)
        subtype = entry.type if entry.type in ("University", "Company", "ResearchGroup") else None
        index = self.registry.add("organization", entry.name, key=f"gaz:{entry.id}", subtype=subtype,
                                  aliases=[surface, *entry.aliases[:8]], attributes=self._org_attributes(entry),
                                  start=start, end=end, source="gazetteer")
        return self._register(span, index) if span is not None else index

    def add_org_name(self, name: str) -> int:
        """An organisation named in a reference entry (a meeting's society), with no span of the body."""
        entry = self.gazetteer.find_org(name)
        if entry is not None:
            return self.add_org_entry(entry, None, name)
        return self.registry.add("organization", name, subtype=self._guess_subtype(name), source="reference")

    @cached_property
    def _quoted_titles(self) -> list[tuple[int, int]]:
        """Character ranges of double-quoted titles of four words or more."""
        return [(m.start(), m.end()) for m in _QUOTED_TITLE.finditer(self.text) if len(m.group(1).split()) >= 4]

    def _in_quoted_title(self, span: Span) -> bool:
        """Is ``span`` words of a quoted title ("… Interference in DDR5 Systems", "Ein Korpus …")?"""
        return any(start < span.start_char and span.end_char < end for start, end in self._quoted_titles)

    def _capitalised_word(self, span: Span) -> bool:
        """"Rice farming is …": a word the text also writes in lower case, capitalised by the sentence."""
        return len(span) == 1 and span[0].is_sent_start and span[0].lower_ in self._lower_words

    def _add_org_text(self, span: Span, source: str) -> int | None:
        if self._in_quoted_title(span):
            return None  # words of a paper's title, not an organisation
        if self._capitalised_word(span):
            return None
        text = span.text.strip()
        if text in self._acronyms:
            long = self._acronyms[text]
            entry = self.gazetteer.find_org(long) or self.gazetteer.find_org(text)
            if entry:
                return self.add_org_entry(entry, span, text)
            if self._guess_subtype(long) is None and not _ORG_WORDS.search(long):
                return None  # "Graduate Student Instructor (GSI)" defines an acronym, not an organisation
            # "… Center of the Quill Academy of Sciences (WCAQ)": the academy's unit, as where it is named in full
            unit, _, parent = long.partition(" of the ")
            if parent and _PARENT_HEADS.search(parent) and _named_on_its_own(unit, parent):
                long = unit
            return self._register(span, self.registry.add("organization", long, aliases=[text], source=source,
                                                          subtype=self._guess_subtype(long)))
        entry = self.gazetteer.find_org(text) or self._org_by_country(text)
        if entry is None:
            short = next((s for s, l in self._acronyms.items() if fold(l) == fold(text)), None)
            entry = self.gazetteer.find_org(short) if short else None
        if entry is None:
            span, entry = self._with_listed_city(span)
        if entry is not None:
            return self.add_org_entry(entry, span, text)
        if self.gazetteer.find_venue(text) or self.topic_scheme.lookup(text):
            return None
        if _VENUE_WORDS.search(text):
            return self.add_venue(text, span, None)
        start, end = self._orig(span)
        aliases = [s for s, l in self._acronyms.items() if fold(l) == fold(text)]
        subtype = self._guess_subtype(text)
        if _LEGAL_SUFFIX.fullmatch(" " + text):
            return None  # "Ltd." the model cut from "X (Pvt.) Ltd.": a legal form, not a name
        bare = _LEGAL_SUFFIX.sub("", text).strip(" ,")
        if bare != text and len(bare) > 2:
            aliases.append(text)
            subtype = subtype or "Company"
            text = bare
        index = self.registry.add("organization", text, subtype=subtype, aliases=aliases,
                                  start=start, end=end, source=source)
        return self._register(span, index)

    def _with_listed_city(self, span: Span) -> tuple[Span, OrgEntry | None]:
        """"Widget National University, Hanoi" for the listed "Widget National University Hanoi": a
        name and the city after its comma, when the list knows them as one name. Returns the span
        (with the city, when it was taken) and the entry or None."""
        doc, at = self.doc, span.end
        if at + 1 >= len(doc) or doc[at].text != "," or doc[at + 1].ent_type_ != "GPE":
            return span, None
        end = at + 2  # the city's first word, then the rest of the same entity ("Ho Chi Minh City")
        while end < len(doc) and doc[end].ent_type_ == "GPE" and doc[end].ent_iob_ == "I":
            end += 1
        entry = self.gazetteer.find_org(f"{span.text} {doc[at + 1:end].text}")
        return (doc[span.start:end], entry) if entry is not None else (span, None)

    @staticmethod
    def _guess_subtype(text: str) -> str | None:
        if _UNIVERSITY_WORDS.search(text) and not re.match(r"(?i)(?:school|department|faculty|college) of", text):
            return "University"
        if _GROUP_WORDS.search(text):
            return "ResearchGroup"
        if _COMPANY_WORDS.search(text):
            return "Company"
        return None

    def _gazetteer_spans(self) -> None:
        for span in self.doc.spans.get(GAZETTEER_KEY, []):
            if self._part_of_longer_name(span) or span.text in self._term_acronyms \
                    or any(c.start <= span.start and span.end <= c.end for c in self._cued_venue_spans) \
                    or (span.label_ == "VENUE" and self._inside_venue_pattern(span)):
                continue  # "Cell" of "Molecular Biology of the Cell", named after "appeared in"
            if span.label_ == "ORG" and (self._sponsor_of_venue(span) or self._society_of_meeting(span)
                                         or self._capitalised_word(span) or surname_of_a_person(span)):
                continue  # "IEEE/ACM International Symposium on …": the venue's sponsors, named as part of it
            if span.label_ == "ORG":
                defined = self._defined_long_form(span)
                if len(defined) > len(span):
                    # "Iran National Science Foundation (INSF)": the text defines a longer name around the listed one
                    self._add_org_text(defined, "gazetteer+definition")
                    continue
                led = self._with_leading_name_word(span)
                if len(led) > len(span) and self._add_org_text(led, "gazetteer+modifier") is not None:
                    continue  # "the Jesuit University of X", "SOAS University of X": another, longer name
                longer = self._extended(span)
                if longer is not None:
                    index = self._add_org_text(longer, "gazetteer+extension")
                    entry = self.gazetteer.orgs.get(span.kb_id_)
                    if index is not None and entry is not None and entry.type == "University":
                        self._parent_university[index] = entry.id
                    continue
                entry = self.gazetteer.orgs.get(span.kb_id_)
                if span.text in self._acronyms:
                    # "HUST" defined by the text as "Hanoi University of Science and Technology",
                    # not the list's other university of that acronym
                    self._add_org_text(span, "gazetteer+definition")
                elif entry:
                    self.add_org_entry(entry, span, span.text)
            elif span.label_ == "VENUE" and self.section(span) != "REFERENCES":
                entry = self.gazetteer.venues.get(span.kb_id_)
                if entry and self._venue_context(span, entry):
                    self.add_venue(entry.name, span, entry)

    def _extended(self, span: Span) -> Span | None:
        """'Widget Foundation Networking': a known name followed by more of a proper name."""
        doc = self.doc
        end = span.end
        # "Acme Public Leaderboard", "Acme Landmark Challenge": an event or a prize of Acme, not a longer name.
        stop = load_cues()["not_name_parts"]
        # "ACM" + "International Symposium on Microarchitecture": another listed name is not more of this one
        listed = self._gazetteer_tokens

        def continues(tok) -> bool:
            return tok.is_title and tok.pos_ == "PROPN" and not tok.is_sent_start \
                and tok.ent_type_ not in ("GPE", "LOC", "PERSON", "DATE") and tok.i not in listed

        while end < len(doc) and end - span.end < 5:
            if continues(doc[end]):
                if doc[end].lower_ in stop:
                    return None
                end += 1
            elif end > span.end and doc[end].lower_ in ("and", "&") and end + 1 < len(doc) and continues(doc[end + 1]):
                end += 1  # "… of Science" + "Education and Research": the words of one longer name
            else:
                break
        # "… Education and Research" + "Pune": a city closes a name that is already another one
        if end > span.end and end < len(doc) and doc[end].ent_type_ == "GPE" and doc[end].is_title \
                and not doc[end].is_sent_start and (end + 1 == len(doc) or not doc[end + 1].is_title):
            end += 1
        if end == span.end or end < len(doc) and continues(doc[end]):
            return None  # nothing added, or a name longer than we dare cut: half a name is worse than none
        longer = doc[span.start:self._through_of(end)]
        return None if self.gazetteer.find_org(longer.text) else longer

    @cached_property
    def _head_first_ends(self) -> dict[int, int]:
        """Start -> end of the names the patterns found that open with their head word ("Universidad …")."""
        return {p.start: p.end for p in self.doc.spans.get(PATTERNS_KEY, []) if p.id_ == "org-head-first"}

    @cached_property
    def _gazetteer_tokens(self) -> frozenset[int]:
        """Indices of tokens inside a name the gazetteer found."""
        return frozenset(t.i for span in self.doc.spans.get(GAZETTEER_KEY, []) for t in span)

    def _through_heads(self, end: int) -> int:
        """Where a name ending before ``end`` really ends: "… Trust Research" + "Programme", "… Health" + "Unit"."""
        doc = self.doc
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start and _TRAILING_HEADS.match(doc[end].text):
            end += 1
        return end

    def _through_of(self, end: int) -> int:
        """Where a name ending before ``end`` really ends: "… School" + "of Public Health", "… Bank" + "of Boston"."""
        doc = self.doc
        def named(tok) -> bool:  # "Public Health", "AI"
            return (tok.is_title or (tok.is_upper and tok.is_alpha and len(tok) >= 2)) and not is_number_sign(tok)

        # "… University" + "of the Arts": an article may open the rest of the name
        skip = 1 if end + 2 < len(doc) and doc[end + 1].lower_ == "the" and named(doc[end + 2]) else 0
        if end + 1 + skip < len(doc) and doc[end].lower_ in ("of", "for") and _OF_HEADS.search(doc[end - 1].text) \
                and named(doc[end + 1 + skip]):
            stop = end + 1 + skip
            while stop < len(doc) and stop - end <= 5 and not doc[stop].is_sent_start and (
                    named(doc[stop]) or (doc[stop].lower_ in ("and", "&") and stop + 1 < len(doc) and named(doc[stop + 1])
                                           and not _UNIT_HEADS.search(doc[stop + 1].text))):
                stop += 1
            return stop
        return end

    def _through_and(self, start: int, end: int) -> int:
        """Where a name of a field ending before ``end`` really ends: "University of Social Sciences" +
        "and Humanities", "School of Economics" + "and Management".

        Only after "<head> of" inside the name, and only words that end there: "University of
        Widgets and Quill University" or "… and Quill Institute" names a second place, and a
        place or a person after "and" ("… and Bergen", "… and Ada Quill") is no part of a field.
        """
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in ("and", "&") or not any(
                doc[i].lower_ == "of" and _OF_HEADS.search(doc[i - 1].text) for i in range(start + 1, end)):
            return end
        stop = end + 1
        while stop < len(doc) and stop <= end + 3 and doc[stop].is_title and not doc[stop].is_sent_start:
            tok = doc[stop]
            if (tok.ent_type_ and not (tok.ent_type_ == "ORG" and tok.ent_iob_ == "I")) or _UNIT_HEADS.search(tok.text) \
                    or _PARENT_HEADS.search(tok.text) or _UNIVERSITY_WORDS.search(tok.text):
                return end
            stop += 1
        # one to three words, and the name must end there
        if stop == end + 1 or (stop < len(doc) and doc[stop].is_title and not doc[stop].is_sent_start):
            return end
        return stop

    def _parent_of_unit(self, span: Span) -> Span:
        """"the Research Department of the Central Bank of X": the named organisation is the bank."""
        for tok in span:
            if tok.lower_ == "of" and tok.i + 2 < span.end and self.doc[tok.i + 1].lower_ == "the" \
                    and _UNIT_HEADS.search(self.doc[tok.i - 1].text):
                parent = self.doc[tok.i + 2:span.end]
                if not (_PARENT_HEADS.search(parent.text) and parent[0].is_title):
                    continue
                # "the Institute of Widgetry of the Quill Academy of Sciences": an academy's institutes
                # are workplaces of their own, named by their field; a university's are its parts
                unit = self.doc[span.start:tok.i]
                if _named_on_its_own(unit.text, parent.text):
                    return unit
                return parent
        return span

    def _coordinated_units(self, span: Span) -> list[Span]:
        """"School of Mathematics and Institute of Marine Studies": two units, not one name."""
        for tok in span:
            if tok.lower_ in ("and", "&") and tok.i > span.start:
                before = self.doc[span.start:tok.i]
                after = self.doc[tok.i + 1:min(tok.i + 3, span.end + 2)]
                # Only a complete unit name ("School of X") before the "and" starts a second one:
                # "Research and Development Center" stays whole.
                whole = any(_UNIT_HEADS.search(t.text) for t in before) and any(t.lower_ in ("of", "for") for t in before)
                if whole and any(t.is_title and _UNIT_HEADS.search(t.text) for t in after):
                    first = before
                    rest_end = self._through_of(span.end) if _UNIT_HEADS.search(self.doc[span.end - 1].text) else span.end
                    return [first, *self._coordinated_units(self.doc[tok.i + 1:rest_end])]
        return [span]

    def _part_of_longer_name(self, span: Span) -> bool:
        """'Meta' in 'Meta-Learning', 'X School' in 'X School for Intelligent Systems', 'Universidad X' in 'Universidad X de Y'."""
        doc = self.doc
        if span.end < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_:
            return True
        if span.start > 0 and doc[span.start - 1].text in DASHES and not doc[span.start - 1].whitespace_:
            return True  # "Max-Planck-Institut", "Widgetland–Korea Institute of …": a longer name
        after = span.end + 2 if span.end + 2 < len(doc) and doc[span.end + 1].lower_ == "the" else span.end + 1
        if after < len(doc) and doc[span.end].lower_ in ("for", "of", "on") and doc[after].is_title:
            longer = doc[span.start:min(len(doc), span.end + 6)].text
            # "Widget University" + "of the Arts": a two-word name ending in its head word goes on too
            return self.gazetteer.find_org(longer) is None and span.label_ == "ORG" and (
                len(span) > 2 or (len(span) == 2 and span[-1].lower_ == "university"))
        # "Universidad Nacional" (a listed name) opening "Universidad Nacional de Widgetania": a name
        # that begins with its head word goes on after the listed part
        return span.label_ == "ORG" and self._head_first_ends.get(span.start, 0) > span.end

    def _taken(self, span: Span) -> bool:
        return any(s.start < span.end and span.start < s.end for s, _ in self.spans)

    def _pattern_spans(self) -> None:
        for span in self.doc.spans.get(PATTERNS_KEY, []):
            if self.section(span) == "REFERENCES":
                continue
            stripped = strip_span(span)
            if stripped is not None and span.label_ != "PROGRAM" and stripped[0].is_sent_start \
                    and stripped[0].lower_ in self._lower_words and not self._opens_a_heading(stripped):
                # a sentence-initial "Doctoral" opens a programme; "Thin Film Laboratory, X (2017–2020)"
                # opening a heading or a résumé line is the name
                stripped = stripped[1:] if len(stripped) > 1 else None
            host = None
            if stripped is not None and span.label_ == "ORG":
                stripped = self._defined_long_form(self._with_leading_name_word(with_hyphen_head(stripped)))
                # "… Research" + "Programme", "… Bank" + "of Boston", "University of Social Sciences" + "and Humanities"
                end = self._through_of(self._through_heads(stripped.end))
                stripped = _without_bare_parent(self.doc[stripped.start:self._through_and(stripped.start, end)])
            if stripped is not None and span.label_ == "PROGRAM":
                stripped, host = self._program_and_host(stripped)  # before the overlap test: the host may be known
                if host is not None:
                    host = self.doc[host.start:self._through_of(host.end)]  # "… School" + "of Industrial and Systems Engineering"
            if stripped is None or self._taken(stripped):
                continue
            if span.label_ == "ORG" and self._plausible_org_pattern(stripped) and (
                    self.section(span) != "HEADER" or self.gazetteer.find_org(stripped.text) or self._own_line(stripped)
                    or self._on_programme_line(stripped) or self._on_application_line(stripped)):
                for unit in self._coordinated_units(stripped):
                    unit = self._parent_of_unit(unit)
                    if len(unit) > 1 and not self._taken(unit):
                        self._add_org_text(unit, "pattern")
            elif span.label_ == "VENUE":
                venue = without_date_or_place(with_leading_title_words(stripped))
                self.add_venue(venue.text, venue, self.gazetteer.find_venue(venue.text))
                society = self._society_in_meeting_name(venue)
                if society is not None:
                    self._add_org_text(society, "meeting-society")
            elif span.label_ == "PROGRAM":
                label, aliases = program_label(stripped.text)
                start, end = self._orig(stripped)
                self._register(stripped, self.registry.add("program", label, aliases=aliases, start=start, end=end, source="pattern"))
                if host is not None and not self._taken(host):
                    self._add_org_text(host, "pattern")
            elif span.label_ == "PERSON":
                self._person_span(with_surname_tail(with_prefixed_surname(with_hyphen_tail(cut_person_span(stripped)))),
                                  titled=True, source="titled-pattern")

    def _with_leading_name_word(self, span: Span) -> Span:
        """"the WDR" + "Institute of Robotics", "WOAS" + "University of London": an unlisted acronym
        before a name headed by "Institute", "Centre", "University" … is part of the name.

        So is one capitalised word between a lower-case word and the name ("at the Widgetian
        University of X"): a name that opens with its head word takes no capitalised word
        before it unless that word makes another name.
        """
        if span.start == 0 or not (_UNIT_HEADS.search(span[0].text) or span[0].lower_ == "university"):
            return span
        prev = self.doc[span.start - 1]
        if prev.is_sent_start or not prev.is_alpha or self._taken(self.doc[prev.i:prev.i + 1]) \
                or self.gazetteer.find_org(prev.text):
            return span
        if 2 <= len(prev.text) <= 6 and prev.is_upper:
            return self.doc[span.start - 1:span.end]
        before = self.doc[prev.i - 1] if prev.i > 0 else None
        if prev.is_title and prev.ent_type_ not in ("PERSON", "DATE", "ORDINAL") and prev.pos_ in ("PROPN", "ADJ") \
                and before is not None and before.is_lower and before.is_alpha:
            return self.doc[span.start - 1:span.end]
        return span

    def _program_and_host(self, span: Span) -> tuple[Span, Span | None]:
        """"PhD in Biostatistics, Harvard T.H. Chan School of Public Health": the programme, then its host."""
        for tok in span:
            if tok.text == "," and tok.i > span.start:
                host = self.doc[tok.i + 1:span.end]
                if len(host) and (self.gazetteer.find_org(host.text) or _UNIVERSITY_WORDS.search(host.text)
                                  or _ORG_WORDS.search(host.text) or _GROUP_WORDS.search(host.text)):
                    return self.doc[span.start:tok.i], self._without_trailing_place(host)
        return span, None

    def _without_trailing_place(self, host: Span) -> Span:
        """"Widget University, Kenya" → "Widget University": a part after a comma that names no
        organisation is its place ("University of Widget, Quillton" stays whole when the lists know it)."""
        if self.gazetteer.find_org(host.text):
            return host
        for tok in host:
            if tok.text == "," and tok.i > host.start:
                rest = self.doc[tok.i + 1:host.end].text
                if not (_UNIVERSITY_WORDS.search(rest) or _ORG_WORDS.search(rest)):
                    return self.doc[host.start:tok.i]
        return host

    def line_bounds(self, start_char: int, end_char: int) -> tuple[int, int]:
        """Character offsets of the text line(s) holding ``start_char``..``end_char`` (newlines excluded)."""
        text = self.text
        end = text.find("\n", end_char)
        return text.rfind("\n", 0, start_char) + 1, len(text) if end < 0 else end

    def _opens_a_heading(self, span: Span) -> bool:
        """Does ``span`` open a short line (a heading or a résumé line, not a paragraph)?"""
        start, end = self.line_bounds(span.start_char, span.end_char)
        return not self.text[start:span.start_char].strip(" \t#*-•>") and end - start <= 80

    def _own_line(self, span: Span) -> bool:
        """Is ``span`` a whole line of its own (a letterhead or an address block: "Max Widget Institute"),
        or beside the university it belongs to ("Widget School of Policy, The Widget University")?"""
        start, end = self.line_bounds(span.start_char, span.end_char)
        line = re.sub(r"\s*\([^()]*\)\s*$", "", self.text[start:end]).strip(" \t,.;")  # "… Center (CIMMYT)"
        parts = [re.sub(r"^[Tt]he\s+", "", p.strip()) for p in line.split(",")]
        # "School of Widget Planning, The Widget University": a unit beside its university
        return line == span.text or (len(parts) == 2 and span.text in parts and all(
            p == span.text or _UNIVERSITY_WORDS.search(p) or _UNIT_HEADS.match(p.split()[0]) for p in parts if p))

    def _on_programme_line(self, span: Span) -> bool:
        """'MSc Public Health (part-time) - London School of X': a header line naming a programme and its host."""
        start, end = self.line_bounds(span.start_char, span.end_char)
        return any(p.label_ == "PROGRAM" and start <= p.start_char and p.end_char <= end
                   for p in self.doc.spans.get(PATTERNS_KEY, []))

    def _on_application_line(self, span: Span) -> bool:
        """'Application for a postdoctoral position · Widget Foundation, Lisbon': a header line saying where one
        applies. Not the line's own words ("Applicant Research Profile") nor a track in brackets ("(Widget Systems)")."""
        doc = self.doc
        if APPLICATION_WORDS.search(span.text) or (span.start > 0 and doc[span.start - 1].text == "("):
            return False
        start, end = self.line_bounds(span.start_char, span.end_char)
        return bool(APPLICATION_WORDS.search(self.text, start, end))

    def _plausible_org_pattern(self, span: Span) -> bool:
        """Reject "lab of Dr. X" (a person's lab, written lower-case), "Undergraduate Research"
        and "Ph.D. in Operations Research" (a degree)."""
        if len(span) < 2 or span[0].is_lower or is_degree_word(span[0].text):
            return False
        if any(t.lower_.rstrip(".") in _ACADEMIC_TITLES for t in span):
            return False
        if any(t.lower_ in _POST_TITLES and t.is_title for t in span):
            return False  # "Research Fellow in Health Systems": a post, not the body offering it
        if len(span) == 2 and span[0].lower_ in self._lower_words:
            return False
        # "MBG 301 (Biochemistry Laboratory)": the title of a course, after its code
        before = self.text[max(0, span.start_char - 16):span.start_char]
        return not re.search(r"\b[A-Z]{2,5}[ -]?\d{2,4}[A-Z]?\s*\(\s*$", before)

    def _ner_orgs(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in ("ORG", "FAC", "GPE", "PERSON") or self.section(ent) == "REFERENCES":
                continue
            span = strip_span(ent)
            if span is None or self._taken(span):
                continue
            text = span.text
            if ent.label_ != "ORG":
                if text in self._acronyms or self.gazetteer.find_org(text):
                    self._add_org_text(span, "ner+gazetteer")
                continue
            if text in self._acronyms or self.gazetteer.find_org(text) or self._org_by_country(text):
                self._add_org_text(span, "ner+gazetteer")
                continue
            if not text[:1].isupper() or any(t.like_num for t in span) or len(text) < 3:
                continue
            if self.section(span) == "HEADER" or self.topic_scheme.lookup(text):
                continue
            at = span.start - 1
            while at >= 0 and self.doc[at].lower_ in ("the", "a", "an"):
                at -= 1  # "joined the X"
            before = self.doc[at].lower_ if at >= 0 else ""
            lower_hits = sum(1 for t in span if t.lower_ in self._lower_words and not t.is_stop
                             and not (t.is_lower and t.lower_ in _NAME_PARTICLES))
            # Every word also seen in lower case ("Machine Learning") is a phrase, not a name;
            # one word never seen so ("Tata Steel", with "steel" elsewhere) makes it a name.
            words = sum(1 for t in span if t.is_alpha and not (t.is_lower and t.lower_ in _NAME_PARTICLES))
            if before in _ORG_NER_PREPS and lower_hits < max(words, 1) and self._org_context(span):
                self._add_org_text(span, "ner")

    def _domain_names(self) -> None:
        """'Quillfeather.ai', 'Acme.io': organisations named after their web domain."""
        for m in _DOMAIN_NAME.finditer(self.text):
            span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or self._taken(span) or self.section(span) != "BODY":
                continue
            self._add_org_text(span, "domain-name")

    def _names_an_organisation(self, text: str) -> bool:
        """Do words a venue cue found name an organisation instead ("submitted to the Widget Foundation")?"""
        return bool(self.gazetteer.find_org(text) or _ORG_WORDS.search(text) or _UNIVERSITY_WORDS.search(text)
                    or _GROUP_WORDS.search(text))

    def _typed_names(self) -> None:
        """Organisations the sentence names as such ("X, an AI start-up", "my internship at XYZ")."""
        typed = [*typed_org_names(self.doc), *workplace_acronyms(self.doc, self.text), *funder_acronyms(self.doc),
                 *workplace_names(self.doc),
                 *cv_line_employers(self.doc, self.text)]
        for span, subtype in typed:
            span = strip_span(span)
            if span is None or self.section(span) in ("REFERENCES", "HEADER"):
                continue
            if self._taken(span):
                # the model found the name already; the sentence still says what kind it is
                index = next((i for s, i in self.spans if s.start == span.start and s.end == span.end), None)
            elif self.gazetteer.find_venue(span.text) or self.topic_scheme.lookup(span.text):
                continue
            else:
                index = self._add_org_text(span, "typed-name")
            if index is not None and subtype and self.registry.records[index].kind == "organization" \
                    and not self.registry.records[index].subtype:
                self.registry.records[index].subtype = subtype

    def _org_by_country(self, name: str):
        """The one record of an ambiguous name ("Universidad de Los Andes": three countries) whose country the document names."""
        candidates = self.gazetteer.org_candidates(name)
        if len(candidates) < 2:
            return None
        named = [c for c in candidates if c.country and re.search(r"\b" + re.escape(c.country), self.text)]
        return named[0] if len(named) == 1 else None

    def _org_context(self, span: Span) -> bool:
        cues = load_cues()
        words = {(t.lemma_ or t.lower_).lower() for t in span.sent}
        return bool(words & (cues["work"] | cues["study"] | cues["apply"]))

    def add_email_org(self, email: str) -> None:
        entry = self.gazetteer.org_by_domain(email)
        if entry is not None:
            self.add_org_entry(entry, None, entry.name)

    # -- topics ---------------------------------------------------------------------------
    def topic_facts(self, limit: int) -> list[Fact]:
        """The applicant's research interests (see :mod:`sopgraph.interests`)."""
        facts = []
        for interest in find_interests(self.doc, self.topic_scheme, lambda s: self.section(s) == "BODY", limit):
            if interest.iri:
                topic = self.topic_scheme.get(interest.iri)
                index = self.registry.add("topic", topic.pref_label, key=f"iri:{interest.iri}",
                                          aliases=[*topic.alt_labels, *interest.aliases],
                                          attributes={"iri": interest.iri}, source="topic-scheme")
            else:
                attributes = {"broader": interest.broader} if interest.broader else None
                # the text's longer forms ("analysis of boolean functions" for "boolean functions") are other labels
                index = self.registry.add("topic", interest.label, aliases=[a for a in interest.aliases if a != interest.label],
                                          attributes=attributes, source="interest-phrase")
            confidence = min(0.9, 0.4 + 0.1 * interest.score)
            facts.append(Fact(APPLICANT, "interestedIn", index, round(confidence, 2), "topic-cue", interest.evidence))
        return facts

    # -- queries used by the relation rules -----------------------------------------------
    def section(self, span: Span) -> str:
        return self._sections.label_at(span.start)

    def _kind_spans(self, kind: str) -> list[tuple[Span, int]]:
        return [(s, i) for s, i in self.spans if self.registry.records[i].kind == kind]

    def org_spans(self) -> list[tuple[Span, int]]:
        return self._kind_spans("organization")

    def person_spans(self) -> list[tuple[Span, int]]:
        return [(s, i) for s, i in self._kind_spans("person") if i not in self.applicant_index]

    def program_spans(self) -> list[tuple[Span, int]]:
        return self._kind_spans("program")

    def org_spans_in(self, sent: Span) -> list[tuple[Span, int]]:
        return [(s, i) for s, i in self.org_spans() if sent.start <= s.start < sent.end]

    def first_span(self, index: int) -> Span:
        return next(s for s, i in self.spans if i == index) if any(i == index for _, i in self.spans) else self.doc[0:1]

    def index_of(self, span: Span) -> int | None:
        return next((i for s, i in self.spans if s.start == span.start and s.end == span.end), None)

    def is_host_of_preceding_group(self, span: Span) -> bool:
        """'the Video Lab, Some University', 'the X Institute, Some Academy of Sciences': the second
        only hosts the unit just named (a university hosting a school is still a place one studied)."""
        if span.start >= 3 and self.doc[span.start - 1].lower_ == "the" and self.doc[span.start - 2].lower_ == "of":
            # "the Institute of Widgetry of the Quill Academy": the academy hosts the institute
            return any(s.end == span.start - 2 and _OWN_UNIT.match(s.text) for s, _ in self.org_spans())
        if span.start < 2 or self.doc[span.start - 1].text != ",":
            return False
        own = self.index_of(span)
        host_is_university = own is not None and self.is_university(own)
        return any(s.end == span.start - 1 and (self.registry.records[i].subtype == "ResearchGroup" or (
            self.registry.records[i].subtype is None and not host_is_university)) for s, i in self.org_spans())

    def subtype(self, index: int) -> str | None:
        return self.registry.records[index].subtype

    def parent_university(self, index: int) -> int | None:
        """The university a unit's name begins with ("Harvard T.H. Chan School of …" → Harvard
        University), when the document also names that university itself; else None."""
        entry_id = self._parent_university.get(index)
        return self.registry.find("organization", f"gaz:{entry_id}") if entry_id else None

    def is_university(self, index: int) -> bool:
        return self.registry.records[index].subtype == "University"

    def is_titled(self, index: int) -> bool:
        return index in self.titled

    def is_applicant(self, index: int) -> bool:
        return index in self.applicant_index

    def org_texts(self) -> set[str]:
        return {fold(r.label) for r in self.registry if r.kind == "organization"}

    def _bracketed_glosses(self) -> dict[int, int]:
        """"Orta Widget Üniversitesi (OWÜ, Middle Widget University)": a name and its translation
        in brackets, with or without an acronym before or after it, are one organisation.

        The listed name is kept when one of the two is listed (it carries the identity other
        documents share); the other becomes an alternative label. Returns removed → kept.
        """
        doc, records = self.doc, self.registry.records
        starts = {s.start: (s, i) for s, i in self.org_spans()}
        mapping: dict[int, int] = {}
        for span, index in self.org_spans():
            at = span.end
            if at >= len(doc) or doc[at].text != "(":
                continue
            at += 1
            if at + 1 < len(doc) and doc[at].is_upper and doc[at + 1].text == ",":
                at += 2  # the acronym before the translation
            gloss = starts.get(at)
            if gloss is None or gloss[1] == index:
                continue
            close = gloss[0].end
            if close + 2 < len(doc) and doc[close].text == "," and doc[close + 1].is_upper:
                close += 2  # the acronym after it
            if close >= len(doc) or doc[close].text != ")":
                continue
            keep, drop = (gloss[1], index) if records[gloss[1]].source == "gazetteer" else (index, gloss[1])
            if records[keep].kind == records[drop].kind == "organization":
                mapping[drop] = fold_into(records[drop], records[keep])
        return mapping

    # -- output ---------------------------------------------------------------------------
    def finish(self, facts: list[Fact]) -> tuple[tuple[Mention, ...], list[Fact]]:
        """Merge bare surnames, drop the applicant's own person records, renumber."""
        merged: dict[int, int] = {}
        # each merge runs on what the earlier ones left; a record one of them already moved stays where it went
        for merge in (self.registry.merge_bare_surnames, self.registry.merge_reordered_names,
                      self.registry.merge_short_org_names, self.registry.merge_inner_org_names,
                      self.registry.merge_abbreviated_venues, self.registry.merge_initialisms, self._bracketed_glosses):
            merged |= {k: v for k, v in merge().items() if k not in merged and v not in merged}
        def target(i: int | str) -> int | str:
            if isinstance(i, str):
                return i
            i = merged.get(i, i)
            return APPLICANT if i in self.applicant_index else i
        facts = [replace(f, subject=target(f.subject), object=target(f.object)) for f in facts]
        # A degree named in passing ("my B.Sc. in Physics") is not a programme anyone applies to.
        applied = {f.object for f in facts if f.predicate == "appliesToProgram"}
        keep = [r for r in self.registry if r.index not in merged and r.index not in self.applicant_index
                and (r.kind != "program" or r.index in applied)]
        renumber = {r.index: n for n, r in enumerate(keep)}
        renumber[APPLICANT] = APPLICANT
        mentions = []
        for r in keep:
            r.index = renumber[r.index]
            mentions.append(r.freeze())
        out = []
        seen = set()
        for f in facts:
            if isinstance(f.subject, int) and f.subject not in renumber:
                continue
            subject = renumber[f.subject]
            obj = renumber.get(f.object) if isinstance(f.object, int) else f.object
            if obj is None or subject == obj:
                continue
            key = (subject, f.predicate, obj)
            if key in seen:
                continue
            seen.add(key)
            out.append(replace(f, subject=subject, object=obj))
        return tuple(mentions), out
