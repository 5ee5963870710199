"""Person mentions of one statement: names the model, the patterns and the citations find.

:class:`PersonMentions` is a part of :class:`sopgraph.mentions.MentionCollector`, kept in
its own module because people follow rules of their own: a name must look like one and
must not be a known organisation, venue or topic; lone surnames count only as cited
authors; the applicant's own records are marked so they become the Applicant node.
"""
from __future__ import annotations

import re
from functools import cached_property

from spacy.tokens import Span

from .names import (PLACE_PARTICLES, compatible, cut_at_particle, fold, is_initial, looks_like_name, name_tokens,
                    same_person_reordered, split_title, written_forms)
from .registry import EntityRecord
from .relations import load_cues
from .span_edges import (cut_person_span, strip_span, with_given_name_before_patronymic, with_hyphen_tail, with_leading_name,
                         with_surname_tail)
from .typed_names import AUTHORED_WORKS, person_typed_names, plural_title_names, role_list_names

__all__ = ["CITATION", "PersonMentions"]

_NOT_NAME_WORDS = frozenset(
    """network networks learning model models lab laboratory university institute research
    group deep machine neural data vision language system systems algorithm theory award prize
    conference workshop journal transactions proceedings program programme course science
    engineering analysis processing intelligence computing python java statement purpose
    proposal letter resume assoc asst associate assistant school college department centre center library museum hospital society
    foundation institute association agency ministry bank office lab labs group excavation excavations
    cyclone hurricane typhoon storm earthquake tsunami prof professor intern interns
    scientist officer engineer researcher lecturer director manager coordinator analyst city
    adviser advisor auditor counsel consultant specialist accountant mining company corporation campus""".split()
)  # "Cyclone Amphan": a storm; "Certified Widget Adviser", "Quill Mining", "Quill Campus": a qualification, a company, a place
# "(Quill 2020)", "(Quill et al., 2020)"; a cited surname has a lower-case letter: "(WCAE 2021)" names a meeting,
# and "(Fall 2025)", "(September 2024)" are dates.
CITATION = re.compile(r"\((?!(?:Spring|Summer|Fall|Autumn|Winter|January|February|March|April|May|June|July|August|"
                      r"September|October|November|December|Sept?|Oct|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug)\b)"
                      r"([A-Z](?=[\w'’-]*[a-z])[\w'’-]+)(?: (?:et al\.?|(?:and|&) ?([A-Z](?=[\w'’-]*[a-z])[\w'’-]+)?))?,? "
                      r"(?:19|20)\d{2}[a-z]?\)")
# "I publish as Ada M. Quill", "she writes under the name Ada Quill"
_PUBLISHES_AS = re.compile(r"\b(?:I|[Ss]he|[Hh]e|[Tt]hey)\s+(?:publish(?:es)?|write(?:s)?|(?:am|is|are)\s+published)\s+"
                           r"(?:as|under(?:\s+the\s+name)?)\s+[\"“]?"
                           r"([A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?){1,3})(?<!\.)")
# Definite articles that open a place's name, never a person's ("La Quillona", "Los Widgetos", "El Quill").
_ARTICLES = frozenset({"la", "las", "le", "les", "los", "el", "il", "lo", "al", "the"})
_NOT_PERSON_TYPES = frozenset({"NORP", "LANGUAGE", "GPE", "LOC", "DATE", "EVENT", "PRODUCT", "FAC", "LAW"})
_SURNAME = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?"
_CITED_PAIR = re.compile(rf"\b(?:by|of|from|in)\s+({_SURNAME})\s+(?:and|&)\s+({_SURNAME})\b(?!\s+[A-Z])")
# The mark that cites a work after its author's name: "(2017)", "[12]", "[3, 5]".
CITATION_MARK = r"(?:\((?:19|20)\d{2}[a-z]?\)|\[\d+(?:\s*[,–-]\s*\d+)*\])"
# Narrative citations: "Brandtmeier et al. (2017)", "Okonkwo and Lindqvist (2020)", "Quill et al. [12]".
# ("Quill, Renn and Tamm (2021)": three authors, the first before a comma)
_NARRATIVE_CITATION = re.compile(rf"\b(?:({_SURNAME}),\s+(?=(?:{_SURNAME})\s+(?:and|&)\s))?({_SURNAME})"
                                 rf"(?:\s+(?:and|&)\s+({_SURNAME}))?(\s+et\s+al\.?)?\s*{CITATION_MARK}")
