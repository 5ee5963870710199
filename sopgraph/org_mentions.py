"""Organisation mentions of one statement: listed names, patterns, acronyms and the model's guesses.

:class:`OrgMentions` is a part of :class:`sopgraph.mentions.MentionCollector`, kept in its
own module because an organisation's name is rarely read whole at once: a listed name may
be part of a longer one ("Widget University" of "Widget University of the Arts"), a pattern
may stop short of its head ("… Research" + "Programme"), a unit may be named with its
parent ("the Research Department of the Central Bank of X"), and an acronym means the name
the text defined for it.
"""
from __future__ import annotations

import re
from functools import cached_property

from spacy.tokens import Span

from . import titles
from .acronyms import foreign_body_name
from .gazetteer import OrgEntry
from .names import PLACE_PARTICLES, fold
from .nlp import PATTERNS_KEY, word_list
from .pipeline.gazetteer import GAZETTEER_KEY
from .relations import lemma, load_cues
from .sentence_cues import LINE_LABEL, TO_LINE, is_degree_word
from .span_edges import DASHES, is_number_sign, strip_span, surname_of_a_person, with_hyphen_head
from .typed_names import (cv_line_employers, funder_acronyms, typed_org_names, workplace_acronyms,
                          workplace_names)

__all__ = ["APPLICATION_WORDS", "DEPARTMENT_NAME", "ORG_WORDS", "OWN_UNIT", "UNIVERSITY_PART_NAME", "UNIVERSITY_WORDS", "OrgMentions",
           "without_bare_parent"]

# Heads that may close a name a pattern read only in part ("… Research" + "Programme").
_TRAILING_HEADS = re.compile(r"^(?:programme|program|institute|centre|center|unit|initiative|network|consortium|"
                             r"partnership|project|laboratory|laboratories|lab|labs)$", re.I)
# "Prof.", "Dr.": a title inside a span makes it a person's name, or a person's lab, never an organisation.
_ACADEMIC_TITLES = titles.words("academic")
# Words naming a post, which no organisation's name holds in the singular.
_POST_TITLES = frozenset({"fellow", "officer", "lecturer", "assistant", "intern", "postdoc", "analyst", "scientist",
                          "associate", "engineer", "technician", "coordinator", "manager", "nurse", "consultant"})
# Spanish and Portuguese "Universidad(e)" have no "t"; "Politécnico", "Politechnika" are technical universities.
UNIVERSITY_WORDS = re.compile(r"\b(?:university|universit\w+|universidad\w*|uniwersytet\w*|üniversite\w*|yliopisto|egyetem|univerzit\w*|college|polytechnic|polit[eé]cnic\w*|politechnika|institute of technology|[eé]cole|escuela|conservato(?:ire|ry|rio|ório)\w*|konservatori\w*)\b", re.I)
_GROUP_WORDS = re.compile(r"\b(?:lab|labs|laboratory|laboratories|laboratoire|laborat[oó]rio|group|center|centre|team|unit|"
                          r"initiative)\b", re.I)
_COMPANY_WORDS = re.compile(r"\b(?:inc|ltd|llc|pvt|gmbh|corp|corporation|technologies|company|co)\b\.?|\.(?:ai|io|com|tech|app)\b", re.I)
ORG_WORDS = re.compile(r"\b(?:school|department|faculty|society|foundation|association|council|agency|institute|institution|"
                       r"academy|club|committee|organi[sz]ation|network|consortium|bank|ministry|office|hospital|museum|"
                       r"library|archives?|programme|program|partnership|alliance|fund|"
                       # the same heads in Spanish, Portuguese, Italian and French ("Asociación para …", "Autoridad …")
                       r"asociaci[oó]n|associa[çc][ãa]o|associazione|autoridade?|autorit[àé]|agencia|ag[êe]ncia|agenzia|"
                       r"agence|fundaci[oó]n|funda[çc][ãa]o|fondazione|fondation|instituto|istituto|institut|ministerio|"
                       r"minist[ée]rio|ministero|minist[èe]re|servicio|servizio|servi[çc]o|consejo|conselho|consiglio|conseil|"
                       r"comisi[oó]n|comiss[ãa]o|commissione|direcci[oó]n|sociedade?|societ[àé]|soci[ée]t[ée]|federaci[oó]n|"
                       r"federa[çc][ãa]o|federazione|superintendencia|secretar[ií]a|oficina|ufficio|organizaci[oó]n|"
                       r"organiza[çc][ãa]o|organizzazione|consorcio|consorzio)\b", re.I)
# A faculty in English, French, Spanish, Portuguese, Italian, Dutch, German or a Slavic language.
_FACULTY = r"faculty|facult[éeadà]\w*|faculdade|facolt[àa]|faculteit|fakult\w*"
# A university's part, named in English, French, Spanish, Portuguese or Italian ("Faculté des Sciences", "School of X").
UNIVERSITY_PART_NAME = re.compile(rf"(?i)(?:the\s+)?(?:department|{_FACULTY}|school|college|division|d[ée]partement\w*|"
                                  r"departamento|dipartimento|departament|escuela|école|ecole|escola|scuola)\b")
# Of those, a department or faculty ("Departamento de Antropología"): never a place that grants a degree itself.
DEPARTMENT_NAME = re.compile(rf"(?i)(?:the\s+)?(?:department|{_FACULTY}|d[ée]partement\w*|departamento|"
                             r"dipartimento|departament)\b")
# Heads whose name goes on with "of …": "… School of Public Health", "Federal Widget Bank of Boston".
_OF_HEADS = re.compile(r"^(?:school|college|university|institute|center|centre|department|faculty|laboratory|lab|division|bank|museum"
                       r"|library|hospital|archives?|society|academy|council|ministry|bureau|agency|authority|office"
                       r"|foundation|trust|association|federation|fund|organi[sz]ation|union)$", re.I)
