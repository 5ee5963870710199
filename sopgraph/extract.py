"""The one place that reads spaCy Docs: a parsed statement → an :class:`Extraction`.

Mentions come from the gazetteer, token patterns, the statistical NER (filtered) and the
reference list; :mod:`sopgraph.relations` decides how each relates to the applicant.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import applicant as applicant_finder
from .gazetteer import Gazetteer
from .mentions import MentionCollector
from .typed_names import ORG_NOUNS
from .model import APPLICANT, Applicant, CleanText, Document, Extraction, Fact
from .names import compatible, name_tokens, split_title
from .normalize import clean_text, nfc
from .papers import PaperFinder
from .relations import analyse, apply_place, load_cues, sentence_has
from .topics import TopicScheme

MAX_TOPICS = 15
_GENERIC_DEGREES = frozenset({"PhD", "DPhil", "M.S.", "MSc", "MEng", "MBA", "MPhil", "MRes", "M.A.", "M.Tech.", "MFA",
                              "MPP", "MPA", "MPH", "Master's"})
_SPLIT_DEGREE = re.compile(r"\b[BM]\.\s?(?:S|Sc|A|E|Eng|Tech|Phil)\.")
_HEADER_JOB = re.compile(r"\b(?:postdoctoral|postdoc|research(?:er| scientist| fellow| associate| engineer)|"
                         r"(?:assistant|associate) professor|lecturer|engineer|scientist|analyst)\b[^\n]{0,20}[,@|–—-]\s*(?:at\s+)?$", re.I)
_CLUB = re.compile(r"\b(?:club|chapter)$", re.I)
_WORKED_LEMMAS = frozenset({"work", "intern", "internship", "spend", "join", "complete", "do", "conduct", "rotate",
                            "rotation", "research"})
_TEACHING = frozenset({"teach", "offer", "give", "instruct", "lecture", "deliver"})
_THESIS = frozenset({"thesis", "dissertation", "doctorate", "phd", "ph.d.", "dphil"})
_JOB_NOUNS = frozenset({"role", "position", "job", "engineer", "consultant", "analyst", "developer", "scientist",
                        "researcher", "intern", "internship", "technician", "assistant", "manager"})
_INTERNSHIP = frozenset({"internship", "intern", "traineeship", "residency"})
_FUNDING = frozenset({"fund", "funding", "grant", "award", "fellowship", "scholarship", "support", "sponsor"})
_SALUTATION = re.compile(r"^\s*dear\s+((?:prof(?:essor)?\.?|dr\.?|mr\.?|ms\.?|mrs\.?)\s+[^\n,:]+)[,:]?\s*$", re.I | re.M)


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


_FINISH = frozenset({"complete", "finish", "graduate", "defend"})
_DENIED_GROUP = re.compile(r"\b(?:not|never)\b[^.;]{0,40}\bwith (?:that|this) (?:group|lab|laboratory|team|company|institute|centre|center)\b", re.I)
_GROUP_NOUNS = frozenset({"lab", "laboratory", "group", "team"})
# "my internship supervisor at X, P", "my head of unit, Dr. P", "my manager P" (no comma: the
# role word right before the name).
_ROLE_WORD = r"(?:supervisors?|advisors?|advisers?|mentors?|PIs?|managers?|head of (?:the )?[\w-]+|team lead(?:er)?)"
# "my advisors, P and Q": the second name follows the first and "and".
_ROLE = (r"(?:[\w-]+ ){0,2}(?:" + _ROLE_WORD + r"\b[^,;.()]{0,60},\s*(?:(?:(?:Prof|Dr|Professor)\.?\s+)?"
         r"(?:[A-Z][\w'’.-]*\s+){1,3}(?:and|&)\s+)?|" + _ROLE_WORD + r"\s+)(?:(?:Prof|Dr|Professor)\.?\s+)?$")
_MY_SUPERVISOR = re.compile(r"\b(?:my|our) " + _ROLE, re.I)
_THEIR_SUPERVISOR = re.compile(r"\b(?:her|his|their) " + _ROLE, re.I)
_LEADING = frozenset({"lead", "head", "direct", "run", "coordinate", "manage"})
_ONGOING = frozenset({"continue", "resume", "maintain"})
_UNDER_THE_GUIDANCE = re.compile(r"\bunder the (?:guidance|supervision|mentorship|direction)\s+of\s+"
                                 r"(?:(?:Prof|Dr|Professor)\.?\s+)?$", re.I)
_MY_WORK = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}(?:thesis|work|project|research|dissertation)\b", re.I)
_UNDER_GUIDANCE = re.compile(r"\b[Uu]nder (?:his|her|their) (?:guidance|supervision|mentorship|direction)\b")
_OUTPUT_NOUNS = frozenset({"work", "research", "paper", "publication", "study", "book", "theory", "framework", "idea", "talk"})
# Words that make a sentence about studying, and degree abbreviations written with dots
# ("M.Sc.", "B.E."; undotted "me"/"be" are everyday words).
_STUDY_WORDS = frozenset({"bachelor", "bachelors", "master", "masters", "degree", "student", "undergraduate", "msc", "bsc",
                          "b.tech", "btech", "b.s.", "m.s.", "phd", "ph.d.", "major", "semester", "course"})
_DOTTED_DEGREES = frozenset({"ms", "bs", "ma", "ba", "msc", "bsc", "meng", "beng", "phd", "mphil", "dphil", "btech", "mtech",
                             "be", "me"})
_EARNED = _FINISH | {"obtain", "earn", "receive", "do", "pursue", "hold"}
_DEGREES = frozenset({"phd", "ph.d.", "ph.d", "dphil", "msc", "m.sc", "m.sc.", "ms", "m.s.", "ma", "m.a.", "bsc", "b.sc",
                      "b.sc.", "ba", "b.a.", "mphil", "degree", "doctorate", "master", "bachelor", "diploma", "beng",
                      "meng", "mres", "llb", "llm", "mba"})


def _never_there(sent: Span) -> bool:
    """"… but the program was cancelled, so I never actually worked there": the place is denied."""
    for tok in sent:
        if tok.lower_ == "there" and tok.dep_ == "advmod":
            verb = tok.head
            if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
                return True
    return False


def _participle_agent_of(span: Span) -> Token | None:
    """The participle ``span`` is the "by" agent of, when it describes a noun ("the Lab led by P")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.tag_ == "VBN" and root.head.head.dep_ == "acl":
        return root.head.head
    return None