# "the studies of Quill-Renn and colleagues": a cited author without a year
_AND_COLLEAGUES = re.compile(rf"\b({_SURNAME})\s+(?:and|&)\s+(?:(?:his|her|their)\s+)?(?:colleagues|co-?workers|collaborators)\b")
_SURNAME_INITIALS = re.compile(r"([A-ZÀ-ÖØ-Þ][\w'’-]+) ((?:[A-Z]\.\s?){1,3})")


def _where_a_body_is(span: Span) -> bool:
    """"a degree at the Universidad de Widgets in Quillotá (2016)": the city after "in" and a named body."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.lower_ == "in" and before.head.pos_ == "PROPN" \
        and before.head.ent_type_ in ("ORG", "FAC", "GPE")


def _is_acronym(short: str) -> bool:
    """"APZU", "KfW": one word of capitals (a name in brackets, "Zhou Yuxin (Yuxin Zhou)", is none)."""
    return " " not in short and sum(c.isupper() for c in short) >= 2


# Bodies named "after" a person in some countries' usage ("X State University after Y"); a company's
# "Widget Labs after Ada Quill left" is something else.
_NAMESAKE_HEADS = re.compile(r"(?i)\b(?:universit\w*|institute|academy|college|conservato\w+)\b")
_ENTRY_LINE = re.compile(r"[ \t]*(?:[-–•*]|(?:19|20)\d{2}\b)")  # a résumé entry: a bullet or a year opens it
_LINE_END = re.compile(r"[ \t.;]*(?:\n|$)")
# A résumé line listing what one can do ("- Languages: …", "Software: …"): it names no person.
_SKILLS_LINE = re.compile(r"[\s\-–•*]*(?:languages?|skills?|software|tools|programming|technical skills|computer skills)\s*:", re.I)


class PersonMentions:
    """The people rules of :class:`~sopgraph.mentions.MentionCollector`.

    A mixin: it reads the collector's ``doc``, ``text``, ``registry``, ``gazetteer``,
    ``topic_scheme``, ``spans``, ``references`` and word tables, and calls its ``section``,
    ``_taken``, ``_in_quoted_title``, ``in_reference_line``, ``_orig``, ``_register`` and ``person_spans``.
    """

    def _person_span(self, span: Span, *, titled: bool, source: str) -> int | None:
        name, title = split_title(span.text)
        surname_first = _SURNAME_INITIALS.fullmatch(name or "")
        if surname_first:  # "Berisha A." as an inline citation lists it: "A. Berisha"
            name = f"{surname_first.group(2).strip()} {surname_first.group(1)}"
        if not name or not looks_like_name(name):
            return None
        toks = name_tokens(name)
        if any(t in _NOT_NAME_WORDS for t in toks) or (not titled and self._not_a_person(span, toks)):
            return None
        if not titled and len(toks) >= 2 and all(t in self._lower_words for t in toks if len(t) > 2):
            return None
        if self.gazetteer.find_org(name) or self.gazetteer.find_venue(name) or self.topic_scheme.lookup(name) \
                or self.registry.find("organization", name) is not None:
            return None  # "I returned to Axiom Widgets": the name of an organisation the text named as one
        # (a titled name is a person's, whatever is named after them: "Prof. Quill" of "the Quill Lab")
        longer = None if titled or title else self._org_named_by_its_start(name)
        if longer is not None:
            return self._register(span, longer)  # "units of Kasr Al Widget" after "Kasr Al Widget University Hospital"
        start, end = self._orig(span)
        index = self.registry.add_person(name, start=start, end=end, source=source)
        if titled or title:
            self.titled.add(index)
        return self._register(span, index)

    def _org_named_by_its_start(self, name: str) -> int | None:
        """The one organisation whose name is ``name`` and more ("Kasr Al Widget" of "Kasr Al Widget
        University Hospital", "Johns Widget" of "Johns Widget University"), if the text named one."""
        folded = fold(name)
        found = [r.index for r in self.registry if r.kind == "organization" and fold(r.label).startswith(folded + " ")]
        return found[0] if len(found) == 1 else None

    def _not_a_person(self, span: Span, toks: list[str]) -> bool:
        """"Monte Carlo methods", "Kalman filter": an eponym naming a method; "Urban Hydrology": a
        course or a field; "Fluent Armenian": a language spoken; "Upper Widgetia": a place; "Via Bonomea 265", "Gadgetstrasse 38": a street."""
        cues = load_cues()
        following = self.doc[span.end] if span.end < len(self.doc) else None
        if following is not None and following.text == "(" and span.end + 3 < len(self.doc) \
                and self.doc[span.end + 2].text == ")":
            following = self.doc[span.end + 3]  # "Monte Carlo (MC) simulations": past the acronym
        if following is not None and (following.lower_ in cues["eponym_heads"] or (
                following.lemma_ or following.lower_).lower() in cues["place_heads"]):
            return True  # "the Widget–Ada Quill highways": a place named after a person
        if following is not None and following.lower_ in ("postdoctoral", "doctoral", "research", "graduate", "individual") \
                and span.end + 1 < len(self.doc) and self.doc[span.end + 1].lower_ in cues["eponym_heads"]:
            return True  # "a Marie Widget-Quill Postdoctoral Fellowship": an award named after a person
        # "Advanced Hydraulic Modelling", "Urban Hydrology": a course or a field, not a name
        # "Fluent Widgetian, Russian": a command of a language
        # "Upper Widgetia", "Lake Quill": a place's name, opened by where it lies
        # "Hurricanes Widget and Quill": storms, named as people are
        if any(t.lower_ in cues["event_openers"] for t in self.doc[max(0, span.start - 3):span.start]):
            return True
        if toks[0] in cues["course_openers"] or toks[0] in cues["language_levels"] or toks[0] in cues["place_modifiers"] \
                or toks[0] in cues["event_openers"] \
                or re.search(r"(?:ology|ography|ometry|ics)$", toks[-1]):
            return True
        countries = self.gazetteer.countries
        if span.text in countries or (span.end + 1 < len(self.doc) and self.doc[span.end].text == ","
                                      and self.doc[span.end + 1].text in countries):
            return True  # "Accenture Mauritius", "Quill Bornes, Mauritius": a country, or a town before its country
        line_start = self.text.rfind("\n", 0, span.start_char) + 1
        before = self._organisation_ending_at(span.start - 1)
        if before is not None and self.doc[span.start - 1].text == "," and _LINE_END.match(self.text, span.end_char) \
                and _ENTRY_LINE.match(self.text, line_start):
            # "- 2010–2016: Piano, Conservatoire de Widget, Quill Bornes." closing a résumé entry: the organisation's
            # town (in prose, "my supervisor at Widgetco, Ada Quill." names a person)
            return True
        if span.start >= 2 and self.doc[span.start - 1].lower_ == "after" and (
                self.doc[span.start - 2].lower_ == "named" or (before is not None and _NAMESAKE_HEADS.search(before.label))):
            return True  # "Widget State University after Ada Quill": the namesake in a body's name
        if _SKILLS_LINE.match(self.text, line_start, span.start_char):
            return True  # "Languages: Widget Morisien and English", "Software: Quill Visualiser": not people
        root = span.root
        if root.dep_ == "dobj" and (root.head.lemma_ or root.head.lower_).lower() in ("study", "major"):
            return True  # "I studied Widget Commercial (a five-year degree)": what was studied, not whom
        if toks[0] in self._modifier_words:
            return True  # "in Widgetine Quillia": a word the text writes before a thing ("Widgetine art") opens no name
        streets = cues["street_words"]
        return any(t in streets or any(t.endswith(w) and len(t) > len(w) + 2 for w in ("strasse", "straße", "platz"))
                   for t in toks) or (following is not None and following.like_num and any(
                       t.lower_.rstrip(".") in streets for t in self.doc[max(span.start - 2, 0):span.end] if t.text != "."))

    @cached_property
    def _modifier_words(self) -> frozenset[str]:
        """Capitalised words the text writes right before a lower-case noun they modify ("Ottoman
        archives", "Andean wetlands"): adjectives of a place or a time, never a given name."""
        doc = self.doc
        return frozenset(t.lower_ for t in doc[:-1] if t.is_title and t.dep_ in ("amod", "compound")
                         and t.head.i == t.i + 1 and t.head.pos_ == "NOUN" and t.head.is_lower and t.head.is_alpha)

    def _people(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or self.section(ent) == "REFERENCES":
                continue
            span = with_surname_tail(with_hyphen_tail(with_leading_name(with_given_name_before_patronymic(
                cut_person_span(strip_span(ent) or ent)))))
            if self._taken(span) or self._in_quoted_title(span) \
                    or self.in_reference_line(span.start_char):
                continue  # a reference entry's authors are read with the entry
            name, title = split_title(span.text)
            if not title and self._end_of_an_org_name(name):
                continue
            if not title and self._named_as_a_place(name):
                continue  # "La Widgeta" the model takes for a person here and for a place ("northern La Widgeta") there
            if not title and self._glosses_an_organisation(span):
                continue  # "the Widget Academy (Widgetin Akatemia)": the body's name in its own language
            if not title and any(long == span.text and _is_acronym(short) for short, long in self._acronyms.items()):
                # "Abwenzi Pa Za Umoyo (APZU)": a name the text gives an acronym is a body's, not a person's
                self._add_org_text(span, "defined-acronym")
                continue
            if len(name_tokens(name)) == 1 and not title and name not in self.cited_surnames and not self._has_full_form(name):
                if self._discussed_author(span, name):
                    index = self._person_span(span, titled=False, source="discussed-author")
                    if index is not None:
                        self.discussed_authors.add(index)
                continue
            self._person_span(span, titled=bool(title), source="ner")
        for span in person_typed_names(self.doc):
            if not self._taken(span) and self.section(span) not in ("REFERENCES", "HEADER"):
                self._person_span(span, titled=False, source="typed-person")
        for span in plural_title_names(self.doc, self.text):
            if not self._taken(span) and self.section(span) not in ("REFERENCES", "HEADER"):
                self._person_span(span, titled=True, source="plural-title")
        for span in role_list_names(self.doc, self.text):
            if not self._taken(span) and self.section(span) not in ("REFERENCES", "HEADER"):
                self._person_span(span, titled=False, source="role-list")
        self._cited_pairs()
        for m in CITATION.finditer(self.text):
            span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None and not self._taken(span) and self.section(span) != "REFERENCES":
                self._person_span(span, titled=False, source="citation")
            # "(Quill and Renn 2018)": the second author, unless a word or a known name ("(Quill and Co 2018)")
            second = self.doc.char_span(m.start(2), m.end(2)) if m.group(2) else None
            if second is not None and not self._taken(second) and self.section(second) != "REFERENCES" \
                    and not self._known_thing(second):
                self._person_span(second, titled=False, source="citation")
        self._narrative_citations()

    def _named_as_a_place(self, name: str) -> bool:
        """Does the model tag ``name`` elsewhere in the text as a place ("the Yungas of La Widgeta")?"""
        if len(name.split()) < 2:
            return False  # a lone word may be a surname and a town at once ("Lahti")
        return any(p == name or p.endswith(" " + name) for p in self._place_names)

    @cached_property
    def _place_names(self) -> frozenset[str]:
        """The texts the model tags as places, read once per document (asked of every PERSON)."""
        return frozenset(e.text for e in self.doc.ents if e.label_ in ("GPE", "LOC", "FAC"))

    def _glosses_an_organisation(self, span: Span) -> bool:
        """Is ``span`` in brackets right after an organisation's name, alone or before its acronym
        ("the Widget Agency (Agjencia Widgetare, AW)")?"""
        doc = self.doc
        if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text not in (")", ","):
            return False
        return self._organisation_ending_at(span.start - 1) is not None

    def _organisation_ending_at(self, end: int) -> EntityRecord | None:
        """The organisation record of a mention that ends right before token ``end``, or None."""
        return next((self.registry.records[i] for s, i in self.spans
                     if s.end == end and self.registry.records[i].kind == "organization"), None)

    def _end_of_an_org_name(self, name: str) -> bool:
        """"La Quillona" after "Universidad Nacional Agraria La Quillona": the last words of a name the text
        gives in full, opened by an article or the place a name is "of" ("Universidad de Quill Aires"),
        are that organisation called short or its place, not a person. (Other last words may be the person
        the organisation is named after: "Centro X Ada Quill" and "the recordings Ada Quill made".)"""
        words = name.split()
        if len(words) < 2:
            return False
        tail = " " + name.lower()
        for rec in self.registry:
            label = rec.label.lower()
            if rec.kind == "organization" and label.endswith(tail):
                before = label[:-len(tail)].split()[-1:]
                # "Universidad de Quill Aires": a place the name is "of"
                if words[0].lower() in _ARTICLES or before and before[0] in PLACE_PARTICLES:
                    return True
        return False

    def _discussed_author(self, span: Span, name: str) -> bool:
        """Is a lone surname an author whose work the sentence names ("Kant's theory", "Husserl's
        account")? A lone capitalised word is otherwise too often a place, a language or a thing."""
        if self.section(span) != "BODY" or name.lower() in self._lower_words or self.gazetteer.find_org(name) \
                or self.gazetteer.find_venue(name) or self.topic_scheme.lookup(name) or self.is_applicant_name(name):
            return False
        after = self.doc[span.end:span.end + 3]
        return len(after) >= 2 and after[0].lower_ in ("'s", "’s", "'", "’") \
            and (after[1].lemma_ or after[1].lower_).lower() in load_cues()["cited_work"] | AUTHORED_WORKS

    def _narrative_citations(self) -> None:
        """"Following Brandtmeier et al. (2017)", "as Okonkwo and Lindqvist (2020) showed": cited surnames."""
        for m in [*_NARRATIVE_CITATION.finditer(self.text), *_AND_COLLEAGUES.finditer(self.text)]:
            groups = [g for g in (1, 2, 3) if m.re is _NARRATIVE_CITATION and m.group(g)] or [1]
            spans = [self.doc.char_span(m.start(g), m.end(g)) for g in groups]
            # (one word, or a hyphenated one: "Widget-Quill and Renn (2019)")
            if any(s is None or " " in s.text or self.section(s) == "REFERENCES" for s in spans):
                continue
            # "et al." or two names make it a citation; a lone capitalised word before a year
            # ("ImageNet (2009)") must at least not be a known thing or an everyday word.
            sure = m.re is _AND_COLLEAGUES or bool(m.group(4)) or len(spans) >= 2
            if m.re is _NARRATIVE_CITATION and m.group(1) and spans[0] is not None \
                    and (spans[0][0].is_stop or spans[0][0].pos_ not in ("PROPN", "NOUN")):
                spans = spans[1:]  # "However, Quill and Renn (2021)": a word opening the clause, no first author
            if any(self._known_thing(s)
                   or (not sure and (s[0].ent_type_ != "PERSON" or _where_a_body_is(s)))
                   for s in spans):
                continue
            for s in spans:
                self.cited_surnames.add(s.text)
                if not self._taken(s):
                    self._person_span(s, titled=False, source="citation")

    def _known_thing(self, span: Span) -> bool:
        """Is a capitalised word also an everyday word of the text, a known body or venue, a topic or a country?"""
        return span[0].lower_ in self._lower_words or bool(self.gazetteer.find_org(span.text) or self.gazetteer.find_venue(span.text)
                                                            or self.topic_scheme.lookup(span.text)) \
            or span.text in self.gazetteer.countries

    def _kind_at(self, span: Span) -> str | None:
        """The kind of the mention already covering ``span`` (None when there is none)."""
        return next((self.registry.records[i].kind for s, i in self.spans if s.start < span.end and span.start < s.end), None)

    def _cited_pairs(self) -> None:
        """"the account of Harrington and Obi", "evidence by Farrant and Ibe": two cited authors by surname."""
        cues = load_cues()["cited_work"]
        for m in _CITED_PAIR.finditer(self.text):
            spans = [self.doc.char_span(m.start(g), m.end(g)) for g in (1, 2)]
            if any(s is None or len(s) != 1 or s[0].lower_ in self._lower_words
                   or (self._taken(s) and self._kind_at(s) != "person") for s in spans):
                continue
            # "the paper by X and Y", "X and Y (2019)" are citations whatever the model calls the
            # words; otherwise "of French and English", "from Kenya and Uganda" are not authors.
            head = self.doc[spans[0].start - 2] if spans[0].start >= 2 else None
            cited = bool(re.match(r"\s*\(?\s*(?:19|20)\d{2}", self.text[m.end():])) or (
                head is not None and (head.lemma_ or head.lower_).lower() in cues)
            if not cited and (any(s[0].ent_type_ in _NOT_PERSON_TYPES for s in spans) or m.group(0).startswith("in")):
                continue  # ("inspections in Widgetshire and Quillshire": places, unless a year or "the work in" cites them)
            if not any((t.lemma_ or t.lower_).lower() in cues for t in spans[0].sent) or self.section(spans[0]) == "REFERENCES":
                continue
            if any(self.gazetteer.find_org(s.text) or self.gazetteer.find_venue(s.text) or self.topic_scheme.lookup(s.text)
                   for s in spans):
                continue
            for s in spans:
                self.cited_surnames.add(s.text)
                if not self._taken(s):
                    self._person_span(s, titled=False, source="cited-pair")

    def _has_full_form(self, surname: str) -> bool:
        folded = fold(surname)
        # (not a name the model reads as a person inside an organisation's: "Université Mohammed V de Rabat")
        inside_orgs = [s for s, i in self.spans if self.registry.records[i].kind == "organization"]
        return any(len(name_tokens(e.text)) > 1 and name_tokens(e.text)[-1] == folded
                   and not any(o.start <= e.start and e.end <= o.end for o in inside_orgs)
                   for e in self.doc.ents if e.label_ == "PERSON") or any(
            name_tokens(a)[-1:] == [folded] for r in self.references for a in r.authors)

    # -- references -----------------------------------------------------------------------
    def _reference_entities(self) -> None:
        for ref in self.references:
            for author in (*ref.authors, *ref.editors):
                if looks_like_name(author):
                    self.registry.add_person(author, source="reference")

    # -- applicant ------------------------------------------------------------------------
    def set_applicant(self, name: str | None) -> None:
        """Mark the people records that are the applicant (they become the Applicant node)."""
        self.applicant_name = name or None
        if not name:
            return
        full = name_tokens(name)
        for rec in self.registry:
            tokens = name_tokens(rec.label)
            # ("Ms Roe's central interest is …": a statement in the third person names its author by title and surname)
            if rec.kind == "person" and self.is_applicant_name(rec.label) and (
                len(tokens) > 1 or rec.label in self.cited_surnames or rec.index in self.titled):
                self.applicant_index.add(rec.index)
            elif rec.kind == "person" and 1 < len(tokens) < len(full) and full[-len(tokens):] == tokens:
                self.applicant_index.add(rec.index)  # "Kerstin Roe" of "Jane Kerstin Roe": a middle name used as given name
            elif rec.kind == "person" and cut_at_particle(rec.label, name):
                self.applicant_index.add(rec.index)  # "Rosario D. delos" of "Rosario Dimaculangan delos Reyes"
            elif rec.kind == "person" and len(tokens) > 1 and tokens[-1] == full[-1] and len(tokens[0]) >= 3 \
                    and full[0].startswith(tokens[0]):
                self.applicant_index.add(rec.index)  # "Temi Roe" signing for "Temitope Roe": a short form of the given name
            elif rec.kind == "person" and 1 < len(tokens) < len(full) and full[:len(tokens)] == tokens:
                self.applicant_index.add(rec.index)  # "Ana-Maria" of "Ana-Maria Roe": the given names alone
        # "Khoa Minh Tran (Trần Minh Khoa)": the name in another order or script, in brackets
        # right after the applicant's own name, is the applicant too.
        folded = set(name_tokens(name))
        for span, index in self.person_spans():
            if self.section(span) == "HEADER" and span.start > 0 and self.doc[span.start - 1].text == "(" \
                    and set(name_tokens(self.registry.records[index].label)) == folded:
                self.applicant_index.add(index)

    def is_applicant_name(self, author: str) -> bool:
        """Could ``author`` be the applicant, in the name's written order or given-name-first, or
        by the name the applicant says they publish under?"""
        name = self.applicant_name
        if not name:
            return False
        tokens = name_tokens(author)
        initials = bool(tokens) and is_initial(tokens[0])
        return any(compatible(author, form) for form in written_forms(name, initials=initials)) \
            or same_person_reordered(author, name) or any(compatible(author, pen) for pen in self._pen_names)

    @cached_property
    def _pen_names(self) -> tuple[str, ...]:
        """"I publish as Ada M. Quill": the name the applicant's papers give them."""
        return tuple(m.group(1) for m in _PUBLISHES_AS.finditer(self.text))

    # -- queries used by the relation rules -----------------------------------------------
    def is_citation(self, span: Span) -> bool:
        """A surname inside an author–year citation: '(Okonkwo et al., 2020)', 'Okonkwo et al. (2020)',
        or an author of a reference entry written as a line of the body."""
        if self.in_reference_line(span.start_char):
            return True
        sent = span.sent
        if re.match(r"\s+et\s+al\b", self.text[span.end_char:span.end_char + 8]):
            return True  # "as in Okonkwo et al." even where the sentence splitter cut at "al."
        return any(m.start() <= span.start_char - sent.start_char < m.end()
                   for m in (*CITATION.finditer(sent.text), *_NARRATIVE_CITATION.finditer(sent.text)))

    def is_student_like(self, span: Span, index: int) -> bool:
        """'his student Ms. X', 'Mr. Y': not someone who advises."""
        before = self.doc[max(0, span.start - 3):span.start]
        if any(t.lower_ in ("student", "students", "colleague", "peer", "classmate") for t in before):
            return True
        return bool(re.match(r"(?i)(?:mr|ms|mrs|miss)\b", span.text))