# The particles of a namesake's name before an organisation's name ("Anton de Kom Universiteit"), and initials ("C.T.")
_NAMESAKE_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "del", "ten", "ter", "dos", "das"})
_OPENING_QUOTES = frozenset({'"', "“", "„", "«"})
_CLOSING_QUOTES = frozenset({'"', "”", "“", "»"})
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_UNIT_HEADS = re.compile(r"^(?:school|college|institute|center|centre|department|faculty|laboratory|lab|division|directorate)$", re.I)
# "the Widget Astronomical Center of the Quill Academy of Sciences": an academy's institutes have names of their own.
_ACADEMY = re.compile(r"\bacademy\b", re.I)
_ACADEMY_UNIT = re.compile(r"\b(?:institute|centre|center|laboratory|observatory)$", re.I)
# A research unit named by its own field: "Institute of Widgetry", "Centre for Quill Studies".
OWN_UNIT = re.compile(r"(?i:(?:the\s+)?(?:institute|centre|center|laboratory)\s+(?:of|for))\s+[A-Z]")
# The words that join the parts of a name written head first ("Banco Central de X", "Universidad de los Y").
_FOREIGN_LINKS = frozenset({"de", "del", "do", "da", "dos", "das", "di", "des", "du", "della", "la", "las", "los", "le", "les"})
_PARENT_HEADS = re.compile(r"\b(?:bank|ministry|university|institute|agency|commission|council|authority|corporation|"
                           r"foundation|organi[sz]ation|bureau|board|academy|society|company|hospital|museum|service)\b", re.I)
_VENUE_WORDS = re.compile(r"\b(?:conference|workshop|symposium|journal|proceedings|transactions|letters|meetings?|congress|colloquium)\b", re.I)
_LEGAL_SUFFIX = re.compile(r"(?:\s+(?:and|&))?(?:,?\s+\(?(?:pvt|pty|private|ltd|limited|inc|llc|llp|gmbh|corp|co|plc|s\.?a|ag|jsc|sarl|oy|ab|sia)\.?\)?)+$", re.I)
# Legal forms written before the name ("JSC NC Widgetgaz", "PT Quill Indonesia", "OOO Widget"), in capitals.
_LEGAL_PREFIX = re.compile(r"^(?:(?:[POC]?JSC|LLP|LLC|NC|PT|OOO|TOO|AO|RSE|SE)\s+)+")
_DOMAIN_NAME = re.compile(r"(?<![@/\w.])([A-Z][A-Za-z0-9-]{1,30}\.(?:ai|io|com|co|org|net|tech|app))(?![\w/@-])")
# Words that make a header line an application: "Applicant to …", "Application for a position at …", "Target: X".
APPLICATION_WORDS = re.compile(r"\b(?:apply|applying|applied|application|applicant|candidate|candidacy|position|vacancy|"
                               r"target)\b", re.I)
_ORG_NER_PREPS = frozenset({"at", "joined", "join"})
# What the model calls the words after "and" that are no part of a field's name: a place, a person, a date.
# Inside a name, what opens a field or a list of fields ("Centre of Excellence in Music, Mind and Brain")
_FIELD_PREPS = frozenset({"of", "in", "for", "de", "di", "für"})
_LIST_ANDS = frozenset({"and", "&", "e", "y", "et", "und"})
_NOT_FIELD_ENTS = frozenset({"GPE", "LOC", "PERSON", "DATE", "FAC", "NORP", "CARDINAL"})
# Words that make more of an organisation's name, not a place after it ("… University Press", "… Hospital").
_ORG_WORDS_OR_HEADS = re.compile(r"^(?:press|hospital|school|college|library|museum|medical|center|centre|institute|"
                                 r"foundation|clinic|campus|system|research|health)$", re.I)
# Heads after which a national body may name its country ("… Resources Institute Finland", "Statistics Agency Norway").
_COUNTRY_NAMED_HEAD = re.compile(r"^(?:institute|agency|centre|center|council|foundation|office|authority|board|service|"
                                 r"administration|bureau)$", re.I)
# Words of many organisations' names, no sign of which one is meant.
_GENERIC_NAME_WORD = re.compile(r"universit\w*|institut\w*|national\w*|college|school|ecole|escuela|academy|"
                                r"technology|science\w*|research|centre|center|state|federal|royal")
# Kinds of body besides the unit heads: alone, capitalised, they name a body the text named before ("the Society")
_BODY_KINDS = frozenset({"university", "foundation", "society", "association", "bank", "company", "museum", "archive"})
_GENERIC_FILLERS = frozenset({"polytechnic", "technical", "open", "free", "of", "the", "and", "for"})
# Other words before a name the model calls an organisation that need the name to end in the head
# of an organisation's name ("worked with the Widget County Health Department").
_HEADED_ORG_PREPS = frozenset({"with", "for", "in", "by"})
# What one works on rather than for: "an enumerator for the Widget Health Survey".
_UNDERTAKINGS = frozenset({"survey", "census", "project", "study", "trial", "programme", "program", "course",
                           "campaign", "initiative", "festival"})
# Lower-case words for a part of an organisation ("the pharmacy department of X", "the statistics unit of Y").
UNIT_WORDS = frozenset({"department", "unit", "ward", "division", "office", "branch", "team", "laboratory", "lab",
                        "clinic", "faculty", "school", "section", "wing", "service"})
_ORG_NAME_END = re.compile(r"\b(?:department|ministry|agency|directorate|office|authority|commission|council|bureau|board|"
                           r"institute|hospital|clinic|museum|foundation|society|association|cooperative|service|"
                           r"ltd|limited|inc|llc|gmbh|plc|corporation|company)\.?$", re.I)
# Lower-case particles inside names in other languages ("Banco de la República", "Technische
# Universität zu Berlin"): not a sign that a capitalised span is running text.
_NAME_PARTICLES = frozenset("de del della di da do dos das des du la las le les los van von der den zu für y e et en para per pour sur sobre".split())


# Words that name a state by its country: "the Republic of X", "the Kingdom of X".
_STATE_WORDS = frozenset({"republic", "kingdom", "federation", "principality", "sultanate", "emirate", "commonwealth"})


def _same_words(entry: OrgEntry | None, long: str) -> OrgEntry | None:
    """The listed organisation an acronym names, if the long form the text gives for it shares
    its distinctive words: "UQ" defined as "Université Widget" is not the listed University of
    Queensland."""
    if entry is None:
        return None
    names = " ".join(fold(n) for n in (entry.name, *entry.aliases)).split()
    words = _distinctive_words(long)
    # "National Center for Widget Control (NCWC)" is not the listed "Quillandia Centre for Widget Control": a
    # listed name that names its country is another country's body when the text's name leaves the country out
    country = set(fold(entry.country or "").split())
    if country and country <= set(fold(entry.name).split()) and not country <= set(fold(long).split()):
        return None
    return entry if not words or any(w in names for w in words) else None