def _heads_a_group(person: Span) -> bool:
    """"the lab of Dr. P", "Dr. P's group": P is named as the head of a group."""
    root = person.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return (root.head.head.lemma_ or "").lower() in _GROUP_NOUNS
    return root.dep_ == "poss" and (root.head.lemma_ or "").lower() in _GROUP_NOUNS


def _denied_next(sent: Span) -> bool:
    """"… Prof. P's group at Y. Although she did not work directly with that group, …": denied next."""
    doc = sent.doc
    following = doc[sent.end].sent if sent.end < len(doc) else None
    return following is not None and bool(_DENIED_GROUP.search(following.text))


def _addressee_org(span: Span) -> bool:
    """"your group at X", "your lab at X": the letter's addressee works at X, the place applied to."""
    token = span.root
    for _ in range(3):
        if token.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.lower_ == "your" for c in token.children):
            return True
    return False


# "Programme applied to: MSc X, Y University", "Position applied for: …": a form-like field line.
_APPLIED_FIELD = re.compile(r"^[\W_]*(?:[A-Za-z]+\s+){0,3}(?:applied|applying|application)(?:\s+(?:to|for))?[\W_]*:", re.I)


def _degree_at(span: Span) -> bool:
    """"For my M.Sc. in Ecology at X", "a PhD at X": "at X" follows a degree (and its subject)."""
    sent = span.sent
    before = sent.text[:span.start_char - sent.start_char]  # Doc.text would join the whole document anew
    found = _DEGREE_AT.search(before)
    return bool(found) and _is_degree_word(found.group(1))


