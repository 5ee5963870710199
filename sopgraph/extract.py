"""The one place that reads spaCy Docs: a parsed statement → an :class:`Extraction`.

Mentions come from the gazetteer, token patterns, the statistical NER (filtered) and the
reference list; :mod:`sopgraph.relations` reads each mention's clause, and the relation finder
here decides how each relates to the applicant: its organisation rules live in
:mod:`sopgraph.organisation_relations`, its person rules in :mod:`sopgraph.person_relations`,
and the rules over several mentions (programmes, lists of faculty, the salutation, labs named
after people) here.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import applicant as applicant_finder, titles
from .gazetteer import Gazetteer
from .mentions import MentionCollector
from .model import APPLICANT, Applicant, CleanText, Document, Extraction, Fact
from .names import TITLE_BEFORE_NAME, compatible, fold, name_tokens, split_title
from .normalize import clean_text, nfc
from .organisation_relations import OrganisationRelations
from .papers import PaperFinder
from .person_relations import PersonRelations
from .pipeline.sentences import mark_list_items
from .posts import NAMED_LAB, learned_online
from .relations import analyse, apply_place, lemma, load_cues, third_person_paragraph, wishes_to_work_with_pronoun
from .sentence_cues import LINE_LABEL, OFFER_WORDS, admitted_before, anchor, heads_a_group, in_applied_field, names_a_status
from .topics import TopicScheme

MAX_TOPICS = 15
_GENERIC_DEGREES = frozenset({"PhD", "DPhil", "M.S.", "MSc", "MEng", "MBA", "MPhil", "MRes", "M.A.", "M.Tech.", "MFA",
                              "MPP", "MPA", "MPH", "Master's"})
# "Dear Dr. X," "Dear Associate Professor X," and "Dear Dr. X and members of the committee,": the person addressed
# ("Dear Sir or Madam" names nobody: a courtesy title counts only abbreviated)
_SALUTATION = re.compile(r"^\s*dear\s+((?:(?:" + titles.alternation("rank") + r")\s+)?(?:" + titles.alternation("academic", "professional") + "|"
                         + titles.alternation("courtesy", abbreviated=True) + r")\s+[^\n,:]+?)"
                         r"(?:\s+and\s+(?:the\s+)?(?:members|colleagues|committee|team)\b[^\n,:]*)?[,:]?\s*$", re.I | re.M)


class Extractor:
    """Runs the spaCy pipeline over documents and turns each Doc into an Extraction."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.gazetteer = Gazetteer.load()
        self.topics = TopicScheme.load()

    def extract_all(self, documents: Iterable[Document], batch_size: int = 8) -> Iterator[Extraction]:
        """Extract documents lazily, parsing them in batches with ``nlp.pipe``."""
        def cleaned() -> Iterator[tuple[Doc, tuple[Document, CleanText]]]:
            for document in documents:
                clean = clean_text(nfc(document.text))
                yield mark_list_items(self.nlp.make_doc(clean.text), clean.list_items), (document, clean)

        for doc, (document, clean) in self.nlp.pipe(cleaned(), as_tuples=True, batch_size=batch_size):
            yield self.extract_doc(document, clean, doc)

    def extract_doc(self, document: Document, clean: CleanText, doc: Doc) -> Extraction:
        """Build the Extraction of one parsed document."""
        collector = MentionCollector(doc, clean, self.gazetteer, self.topics)
        collector.collect_entities()
        name, source = applicant_finder.find_applicant(doc, collector.references, collector.org_texts())
        collector.set_applicant(name)
        email, homepage = applicant_finder.contact_details(doc)
        if email:
            collector.add_email_org(email)
        papers = PaperFinder(collector)
        facts = papers.reference_facts() + papers.body_paper_facts()
        facts += _RelationFinder(collector, name).run()
        facts += collector.topic_facts(MAX_TOPICS)
        mentions, facts = collector.finish(facts)
        facts = [_locate(fact, clean) for fact in facts]
        who = Applicant(name=name, email=email, homepage=homepage, source=source) if name else None
        return Extraction(document=document, applicant=who, mentions=mentions, facts=tuple(facts))


def _locate(fact: Fact, clean: CleanText) -> Fact:
    """Give a fact the offsets of its evidence sentence in the original file."""
    if fact.start >= 0 or not fact.evidence:
        return fact
    at = clean.text.find(fact.evidence)
    if at < 0:
        return fact
    start, end = clean.original_span(at, at + len(fact.evidence))
    return replace(fact, start=start, end=end)