def _names_the_listed(name: str, listed: set[frozenset[str]]) -> bool:
    """Does the text's ``name`` name a listed body of these distinctive words? A university's name may add
    its place in its own language ("Anton de Kom Universiteit van Suriname" for "Anton de Kom University")."""
    words = _distinctive_words(name)
    if words in listed:
        return True
    return bool(UNIVERSITY_WORDS.search(name)) and any(w < words for w in listed)


def _distinctive_words(name: str) -> frozenset[str]:
    """The words that tell one organisation from another, in any language ("innsbruck" of
    both "Universität Innsbruck" and "University of Innsbruck")."""
    return frozenset(w for w in fold(name).split() if len(w) > 3 and not _GENERIC_NAME_WORD.fullmatch(w))


def without_bare_parent(span: Span) -> Span:
    """"the Widget Physics Laboratory of the Department": a parent named only by its kind is
    no part of the name; nor is a department named in full after a named lab ("the Widget
    Testing Laboratory of the Department of Quill Engineering": the lab, in the department)."""
    if len(span) > 3 and span[-3].lower_ == "of" and span[-2].lower_ == "the" \
            and (_UNIT_HEADS.match(span[-1].text) or _PARENT_HEADS.fullmatch(span[-1].text)):
        return span[:-3]
    for k in range(2, len(span) - 3):
        if span[k].lower_ == "of" and span[k + 1].lower_ == "the" and _GROUP_WORDS.fullmatch(span[k - 1].text) \
                and _UNIT_HEADS.match(span[k + 2].text) and span[k + 3].lower_ in ("of", "for"):
            return span[:k]
    return span

def _inside_place_name(span: Span) -> bool:
    """"Columbia" of "British Columbia": a listed name inside a longer place name the model found."""
    return any(t.ent_type_ in ("GPE", "LOC") for t in span) and any(
        e.label_ in ("GPE", "LOC") and e.start <= span.start and span.end <= e.end and len(e) > len(span)
        for e in span.sent.ents)


def has_body_word(name: str) -> bool:
    """Does ``name`` have the head word of a body: a university, an office, a centre, a lab?"""
    return bool(ORG_WORDS.search(name) or UNIVERSITY_WORDS.search(name) or _GROUP_WORDS.search(name))


def _named_on_its_own(unit: str, parent: str) -> bool:
    """Is ``unit`` of ``parent`` ("X Institute" of "the Y Academy") a workplace with a name of its
    own? A university's schools and departments are its parts; an academy's institutes, and
    institutes named by their field ("Institute of Widgetry") elsewhere, are not."""
    return not UNIVERSITY_WORDS.search(parent) and bool(
        OWN_UNIT.match(unit) or (_ACADEMY.search(parent) and _ACADEMY_UNIT.search(unit)))


