"""The one place that reads spaCy Docs: a parsed statement → an :class:`Extraction`.

Mentions come from the gazetteer, token patterns, the statistical NER (filtered) and the
reference list; :mod:`sopgraph.relations` decides how each relates to the applicant.
"""
from __future__ import annotations

import re
from itertools import islice
from dataclasses import replace
from functools import cached_property
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import applicant as applicant_finder
from .gazetteer import Gazetteer
from .mentions import APPLICATION_WORDS, MentionCollector
from .model import APPLICANT, Applicant, CleanText, Document, Extraction, Fact
from .names import TITLE_BEFORE_NAME, compatible, fold, name_tokens, split_title
from .normalize import clean_text, nfc
from .papers import PaperFinder
from .posts import (NAMED_LAB, as_a_student, funds_a_post_elsewhere, in_my_time_as, joined_as, learned_online,
                    membership_only, post_held_at, taken_on_by, works_there_too)
from .relations import (FIRST_PERSON, analyse, apply_place, denies_working_with_pronoun, did_not_go, lemma, load_cues,
                        sentence_has, wishes_to_work_with_pronoun)
from .sentence_cues import (
    AS_MY_ROLE,
    BECAME_MY_ROLE,
    CLUB,
    DEGREES,
    DOTTED_DEGREES,
    EARNED,
    FINISH,
    FUNDING,
    GROUP_NOUNS,
    HEADER_JOB,
    INTERNSHIP,
    LEADING,
    MY_SUPERVISOR,
    MY_WORK,
    ONGOING,
    OUTPUT_NOUNS,
    SPLIT_DEGREE,
    STUDY_WORDS,
    TEACHING,
    THEIR_SUPERVISOR,
    THESIS,
    UNDER_GUIDANCE,
    UNDER_THE_GUIDANCE,
    VISITING,
    VISITING_HOLDERS,
    WORKED_LEMMAS,
    addressee_org,
    anchor,
    degree_at,
    denied_next,
    heads_a_group,
    in_applied_field,
    modifies_a_thing,
    never_there,
    participle_agent_of,
    where_i_did,
)
from .span_edges import TITLE_WORDS
from .topics import TopicScheme
from .typed_names import JOB_NOUNS

MAX_TOPICS = 15
_GENERIC_DEGREES = frozenset({"PhD", "DPhil", "M.S.", "MSc", "MEng", "MBA", "MPhil", "MRes", "M.A.", "M.Tech.", "MFA",
                              "MPP", "MPA", "MPH", "Master's"})
_SALUTATION = re.compile(r"^\s*dear\s+((?:prof(?:essor)?\.?|dr\.?|mr\.?|ms\.?|mrs\.?)\s+[^\n,:]+)[,:]?\s*$", re.I | re.M)


_SECONDED = frozenset({"seconded", "secondment"})
_PLACED = frozenset({"posted", "deployed", "attached", "assigned"})
# Titles that may stand before a group head's name, outside the person's span.
_HEAD_TITLES = TITLE_WORDS | {"professor"}


class Extractor:
    """Runs the spaCy pipeline over documents and turns each Doc into an Extraction."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.gazetteer = Gazetteer.load()
        self.topics = TopicScheme.load()

    def extract_all(self, documents: Iterable[Document], batch_size: int = 8) -> Iterator[Extraction]:
        """Extract documents lazily, parsing them in batches with ``nlp.pipe``."""
        def cleaned() -> Iterator[tuple[str, tuple[Document, CleanText]]]:
            for document in documents:
                clean = clean_text(nfc(document.text))
                yield clean.text, (document, clean)

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


# "P, who supervised my thesis", "P, who advised me": a relative clause naming the role.
_GUIDED = frozenset({"supervise", "advise", "mentor", "guide", "host", "co-supervise", "cosupervise"})
# A short course attended at a place, not study there: "a two-week summer school at X".
_SHORT_SCHOOL = re.compile(r"\b(?:summer|winter|spring|autumn)\s+(?:school|course|institute)\b", re.I)
# "I taught the exercise classes at X": the applicant's teaching, a post at X.
_TEACH = frozenset({"teach", "lecture", "tutor"})
# "P taught me X", "P trained me", "P showed me how …", "P introduced me to …": one who guided the applicant.
_TAUGHT_ME = frozenset({"teach", "train", "show", "introduce", "guide", "mentor", "supervise", "coach"})


_ADMITTED = frozenset({"admit", "admission"})
# "… published by X", "a dataset released by X": what an organisation made, not where one worked.
_MADE_BY = frozenset({"publish", "release", "produce", "develop", "make", "create", "write", "issue", "provide",
                      "maintain", "distribute", "fund", "sponsor", "organize", "organise", "host", "run"})


def _passive(sent: Span, lemma: str, dep: str, words: tuple[str, ...]) -> bool:
    """Does ``sent`` hold ``lemma`` as a passive participle with a ``dep`` child among ``words``?"""
    return any((t.lemma_ or "").lower() == lemma and t.tag_ == "VBN"
               and any(c.dep_ == dep and c.lower_ in words for c in t.children) for t in sent)


def _admitted_before(span: Span) -> bool:
    """"I was admitted last year to the MSc at X": an earlier admission, not the application being made."""
    return _passive(span.sent, "admit", "auxpass", ("was", "were"))


# What a wished-for step "is": "Joining X is my first choice / my goal".
_WISH_NOUNS = frozenset({"choice", "goal", "hope", "dream", "aim", "priority", "ambition", "plan"})


def _first_choice(ctx) -> bool:
    """"Joining the X group is my first choice": a gerund whose clause names it the applicant's wish."""
    return any(lemma(t) == "be" for t in ctx.path) and any(lemma(t) in _WISH_NOUNS for t in ctx.clause)


def _research_assistant_to(span: Span) -> bool:
    """"a research assistant for/to Professor P", "an RA for Dr. P": P is the one assisted."""
    root = anchor(span)
    if root.dep_ != "pobj" or root.head.lower_ not in ("for", "to", "of"):
        return False
    post = root.head.head
    return post.lower_ in ("ra", "assistant", "assistantship") and (
        post.lower_ == "ra" or any(c.lower_ == "research" for c in post.children))