_OFFER_WORDS = re.compile(rf"\b(?:{OFFER_WORDS})\b", re.I)
# What a wished-for step "is": "Joining X is my first choice / my goal".
_WISH_NOUNS = frozenset({"choice", "goal", "hope", "dream", "aim", "priority", "ambition", "plan"})


def _first_choice(ctx) -> bool:
    """"Joining the X group is my first choice": a gerund whose clause names it the applicant's wish."""
    return any(lemma(t) == "be" for t in ctx.path) and any(lemma(t) in _WISH_NOUNS for t in ctx.clause)


# Before a name that opens a line of a list: nothing, or a title ("Dr. ", "Prof. ").
_OPENS_LINE = re.compile(r"\s*" + TITLE_BEFORE_NAME + "?")
# "either of them", "them both": a pronoun for more than one person
_PLURAL_PRONOUN = re.compile(r"\b(?:(?:either|both|each|any|all)\s+of\s+them|them\s+both)\b", re.I)
# A line that introduces a list of faculty ("three faculty members draw me there:", "I hope to work with:").
_FACULTY_LIST_INTRO = re.compile(r"\b(?:faculty|professors|advis[eo]rs|supervisors|work(?:ing)? with|researchers)\b",
                                 re.I)


def _applying_later(span: Span, apply_cues: frozenset[str]) -> bool:
    """"… the skills I want to strengthen before applying to PhD programmes": a later application,
    not the one this letter makes."""
    return any(lemma(t) in apply_cues and t.dep_ == "pcomp" and t.head.lower_ in ("before", "after")
               for t in span.sent)


# A degree written after a name: "MBBCh", "Ph.D.", "MSc", "FRCS".
_POST_NOMINAL = re.compile(r"(?:[A-Z][A-Za-z]{0,4}\.?){1,4}")