# a degree word, optionally "in/of <subject>" (no clause break), then "at (the)" right before the organisation
_DEGREE_AT = re.compile(r"\b(?:my|a|an|his|her|their)\s+([\w.']+)(?:\s+(?:degree|studies))?(?:\s+(?:in|of)\s+[^,;:()]{1,60}?)?\s+at\s+(?:the\s+)?$", re.I)


def _is_degree_word(word: str) -> bool:
    word = word.lower().rstrip("'s").rstrip("’s")
    return word in _DEGREES or word.rstrip(".") in _DEGREES or ("." in word and word.replace(".", "") in _DOTTED_DEGREES)


_UNIT_NOUNS = frozenset({"team", "division", "unit", "office", "department", "center", "centre", "branch", "campus"})


def _modifies_a_thing(span: Span) -> bool:
    """Is the organisation a modifier of another noun ("the X Public Leaderboard", "an X grant"),
    other than a unit of it ("the X research team")?"""
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "nmod") or not span.end <= head.i <= span.end + 2 \
            or any(t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in span.doc[span.end:head.i + 1]):
        return False  # the modified noun follows right after the name (a parse may hang a name elsewhere)
    noun = (head.lemma_ or head.lower_).lower()
    return noun not in ORG_NOUNS and noun not in _UNIT_NOUNS


def _where_i_did(span: Span) -> frozenset[str] | None:
    """The lemmas of a "…, where I completed my BSc" clause on ``span``, or None."""
    doc = span.doc
    end = span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3  # "X (XU), where I …": the parse may hang the clause on the acronym
    for tok in doc[span.start:end]:
        for clause in tok.children:
            if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children) \
                    and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in clause.children):
                return frozenset((t.lemma_ or t.lower_).lower() for t in clause.subtree) | frozenset(t.lower_ for t in clause.subtree)
    return None


def _in_applied_field(span: Span) -> bool:
    """Is ``span`` the value of a field line naming what is applied to ("Programme applied to: …")?"""
    doc = span.doc
    start = span.start
    # back to the line's start token by token: Doc.text would join the whole document anew
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    return bool(_APPLIED_FIELD.match(doc[start:span.start].text_with_ws if start < span.start else ""))