class OrgMentions:
    """Finds the organisations of one Doc; mixed into :class:`~sopgraph.mentions.MentionCollector`."""

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

    def _add_org_text(self, span: Span, source: str) -> int | None:
        if self._in_quoted_title(span) or self.in_reference_line(span.start_char):
            return None  # words of a paper's title or venue, not an organisation
        if self._capitalised_word(span):
            return None
        text = span.text.strip()
        if text in self._acronyms:
            long = self._acronyms[text]
            entry = self.gazetteer.find_org(long) or _same_words(self.gazetteer.find_org(text), long)
            if entry:
                return self.add_org_entry(entry, span, text)
            if self._guess_subtype(long) is None and not ORG_WORDS.search(long) and not foreign_body_name(long):
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
            # the listed body of that acronym only if it shares the name's words ("ACCA" is two bodies)
            entry = _same_words(self.gazetteer.find_org(short), text) if short else None
        if entry is None:
            span, entry = self._with_listed_city(span)
        if self._place_of_the_name(span, entry):
            return None
        if entry is not None:
            return self.add_org_entry(entry, span, text)
        if self.gazetteer.find_venue(text) or self.topic_scheme.lookup(text):
            return None
        if _VENUE_WORDS.search(text):
            return self.add_venue(text, span, None)
        start, end = self._orig(span)
        aliases = [s for s, l in self._acronyms.items() if fold(l) == fold(text)]
        subtype = self._guess_subtype(text)
        if _LEGAL_SUFFIX.fullmatch(" " + text) or _LEGAL_PREFIX.fullmatch(text + " "):
            return None  # "Ltd." the model cut from "X (Pvt.) Ltd.", "JSC NC" from "JSC NC Widgetgaz": legal forms, no name
        bare = _LEGAL_PREFIX.sub("", _LEGAL_SUFFIX.sub("", text)).strip(" ,")
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
        # ("Widget University Teaching Hospital", "… University Press": a body of the university, not one)
        if UNIVERSITY_WORDS.search(text) and not re.match(r"(?i)(?:school|department|faculty|college) of", text) \
                and not re.search(r"(?i)\b(?:hospital|clinic|press|library|museum|medical cent(?:er|re))$", text):
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
                    or (span.label_ == "VENUE" and (self._inside_a_patterned_name(span) or self._in_quoted_title(span))):
                continue  # "Cell" of "Molecular Biology of the Cell", named after "appeared in"; "RC" of '"… RC frames"'
            if span.label_ == "ORG" and (self._sponsor_of_venue(span) or self._society_of_meeting(span)
                                         or self._capitalised_word(span) or surname_of_a_person(span)
                                         or self._named_person_surname(span) or _inside_place_name(span)
                                         or self._city_of_name_before(span) or self._generic_name_inside_longer(span)
                                         or self._place_of_the_name(span, self.gazetteer.orgs.get(span.kb_id_))):
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
                    # "École Nationale d'Architecture de Quillbat": the listed school, as the text names it with its city
                    named = self._with_city_after(span)
                    self.add_org_entry(entry, named, named.text)
            elif span.label_ == "VENUE" and self.section(span) != "REFERENCES":
                entry = self.gazetteer.venues.get(span.kb_id_)
                if entry is not None and span.text in self._acronyms and not entry.shares_a_word(self._acronyms[span.text]):
                    continue  # "the Widget Medieval Congress (IMC)": the text's IMC, not the listed one of that acronym
                longer = self._acronym_with_its_own_name(span)
                if longer is not None:
                    self.add_venue(longer.text, longer)  # "ICT Innovations 2023": another meeting than the listed "ICT"
                elif entry and self._venue_context(span, entry):
                    self.add_venue(entry.name, span, entry)

    def _generic_name_inside_longer(self, span: Span) -> bool:
        """'Stella Maris' + 'Polytechnic University': a listed name of generic words only is the end of a
        longer name when a capitalised word stands before it."""
        if not all(_GENERIC_NAME_WORD.fullmatch(w) or w in _GENERIC_FILLERS for w in fold(span.text).split()):
            return False
        prev = self.doc[span.start - 1] if span.start > 0 else None
        return prev is not None and prev.is_title and prev.is_alpha and not prev.is_stop and not prev.is_sent_start

    def _acronym_with_its_own_name(self, span: Span) -> Span | None:
        """'ICT Innovations 2023': a listed acronym, then capitalised words and a year, is the name of
        another meeting (the words without the year), not the listed one."""
        doc = self.doc
        end = span.end
        while end < len(doc) and end - span.end < 2 and doc[end].is_title and doc[end].is_alpha and not doc[end].is_stop:
            end += 1
        if end == span.end or end >= len(doc) or not span.text.isupper() \
                or not re.fullmatch(r"(?:19|20)\d{2}", doc[end].text):
            return None
        return doc[span.start:end]

    @cached_property
    def _full_name_surnames(self) -> frozenset[str]:
        """Last words of the people the model named with two words or more ("Ada Penn")."""
        return frozenset(e[-1].text for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1)

    def _named_person_surname(self, span: Span) -> bool:
        """"… with Dr. Ada Penn …, and Penn encouraged me": a one-word listed name that the model takes
        for a person and that ends the name of a person the text names in full is that person's surname."""
        return len(span) == 1 and span[0].ent_type_ == "PERSON" and span.text in self._full_name_surnames

    def _with_place(self, span: Span) -> Span:
        """"Natural Widget Institute" + "Finland (NWIF)": a national body named with its country after its
        head word (a listed country, then a bracket, a comma or the end of the sentence); "Widget
        Schiller University" + "Jena": a university named with its city after "University"."""
        doc = self.doc
        university = span[-1].lower_ == "university" and len(span) > 1
        if not (_COUNTRY_NAMED_HEAD.search(span[-1].text) or university):
            return span
        for size in (1, 2, 3):
            end = span.end + size
            if end > len(doc) or not (end == len(doc) or doc[end].text in ("(", ",", ".", ";") or doc[end].is_sent_start):
                continue
            place = doc[span.end:end]
            if place.text in self.gazetteer.countries or (university and size <= 2 and all(
                    t.is_title and t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "ORG", "")
                    and t.lower_ not in self._lower_words and not _ORG_WORDS_OR_HEADS.search(t.text) for t in place)):
                return doc[span.start:end]
        return span

    def _city_of_name_before(self, span: Span) -> bool:
        """"Widget University in Quillbridge": a one-word listed name the model reads as a place, after "in"
        and another name, is where that one is (a city a university is named after)."""
        doc = self.doc
        return len(span) == 1 and span[0].ent_type_ == "GPE" and span.start >= 2 and doc[span.start - 1].lower_ == "in" \
            and doc[span.start - 2].ent_type_ in ("ORG", "FAC") and doc[span.start - 2].is_title

    def _place_of_the_name(self, span: Span, entry: OrgEntry | None) -> bool:
        """"a conservation NGO in the southern Widgetian Amazon": a one-word listed company after
        "the" (or "the" and the words that place it), where no noun follows, is the place of that name."""
        doc = self.doc
        if entry is None or entry.type != "Company" or len(span) != 1 \
                or (span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN")):
            return False
        k = span.start - 1
        while k >= 0 and k >= span.start - 3 and (doc[k].pos_ == "ADJ" or doc[k].ent_type_ in ("NORP", "GPE", "LOC")):
            k -= 1
        return k >= 0 and doc[k].lower_ == "the"

    def _with_city_after(self, span: Span) -> Span:
        """``span`` and "de/of <City>" right after it, when a city the model knows closes the name there."""
        doc, end = self.doc, span.end
        if end + 1 >= len(doc) or doc[end].lower_ not in ("de", "of", "di", "da", "do") or not doc[end + 1].is_title \
                or (end + 2 < len(doc) and doc[end + 2].is_title) or self._taken(doc[end + 1:end + 2]):
            return span
        # (a city, or the last word of the name the model read as one: "the École … de Quillbat")
        city = doc[end + 1].ent_type_ == "GPE" or (doc[end + 1].ent_iob_ == "I" and doc[span.start].ent_type_ == "ORG" and any(
            e.start <= span.start and e.end == end + 2 for e in doc.ents))
        return doc[span.start:end + 2] if city else span

    def _extended(self, span: Span) -> Span | None:
        """'Widget Foundation Networking': a known name followed by more of a proper name."""
        doc = self.doc
        end = span.end
        # "Acme Public Leaderboard", "Acme Landmark Challenge": an event or a prize of Acme, not a longer name.
        stop = load_cues()["not_name_parts"]
        # "ACM" + "International Symposium on Microarchitecture": another listed name is not more of this one
        listed = self._gazetteer_tokens

        # "Quillsung" + "QDI": a company's acronym-named subsidiary ("MIT" + "CSAIL" is a unit, named by itself)
        entry = self.gazetteer.orgs.get(span.kb_id_)
        company = entry is not None and entry.type == "Company"

        def continues(tok) -> bool:
            return (tok.is_title or (company and tok.is_upper and 2 <= len(tok) <= 5 and tok.is_alpha and tok.i == span.end)) \
                and tok.pos_ == "PROPN" and not tok.is_sent_start \
                and tok.ent_type_ not in ("GPE", "LOC", "PERSON", "DATE") and tok.i not in listed

        while end < len(doc) and end - span.end < 5:
            if continues(doc[end]):
                if doc[end].lower_ in stop:
                    return None
                end += 1
            elif end > span.end and doc[end].lower_ in ("and", "&") and end + 1 < len(doc) and continues(doc[end + 1]) \
                    and doc[end + 1].is_alpha:
                # "… of Science" + "Education and Research": the words of one longer name ("Widget Earth Engine
                # and Sentinel-1 imagery": a numbered product after "and" is another thing)
                end += 1
            else:
                break
        # "… Education and Research" + "Pune": a city closes a name that is already another one
        if end > span.end and end < len(doc) and doc[end].ent_type_ == "GPE" and doc[end].is_title \
                and not doc[end].is_sent_start and (end + 1 == len(doc) or not doc[end + 1].is_title):
            end += 1
        if end == span.end or end < len(doc) and continues(doc[end]):
            return None  # nothing added, or a name longer than we dare cut: half a name is worse than none
        longer = doc[span.start:self._through_of(end)]
        # ("IEEE" + "Access": a listed journal of the body, not a longer name of it)
        return None if self.gazetteer.find_org(longer.text) or self.gazetteer.find_venue(longer.text) else longer

    @cached_property
    def _head_first_ends(self) -> dict[int, int]:
        """Start -> end of the names the patterns found that open with their head word ("Universidad …")."""
        return {p.start: p.end for p in self.doc.spans.get(PATTERNS_KEY, []) if p.id_ == "org-head-first"}

    @cached_property
    def _head_first_names(self) -> list[Span]:
        """The names the patterns found that open with a head word in another language ("Centro de …")."""
        return [p for p in self.doc.spans.get(PATTERNS_KEY, []) if p.id_ in ("org-head-first", "org-romance-name")]

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

    def _through_foreign_parent(self, start: int, end: int) -> int:
        """Where a unit's name ending before ``end`` really ends when the body it is "of the" is named head first
        in its own language: "Research Division of the Banco Central" + "de Widgetia" (the pattern that would
        have found the body's whole name lost to the longer unit's)."""
        doc = self.doc
        heads = word_list("head_first_heads")
        if not any(doc[k].lower_ == "of" and doc[k + 1].lower_ == "the" and doc[k + 2].lower_ in heads
                   for k in range(start, end - 2)):
            return end
        stop = end
        while stop + 1 < len(doc) and doc[stop].lower_ in _FOREIGN_LINKS and not doc[stop + 1].is_sent_start:
            nxt = stop + 1
            while nxt < len(doc) and doc[nxt].lower_ in _FOREIGN_LINKS:
                nxt += 1  # "de los Andes"
            if nxt >= len(doc) or not doc[nxt].is_title:
                break
            stop = nxt + 1
            while stop < len(doc) and doc[stop].is_title and not doc[stop].is_sent_start:
                stop += 1
        return stop

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
            # ("… Association" + "for the Study of Popular Music": what the body is for may name its own object)
            for_the = doc[end].lower_ == "for" and skip == 1
            while stop < len(doc) and stop - end <= 5 and not doc[stop].is_sent_start and (
                    named(doc[stop]) or (doc[stop].lower_ in ("and", "&") and stop + 1 < len(doc) and named(doc[stop + 1])
                                           and not _UNIT_HEADS.search(doc[stop + 1].text))
                    or (for_the and stop == end + 3 and doc[stop].lower_ == "of" and stop + 1 < len(doc)
                        and named(doc[stop + 1]))):
                stop += 1
            end = stop
        return self._through_state_or_namesake(end, named)

    def _through_state_or_namesake(self, end: int, named) -> int:
        """"… of the Republic" + "of Widgetia" (a state is named by its country) and "… University" +
        "named after Ada Quill" (a namesake in the name, as universities of several countries are named)."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end - 1].lower_ in _STATE_WORDS and doc[end].lower_ == "of" and named(doc[end + 1]):
            stop = end + 1
        elif end + 2 < len(doc) and doc[end].lower_ == "named" and doc[end + 1].lower_ == "after" \
                and UNIVERSITY_WORDS.search(doc[end - 1].text) and doc[end + 2].is_title:
            stop = end + 2
        else:
            return end
        first = stop
        while stop < len(doc) and stop - first < 4 and doc[stop].is_title and not doc[stop].is_sent_start:
            stop += 1
        return stop

    def _program_extent(self, span: Span) -> Span:
        """A programme's whole name around the pattern's span: the first degree of "MPhil/PhD in X", a field
        written with a hyphenated word ("MSc in Geo-information Science and Earth Observation") and a field
        in brackets after a degree's name ("Doctor of Philosophy (Speech Pathology)")."""
        doc, start, end = self.doc, span.start, span.end
        degrees = word_list("degree_abbreviations")
        if start >= 2 and doc[start - 1].text == "/" and doc[start - 2].text in degrees:
            start -= 2
        if end < len(doc) and doc[end - 1].text == "-":
            end -= 1
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_lower and doc[end - 1].is_title \
                and any(t.lower_ == "in" for t in doc[start:end]):
            # the field goes on: its hyphenated word, then capitalised words and the "and" between them
            stop = end + 2
            while stop < len(doc) and stop - end <= 8 and not doc[stop].is_sent_start and (
                    doc[stop].is_title or (doc[stop].lower_ in ("and", "&") and stop + 1 < len(doc) and doc[stop + 1].is_title)):
                stop += 1
            end = stop
        close = next((k for k in range(end + 1, min(len(doc), end + 6)) if doc[k].text == ")"), None)
        if end < len(doc) and doc[end].text == "(" and close is not None and doc[end - 1].lower_ == "philosophy" \
                and all(t.is_title and not t.is_upper for t in doc[end + 1:close]):
            end = close + 1  # "Doctor of Philosophy (Speech Pathology)"
        return doc[start:end]

    def _program_continues(self, span: Span) -> bool:
        """"MPhil" of "MPhil/PhD in X": a degree that the next pattern's programme goes on from."""
        doc = self.doc
        return span.end + 1 < len(doc) and doc[span.end].text == "/" and any(
            p.start == span.end + 1 and p.label_ == "PROGRAM" for p in doc.spans.get(PATTERNS_KEY, []))

    def _through_and(self, start: int, end: int) -> int:
        """Where a name of a field ending before ``end`` really ends: "University of Social Sciences" +
        "and Humanities", "School of Economics" + "and Management", "Ph.D. in Natural Widgets" + "and the
        Environment".

        Only after "<head> of" inside the name, and only words that end there: "University of
        Widgets and Quill University" or "… and Quill Institute" names a second place, and a
        place or a person after "and" ("… and Bergen", "… and Ada Quill") is no part of a field.
        """
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in ("and", "&") or not any(
                (doc[i].lower_ == "of" and _OF_HEADS.search(doc[i - 1].text))
                or (doc[i].lower_ == "in" and is_degree_word(doc[i - 1].text)) for i in range(start + 1, end)):
            return end
        # "… of Natural Resources" + "and the Environment"
        stop = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) and doc[end + 2].is_title else end + 1
        end_of_and = stop
        while stop < len(doc) and stop <= end_of_and + 2 and doc[stop].is_title and not doc[stop].is_sent_start:
            tok = doc[stop]
            if tok.ent_type_ in _NOT_FIELD_ENTS or (tok.ent_type_ == "ORG" and tok.ent_iob_ == "B") or _UNIT_HEADS.search(tok.text) \
                    or _PARENT_HEADS.search(tok.text) or UNIVERSITY_WORDS.search(tok.text):
                return end
            stop += 1
        # one to three words, and the name must end there
        if stop == end_of_and or (stop < len(doc) and doc[stop].is_title and not doc[stop].is_sent_start):
            return end
        return stop

    def _through_list(self, start: int, end: int) -> int:
        """Where a name of several fields ending before ``end`` really ends: "Centre of Excellence in
        Music" + ", Mind, Body and Brain", "Museo Nacional de Arqueología" + ", Antropología e Historia
        del Perú".

        Only after a preposition that opens fields inside the name, and only single capitalised
        words between the commas, closed by a conjunction and a last field that ends the name
        (a place after "de"/"of" may follow it): "Department of Physics, Quill and Widget Ltd" and
        "Ministry of Health, Nairobi and Kisumu offices" go on, so they are not one name.
        """
        doc = self.doc
        if end + 3 >= len(doc) or doc[end].text != "," or not any(
                doc[i].lower_ in _FIELD_PREPS for i in range(start + 1, end - 1)):
            return end

        def field(i: int) -> bool:
            tok = doc[i] if i < len(doc) else None
            return tok is not None and tok.is_title and tok.is_alpha and not tok.is_sent_start \
                and tok.ent_type_ != "DATE" and not self.gazetteer.find_org(tok.text) \
                and not (_UNIT_HEADS.search(tok.text) or _PARENT_HEADS.search(tok.text) or UNIVERSITY_WORDS.search(tok.text))

        def listed(i: int) -> bool:
            return i < len(doc) and (doc[i].text == "," or doc[i].lower_ in _LIST_ANDS)

        i, fields = end, 0
        while doc[i].text == ",":
            # a field is one word, or two in a long list ("…, Religions, Art History, Media and …")
            n = 2 if fields >= 2 and field(i + 2) and listed(i + 3) else 1
            if not (field(i + 1) and listed(i + n + 1)):
                break
            i, fields = i + n + 1, fields + 1
        if i == end or doc[i].lower_ not in _LIST_ANDS or not field(i + 1):
            return end
        two = fields >= 2 and field(i + 2) and (i + 3 >= len(doc) or doc[i + 3].text in ("(", ")", ",", ".", ";"))
        stop = i + (3 if two else 2)
        if stop + 1 < len(doc) and doc[stop].lower_ in PLACE_PARTICLES and doc[stop + 1].is_title:
            stop += 2  # "… e Historia" + "del Perú"
        # the name ends there: "… Nairobi and Kisumu" + "offices" lists places of something else
        if stop < len(doc) and not doc[stop].is_sent_start and (doc[stop].is_title or doc[stop].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")):
            return end
        return stop

    def _parent_of_unit(self, span: Span) -> Span:
        """"the Research Department of the Central Bank of X": the named organisation is the bank."""
        for tok in span:
            if tok.lower_ == "of" and tok.i > span.start and tok.i + 2 < span.end and _UNIT_HEADS.search(span[0].text) \
                    and UNIVERSITY_WORDS.fullmatch(self.doc[tok.i + 1].text):
                return self.doc[tok.i + 1:span.end]  # "College of Computing of Université X": a university's part
            if tok.lower_ == "of" and tok.i + 2 < span.end and self.doc[tok.i + 1].lower_ == "the":
                head, parent = self.doc[tok.i - 1], self.doc[tok.i + 2:span.end]
                # ("the Veterinary Academy of the X University": a university's academy is one of its parts)
                if not (_UNIT_HEADS.search(head.text) or (head.lower_ == "academy" and UNIVERSITY_WORDS.search(parent.text))):
                    continue
                if not ((_PARENT_HEADS.search(parent.text) or parent[0].lower_ in word_list("head_first_heads"))
                        and parent[0].is_title):
                    continue
                # "the Institute of Widgetry of the Quill Academy of Sciences": an academy's institutes
                # are workplaces of their own, named by their field; a university's are its parts
                unit = self.doc[span.start:tok.i]
                if _named_on_its_own(unit.text, parent.text):
                    return unit
                return parent
        return span

    def _academy_unit_written(self, unit: Span) -> str | None:
        """"the Institute of Widgetry" + "of the Quill Academy of Sciences": the whole name an academy's
        institute is written with, which names it as often as its own short name does."""
        doc, at = self.doc, unit.end
        if not (at + 2 < len(doc) and doc[at].lower_ == "of" and doc[at + 1].lower_ == "the"):
            return None
        last, end = None, at + 2
        while end < len(doc) and not (end > at + 2 and doc[end].is_sent_start) and (
                doc[end].is_title or (last is not None and doc[end].lower_ in ("of", "the", "and"))):
            last = end if doc[end].is_title else last
            end += 1
        if last is None:
            return None
        parent = doc[at + 2:last + 1].text
        if not (_ACADEMY.search(parent) and _named_on_its_own(unit.text, parent)):
            return None
        return doc[unit.start:last + 1].text

    def _coordinated_units(self, span: Span) -> list[Span]:
        """"School of Mathematics and Institute of Marine Studies": two units, not one name."""
        for tok in span:
            if tok.lower_ in ("and", "&") and tok.i > span.start:
                before = self.doc[span.start:tok.i]
                after = self.doc[tok.i + 1:min(tok.i + 3, span.end + 2)]
                # Only a complete unit name ("School of X") before the "and" starts a second one:
                # "Research and Development Center" stays whole.
                whole = any(_UNIT_HEADS.search(t.text) for t in before) and any(t.lower_ in ("of", "for") for t in before)
                # "Quillton General Hospital and Widget Teaching Hospital": two names that end in one head
                # word ("… Hospital and Research Centre" is one)
                same_heads = len(before) > 1 and span.end - tok.i > 2 and before[-1].is_title \
                    and before[-1].lower_ == span[-1].lower_
                if same_heads:
                    return [before, self.doc[tok.i + 1:span.end]]
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
        if span.label_ == "ORG" and self._head_first_ends.get(span.start, 0) > span.end:
            return True
        # "Centro de Widgets UC": a listed acronym closing a name that opens with its head word
        return span.text.isupper() and any(p.start < span.start and p.end == span.end for p in self._head_first_names)

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

    def _with_namesake_before(self, span: Span) -> Span:
        """"Anton de Kom Universiteit", "C.T. de Wit Graduate School": an organisation named after a person
        whose name holds a particle opens with that name; the name patterns start after the particle."""
        doc, k = self.doc, span.start
        heads = word_list("head_first_heads")

        def name_word(tok) -> bool:
            return tok.is_title and tok.is_alpha and tok.pos_ == "PROPN" and not tok.is_stop and tok.lower_ not in heads

        if k >= 3 and span[0].lower_ in heads and name_word(doc[k - 1]) and doc[k - 2].text in _NAMESAKE_PARTICLES:
            k -= 1  # "Ada de Quill Universiteit van X": the pattern opened at the head word, after the surname
        if k < 2 or not span[0].is_title or doc[k - 1].text not in _NAMESAKE_PARTICLES:
            return span
        start = k - 1
        while start > 0 and k - 1 - start < 2:
            prev = doc[start - 1]
            if _INITIALS.fullmatch(prev.text) or name_word(prev):
                start -= 1
            else:
                break
        if start == k - 1 or self._taken(doc[start:span.start]):
            return span
        return doc[start:span.end]

    def _with_quoted_namesake(self, span: Span) -> Span:
        """'Institute for Widget Language "Ada Quill"', 'Faculty of Philology „Bo Renwick“': a name
        closed by the quoted name of the person it honours."""
        doc, k = self.doc, span.end
        if k >= len(doc) or doc[k].text not in _OPENING_QUOTES:
            return span
        end = k + 1
        while end < len(doc) and end - k <= 4 and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if end == k + 1 or end >= len(doc) or doc[end].text not in _CLOSING_QUOTES \
                or (doc[end].whitespace_ == "" and end + 1 < len(doc) and doc[end + 1].is_alpha):
            return span  # (a quote closed inside a word is an apostrophe: 'the "Quill"s')
        return doc[span.start:end + 1]

    def _with_model_org_start(self, span: Span) -> Span:
        """"the Ada Quill National Research Centre for …": the name the model reads as one organisation
        opens with the words a pattern's few leading words left out (a patron's names)."""
        doc, start = self.doc, span.start
        while start > 0 and span.start - start < 3 and doc[start].ent_type_ == "ORG" and doc[start].ent_iob_ == "I" \
                and doc[start - 1].ent_type_ == "ORG" and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and not self._taken(doc[start - 1:start]):
            start -= 1
        return doc[start:span.end]

    def _program_and_host(self, span: Span) -> tuple[Span, Span | None]:
        """"PhD in Biostatistics, Harvard T.H. Chan School of Public Health": the programme, then its host."""
        for tok in span:
            # (", X" or a dash set apart by spaces: "PhD in Nursing - Widget School of Nursing")
            if tok.i > span.start and (tok.text == "," or (tok.text in DASHES and tok.whitespace_
                                                           and self.doc[tok.i - 1].whitespace_)):
                host = self.doc[tok.i + 1:span.end]
                if len(host) and (self.gazetteer.find_org(host.text) or UNIVERSITY_WORDS.search(host.text)
                                  or ORG_WORDS.search(host.text) or _GROUP_WORDS.search(host.text)):
                    return self.doc[span.start:tok.i], self._without_trailing_place(host)
        return span, None

    def unit_and_parent(self, host: Span) -> list[Span]:
        """"Faculty of Widget Sciences, University of Quill": the unit and its university, two names."""
        comma = next((t.i for t in host if t.text == "," and t.i > host.start), None)
        if comma is not None and _UNIT_HEADS.match(host[0].text) \
                and UNIVERSITY_WORDS.match(self.doc[comma + 1:host.end].text):
            return [self.doc[host.start:comma], self.doc[comma + 1:host.end]]
        return [host]

    def _without_trailing_place(self, host: Span) -> Span:
        """"Widget University, Kenya" → "Widget University": a part after a comma that names no
        organisation is its place ("University of Widget, Quillton" stays whole when the lists know it)."""
        if self.gazetteer.find_org(host.text):
            return host
        for tok in host:
            if tok.text == "," and tok.i > host.start:
                rest = self.doc[tok.i + 1:host.end].text
                if not (UNIVERSITY_WORDS.search(rest) or ORG_WORDS.search(rest)):
                    return self.doc[host.start:tok.i]
        return host

    def _own_line(self, span: Span) -> bool:
        """Is ``span`` a whole line of its own (a letterhead or an address block: "Max Widget Institute"),
        beside the university it belongs to ("Widget School of Policy, The Widget University") or before
        its country ("Widget University, the Netherlands")?"""
        start, end = self.line_bounds(span.start_char, span.end_char)
        line = re.sub(r"\s*\([^()]*\)", "", self.text[start:end]).strip(" \t,.;")  # "… Center (CIMMYT)"
        line = LINE_LABEL.sub("", line)  # "Intended group: …", "Host institution: …"
        parts = [re.sub(r"^[Tt]he\s+", "", p.strip()) for p in re.split(r",|\s[–—|]\s", line)]
        if len(parts) == 3 and re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", parts[2]) \
                and not ORG_WORDS.search(parts[2]) and not UNIVERSITY_WORDS.search(parts[2]):
            parts = parts[:2]  # "…, Widget University (WU), Quilltown": the city it is in
        # "School of Widget Planning, The Widget University", "Widget University — Department of X": a unit
        # beside its university
        # ("X Group, Department of Y, Widget University": a unit within a unit within its university)
        return line == span.text or (len(parts) in (2, 3) and span.text in parts and all(
            p == span.text or UNIVERSITY_WORDS.search(p) or _UNIT_HEADS.match(p.split()[0]) or ORG_WORDS.search(p)
            or self.gazetteer.find_org(p)
            for p in parts if p)) or (
            len(parts) == 2 and parts[0] == span.text and parts[1] in self.gazetteer.countries)

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
        return bool(APPLICATION_WORDS.search(self.text, start, end)) or bool(TO_LINE.match(self.text, start, span.start_char))

    def _plausible_org_pattern(self, span: Span) -> bool:
        """Reject "lab of Dr. X" (a person's lab, written lower-case), "Undergraduate Research"
        and "Ph.D. in Operations Research" (a degree)."""
        if len(span) < 2 or span[0].is_lower or is_degree_word(span[0].text):
            return False
        if any(t.lower_.rstrip(".") in _ACADEMIC_TITLES for t in span):
            return False
        if any(t.lower_ in _POST_TITLES and t.is_title for t in span) or (
                span.end < len(self.doc) and self.doc[span.end].lower_ in _POST_TITLES and self.doc[span.end].is_title):
            return False  # "Research Fellow in Health Systems", "the Postdoctoral Research Fellow position": a post
        if len(span) == 2 and span[0].lower_ in self._lower_words \
                and not (_GROUP_WORDS.fullmatch(span[1].text) and self.topic_scheme.lookup(span[0].text)):
            return False  # (but "the Epidemiology Group" is named after its field, written in lower case elsewhere)
        if span[-1].lower_ == "co" and span.end < len(self.doc) and self.doc[span.end].is_lower and self.doc[span.end].is_alpha:
            return False  # "mixed-linker Zn and Co frameworks": cobalt, not a company's "& Co"
        # "MBG 301 (Biochemistry Laboratory)": the title of a course, after its code
        before = self.text[max(0, span.start_char - 16):span.start_char]
        return not re.search(r"\b[A-Z]{2,5}[ -]?\d{2,4}[A-Z]?\s*\(\s*$", before)

    def _ner_orgs(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in ("ORG", "FAC", "GPE", "PERSON") or self.section(ent) == "REFERENCES":
                continue
            span = strip_span(ent)
            if span is not None and len(span) > 2 and span[0].text in self._acronyms and span[1].is_lower:
                span = span[:1]  # "a teaching assistant at QU for Data Structures": the defined acronym, then a course
            if span is None or self._taken(span) or span.text in self._term_acronyms:
                continue  # ("ASF" defined as "African swine fever (ASF)" is no body's name)
            text = span.text
            if ent.label_ != "ORG":
                if text in self._acronyms or (self.gazetteer.find_org(text) and not self._named_person_surname(span)
                                              and not self._city_of_name_before(span)):
                    self._add_org_text(span, "ner+gazetteer")
                continue
            if text in self._acronyms or self.gazetteer.find_org(text) or self._org_by_country(text):
                self._add_org_text(span, "ner+gazetteer")
                continue
            if not text[:1].isupper() or any(t.like_num for t in span) or len(text) < 3:
                continue
            if len(span) == 1 and (span[0].lower_ in word_list("unit_heads") or span[0].lower_ in _BODY_KINDS):
                continue  # "At the Council I was mentored by …": the body named before, by its kind
            if self.section(span) == "HEADER" or self.topic_scheme.lookup(text):
                continue
            lower_hits = sum(1 for t in span if t.lower_ in self._lower_words and not t.is_stop
                             and not (t.is_lower and t.lower_ in _NAME_PARTICLES))
            # Every word also seen in lower case ("Machine Learning") is a phrase, not a name;
            # one word never seen so ("Tata Steel", with "steel" elsewhere) makes it a name.
            words = sum(1 for t in span if t.is_alpha and not (t.is_lower and t.lower_ in _NAME_PARTICLES))
            introduced = self._introduced_as_organisation(span, words)
            if introduced and lower_hits < max(words, 1) and self._org_context(span):
                self._add_org_text(span, "ner")

    def _introduced_as_organisation(self, span: Span, words: int) -> bool:
        """Do the words before a name the model calls an organisation (``words`` its name words) say it is one?"""
        doc, text = self.doc, span.text
        at = span.start - 1
        while at >= 0 and doc[at].lower_ in ("the", "a", "an"):
            at -= 1  # "joined the X"
        before = doc[at].lower_ if at >= 0 else ""
        previous = doc[at - 1] if at > 0 else None
        named_as_one = bool(_ORG_NAME_END.search(text))
        # ("the Research Department" + "of the Central Bank of X": the bank is the organisation named)
        of_follows = span.end < len(doc) and doc[span.end].lower_ == "of"
        if before in _ORG_NER_PREPS or (before in _HEADED_ORG_PREPS and named_as_one and not of_follows):
            return True
        # "the maps that the Widget Water Development Board uses": a definite name of three
        # words or more that ends in what organisations are called needs no preposition
        if span.start > 0 and doc[span.start - 1].lower_ == "the" and words >= 3 and not of_follows and named_as_one:
            return True
        if previous is None:
            return False
        # "I worked for X", "I worked as a guide for X", "as a volunteer nurse with X": the one worked for,
        # whatever its name ends in (not "a teaching assistant for MBG 301", a course, nor "an enumerator
        # for the X Survey", a project)
        as_a_post = previous.dep_ == "pobj" and previous.head.lower_ == "as"
        if (before == "for" and (lemma(previous) == "work" or as_a_post)) or (before == "with" and as_a_post):
            return not (span.end < len(doc) and doc[span.end].like_num) and span[-1].lower_ not in _UNDERTAKINGS
        # "in the pharmacy department of Widget Central Hospital": the body a unit belongs to
        return before == "of" and previous.lower_ in UNIT_WORDS and bool(ORG_WORDS.search(text))

    def _domain_names(self) -> None:
        """'Quillfeather.ai', 'Acme.io': organisations named after their web domain."""
        for m in _DOMAIN_NAME.finditer(self.text):
            span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or self._taken(span) or self.section(span) != "BODY":
                continue
            self._add_org_text(span, "domain-name")

    def _names_an_organisation(self, text: str) -> bool:
        """Do words a venue cue found name an organisation instead ("submitted to the Widget Foundation")?"""
        return bool(self.gazetteer.find_org(text)) or has_body_word(text)

    def _typed_names(self) -> None:
        """Organisations the sentence names as such ("X, an AI start-up", "my internship at XYZ")."""
        typed = [*typed_org_names(self.doc), *workplace_acronyms(self.doc, self.text), *funder_acronyms(self.doc),
                 *workplace_names(self.doc),
                 *cv_line_employers(self.doc, self.text)]
        for span, subtype in typed:
            span = strip_span(span)
            if span is None or self.section(span) in ("REFERENCES", "HEADER"):
                continue
            span = with_hyphen_head(span)  # "Malawi-Liverpool-" + "Widget Programme"
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
        """The organisation of the applicant's e-mail domain, unless the text names it already
        in other words ("University of Innsbruck" for the listed "Universität Innsbruck")."""
        entry = self.gazetteer.org_by_domain(email)
        if entry is None:
            return
        listed = {_distinctive_words(n) for n in (entry.name, *entry.aliases)} - {frozenset()}
        named = any(_names_the_listed(n, listed) for r in self.registry if r.kind == "organization"
                    and r.attributes.get("gazetteer") != entry.id for n in (r.label, *r.aliases))
        if not named:
            self.add_org_entry(entry, None, entry.name)