def _offering_what_i_apply_for(ctx, cues) -> bool:
    """"I apply for the fellowship advertised by the department at X": X offers what is applied
    for (the parse closes the clause at the participle, before the verb of applying)."""
    if not ctx.path or ctx.path[-1].dep_ != "acl" or ctx.path[-1].tag_ != "VBN":
        return False
    governor = ctx.path[-1].head.head
    if governor.dep_ == "prep":
        governor = governor.head
    return lemma(governor) in cues["apply"]


def _offered_only(span: Span) -> bool:
    """"I was offered an internship at X" (without "accepted"): an offer, which the text may go on to decline."""
    sent = span.sent
    return _passive(sent, "offer", "nsubjpass", ("i", "we", "she", "he")) and not any(
        (t.lemma_ or "").lower() in ("accept", "take", "join", "start", "begin") for t in sent)


def _names_a_status(span: Span) -> bool:
    """"Ph.D. Candidate", "MSc student": who the author is, not a programme applied to."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and following.lower_ in ("candidate", "student", "researcher", "holder")


# What a person leads that an applicant may join ("a paper" of theirs is only read).
_JOINABLE_WORK = frozenset({"work", "research", "project", "lab", "group", "scholarship", "programme", "program"})


# What may follow a university on its header line: one of its units ("Widget Institute of Pharmacy").
_UNIT_LINE = re.compile(r"(?:[\w'’&-]+\s+){0,4}(?:school|institute|department|faculty|college|centre|center|division)"
                        r"(?:\s+(?:of|for)\s+[\w'’&,\s-]+)?", re.I)


# Words of a sentence telling the applicant's own work in a group: "I worked", "an intern", "a member
# of P's group", "my research was carried out".
_WORKED_IN = WORKED_LEMMAS | JOB_NOUNS | {"member", "carry"}

# Rules that read a post held at a university, kept where the applicant also studied.
_POST_RULES = frozenset({"works-there-too", "header-job-title"})

# The first line of a letter's recipient block when no person is named.
_COMMITTEE_LINE = re.compile(r"(?:the\s+)?(?:(?:faculty\s+)?(?:hiring|search|selection|admissions?|recruitment|graduate admissions)"
                             r"\s+(?:committee|panel|team|office)|graduate admissions|admissions office)\s*,?$", re.I)


def _owns_work(span: Span) -> bool:
    """"Prof. P's work on X", "Dr. P's project": the person is the possessor of work one may join."""
    root = anchor(span)
    return root.dep_ == "poss" and lemma(root.head) in _JOINABLE_WORK


# Before a name that opens a line of a list: nothing, or a title ("Dr. ", "Prof. ").
_OPENS_LINE = re.compile(r"\s*" + TITLE_BEFORE_NAME + "?")
# A line that introduces a list of faculty ("three faculty members draw me there:", "I hope to work with:").
_FACULTY_LIST_INTRO = re.compile(r"\b(?:faculty|professors|advis[eo]rs|supervisors|work(?:ing)? with|researchers)\b",
                                 re.I)


def _funding_named(span: Span, ctx) -> bool:
    """Does the sentence speak of funding outside what it says X itself does ("X, an NGO supporting
    community health, …" describes X)?"""
    described = {t.i for c in span.root.children if c.dep_ in ("appos", "acl", "relcl") for t in c.subtree}
    return any(lemma(t) in FUNDING for t in (*ctx.clause, *ctx.path) if t.i not in described)


def _someone_elses_work(tok: Token) -> bool:
    """"the work of the X Unit", "her work": the noun names another's work, not the applicant's working."""
    if tok.pos_ != "NOUN" or lemma(tok) not in OUTPUT_NOUNS:
        return False  # "a member of X" is a place in X, not X's work
    # "my master's research" is still the applicant's: only a person or a pronoun owns the work
    return any((c.dep_ == "prep" and c.lower_ == "of")
               or (c.dep_ == "poss" and c.lower_ not in FIRST_PERSON and c.pos_ in ("PRON", "PROPN"))
               for c in tok.children)


class _RelationFinder:
    """Applies the relation rules to every organisation, person and programme mention."""

    def __init__(self, collector: MentionCollector, applicant_name: str | None):
        self.c = collector
        self.applicant_tokens = frozenset(name_tokens(applicant_name or ""))
        counts = collector.word_counts
        first = sum(counts[w] for w in ("i", "my", "me"))
        third = sum(counts[w] for w in ("she", "he", "her", "his"))
        self.third_person = third > first
        self.facts: list[Fact] = []
        self.target_orgs: dict[int, float] = {}

    def fact(self, subject: int, predicate: str, obj: int | str, confidence: float, rule: str, span: Span) -> None:
        if predicate == "studiedAt" and learned_online(span):
            return
        self.facts.append(Fact(subject, predicate, obj, round(confidence, 2), rule, span.sent.text.strip()))

    def run(self) -> list[Fact]:
        cues = load_cues()
        for span, index in self.c.org_spans():
            self._organisation(span, index, cues)
        for span, index in self.c.person_spans():
            self._person(span, index, cues)
        self._programs(cues)
        self._heads_of_named_labs()
        self._heads_of_wished_labs()
        self._pronoun_wishes()
        self._listed_faculty()
        self._salutation()
        self._targets()
        self._drop_work_at_schools()
        # Someone the applicant hopes to work with is not also a past mentor in the same letter.
        wanted = {f.object for f in self.facts if f.predicate == "prospectiveAdvisor"}
        self.facts = [f for f in self.facts if not (f.predicate == "mentoredBy" and f.object in wanted)]
        return self.facts

    def _denied_after(self, span: Span) -> bool:
        """Does one of the next two sentences, naming nobody new, say the work with them never happened?"""
        named = {s.sent.start for s, _ in self.c.person_spans()}
        doc = self.c.doc
        for sent in islice(doc[span.sent.end:].sents, 2) if span.sent.end < len(doc) else ():
            if sent.start in named:
                return False
            if denies_working_with_pronoun(sent, self.applicant_tokens, self.third_person):
                return True
        return False

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
        before = None
        for sent in self.c.doc.sents:
            previous, before = before, sent
            if previous is None or sent.start in people_by_sentence:
                continue
            faculty = {i for s, i in people_by_sentence.get(previous.start, ())
                       if self.c.is_titled(i) and not self.c.is_student_like(s, i)}
            if len(faculty) == 1 and not faculty & named \
                    and wishes_to_work_with_pronoun(sent, self.applicant_tokens, self.third_person):
                self.facts.append(Fact(APPLICANT, "prospectiveAdvisor", faculty.pop(), 0.55, "pronoun-wish",
                                       f"{previous.text.strip()} {sent.text.strip()}"))

    def _drop_work_at_schools(self) -> None:
        """Research done where one studies, or at the place applied to, is not employment (a post
        held there is: "… and now work there as a postdoctoral researcher")."""
        not_work = {f.object for f in self.facts if f.predicate == "studiedAt"} | set(self.target_orgs)
        self.facts = [f for f in self.facts if not (f.predicate == "workedAt" and f.object in not_work
                                                    and self.c.is_university(f.object) and f.rule not in _POST_RULES)
                      and not (f.predicate == "workedAt" and f.object in self.target_orgs)]

    @cached_property
    def _person_tokens(self) -> frozenset[int]:
        """Indices of every token inside a person mention."""
        return frozenset(t.i for s, _ in self.c.person_spans() for t in s)

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

    def _in_recipient_block(self, span: Span) -> bool:
        """Is ``span`` on one of the few lines after the person a letter is addressed to ("Dear Dr. X"),
        or after the committee it is addressed to ("Hiring Committee", then the organisation)?"""
        block = self.c.text[max(0, span.start_char - 200):span.start_char].split("\n\n")[-1]
        if any(_COMMITTEE_LINE.match(line.strip()) for line in block.split("\n")[-4:]):
            return True
        start, people = self._addressee
        if start < 0 or span.start_char > start:
            return False
        for person, _ in people:
            if person.end_char <= span.start_char:
                between = self.c.text[person.end_char:span.start_char]
                return between.count("\n") <= 3 and "\n\n" not in between
        return False

    def _post_nominal(self, span: Span) -> bool:
        """"Jane Roe, Ph.D.": a degree after the author's name is one they hold, not one applied to."""
        start, _ = self.c.line_bounds(span.start_char, span.end_char)
        before = self.c.text[start:span.start_char].rstrip()
        return before.endswith(",") and self.c.is_applicant_name(before.rstrip(",").strip(" *#"))

    def _cv_entry(self, span: Span) -> str | None:
        """"Acme, Bengaluru - Data Scientist II (Jul 2021 - present)", "Working student, Acme,
        Cologne, 2024.": a résumé-style entry — a line opening with a post or a workplace, with
        its dates and no clause of its own — or such a head followed by "I worked …": "work".
        "Exchange student, X University, Sendai (2021–2022)": a stay as a student, "study"."""
        doc, text = self.c.doc, self.c.text
        start, end = self.c.line_bounds(span.start_char, span.end_char)
        stop = text.find(". ", span.end_char, end)
        head_end = end if stop < 0 else stop + 1
        if span.start_char - start > 90 or head_end - start > 260:
            return None
        head = doc.char_span(start, head_end, alignment_mode="expand")
        if head is None or any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                               for t in head):
            return None
        if not any(t.ent_type_ == "DATE" or re.fullmatch(r"(?:19|20)\d{2}(?:[–-](?:19|20)?\d{2})?", t.text) for t in head):
            return None
        if any((t.lemma_ or t.lower_).lower() in JOB_NOUNS for t in head) or re.search(r"\bworking student\b", head.text, re.I):
            return "work"
        if re.match(r"\W*(?:\d+\W+)?(?:\w+\s+){0,2}(?:exchange|visiting)\s+(?:\w+\s+)?student\b", head.text, re.I):
            return "study"
        if head_end < end:
            worked = re.match(r"\s*I\s+(?:worked|interned|was|built|led|developed)\b", text[head_end:end])
        else:  # a heading line: the paragraph under it says how the applicant was there
            worked = re.match(r"\s*I\s+(?:worked|interned|joined)\b", text[end:end + 100])
        return "work" if worked else None

    def _salutation(self) -> None:
        """'Dear Dr. X,' opens a letter to the person the applicant hopes to work with."""
        _, people = self._addressee
        if people:
            span, index = people[0]
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.6, "letter-salutation", span)
            self.c.pending_affiliations.append(index)

    # -- organisations --------------------------------------------------------------------
    def _organisation(self, span: Span, index: int, cues) -> None:
        section = self.c.section(span)
        if section == "REFERENCES":
            return
        ctx = analyse(span, self.applicant_tokens, self.third_person)
        if ctx.negated or ctx.counterfactual or never_there(span.sent) or denied_next(span.sent) \
                or did_not_go(ctx):
            return
        if in_applied_field(span) or ((apply_place(span) or addressee_org(span)) and section == "BODY"):
            # "X's faculty make it the ideal place for me", "your group at X": X is the target.
            self.target_orgs[index] = self.target_orgs.get(index, 0) + 1.0
            return
        if span.start > 0 and self.c.doc[span.start - 1].text == "(" and any(
                s.end == span.start - 1 for s, _ in self.c.person_spans()):
            return  # "Dr. M (Y University)": the person's affiliation, not a place of the applicant's
        where = where_i_did(span)
        if where is not None and section == "BODY" and not ctx.future and not ctx.subject_is_applicant:
            # "… took me to X, where I completed my BSc": when the main clause is not the applicant's,
            # the clause about X says what the applicant did there.
            studied_there = where & (DEGREES | STUDY_WORDS | {"study", "graduate", "enrol", "enroll"})
            if studied_there and self.c.is_university(index):
                self.fact(APPLICANT, "studiedAt", index, 0.7, "where-i-studied", span)
                return
            if where & (JOB_NOUNS | {"work", "employ"}) and not studied_there:
                self.fact(APPLICANT, "workedAt", index, 0.6, "where-i-worked", span)
                return
        entry = self._cv_entry(span) if section == "BODY" and not ctx.future else None
        if entry == "study" and self.c.is_university(index):
            self.fact(APPLICANT, "studiedAt", index, 0.6, "cv-entry", span)
            return
        if entry == "work":
            # before the subject test: the parser often makes a résumé line the subject of the next line's verb
            self.fact(APPLICANT, "workedAt", index, 0.6, "cv-entry", span)
            return
        if section == "BODY" and not ctx.future and in_my_time_as(span) and post_held_at(span):
            # "During my second year as a clinical pharmacist at X, a patient …": the post is the applicant's
            # whoever the sentence's subject is
            self.fact(APPLICANT, "workedAt", index, 0.7, "post-at", span)
            return
        if section == "BODY" and as_a_student(span):
            if self.c.is_university(index):
                self.fact(APPLICANT, "studiedAt", index, 0.7, "student-opening", span)
            return
        if ctx.subject_other:
            return
        lemmas = ctx.lemmas
        subtype = self.c.subtype(index)
        if section == "HEADER" and self._in_recipient_block(span):
            # The addressee's block of a letter (name, group, university): where one applies.
            self.target_orgs[index] = self.target_orgs.get(index, 0) + 1.0
            return
        if section == "HEADER":
            # The text line, not the parser's sentence: "Name · MSc X · University Y" is one line
            # the parser may cut at a separator.
            text = self.c.text
            start, end = self.c.line_bounds(span.start_char, span.end_char)
            # "PhD in Computer Science, University of X" under the name: the programme and its host.
            with_programme = any(start <= s.start_char and s.end_char <= end for s, _ in self.c.program_spans())
            line = re.sub(r"\s*\([^()]*\)\s*$", "", text[start:end]).strip(" \t,.;")
            # the line may go on to name a unit of it ("University Y, Widget Institute of Pharmacy")
            rest = line.replace(span.text, "", 1).strip(" \t,;–-") if line.startswith(span.text) else line
            if not with_programme and (line == span.text or _UNIT_LINE.fullmatch(rest)):
                # "Program: MSc X" and, on the next line alone, "University Y (UY)": the host
                above = text.rfind("\n", 0, max(start - 1, 0)) + 1
                with_programme = any(above <= s.start_char and s.end_char < start and not _names_a_status(s)
                                     and not self._post_nominal(s) for s, _ in self.c.program_spans())
            if with_programme or APPLICATION_WORDS.search(text, start, end):
                self.target_orgs[index] = self.target_orgs.get(index, 0) + 1.0
            elif HEADER_JOB.search(text, start, span.start_char):
                # "Jane Roe — Postdoctoral Researcher, University of X": the author's current post
                self.fact(APPLICANT, "workedAt", index, 0.6, "header-job-title", span)
            return
        # "I returned to X in 2019 to finish my B.S.": the purpose clause, told in the past, is done.
        past_purpose = span.sent.root.tag_ == "VBD" and ctx.subject_is_applicant and any(
            (t.lemma_ or t.lower_).lower() in FINISH and t.dep_ in ("xcomp", "advcl") for t in span.sent)
        if (ctx.future and lemmas & FINISH or past_purpose) and self._sentence_studies(span) \
                and (self.c.is_university(index) or lemmas & THESIS):
            # "I will complete my M.Sc. at X in May": a degree under way, not a destination.
            self.fact(APPLICANT, "studiedAt", index, 0.7, "finishing-degree", span)
            return
        if _admitted_before(span) and not lemmas & (cues["apply"] - _ADMITTED):
            return  # "I was admitted last year to the MSc at X": neither the target nor a place of study
        applying = bool(lemmas & cues["apply"]) or apply_place(span) or (
            ctx.future and not ctx.long_term and bool(lemmas & cues["apply_future"])) or _offering_what_i_apply_for(ctx, cues)
        fronted_at = ctx.preposition == "at" and span.start - span.sent.start <= 2 and sentence_has(span, "future")
        applying = applying or fronted_at
        if lemmas & FUNDING and ctx.preposition != "at" and _funding_named(span, ctx):
            return  # "apply for funding from X": X is a funder ("a fellowship for an internship at Y": Y is not)
        if not applying and ctx.future and ctx.path_lemmas & INTERNSHIP:
            return  # "I would like to do an internship at X during the programme": a plan, not the target
        if applying or (ctx.future and not ctx.long_term and (lemmas & cues["pursue"] or ctx.preposition == "at")):
            if not (lemmas & {"after", "eventually"}):
                weight = 1.0 if applying else 0.6
                self.target_orgs[index] = self.target_orgs.get(index, 0) + weight
            return
        if ctx.future:
            return
        if self.c.is_host_of_preceding_group(span) or self._inside_other_person(span, ctx) \
                or self._someone_elses_work(span, ctx):
            return  # "X Lab, Y University" / "Prof. P from Y University": Y is not the applicant's
        # "I did my housemanship at X": the parse hangs "at X" on the verb whose object is the internship
        did_internship = ctx.preposition == "at" and ctx.subject_is_applicant and bool(ctx.lemmas & INTERNSHIP)
        if _offered_only(span):
            return
        if funds_a_post_elsewhere(span):
            return  # "the Department of Widgets' internship at Y": the work is at Y
        if ctx.path_lemmas & INTERNSHIP or did_internship or self._visiting_post(ctx):
            # "a research internship at X", "a visiting student at X" (X a university or not): a job, not a degree.
            self.fact(APPLICANT, "workedAt", index, 0.7, "internship-at", span)
            return
        if taken_on_by(span) and ctx.subject_is_applicant:
            # "I was engaged by X as a field enumerator", "I was recruited by X": X took the applicant on
            self.fact(APPLICANT, "workedAt", index, 0.7, "taken-on-by", span)
            return
        if (post_held_at(span) or joined_as(span)) and not ctx.path_lemmas & cues["not_employer"]:
            # "As a postdoc at X, I have been studying …": the post held at X, whatever the main verb says.
            self.fact(APPLICANT, "workedAt", index, 0.7, "post-at", span)
            return
        if ctx.subject_is_applicant and any(lemma(t) in _TEACH and t.pos_ == "VERB" for t in ctx.path) \
                and not {t.lower_ for t in ctx.clause} & {"me", "us"} and any(t.lower_ == "at" for t in ctx.path):
            # "I taught the exercise classes of a course at X": teaching at X is a post there
            # (only "at X": what is taught, "Optimal Control for Widgets", may read like a name too)
            self.fact(APPLICANT, "workedAt", index, 0.6, "taught-at", span)
            return
        studied = bool(lemmas & cues["study"]) and subtype in (None, "University") and ctx.preposition in (None, "at", "from", "of", "in")
        if studied and _SHORT_SCHOOL.search(span.sent.text):
            return  # "a two-week summer school at X": a course attended there, not a place of study
        if studied and self.c.is_university(index):
            self.fact(APPLICANT, "studiedAt", index, 0.8, "study-cue", span)
            if works_there_too(span):
                # "I completed my PhD at X in 2023 and currently work there as a postdoctoral researcher"
                self.fact(APPLICANT, "workedAt", index, 0.6, "works-there-too", span)
            return
        if self.c.is_university(index) and ctx.subject_is_applicant and not lemmas & cues["work"] and (
                (ctx.preposition == "to" and "transfer" in ctx.path_lemmas)
                or (ctx.preposition == "at" and ctx.path_lemmas & {"start", "begin"})):
            # "I transferred to X", "I started at X in 2019": how a student moves between universities
            self.fact(APPLICANT, "studiedAt", index, 0.6, "transferred-or-started", span)
            return
        if studied and subtype is None and ctx.subject_is_applicant and lemmas & DEGREES and lemmas & EARNED:
            # "I completed my PhD at the X Institute": a degree earned at an institute that is not a university.
            self.fact(APPLICANT, "studiedAt", index, 0.7, "degree-at-institute", span)
            return
        if self.c.is_university(index) and ctx.preposition in ("from", "at") and ctx.subject_is_applicant \
                and self._sentence_studies(span) and not (lemmas & cues["work"]):
            # The parse attached "from X" elsewhere, but the sentence is about a degree.
            self.fact(APPLICANT, "studiedAt", index, 0.5, "study-sentence", span)
            return
        if self.c.is_university(index) and degree_at(span):
            # "For my M.Sc. in Ecology at X, … I worked under …": the degree places the study.
            self.fact(APPLICANT, "studiedAt", index, 0.6, "degree-at", span)
            return
        made = participle_agent_of(span)
        if made is not None and (made.lemma_ or "").lower() in _MADE_BY:
            return  # "the training material published by X", "a dataset released by X": X made it, nobody worked there
        if ctx.path_lemmas & cues["not_employer"]:
            # "worked with clients such as X", "collaborate with engineers at X", "presented at X":
            # X is not an employer.
            return
        if modifies_a_thing(span):
            return  # "the X leaderboard", "an X scholarship": X names whose thing it is, not a workplace
        if self._a_club_or_its_host(span, index):
            return  # "Lead of the X Student Club at Y": a student activity, not employment
        if membership_only(self.c.registry.records[index].label, ctx.path_lemmas):
            return  # "a student member of the X Society"
        seconded = ctx.preposition == "to" and bool(ctx.path_lemmas & _SECONDED)  # "seconded to X" for a while
        if ctx.preposition == "to" and ctx.subject_is_applicant and any(
                t.lower_ in _PLACED and any(c.dep_ == "auxpass" for c in t.children) for t in ctx.path):
            # "I was posted to X": a civil or national service placement is work at X
            self.fact(APPLICANT, "workedAt", index, 0.7, "posted-to", span)
            return
        # The name's own words are no cue: "I admire the X Group" says nothing of working there.
        outside = [t for t in (*ctx.clause, *ctx.path) if not span.start <= t.i < span.end]
        work_cued = any((lemma(t) in cues["work"] or t.lower_ in cues["work"]) and not _someone_elses_work(t)
                        for t in outside)
        if work_cued and (ctx.preposition in (None, "at", "in", "with", "for", "of", "by", "under") or seconded):
            # "Our programme worked closely with X": a partner of something else, not the applicant's employer
            if ctx.subject_is_applicant or (ctx.preposition in ("at", "with", "for") and not ctx.subject_other):
                self.fact(APPLICANT, "workedAt", index, 0.7, "work-cue", span)
        elif ctx.subject_is_applicant and ctx.preposition == "at" and any((t.lemma_ or t.lower_).lower() in JOB_NOUNS for t in span.sent):
            # "I later moved to a consultant role at X": the parse hangs "at X" on the verb, not the role.
            self.fact(APPLICANT, "workedAt", index, 0.6, "job-at", span)
        elif ctx.subject_is_applicant and ctx.preposition == "in" and ctx.path_lemmas & JOB_NOUNS:
            # "I have been an undergraduate researcher in the X Lab": the post is held in X.
            self.fact(APPLICANT, "workedAt", index, 0.6, "job-in", span)
        elif ctx.subject_is_applicant and ctx.preposition in ("at", "in") and subtype == "ResearchGroup" \
                and lemmas & THESIS:
            # "I defended my thesis at the X Laboratory": a doctoral student works in the lab
            self.fact(APPLICANT, "workedAt", index, 0.6, "thesis-in-lab", span)
        elif ctx.subject_is_applicant and ctx.preposition == "in" and lemma(span[-1]) in GROUP_NOUNS:
            # "I started an M.Sc. at Y, in the X Group of Prof. P": a member of a research group works in it.
            self.fact(APPLICANT, "workedAt", index, 0.6, "in-group", span)

    @staticmethod
    def _visiting_post(ctx) -> bool:
        """'I was a visiting student at X', 'a guest researcher at X': a research stay, not enrolment."""
        return any(t.lemma_.lower() in VISITING_HOLDERS and any(c.lower_ in VISITING for c in t.children)
                   for t in ctx.path)

    # -- people ---------------------------------------------------------------------------
    def _person(self, span: Span, index: int, cues) -> None:
        if self.c.section(span) in ("REFERENCES", "HEADER", "SIGNATURE") or self.c.is_applicant(index) \
                or index in self.c.discussed_authors:
            return
        ctx = analyse(span, self.applicant_tokens, self.third_person)
        if ctx.negated or ctx.counterfactual or self.c.is_citation(span) or _offered_only(span):
            return
        before = self.c.text[span.sent.start_char:span.start_char]
        if MY_SUPERVISOR.search(before) or (self.third_person and THEIR_SUPERVISOR.search(before)) \
                or BECAME_MY_ROLE.match(self.c.text, span.end_char, span.sent.end_char):
            # "my internship supervisor at X, Thomas Girard", "my advisors, P, Q and R": the names that
            # follow the role, however the parser joined them
            self.fact(APPLICANT, "mentoredBy", index, 0.7, "my-supervisor-named", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if self._inside_other_person(span, ctx):
            return
        titled = self.c.is_titled(index)
        faculty = titled and not self.c.is_student_like(span, index)
        lemmas = ctx.lemmas
        leader_of = self._leader_of(span)
        if leader_of is None:
            leader_of = self._named_leader_of(span)
        if leader_of is not None:
            # "the X Laboratory led by Prof. P", joined by the applicant, or "my team, led by Dr. P":
            # P ran the applicant's group, a mentor; "our study, led by Dr. P": a collaborator's
            # role in shared work, no relation.
            if any(f.predicate == "workedAt" and f.object == leader_of for f in self.facts) or self._led_own_group(span):
                self.fact(APPLICANT, "mentoredBy", index, 0.65, "lab-led-by", span)
            return
        if lemmas & ONGOING:
            return  # "continue my collaboration with Dr. P": an existing collaborator, not a wish
        taught = participle_agent_of(span)
        if taught is not None and (taught.lemma_ or "").lower() in TEACHING:
            return  # "a seminar taught by Professor P": P's course, neither a wish nor an advisor
        if self._advises_someone_else(span, cues):
            return  # "Y (a PhD student at X, advised by Professor P)": P is Y's advisor
        if self._advised_own_work(span, cues):
            # "My honors thesis, advised by Prof. P, asked whether … could …": the advising is
            # done; a modal later in the sentence belongs to the thesis question.
            self.fact(APPLICANT, "mentoredBy", index, 0.75, "advised-own-work", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if not ctx.future and AS_MY_ROLE.match(self.c.text, span.end_char, span.sent.end_char):
            # "… under Prof. R, with Dr. M (Y University) as co-advisor"
            self.fact(APPLICANT, "mentoredBy", index, 0.7, "as-my-advisor", span)
            self._affiliate_to_sentence_org(span, index)
            return
        guided = self._guided_me(span)
        if not ctx.future and guided:
            # "Pieter Quill, who supervised my work there, …": the relative clause names the role
            self.fact(APPLICANT, "mentoredBy", index, 0.65, "who-supervised-me", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if guided is False:
            return  # "Prof. P, who supervises many students": P's role towards others
        if titled and not ctx.future and self._taught_me(span):
            # "where Dr. P taught me operando spectroscopy", "Prof. P trained me in …" (an author's
            # book "taught me" too, so only a titled teacher counts)
            self.fact(APPLICANT, "mentoredBy", index, 0.6, "taught-me", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if titled and not ctx.future and self._under_their_guidance(span):
            self.fact(APPLICANT, "mentoredBy", index, 0.6, "under-their-guidance", span)
            self._affiliate_to_sentence_org(span, index)
            return
        sentence_interest = sentence_has(span, "interest")
        # "under" counts only as "worked under P": a title such as "… under Many Constraints" is no cue
        advise_words = (lemmas & cues["advise"]) - ({"under"} if ctx.preposition != "under" else set())
        if ctx.future and advise_words and any((t.lemma_ or t.lower_).lower() in FINISH for t in span.sent) \
                and self._sentence_studies(span):
            # "I will defend my PhD thesis at X under the supervision of Prof. P": the degree under way.
            self.fact(APPLICANT, "mentoredBy", index, 0.65, "finishing-under", span)
            self._affiliate_to_sentence_org(span, index)
            return
        collab = lemmas & cues["collaborate"]
        if ctx.future and not ctx.long_term and (advise_words or collab or sentence_interest or lemmas & cues["work_of"]) \
                and not self.c.is_student_like(span, index):
            if self._denied_after(span):
                return  # "I hoped to work with Prof. P. … I never did get to work with him."
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.75, "future-advise-cue", span)
            self._affiliate_to_sentence_org(span, index)
            return
        # "Prof. P's project on X is the one I would most like to join": a wish about the work P leads
        wished_work = _owns_work(span) and sentence_has(span, "future")
        if faculty and (sentence_interest or wished_work) and sentence_has(span, "work_of") and self._present_or_future(span) \
                and anchor(span).dep_ not in ("nsubj", "nsubjpass"):  # "Dr. P has collaborated with …": P acts
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.6, "interest-in-work-cue", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if ctx.future:
            return
        if UNDER_THE_GUIDANCE.search(before) and (not ctx.subject_other or MY_WORK.search(before)):
            # "my thesis work, which was done under the guidance of Prof. P" (not another student's)
            self.fact(APPLICANT, "mentoredBy", index, 0.65, "under-the-guidance-of", span)
            self._affiliate_to_sentence_org(span, index)
            return
        # "worked with Dr. X" names a supervisor; "worked with Y and Z" may name peers.
        if ctx.subject_other or self._mentee(span):
            return
        if advise_words or (collab and titled and ctx.subject_is_applicant and ctx.preposition in ("with", "under")):
            self.fact(APPLICANT, "mentoredBy", index, 0.7, "past-advise-cue", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if titled and ctx.subject_is_applicant and _research_assistant_to(span):
            # "I worked as a research assistant for Professor P": P ran the project the applicant worked on
            self.fact(APPLICANT, "mentoredBy", index, 0.6, "research-assistant-to", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if titled and heads_a_group(span) and self._applicant_worked_in_sentence(span):
            # "I worked in the laboratory of Dr. P", "an internship in the group of Prof. P": P's lab took the applicant in.
            self.fact(APPLICANT, "mentoredBy", index, 0.6, "in-the-lab-of", span)
            self._affiliate_to_sentence_org(span, index)
            return
        self._affiliate_to_sentence_org(span, index, strict=True)

    def _a_club_or_its_host(self, span: Span, index: int) -> bool:
        """Is the organisation a club or chapter, or named as the place of one ("the X Club at Y")?"""
        if CLUB.search(self.c.registry.records[index].label):
            return True
        root = anchor(span)
        if any(c.dep_ == "appos" and c.lemma_.lower() in ("club", "society", "chapter") for c in root.children):
            return True  # "X, a student club that ran clinics"
        head = root.head
        if root.dep_ != "pobj" or head.lower_ != "at":
            return False
        return any(org.start <= head.head.i < org.end and CLUB.search(self.c.registry.records[i].label)
                   for org, i in self.c.org_spans())

    @staticmethod
    def _applicant_worked_in_sentence(span: Span) -> bool:
        """Is the sentence the applicant's own past work ("I worked …", "I completed a … internship")?"""
        sent = span.sent
        # "I worked …", "My doctoral research was carried out …"
        first_person = any(t.dep_ in ("nsubj", "nsubjpass") and (t.lower_ in ("i", "we") or any(
            c.dep_ == "poss" and c.lower_ in ("my", "our") for c in t.children)) for t in sent)
        # "I worked", or "I have worked" (a post held since)
        past = any(t.tag_ == "VBD" or (t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children))
                   for t in sent) and not any(t.tag_ == "MD" for t in sent)
        # "I worked …", or a post held: "I was a visiting student in the group of Dr. P", "a member of P's group"
        return first_person and past and any((t.lemma_ or t.lower_).lower() in _WORKED_IN or t.lower_ in VISITING for t in sent)

    def _leader_of(self, span: Span) -> int | None | bool:
        """For "… led by P" (P the agent of a leading verb): the organisation mention led, or
        False when what P led is not an organisation ("our study, led by P"); None otherwise."""
        verb = participle_agent_of(span)
        if verb is None or (verb.lemma_ or "").lower() not in LEADING:
            return None  # only a participle describing a noun: "the X Lab led by P", "our study, led by P"
        led = verb.head
        # "the X Lab, the widget group led by P": the group is the lab, named in apposition
        # (or right after it and a comma, where the parse makes the group a second complement)
        heads = [led, led.head] if led.dep_ == "appos" else [led]
        edge = led.left_edge.i
        for org, index in self.c.org_spans():
            if any(org.start <= h.i < org.end for h in heads) or (
                    org.end == edge - 1 and self.c.doc[edge - 1].text == "," and led.lower_ in GROUP_NOUNS):
                return index
        return False

    def _named_leader_of(self, span: Span) -> int | None:
        """"the X Group led by Dr. P" (however the parse attached "led") and "the X Group of
        Prof. P": the organisation mention right before that names P as its head, or None."""
        doc = self.c.doc
        i = span.start - 1
        while i >= 0 and doc[i].lower_.rstrip(".") in _HEAD_TITLES:
            i -= 1  # the title may sit outside the person's span
        if i < 1:
            return None
        if doc[i].lower_ == "by" and (doc[i - 1].lemma_ or "").lower() in LEADING:
            end = i - 1
        elif doc[i].lower_ == "of":
            end = i
        else:
            return None
        while end > 0 and (doc[end - 1].text == "," or doc[end - 1].lower_ in ("there", "then", "here")):
            end -= 1  # "the X Group there, led by Dr. P"
        for org, index in self.c.org_spans():
            if org.end == end and lemma(org[-1]) in GROUP_NOUNS:
                return index
        return None

    def _advises_someone_else(self, span: Span, cues) -> bool:
        """Is ``span`` the agent of an advising participle on a noun that describes another person?"""
        verb = participle_agent_of(span)
        if verb is None or (verb.lemma_ or "").lower() not in cues["advise"]:
            return False
        described = verb.head
        others = {t.i for s, i in self.c.person_spans() if s.start != span.start for t in s}
        return described.i in others or (described.dep_ == "appos" and described.head.i in others)

    def _led_own_group(self, span: Span) -> bool:
        """"My team, led by Dr. P": the led noun is a group the applicant belongs to."""
        verb = participle_agent_of(span)
        if verb is None:
            return False  # "the X Group of Prof. P" names no group of the applicant's own
        led = verb.head
        owners = {c.lower_ for c in led.children if c.dep_ == "poss"}
        if led.lower_ in GROUP_NOUNS and bool(owners & {"my", "our"}):
            return True
        # "I worked as a field technician … in a long-term study led by Dr. P": the work P leads
        # is where the applicant worked
        worked = led.head.head if led.dep_ == "pobj" and led.head.lower_ in ("in", "on") else None
        return worked is not None and lemma(worked) in WORKED_LEMMAS and not owners \
            and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in worked.children)

    def _advised_own_work(self, span: Span, cues) -> bool:
        """"my thesis, advised by Prof. P": P is the agent of an advising participle on the applicant's work."""
        verb = participle_agent_of(span)
        if verb is None or (verb.lemma_ or "").lower() not in cues["advise"]:
            return False
        owners = {t.lower_ for t in verb.head.subtree if t.i < verb.i and t.dep_ == "poss"}  # "My honors thesis"
        # 'my honors thesis, "Title of It," advised by P': the parse hangs the participle inside the
        # quoted title; the work it describes is the noun the title names, further up.
        node = verb.head
        for _ in range(6):
            if node.head.i == node.i or node.head.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "PUNCT", "ADP", "CCONJ"):
                break
            node = node.head
            owners |= {c.lower_ for c in node.children if c.dep_ == "poss"}
        return bool(owners & {"my", "our"} or (self.third_person and owners & {"her", "his", "their"}))

    def _under_their_guidance(self, span: Span) -> bool:
        """"… the lab of Dr. P, where, under his guidance, I learned …" (or that phrase opening the
        next sentence): the one titled person named is the one who guided."""
        sent = span.sent
        found = UNDER_GUIDANCE.search(sent.text)
        if found:
            # "… and I would like to extend it under her supervision": a wish, not guidance received
            phrase = self.c.doc.char_span(sent.start_char + found.start(), sent.start_char + found.end(), alignment_mode="expand")
            if phrase is not None and analyse(phrase, self.applicant_tokens, self.third_person).future:
                return False
            titled = [i for s, i in self.c.person_spans() if sent.start <= s.start < sent.end and self.c.is_titled(i)]
            return len(set(titled)) == 1
        following = self.c.doc[sent.end].sent if sent.end < len(self.c.doc) else None
        if following is not None and UNDER_GUIDANCE.match(following.text.strip()):
            titled = [(s.start, i) for s, i in self.c.person_spans() if sent.start <= s.start < sent.end and self.c.is_titled(i)]
            return bool(titled) and max(titled)[1] == self.c.index_of(span)
        return False

    @staticmethod
    def _guided_me(span: Span) -> bool | None:
        """"P, who supervised me (or my work)": True; "P, who supervises many students": False
        (P's role towards others); None when no such relative clause follows the person."""
        root = anchor(span)
        found = None
        # "P, who was a postdoc and who agreed to co-supervise my thesis": the guiding verb may be the
        # complement of the clause's verb, or of a second relative clause joined to the first
        clauses = [c for c in root.children if c.dep_ == "relcl"]
        clauses += [x for c in clauses for x in c.children if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")]
        clauses = [c for c in clauses if c.tag_ in ("VBD", "VBZ", "VBP", "VBN")]
        verbs = [*clauses, *(x for c in clauses for x in c.children if x.dep_ == "xcomp")]
        for verb in verbs:
            if (verb.lemma_ or "").lower() not in _GUIDED:
                continue
            for obj in verb.children:
                if obj.dep_ in ("dobj", "dative"):
                    # "both my B.Tech. project and my M.Tech. thesis": "my" anywhere in the object's phrase
                    if obj.lower_ == "me" or any(t.dep_ == "poss" and t.lower_ == "my" for t in obj.subtree):
                        return True
                    found = False
        return found

    @staticmethod
    def _taught_me(span: Span) -> bool:
        """Is the person the subject of teaching, training or guiding "me" (or "us")?"""
        root = anchor(span)
        verb = root.head
        if root.dep_ != "nsubj" or (verb.lemma_ or "").lower() not in _TAUGHT_ME:
            return False
        # "taught me X": the object pronoun right after the verb (the parser may hang it on X)
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return (after is not None and after.lower_ in ("me", "us")) or any(
            c.lower_ in ("me", "us") and c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)

    @staticmethod
    def _mentee(span: Span) -> bool:
        """'I advised Y', 'I mentored Y': Y is the applicant's mentee, not a mentor."""
        root = anchor(span)
        return root.dep_ in ("dobj", "conj") and (root.head.lemma_ or "").lower() in (
            "advise", "supervise", "mentor", "guide", "train", "teach", "coach") and root.head.tag_ != "VBN"

    @staticmethod
    def _sentence_studies(span: Span) -> bool:
        sent = span.sent
        if any(t.lower_.rstrip(".") in STUDY_WORDS or t.lower_ in STUDY_WORDS
               or ("." in t.text and t.lower_.replace(".", "") in DOTTED_DEGREES) for t in sent):
            return True
        # "to finish my B.S. in 2021": the sentence splitter may cut a dotted degree after "B."
        return bool(SPLIT_DEGREE.search(sent.text + " " + span.doc[sent.end:sent.end + 3].text))

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

    def _someone_elses_work(self, span: Span, ctx) -> bool:
        """"the work of Prof. P at Y": the parse hangs "at Y" on "work", which is P's (a lab of P's
        at Y that one visited is still a place one worked)."""
        others = self._person_tokens
        return any(t.pos_ == "NOUN" and (t.lemma_ or t.lower_).lower() in OUTPUT_NOUNS and any(
            c.dep_ == "prep" and c.lower_ in ("of", "by") and c.i < span.start and any(g.i in others for g in c.subtree)
            for c in t.children) for t in ctx.path)

    def _present_or_future(self, span: Span) -> bool:
        """A sentence in the present or future, or a note without a finite past verb ("Also very
        interested in Prof. P's work; happy to support either project")."""
        verbs = [t for t in span.sent if t.pos_ in ("VERB", "AUX")]
        return any(t.tag_ in ("VBP", "VBZ", "MD") for t in verbs) or not any(t.tag_ == "VBD" for t in verbs)

    def _affiliate_to_sentence_org(self, span: Span, index: int, strict: bool = False) -> None:
        """'Prof. X from/at ORG', 'X (ORG)': link the person to that organisation."""
        for org_span, org_index in self.c.org_spans_in(span.sent):
            gap = span.doc[min(span.end, org_span.start):max(span.end, org_span.start)]
            between = gap.text.strip()
            if org_span.start >= span.end and len(gap) <= 3 and re.fullmatch(r"[,(]?\s*(?:from|at|of|in|\()?\s*(?:the)?", between, re.I):
                self.fact(index, "affiliation", org_index, 0.7, "person-org-apposition", span)
                return
        if not strict:
            self.c.pending_affiliations.append(index)

    # -- programmes -----------------------------------------------------------------------
    def _programs(self, cues) -> None:
        header, applied, pursued = [], [], []
        for span, index in self.c.program_spans():
            section = self.c.section(span)
            if section == "REFERENCES":
                continue
            if section == "HEADER":
                if not (_names_a_status(span) or self._post_nominal(span)):
                    header.append((span, index))
                continue
            ctx = analyse(span, self.applicant_tokens, self.third_person)
            if ctx.negated or ctx.long_term:
                continue
            if _admitted_before(span) and not ctx.lemmas & (cues["apply"] - _ADMITTED):
                continue
            if ctx.lemmas & cues["apply"] or apply_place(span) or (ctx.lemmas & {"provide", "offer"} and ctx.future is False and "can" in ctx.lemmas):
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

    # -- targets --------------------------------------------------------------------------
    def _targets(self) -> None:
        if not self.target_orgs:
            return
        for index in sorted(self.target_orgs):
            parent = self.c.parent_university(index)
            if parent is not None and parent != index:
                # A school of a university the letter also names: one applies to the university.
                weight = self.target_orgs.pop(index)
                self.target_orgs[parent] = max(self.target_orgs.get(parent, 0), weight)
        universities = {i: w for i, w in self.target_orgs.items() if self.c.is_university(i)}
        if universities:
            # Beside a university, another organisation is a target only on stronger evidence
            # (a funder or a consortium named in the same breath is not where one enrols).
            top = max(universities.values())
            self.target_orgs = {i: w for i, w in self.target_orgs.items()
                                if i in universities or w > top or self.c.subtype(i) == "Company"}
            # A school or department next to its university: the university is the target.
            self.target_orgs = {i: w for i, w in self.target_orgs.items()
                                if i in universities or not re.match(r"(?i)(?:the )?(?:school|department|faculty|college|division) of",
                                                                     self.c.registry.records[i].label)}
        # "research at the X Lab" next to "my application to Y University" or to "Y Institute": Y is the target.
        if any(self.c.subtype(i) != "ResearchGroup" for i in self.target_orgs):
            self.target_orgs = {i: w for i, w in self.target_orgs.items() if self.c.subtype(i) != "ResearchGroup"}
        best = max(self.target_orgs.values())
        for index, weight in sorted(self.target_orgs.items()):
            if weight >= best * 0.5 and weight >= 0.6:
                span = self.c.first_span(index)
                self.fact(APPLICANT, "appliesTo", index, min(0.95, 0.5 + 0.2 * weight), "apply-cue", span)
        targets = [i for i, w in self.target_orgs.items() if w >= best * 0.5 and w >= 0.6]
        if len(targets) >= 1:
            target = max(targets, key=lambda i: (self.target_orgs[i], -i))
            linked = {f.subject for f in self.facts if f.predicate == "affiliation"}
            for person in self.c.pending_affiliations:
                if person not in linked and any(
                    f.predicate == "prospectiveAdvisor" and f.object == person for f in self.facts
                ):
                    self.facts.append(Fact(person, "affiliation", target, 0.5, "advisor-at-target", ""))
                    linked.add(person)