class _RelationFinder:
    """Applies the relation rules to every organisation, person and programme mention."""

    def __init__(self, collector: MentionCollector, applicant_name: str | None):
        self.c = collector
        self.applicant_tokens = frozenset(name_tokens(applicant_name or ""))
        doc = collector.doc
        first = sum(1 for t in doc if t.lower_ in ("i", "my", "me"))
        third = sum(1 for t in doc if t.lower_ in ("she", "he", "her", "his"))
        self.third_person = third > first
        self.facts: list[Fact] = []
        self.target_orgs: dict[int, float] = {}

    def fact(self, subject: int, predicate: str, obj: int | str, confidence: float, rule: str, span: Span) -> None:
        self.facts.append(Fact(subject, predicate, obj, round(confidence, 2), rule, span.sent.text.strip()))

    def run(self) -> list[Fact]:
        cues = load_cues()
        for span, index in self.c.org_spans():
            self._organisation(span, index, cues)
        for span, index in self.c.person_spans():
            self._person(span, index, cues)
        self._programs(cues)
        self._salutation()
        self._targets()
        self._drop_work_at_schools()
        # "a course from X on YouTube": learning from X online is not studying at X.
        online = load_cues()["online_learning"]
        self.facts = [f for f in self.facts if not (f.predicate == "studiedAt" and online & set(re.findall(r"[a-z]+", f.evidence.lower())))]
        # Someone the applicant hopes to work with is not also a past mentor in the same letter.
        wanted = {f.object for f in self.facts if f.predicate == "prospectiveAdvisor"}
        self.facts = [f for f in self.facts if not (f.predicate == "mentoredBy" and f.object in wanted)]
        return self.facts

    def _drop_work_at_schools(self) -> None:
        """Research done where one studies, or at the place applied to, is not employment."""
        not_work = {f.object for f in self.facts if f.predicate == "studiedAt"} | set(self.target_orgs)
        self.facts = [f for f in self.facts if not (f.predicate == "workedAt" and f.object in not_work
                                                    and self.c.is_university(f.object))
                      and not (f.predicate == "workedAt" and f.object in self.target_orgs)]

    @cached_property
    def _person_tokens(self) -> frozenset[int]:
        """Indices of every token inside a person mention."""
        return frozenset(t.i for s, _ in self.c.person_spans() for t in s)

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
        """Is ``span`` on one of the few lines after the person a letter is addressed to ("Dear Dr. X")?"""
        start, people = self._addressee
        if start < 0 or span.start_char > start:
            return False
        for person, _ in people:
            if person.end_char <= span.start_char:
                between = self.c.text[person.end_char:span.start_char]
                return between.count("\n") <= 3 and "\n\n" not in between
        return False

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
        if ctx.negated or _never_there(span.sent) or _denied_next(span.sent):
            return
        if _in_applied_field(span) or ((apply_place(span) or _addressee_org(span)) and section == "BODY"):
            # "X's faculty make it the ideal place for me", "your group at X": X is the target.
            self.target_orgs[index] = self.target_orgs.get(index, 0) + 1.0
            return
        where = _where_i_did(span)
        if where is not None and section == "BODY" and not ctx.future and not ctx.subject_is_applicant:
            # "… took me to X, where I completed my BSc": when the main clause is not the applicant's,
            # the clause about X says what the applicant did there.
            studied_there = where & (_DEGREES | _STUDY_WORDS | {"study", "graduate", "enrol", "enroll"})
            if studied_there and self.c.is_university(index):
                self.fact(APPLICANT, "studiedAt", index, 0.7, "where-i-studied", span)
                return
            if where & (_JOB_NOUNS | {"work", "employ"}) and not studied_there:
                self.fact(APPLICANT, "workedAt", index, 0.6, "where-i-worked", span)
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
            line = span.sent
            # "PhD in Computer Science, University of X" under the name: the programme and its host.
            with_programme = any(line.start <= s.start and s.end <= line.end for s, _ in self.c.program_spans())
            if with_programme or re.search(r"\b(?:apply|applying|applied|application|applicant|candidate|candidacy|position|vacancy)\b", line.text, re.I):
                self.target_orgs[index] = self.target_orgs.get(index, 0) + 1.0
            elif _HEADER_JOB.search(self.c.text, line.start_char, span.start_char):
                # "Jane Roe — Postdoctoral Researcher, University of X": the author's current post
                self.fact(APPLICANT, "workedAt", index, 0.6, "header-job-title", span)
            return
        # "I returned to X in 2019 to finish my B.S.": the purpose clause, told in the past, is done.
        past_purpose = span.sent.root.tag_ == "VBD" and ctx.subject_is_applicant and any(
            (t.lemma_ or t.lower_).lower() in _FINISH and t.dep_ in ("xcomp", "advcl") for t in span.sent)
        if (ctx.future and lemmas & _FINISH or past_purpose) and self._sentence_studies(span) \
                and (self.c.is_university(index) or lemmas & _THESIS):
            # "I will complete my M.Sc. at X in May": a degree under way, not a destination.
            self.fact(APPLICANT, "studiedAt", index, 0.7, "finishing-degree", span)
            return
        applying = bool(lemmas & cues["apply"]) or apply_place(span) or (
            ctx.future and not ctx.long_term and bool(lemmas & cues["apply_future"]))
        fronted_at = ctx.preposition == "at" and span.start - span.sent.start <= 2 and sentence_has(span, "future")
        applying = applying or fronted_at
        if lemmas & _FUNDING and ctx.preposition != "at":
            return  # "apply for funding from X": X is a funder ("a fellowship for an internship at Y": Y is not)
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
        if ctx.path_lemmas & _INTERNSHIP:
            # "a research internship at X" (X a university or not): a job, not a degree.
            self.fact(APPLICANT, "workedAt", index, 0.7, "internship-at", span)
            return
        studied = bool(lemmas & cues["study"]) and subtype in (None, "University") and ctx.preposition in (None, "at", "from", "of", "in")
        if studied and self.c.is_university(index):
            self.fact(APPLICANT, "studiedAt", index, 0.8, "study-cue", span)
            return
        if studied and subtype is None and ctx.subject_is_applicant and lemmas & _DEGREES and lemmas & _EARNED:
            # "I completed my PhD at the X Institute": a degree earned at an institute that is not a university.
            self.fact(APPLICANT, "studiedAt", index, 0.7, "degree-at-institute", span)
            return
        if self.c.is_university(index) and ctx.preposition in ("from", "at") and ctx.subject_is_applicant \
                and self._sentence_studies(span) and not (lemmas & cues["work"]):
            # The parse attached "from X" elsewhere, but the sentence is about a degree.
            self.fact(APPLICANT, "studiedAt", index, 0.5, "study-sentence", span)
            return
        if self.c.is_university(index) and _degree_at(span):
            # "For my M.Sc. in Ecology at X, … I worked under …": the degree places the study.
            self.fact(APPLICANT, "studiedAt", index, 0.6, "degree-at", span)
            return
        if ctx.path_lemmas & cues["not_employer"]:
            # "worked with clients such as X", "collaborate with engineers at X", "presented at X":
            # X is not an employer.
            return
        if _modifies_a_thing(span):
            return  # "the X leaderboard", "an X scholarship": X names whose thing it is, not a workplace
        if self._a_club_or_its_host(span, index):
            return  # "Lead of the X Student Club at Y": a student activity, not employment
        if lemmas & cues["work"] and ctx.preposition in (None, "at", "in", "with", "for", "of", "by", "under"):
            if ctx.subject_is_applicant or ctx.preposition in ("at", "with", "for"):
                self.fact(APPLICANT, "workedAt", index, 0.7, "work-cue", span)
        elif ctx.subject_is_applicant and ctx.preposition == "at" and any((t.lemma_ or t.lower_).lower() in _JOB_NOUNS for t in span.sent):
            # "I later moved to a consultant role at X": the parse hangs "at X" on the verb, not the role.
            self.fact(APPLICANT, "workedAt", index, 0.6, "job-at", span)

    # -- people ---------------------------------------------------------------------------
    def _person(self, span: Span, index: int, cues) -> None:
        if self.c.section(span) in ("REFERENCES", "HEADER", "SIGNATURE") or self.c.is_applicant(index):
            return
        ctx = analyse(span, self.applicant_tokens, self.third_person)
        if ctx.negated or self.c.is_citation(span) or self._inside_other_person(span, ctx):
            return
        titled = self.c.is_titled(index)
        faculty = titled and not self.c.is_student_like(span, index)
        lemmas = ctx.lemmas
        leader_of = self._leader_of(span)
        if leader_of is not None:
            # "the X Laboratory led by Prof. P", joined by the applicant, or "my team, led by Dr. P":
            # P ran the applicant's group, a mentor; "our study, led by Dr. P": a collaborator's
            # role in shared work, no relation.
            if any(f.predicate == "workedAt" and f.object == leader_of for f in self.facts) or self._led_own_group(span):
                self.fact(APPLICANT, "mentoredBy", index, 0.65, "lab-led-by", span)
            return
        if lemmas & _ONGOING:
            return  # "continue my collaboration with Dr. P": an existing collaborator, not a wish
        taught = _participle_agent_of(span)
        if taught is not None and (taught.lemma_ or "").lower() in _TEACHING:
            return  # "a seminar taught by Professor P": P's course, neither a wish nor an advisor
        before = self.c.text[span.sent.start_char:span.start_char]
        if _MY_SUPERVISOR.search(before) or (self.third_person and _THEIR_SUPERVISOR.search(before)):
            # "my internship supervisor at X, Thomas Girard": the name that follows the role.
            self.fact(APPLICANT, "mentoredBy", index, 0.7, "my-supervisor-named", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if self._advises_someone_else(span, cues):
            return  # "Y (a PhD student at X, advised by Professor P)": P is Y's advisor
        if self._advised_own_work(span, cues):
            # "My honors thesis, advised by Prof. P, asked whether … could …": the advising is
            # done; a modal later in the sentence belongs to the thesis question.
            self.fact(APPLICANT, "mentoredBy", index, 0.75, "advised-own-work", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if titled and not ctx.future and self._under_their_guidance(span):
            self.fact(APPLICANT, "mentoredBy", index, 0.6, "under-their-guidance", span)
            self._affiliate_to_sentence_org(span, index)
            return
        sentence_interest = sentence_has(span, "interest")
        # "under" counts only as "worked under P": a title such as "… under Many Constraints" is no cue
        advise_words = (lemmas & cues["advise"]) - ({"under"} if ctx.preposition != "under" else set())
        if ctx.future and advise_words and any((t.lemma_ or t.lower_).lower() in _FINISH for t in span.sent) \
                and self._sentence_studies(span):
            # "I will defend my PhD thesis at X under the supervision of Prof. P": the degree under way.
            self.fact(APPLICANT, "mentoredBy", index, 0.65, "finishing-under", span)
            self._affiliate_to_sentence_org(span, index)
            return
        collab = lemmas & cues["collaborate"]
        if ctx.future and not ctx.long_term and (advise_words or collab or sentence_interest or lemmas & cues["work_of"]) \
                and not self.c.is_student_like(span, index):
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.75, "future-advise-cue", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if faculty and sentence_interest and sentence_has(span, "work_of") and self._present_or_future(span) \
                and span.root.dep_ not in ("nsubj", "nsubjpass"):  # "Dr. P has collaborated with …": P acts
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.6, "interest-in-work-cue", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if ctx.future:
            return
        before = self.c.text[span.sent.start_char:span.start_char]
        if _UNDER_THE_GUIDANCE.search(before) and (not ctx.subject_other or _MY_WORK.search(before)):
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
        if titled and _heads_a_group(span) and self._applicant_worked_in_sentence(span):
            # "I worked in the laboratory of Dr. P", "an internship in the group of Prof. P": P's lab took the applicant in.
            self.fact(APPLICANT, "mentoredBy", index, 0.6, "in-the-lab-of", span)
            self._affiliate_to_sentence_org(span, index)
            return
        self._affiliate_to_sentence_org(span, index, strict=True)

    def _a_club_or_its_host(self, span: Span, index: int) -> bool:
        """Is the organisation a club or chapter, or named as the place of one ("the X Club at Y")?"""
        if _CLUB.search(self.c.registry.records[index].label):
            return True
        head = span.root.head
        if span.root.dep_ != "pobj" or head.lower_ != "at":
            return False
        return any(org.start <= head.head.i < org.end and _CLUB.search(self.c.registry.records[i].label)
                   for org, i in self.c.org_spans())

    @staticmethod
    def _applicant_worked_in_sentence(span: Span) -> bool:
        """Is the sentence the applicant's own past work ("I worked …", "I completed a … internship")?"""
        sent = span.sent
        first_person = any(t.lower_ in ("i", "we") and t.dep_ in ("nsubj", "nsubjpass") for t in sent)
        past = any(t.tag_ == "VBD" for t in sent) and not any(t.tag_ == "MD" for t in sent)
        return first_person and past and any((t.lemma_ or t.lower_).lower() in _WORKED_LEMMAS for t in sent)

    def _leader_of(self, span: Span) -> int | None | bool:
        """For "… led by P" (P the agent of a leading verb): the organisation mention led, or
        False when what P led is not an organisation ("our study, led by P"); None otherwise."""
        verb = _participle_agent_of(span)
        if verb is None or (verb.lemma_ or "").lower() not in _LEADING:
            return None  # only a participle describing a noun: "the X Lab led by P", "our study, led by P"
        led = verb.head
        for org, index in self.c.org_spans():
            if org.start <= led.i < org.end:
                return index
        return False

    def _advises_someone_else(self, span: Span, cues) -> bool:
        """Is ``span`` the agent of an advising participle on a noun that describes another person?"""
        verb = _participle_agent_of(span)
        if verb is None or (verb.lemma_ or "").lower() not in cues["advise"]:
            return False
        described = verb.head
        others = {t.i for s, i in self.c.person_spans() if s.start != span.start for t in s}
        return described.i in others or (described.dep_ == "appos" and described.head.i in others)

    def _led_own_group(self, span: Span) -> bool:
        """"My team, led by Dr. P": the led noun is a group the applicant belongs to."""
        led = _participle_agent_of(span).head
        owners = {c.lower_ for c in led.children if c.dep_ == "poss"}
        return led.lower_ in _GROUP_NOUNS and bool(owners & {"my", "our"})

    def _advised_own_work(self, span: Span, cues) -> bool:
        """"my thesis, advised by Prof. P": P is the agent of an advising participle on the applicant's work."""
        verb = _participle_agent_of(span)
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
        if _UNDER_GUIDANCE.search(sent.text):
            titled = [i for s, i in self.c.person_spans() if sent.start <= s.start < sent.end and self.c.is_titled(i)]
            return len(set(titled)) == 1
        following = self.c.doc[sent.end].sent if sent.end < len(self.c.doc) else None
        if following is not None and _UNDER_GUIDANCE.match(following.text.strip()):
            titled = [(s.start, i) for s, i in self.c.person_spans() if sent.start <= s.start < sent.end and self.c.is_titled(i)]
            return bool(titled) and max(titled)[1] == self.c.index_of(span)
        return False

    @staticmethod
    def _mentee(span: Span) -> bool:
        """'I advised Y', 'I mentored Y': Y is the applicant's mentee, not a mentor."""
        root = span.root
        return root.dep_ in ("dobj", "conj") and (root.head.lemma_ or "").lower() in (
            "advise", "supervise", "mentor", "guide", "train", "teach", "coach") and root.head.tag_ != "VBN"

    @staticmethod
    def _sentence_studies(span: Span) -> bool:
        sent = span.sent
        if any(t.lower_.rstrip(".") in _STUDY_WORDS or t.lower_ in _STUDY_WORDS
               or ("." in t.text and t.lower_.replace(".", "") in _DOTTED_DEGREES) for t in sent):
            return True
        # "to finish my B.S. in 2021": the sentence splitter may cut a dotted degree after "B."
        return bool(_SPLIT_DEGREE.search(sent.text + " " + span.doc[sent.end:sent.end + 3].text))

    def _inside_other_person(self, span: Span, ctx) -> bool:
        """'Y (a student advised by Prof. X)', 'Prof. Y from Z University': the cue is
        about Y, not the applicant. Coordinated names ('X and Y') are not each other's."""
        own = self.c.index_of(span)
        # "the lab of Dr. P at Y": P heads the lab the applicant was in; Y is still the applicant's.
        others = {t.i for s, i in self.c.person_spans() if i != own and not _heads_a_group(s) for t in s}
        tok = span.root
        coordinated = set()
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
            coordinated.add(tok.i)
        return any(t.i in others and t.i not in coordinated for t in ctx.path)

    def _someone_elses_work(self, span: Span, ctx) -> bool:
        """"the work of Prof. P at Y": the parse hangs "at Y" on "work", which is P's (a lab of P's
        at Y that one visited is still a place one worked)."""
        others = self._person_tokens
        return any(t.pos_ == "NOUN" and (t.lemma_ or t.lower_).lower() in _OUTPUT_NOUNS and any(
            c.dep_ == "prep" and c.lower_ in ("of", "by") and c.i < span.start and any(g.i in others for g in c.subtree)
            for c in t.children) for t in ctx.path)

    def _present_or_future(self, span: Span) -> bool:
        verbs = [t for t in span.sent if t.pos_ in ("VERB", "AUX")]
        return not verbs or any(t.tag_ in ("VBP", "VBZ", "MD") for t in verbs)

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
                following = span.doc[span.end] if span.end < len(span.doc) else None
                if following is None or following.lower_ not in ("candidate", "student", "researcher", "holder"):
                    header.append((span, index))  # "Ph.D. Candidate" is who one is, not what one applies to
                continue
            ctx = analyse(span, self.applicant_tokens, self.third_person)
            if ctx.negated or ctx.long_term:
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
            # "research at the X Lab" next to "my application to Y University": Y is the target.
            self.target_orgs = {i: w for i, w in self.target_orgs.items() if i in universities or self.c.subtype(i) != "ResearchGroup"}
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
