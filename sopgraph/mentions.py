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

from .acronyms import find_definitions
from .gazetteer import Gazetteer
from .interests import find_interests
from .model import APPLICANT, CleanText, Fact, Mention
from .names import fold
from .nlp import PATTERNS_KEY, word_list
from .org_mentions import OWN_UNIT, UNIVERSITY_PART_NAME, OrgMentions, has_body_word, without_bare_parent
from .person_mentions import CITATION, PersonMentions
from .pipeline.sections import SectionTable, sections_by_label
from .references import Reference, inline_references, listed_references, parse_references
from .registry import EntityRegistry, fold_into
from .span_edges import (
    before_bracket,
    cut_person_span,
    strip_span,
    with_hyphen_head,
    with_hyphen_tail,
    with_hyphenated_words,
    with_listed_fields,
    with_leading_title_words,
    with_prefixed_surname,
    with_surname_tail,
    without_date_or_place,
    without_city_after_in,
    without_grant_words,
)
from .topics import TopicScheme
from .venue_mentions import VenueMentions

# A meeting's edition before its name: "XV Congreso …", "3º Encontro …" (as the venue-head-first pattern reads it)
_EDITION = re.compile(r"(?:[IVXLC]{1,6}|\d{1,2}(?:º|ª|°|er|e|o|a)?)\s+(?=[A-ZÀ-ÖØ-Þ])")
# A double-quoted title: its words are not names of organisations.
_QUOTED_TITLE = re.compile(r"[\"“]([A-Z][^\"”\n]{10,300})[\"”]")


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
    # The degree's other spellings name the same programme ("M.S. in X" is "Master of Science in X").
    aliases = _degree_spellings(surface)
    caps = [w for w in words if w[:1].isupper() and w.lower() not in ("of", "in", "and", "for")]
    if words[0].lower().startswith("master") and len(caps) >= 3:
        aliases.append("".join(w[0] for w in caps))
    return surface, aliases


# The spellings of one degree: the first is its name in full.
_DEGREE_FORMS = (("Master of Science", "M.S.", "MS", "MSc", "M.Sc."), ("Master of Arts", "M.A.", "MA"),
                 ("Doctor of Philosophy", "Ph.D.", "PhD"), ("Master of Engineering", "M.Eng.", "MEng"),
                 ("Bachelor of Science", "B.S.", "BS", "BSc", "B.Sc."), ("Master of Laws", "LL.M.", "LLM"),
                 ("Master of Public Health", "M.P.H.", "MPH"), ("Master of Philosophy", "M.Phil.", "MPhil"))
_DEGREE_OF = {fold(form).replace(".", "").replace(" ", ""): forms for forms in _DEGREE_FORMS for form in forms}


def _degree_spellings(surface: str) -> list[str]:
    """"M.S. in Widgetry" → "Master of Science in Widgetry", "MS in Widgetry", … (not the surface itself)."""
    match = re.fullmatch(r"(.+?)\s+(in\s+.+)", surface)
    forms = _DEGREE_OF.get(fold(match.group(1)).replace(".", "").replace(" ", "")) if match else None
    return [f"{form} {match.group(2)}" for form in forms if f"{form} {match.group(2)}" != surface] if forms else []


# First words of a unit of a university, written in brackets after it.
_UNIT_OPENERS = frozenset({"department", "faculty", "school", "division", "laboratory", "lab", "centre", "center",
                           "institute", "college", "program", "programme", "graduate"})


def _acronym_like(word: str) -> bool:
    """"WUST", "BCCh", "OWÜ": a capital, then letters with at least one more capital."""
    return 2 <= len(word) <= 12 and word[0].isupper() and all(c.isalnum() or c in "&-" for c in word) \
        and sum(c.isupper() for c in word) >= 2