class _RelationFinder(OrganisationRelations, PersonRelations):
    """Applies the relation rules to every organisation, person and programme mention.

    The rules for one organisation or one person come from the two mixins; the state they
    share (``c``, ``facts``, ``target_orgs``, ``applicant_tokens``, ``third_person``) is set here.
    """

    def __init__(self, collector: MentionCollector, applicant_name: str | None):
        self.c = collector
        self.applicant_tokens = frozenset(name_tokens(applicant_name or ""))
        counts = collector.word_counts
        first = sum(counts[w] for w in ("i", "my", "me"))
        third = sum(counts[w] for w in ("she", "he", "her", "his"))
        self._third_person_statement = third > first
        self._here: Span | None = None  # the mention a rule is reading (see ``third_person``)
        self.facts: list[Fact] = []
        self.target_orgs: dict[int, float] = {}
        self.target_units: set[int] = set()  # units applied to that gave their weight to their university

    @property
    def third_person(self) -> bool:
        """Is the statement, or the paragraph of the mention being read, written about the applicant?"""
        return self._third_person_statement or (self._here is not None and third_person_paragraph(self._here))

    def fact(self, subject: int, predicate: str, obj: int | str, confidence: float, rule: str, span: Span) -> None:
        if predicate == "studiedAt" and learned_online(span):
            return
        self.facts.append(Fact(subject, predicate, obj, round(confidence, 2), rule, span.sent.text.strip()))

    def run(self) -> list[Fact]:
        cues = load_cues()
        for span, index in self.c.org_spans():
            self._here = span
            self._organisation(span, index, cues)
        for span, index in self.c.person_spans():
            self._here = span
            self._person(span, index, cues)
        self._here = None
        self._coordinated_with()
        self._programs(cues)
        self._heads_of_named_labs()
        self._heads_of_wished_labs()
        self._pronoun_wishes()
        self._listed_faculty()
        self._salutation()
        self._targets()
        self._work_at_the_university()
        self._drop_work_at_schools()
        # Someone the applicant hopes to work with is not also a past mentor in the same letter.
        wanted = {f.object for f in self.facts if f.predicate == "prospectiveAdvisor"}
        self.facts = [f for f in self.facts if not (f.predicate == "mentoredBy" and f.object in wanted)]
        return self.facts

    def _advisors_named(self) -> set[int]:
        """The people the facts so far make a mentor or a prospective advisor."""
        return {f.object for f in self.facts if f.predicate in ("mentoredBy", "prospectiveAdvisor")}

    def _heads_of_named_labs(self) -> None:
        """"In the Quill lab I work on …": a lab the applicant works in, named after a person the
        statement names ("Dr. Ada Quill"), is headed by that person, a mentor."""
        named = self._advisors_named()
        for fact in [f for f in self.facts if f.predicate == "workedAt"]:
            found = NAMED_LAB.match(self.c.registry.records[fact.object].label)
            if not found:
                continue
            heads = self._people_named(found.group(1))
            if len(heads) == 1 and not heads & named:
                self.facts.append(Fact(APPLICANT, "mentoredBy", heads.pop(), 0.6, "named-lab", fact.evidence))

    def _people_named(self, surname: str) -> set[int]:
        """The people the statement names whose surname is ``surname`` ("Quill-Renn" too)."""
        words = fold(surname).split()
        return {i for _, i in self.c.person_spans() if name_tokens(self.c.registry.records[i].label)[-len(words):] == words}

    def _heads_of_wished_labs(self) -> None:
        """"I would love to join the Quill lab", "Joining the Quill group is my first choice": the
        person the wished lab is named after ("Professor Ada Quill") is a prospective advisor."""
        named = self._advisors_named()
        for span, index in self.c.org_spans():
            found = NAMED_LAB.match(self.c.registry.records[index].label)
            if not found or self.c.section(span) != "BODY":
                continue
            ctx = analyse(span, self.applicant_tokens, self.third_person)
            wished = (ctx.future and not ctx.long_term) or _first_choice(ctx)
            if not wished or ctx.negated or "join" not in ctx.path_lemmas:
                continue
            heads = self._people_named(found.group(1))
            if len(heads) == 1 and not heads & named:
                self.fact(APPLICANT, "prospectiveAdvisor", heads.pop(), 0.6, "wished-lab", span)

    def _listed_faculty(self) -> None:
        """"Three faculty members in particular draw me there:" followed by one line per person
        ("Dr. P, whose work on X …"): every person opening a line of that list is a prospective advisor."""
        text = self.c.text
        openers: dict[int, list[tuple[Span, int]]] = {}  # line start -> the people opening that line
        for span, index in self.c.person_spans():
            start, _ = self.c.line_bounds(span.start_char, span.end_char)
            if self.c.section(span) == "BODY" and _OPENS_LINE.fullmatch(text[start:span.start_char]):
                openers.setdefault(start, []).append((span, index))
        named = self._advisors_named()
        for start, people in openers.items():
            # up through blank lines and the list's other lines to the line that introduces the list
            line_start = start
            while line_start > 0:
                line_start, line_end = self.c.line_bounds(line_start - 1, line_start - 1)
                if text[line_start:line_end].strip() and line_start not in openers:
                    break
            introduction = text[line_start:line_end].strip() if line_start < start else ""
            if not (introduction.endswith(":") and _FACULTY_LIST_INTRO.search(introduction)):
                continue
            for span, index in people:
                if index not in named:
                    named.add(index)
                    self.facts.append(Fact(APPLICANT, "prospectiveAdvisor", index, 0.6, "faculty-list", span.sent.text))

    def _pronoun_wishes(self) -> None:
        """'… Dr. P's work on X. … I would love to learn from her.': a wish said with a pronoun
        goes to the one faculty member named in the sentence before, when that sentence names one."""
        named = self._advisors_named()
        people_by_sentence: dict[int, list[tuple[Span, int]]] = {}
        for span, index in self.c.person_spans():
            people_by_sentence.setdefault(span.sent.start, []).append((span, index))
        sents = list(self.c.doc.sents)

        def faculty_of(sent: Span) -> set[int]:
            return {i for s, i in people_by_sentence.get(sent.start, ())
                    if self.c.is_titled(i) and not self.c.is_student_like(s, i)}

        for k, sent in enumerate(sents):
            if k == 0 or sent.start in people_by_sentence:
                continue
            previous = sents[k - 1]
            faculty = faculty_of(previous)
            # "… Prof. P's work on X. Dr. Q's studies of Y … I would be happy to be supervised by either of
            # them": a plural pronoun goes to the faculty of the two sentences before
            plural = _PLURAL_PRONOUN.search(sent.text)
            if plural and k >= 2:
                faculty |= faculty_of(sents[k - 2])
            if ((len(faculty) == 1 and not faculty & named) or (plural and 2 <= len(faculty) <= 3 and faculty - named)) \
                    and wishes_to_work_with_pronoun(sent, self.applicant_tokens, self.third_person):
                for index in sorted(faculty - named):
                    self.facts.append(Fact(APPLICANT, "prospectiveAdvisor", index, 0.55, "pronoun-wish",
                                           f"{previous.text.strip()} {sent.text.strip()}"))

    @cached_property
    def _non_head_person_tokens(self) -> list[tuple[int, range]]:
        """``(index, token positions)`` of each person mention not named as the head of a group."""
        return [(i, range(s.start, s.end)) for s, i in self.c.person_spans() if not heads_a_group(s)]

    @cached_property
    def _addressee(self) -> tuple[int, list[tuple[Span, int]]]:
        """Where "Dear Dr. X," starts (-1: no salutation) and the mentions of X, in order."""
        match = _SALUTATION.search(self.c.text)
        if not match:
            return -1, []
        name, _ = split_title(match.group(1))
        return match.start(), [(span, index) for span, index in self.c.person_spans()
                               if compatible(self.c.registry.records[index].label, name)]

    def _post_nominal(self, span: Span) -> bool:
        """"Jane Roe, Ph.D.": a degree after the author's name is one they hold, not one applied to."""
        start, _ = self.c.line_bounds(span.start_char, span.end_char)
        before = self.c.text[start:span.start_char].rstrip()
        if not before.endswith(","):
            return False
        # "Jane Roe, MBBCh, MPH": other post-nominal degrees may stand between the name and this one
        name, *degrees = before.rstrip(",").split(",")
        # ("Candidate: Dr. Jane Roe, DVM, MSc": a label and a title before the name)
        name, _ = split_title(LINE_LABEL.sub("", name.strip(" *#")))
        return all(_POST_NOMINAL.fullmatch(d.strip()) for d in degrees) and self.c.is_applicant_name(name)

    def _salutation(self) -> None:
        """'Dear Dr. X,' opens a letter to the person the applicant hopes to work with."""
        _, people = self._addressee
        if people:
            span, index = people[0]
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.6, "letter-salutation", span)
            self.c.pending_affiliations.append(index)

    def _inside_other_person(self, span: Span, ctx) -> bool:
        """'Y (a student advised by Prof. X)', 'Prof. Y from Z University': the cue is
        about Y, not the applicant. Coordinated names ('X and Y') are not each other's."""
        own = self.c.index_of(span)
        # "the lab of Dr. P at Y": P heads the lab the applicant was in; Y is still the applicant's.
        others = {t for i, tokens in self._non_head_person_tokens for t in tokens if i != own}
        tok = anchor(span)
        coordinated = set()
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
            coordinated.add(tok.i)
        return any(t.i in others and t.i not in coordinated for t in ctx.path)

    # -- programmes -----------------------------------------------------------------------
    def _offered_elsewhere(self, span: Span) -> bool:
        """"Other offers: MSc Geology, Widget School of Mines (2024) -- declined": a header line of offers."""
        start, end = self.c.line_bounds(span.start_char, span.end_char)
        return bool(_OFFER_WORDS.search(self.c.text, start, end))

    def _programs(self, cues) -> None:
        header, applied, pursued = [], [], []
        for span, index in self.c.program_spans():
            section = self.c.section(span)
            if section == "REFERENCES":
                continue
            if section == "HEADER":
                if not (names_a_status(span) or self._post_nominal(span) or self._opens_with_a_date(span)
                        or self._offered_elsewhere(span)):
                    header.append((span, index))
                continue
            ctx = analyse(span, self.applicant_tokens, self.third_person)
            if ctx.negated or ctx.long_term:
                continue
            if admitted_before(span, ctx.lemmas, cues["apply"]) or _applying_later(span, cues["apply"]):
                continue
            if ctx.lemmas & cues["apply"] or apply_place(span) or in_applied_field(span) \
                    or (ctx.lemmas & {"provide", "offer"} and ctx.future is False and "can" in ctx.lemmas):
                applied.append((span, index))
            elif ctx.future and ctx.lemmas & cues["pursue"]:
                pursued.append((span, index))
        chosen = header or applied or pursued
        rule = "header" if header else ("apply-cue" if applied else "pursue-cue")
        labels = {index: self.c.registry.records[index].label for _, index in chosen}
        if any(label not in _GENERIC_DEGREES for label in labels.values()):
            # "the PhD program" next to "Ph.D. in Linguistics" is the same programme, named less fully.
            chosen = [(span, index) for span, index in chosen if labels[index] not in _GENERIC_DEGREES]
        seen = set()
        for span, index in chosen:
            if index not in seen:
                seen.add(index)
                self.fact(APPLICANT, "appliesToProgram", index, 0.8 if header else 0.6, rule, span)