class MentionCollector(PersonMentions, VenueMentions, OrgMentions):
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
        self._acronyms: dict[str, str] = {}  # short name -> the long name the text defines it as
        self._cued_venue_spans: list[Span] = []
        self._acronym_meeting_spans: list[tuple[int, int]] = []  # token bounds of "QGU General Assembly"
        self._term_acronyms: frozenset[str] = frozenset()
        self._parent_university: dict[int, str] = {}
        # Read once: ``Doc.text`` joins every token anew on each access, and many rules scan it.
        self.text = doc.text
        self._sections = SectionTable(doc)
        for span in sections_by_label(doc, "REFERENCES"):
            self.references.extend(parse_references(span.text))
        self._reference_lines: list[tuple[int, int]] = []  # reference entries written as lines of the body
        for span in sections_by_label(doc, "BODY"):
            # lines that are entries, then entries inside sentences ("… published as Doe, J. (2021). Title. …")
            listed = [(ref, False) for ref in listed_references(span.text)]
            for ref, inline in [*listed, *((ref, True) for ref in inline_references(span.text))]:
                start = self.text.find(ref.raw, span.start_char)
                if inline and (start < 0 or self.in_reference_line(start)):
                    continue
                self.references.append(ref)
                if start >= 0:
                    self._reference_lines.append((start, start + len(ref.raw)))
        # Read once for what several rules count or look up.
        lowers = [t.lower_ for t in doc]
        self.word_counts = Counter(lowers)
        flags = doc.to_array([IS_LOWER, IS_ALPHA]).tolist() if lowers else []
        self._lower_words = {low for low, (lower, alpha) in zip(lowers, flags) if lower and alpha}
        # Surnames cited author–year ("(Quill et al., 2020)"): found once, used by several rules.
        self.cited_surnames = {m.group(g) for m in CITATION.finditer(self.text) for g in (1, 2) if m.group(g)}

    def in_reference_line(self, char: int) -> bool:
        """Is character ``char`` inside a reference entry written in the body (a line, or part of a sentence)?"""
        return any(start <= char < end for start, end in self._reference_lines)

    # -- offsets ---------------------------------------------------------------------------
    def _orig(self, span: Span) -> tuple[int, int]:
        return self.clean.original_span(span.start_char, span.end_char)

    def _register(self, span: Span, index: int) -> int:
        self.spans.append((span, index))
        return index

    # -- collection -----------------------------------------------------------------------
    def collect_entities(self) -> None:
        # a name the model reads as an organisation counts as one too ("Action Against Widgets (ACW)")
        model_orgs = {re.sub(r"^[Tt]he\s+", "", e.text) for e in self.doc.ents if e.label_ == "ORG"}
        definitions = find_definitions(self.text, org_like=lambda name: has_body_word(name) or name in model_orgs,
                                       listed=lambda name: self.gazetteer.find_org(name) is not None)
        self._acronyms, self._term_acronyms = definitions.names, definitions.terms
        self._cued_venues()
        self._acronym_meetings()
        self._gazetteer_spans()
        self._pattern_spans()
        self._domain_names()
        self._acronym_venues()  # before the model's organisations: "Widget" of "at Widget und Gadget 27" is no organisation
        self._ner_orgs()
        self._typed_names()
        self._acronym_uses()
        self._people()
        self._reference_entities()

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
                stripped = self._defined_long_form(self._with_namesake_before(self._with_model_org_start(
                    self._with_leading_name_word(with_hyphenated_words(with_hyphen_head(stripped))))))
                # "… Research" + "Programme", "… Bank" + "of Boston", "University of Social Sciences" + "and Humanities"
                end = self._through_of(self._through_heads(stripped.end))
                end = self._through_list(stripped.start, self._through_and(stripped.start, end))
                end = self._through_foreign_parent(stripped.start, end)
                stripped = without_city_after_in(without_grant_words(without_bare_parent(self.doc[stripped.start:end])))
                stripped = self._with_quoted_namesake(self._with_place(stripped))
            if stripped is not None and span.label_ == "PROGRAM":
                if self._program_continues(stripped):
                    continue  # "MPhil" + "/PhD in X": one programme, read from the next span
                stripped = self._program_extent(stripped)
                stripped = self.doc[stripped.start:self._through_and(stripped.start, stripped.end)]
                stripped, host = self._program_and_host(stripped)  # before the overlap test: the host may be known
                if host is not None:
                    host = self.doc[host.start:self._through_of(host.end)]  # "… School" + "of Industrial and Systems Engineering"
            if stripped is None or self._taken(stripped):
                continue
            if span.label_ == "ORG" and self._plausible_org_pattern(stripped) and (
                    self.section(span) != "HEADER" or self.gazetteer.find_org(stripped.text) or self._own_line(stripped)
                    or self._on_programme_line(stripped) or self._on_application_line(stripped)):
                for whole in self._coordinated_units(stripped):
                    unit = self._parent_of_unit(whole)
                    if len(unit) > 1 and not self._taken(unit):
                        found = self._add_org_text(unit, "pattern")
                        written = self._academy_unit_written(unit)
                        if found is not None and written:
                            self.registry.records[found].aliases.add(written)
                    # "the Quill Literature Centre of the Widgetian Academy of Sciences": the academy is named too
                    parent = whole[unit.end - whole.start + 2:] if unit.start == whole.start else None
                    if parent is not None and len(parent) > 1 and not self._taken(parent):
                        self._add_org_text(parent, "pattern")
            elif span.label_ == "VENUE":
                venue = without_date_or_place(with_hyphen_head(with_leading_title_words(stripped)))  # ("Asian-" + "Pacific …")
                if stripped[0].lower_ == "archives" and venue.start < stripped.start and not self.gazetteer.find_venue(venue.text):
                    self._add_org_text(venue, "pattern")  # "the Cathedral Archives of Quill": a body keeping records
                else:
                    # "XV Congreso de la X": the series is named by its edition's name without the number too
                    edition = _EDITION.match(venue.text)
                    series = [venue.text[edition.end():]] if edition else None
                    self.add_venue(venue.text, venue, self.gazetteer.find_venue(venue.text), aliases=series)
                    society = self._society_in_meeting_name(venue)
                    if society is not None:
                        self._add_org_text(society, "meeting-society")
            elif span.label_ == "PROGRAM":
                stripped = with_listed_fields(stripped, word_list("not_a_field"))
                label, aliases = program_label(stripped.text)
                start, end = self._orig(stripped)
                self._register(stripped, self.registry.add("program", label, aliases=aliases, start=start, end=end, source="pattern"))
                for name in self.unit_and_parent(host) if host is not None else ():
                    if not self._taken(name):
                        self._add_org_text(name, "pattern")
            elif span.label_ == "PERSON":
                name = with_prefixed_surname(with_hyphen_tail(cut_person_span(stripped)))
                self._person_span(with_hyphen_tail(with_surname_tail(name)), titled=True, source="titled-pattern")

    def line_bounds(self, start_char: int, end_char: int) -> tuple[int, int]:
        """Character offsets of the text line(s) holding ``start_char``..``end_char`` (newlines excluded)."""
        text = self.text
        end = text.find("\n", end_char)
        return text.rfind("\n", 0, start_char) + 1, len(text) if end < 0 else end

    def original_indent(self, line_start: int) -> int:
        """How far the line at ``line_start`` was indented in the file: the text keeps one space of an indent."""
        line = self.text[line_start:line_start + 80]
        first = line_start + len(line) - len(line.lstrip(" \t"))
        if line_start == 0 or first >= len(self.text):
            return first - line_start
        return self.clean.offsets[first] - self.clean.offsets[line_start - 1] - 1

    def _opens_a_heading(self, span: Span) -> bool:
        """Does ``span`` open a short line (a heading or a résumé line, not a paragraph)?"""
        start, end = self.line_bounds(span.start_char, span.end_char)
        return not self.text[start:span.start_char].strip(" \t#*-•>") and end - start <= 80

    # -- topics ---------------------------------------------------------------------------
    def topic_facts(self, limit: int) -> list[Fact]:
        """The applicant's research interests (see :mod:`sopgraph.interests`)."""
        facts = []
        # "University for Development Studies", "Nature Climate Change": words of a name, not an interest
        names = [(s.start, s.end) for s, _ in (*self.org_spans(), *self._kind_spans("venue"))]

        def readable(span: Span) -> bool:
            return self.section(span) == "BODY" and not any(a <= span.start and span.end <= b for a, b in names)

        for interest in find_interests(self.doc, self.topic_scheme, readable, limit):
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
            return any(s.end == span.start - 2 and OWN_UNIT.match(s.text) for s, _ in self.org_spans())
        if span.start >= 3 and self.doc[span.start - 1].lower_ == "the" and self.doc[span.start - 2].lower_ == "in":
            # "the Widget Vision Laboratory in the School of Quills": the school hosts the lab
            return any(s.end == span.start - 2 and self.registry.records[i].subtype == "ResearchGroup"
                       for s, i in self.org_spans())
        if span.start < 2 or self.doc[span.start - 1].text != ",":
            return False
        own = self.index_of(span)
        host_is_university = own is not None and self.is_university(own)
        before = before_bracket(self.doc, span.start - 1, 4)  # "the Widget Unit (WU), Quill Ministry": past the unit's acronym
        return any(s.end == before and (self.registry.records[i].subtype == "ResearchGroup" or (
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
        """The folded names and other names ("UC Davis") of the organisations found."""
        return {fold(name) for r in self.registry if r.kind == "organization" for name in (r.label, *r.aliases)}

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
            if at + 1 < len(doc) and _acronym_like(doc[at].text) and doc[at + 1].text == ",":
                at += 2  # the acronym before the translation
            if at < len(doc) and doc[at].lower_ == "the" and at not in starts:
                at += 1  # "(WIQ, the Widget Institute of Quill)"
            gloss = starts.get(at) or self._gloss_named_by_acronym(at)
            if gloss is None or gloss[1] == index:
                continue
            if len(gloss[0]) == 1 and gloss[0][0].is_upper and self._acronyms.get(gloss[0].text, span.text) not in span.text:
                continue  # "Quillinth Excavations (RSQ)": another body's acronym names who runs it, no translation
            if self.is_university(index) and gloss[0][0].lower_ in _UNIT_OPENERS:
                continue  # "Widget University (Department of Quills)": a part of it, not its name translated
            if self.is_university(gloss[1]) and not self.is_university(index) and UNIVERSITY_PART_NAME.match(records[index].label):
                continue  # "Faculté des Sciences de Quill (Université Widget V de Quill)": the part, then its whole
            close = gloss[0].end
            if close + 2 < len(doc) and doc[close].lower_ in ("de", "of", "du", "in") and doc[close + 1].is_title \
                    and doc[close + 2].text == ")" and records[gloss[1]].source == "gazetteer":
                close += 2  # "HEC Widgetville (École des hautes études de Widgetville)": the listed name without its city
            if close + 2 < len(doc) and doc[close].text == "," and _acronym_like(doc[close + 1].text):
                close += 2  # the acronym after it
            if close >= len(doc) or doc[close].text != ")":
                continue
            keep, drop = (gloss[1], index) if records[gloss[1]].source == "gazetteer" else (index, gloss[1])
            if records[keep].kind == records[drop].kind == "organization":
                mapping[drop] = fold_into(records[drop], records[keep])
        return mapping

    def _gloss_named_by_acronym(self, at: int) -> tuple[Span, int] | None:
        """"X (Budget Widget Office, BWO)": a translation no pattern took, then the acronym the text defines
        for it: the acronym's mention stands for the translation."""
        doc = self.doc
        close = next((k for k in range(at, min(len(doc), at + 12)) if doc[k].text in (")", "(")), None)
        if close is None or doc[close].text != ")" or close - at < 3 or doc[close - 2].text != ",":
            return None
        short = next(((s, i) for s, i in self.org_spans() if s.start == close - 1 and s.end == close), None)
        if short is None or fold(self.registry.records[short[1]].label) != fold(doc[at:close - 2].text):
            return None
        return doc[at:close], short[1]

    # -- output ---------------------------------------------------------------------------
    def finish(self, facts: list[Fact]) -> tuple[tuple[Mention, ...], list[Fact]]:
        """Merge bare surnames, drop the applicant's own person records, renumber."""
        merged: dict[int, int] = {}
        # each merge runs on what the earlier ones left; a record one of them already moved stays where it went
        for merge in (self.registry.merge_bare_surnames, self.registry.merge_reordered_names,
                      self.registry.merge_short_org_names, self.registry.merge_inner_org_names,
                      self.registry.merge_campus_names, self.registry.merge_named_campuses,
                      self.registry.merge_abbreviated_venues, self.registry.merge_initialisms, self._bracketed_glosses,
                      self.registry.merge_people_named_as_venues):
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
