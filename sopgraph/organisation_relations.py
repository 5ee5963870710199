"""Relation rules for organisation mentions: where the applicant studied, worked and applies.

:class:`OrganisationRelations` is a part of :class:`sopgraph.extract._RelationFinder`, kept in
its own module because organisations follow rules of their own: a header line or a letter's
recipient block names the target, a résumé-style line a post, a clause's verb and preposition
study, work or an application; clubs, funders and makers of things are no workplaces.

It reads the finder's ``c`` (the :class:`~sopgraph.mentions.MentionCollector`), ``facts``,
``target_orgs``, ``target_units``, ``applicant_tokens`` and ``third_person``, and calls its ``fact``,
``_addressee``, ``_post_nominal`` and ``_inside_other_person``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Span, Token

from .org_mentions import APPLICATION_WORDS, DEPARTMENT_NAME, UNIT_WORDS, UNIVERSITY_PART_NAME, UNIVERSITY_WORDS
from .model import APPLICANT, Fact
from .posts import (as_a_student, funds_a_post_elsewhere, in_my_time_as, joined_as, joined_for_a_degree,
                    membership_only, names_a_post, post_held_at, taken_on_by, works_there_too)
from .relations import FIRST_PERSON, THIRD_PERSON, analyse, apply_place, did_not_go, lemma, sentence_has
from .sentence_cues import (CLUB, DEGREES, EARNED, FINISH, FUNDING, GROUP_NOUNS, HEADER_JOB, HEADER_STUDENT, INTERNSHIP,
                            OFFER_WORDS, OUTPUT_NOUNS, STUDY_WORDS, THESIS, TO_LINE, VISITING, VISITING_HOLDERS, addressee_org,
                            admitted_before, anchor, degree_at, denied_next, in_applied_field, is_degree_word, modifies_a_thing,
                            names_a_status, never_there, offered_only, parent_of_described, participle_agent_of,
                            studies_in_sentence, where_i_did)
from .span_edges import after_bracket, before_bracket
from .typed_names import CV_POSTS, JOB_NOUNS

__all__ = ["OrganisationRelations"]

_SECONDED = frozenset({"seconded", "secondment"})
_PLACED = frozenset({"posted", "deployed", "attached", "assigned"})

# A short course attended at a place, not study there: "a two-week summer school at X".
_SHORT_SCHOOL = re.compile(r"\b(?:summer|winter|spring|autumn)\s+(?:school|course|institute)\b", re.I)
# "I taught the exercise classes at X": the applicant's teaching, a post at X.
_TEACH = frozenset({"teach", "lecture", "tutor"})


def _teaching_verb(tokens) -> Token | None:
    """The first verb of teaching among ``tokens`` ("I taught …", "I tutored …")."""
    return next((t for t in tokens if lemma(t) in _TEACH and t.pos_ == "VERB"), None)


# "… published by X", "a dataset released by X": what an organisation made, not where one worked.
_MADE_BY = frozenset({"publish", "release", "produce", "develop", "make", "create", "write", "issue", "provide",
                      "maintain", "distribute", "fund", "sponsor", "organize", "organise", "host", "run", "operate", "administer"})
# A unit that does research, in any language ("Centro de Investigación en X", "Widget Research Centre", "Quill Lab")
_RESEARCH_UNIT = re.compile(r"(?i)\b(?:research|investigaci[oó]n|recherches?|forschung\w*|pesquisa|ricerca|lab|laborator\w*|group)\b")
# A résumé heading over the places one studied at.
_EDUCATION_HEADING = re.compile(r"(?i)(?:education|academic (?:background|training|history)|studies|qualifications)(?: and \w+)?")
# Words of work that only say time was spent somewhere, and the study stays such time may be spent on.
_TIME_SPENT = frozenset({"spend", "spent", "year", "summer"})
_STUDY_STAYS = frozenset({"exchange", "semester", "erasmus", "erasmus+"})
# "I have used Widget Earth Engine to map …": a name one uses is a tool, not a workplace.
_USED = frozenset({"use", "utilize", "utilise", "leverage", "adopt"})


def _offering_what_i_apply_for(ctx, cues) -> bool:
    """"I apply for the fellowship advertised by the department at X": X offers what is applied
    for (the parse closes the clause at the participle, before the verb of applying)."""
    if not ctx.path or ctx.path[-1].dep_ != "acl" or ctx.path[-1].tag_ != "VBN":
        return False
    governor = ctx.path[-1].head.head
    if governor.dep_ == "prep":
        governor = governor.head
    return lemma(governor) in cues["apply"]


# What may follow a university on its header line: one of its units ("Widget Institute of Pharmacy").
_UNIT_LINE = re.compile(r"(?:[\w'’&-]+\s+){0,4}(?:school|institute|department|faculty|college|centre|center|division)"
                        r"(?:\s+(?:of|for)\s+[\w'’&,\s-]+)?", re.I)

# A résumé line's opening: a year, perhaps after a bullet, emphasis or a month ("- **Sep 2019**").
_DATED_LINE = re.compile(r"[\s*•·–—-]*(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}\b")
# The dates, bullets and emphasis that open a résumé line ("- **2015–2019** — ", "2019 (Jun–Sep) ").
_AFTER_DATES = re.compile(r"^[\W\d_]*(?:(?:present|now|today|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b"
                          r"[\W\d_]*)*", re.I)

_OFFER_OR_AWARD = re.compile(rf"\b(?:{OFFER_WORDS}|prize|award|medal|runner-up)\b", re.I)
# A degree named in another script first, then in English after a slash: "อักษรศาสตรบัณฑิต / Bachelor of Arts"
_NATIVE_NAME_THEN_SLASH = re.compile(r"^[^\x00-\u024f\s]+(?:\s+[^\x00-\u024f\s]+)*\s*/\s*")
_WHERE_AFTER_DATES = re.compile(r"\)\s*,\s*(?:where|when|during which)\b")
# A university's parts, named by their field ("Department of X", "College of Y").
_UNIVERSITY_PART = re.compile(r"(?:[Tt]he\s+)?(?:Department|Faculty|School|College|Division)\s+of\b")
_DESCRIPTION_AFTER = re.compile(r";|\s[—–]\s")
# "— Advisor, Budget Office, 2022–present", "Policy Adviser to X": an adviser's post on a résumé line, not
# the person who advised a thesis ("Thesis advisor: Prof. X", "M.Sc., X University (advisor Dr. Y)").
_ADVISER_POST = re.compile(r"(?<![Tt]hesis )(?<![Rr]esearch )(?<![Aa]cademic )(?<![Ff]aculty )(?<![Dd]octoral )"
                           r"\b[Aa]dvis[eo]r\b(?=\s*(?:[,)]|$)|\s+(?:at|to|in|for|on)\b)")
# Rules that read a post held at a university, kept where the applicant also studied.
_POST_RULES = frozenset({"job-in", "works-there-too", "header-job-title", "joined-as", "cv-post", "postdoc-at", "appointed-at",
                         "hired-at", "where-i-worked"})
# Verbs that give a post: "appointed lecturer at X", "hired as an analyst at X".
_APPOINTED = frozenset({"appoint", "hire", "employ", "promote", "recruit"})
# Verbs by which an employer sends the applicant "to X" to work there ("the office seconded me to X").
_SENT_TO_WORK = frozenset({"second", "assign", "post", "detach", "deploy"}) | _SECONDED

# The first line of a letter's recipient block when no person is named.
_COMMITTEE_LINE = re.compile(r"(?:to\s+)?(?:the\s+)?(?:(?:faculty\s+)?(?:hiring|search|selection|admissions?|recruitment|graduate admissions)"
                             r"\s+(?:committee|panel|team|office)|graduate admissions|admissions office)\s*,?$", re.I)


def _trains_for_a_profession(label: str) -> bool:
    """"National School of Midwifery", "Widget Polytechnic": a school or a university by its name."""
    return bool(UNIVERSITY_WORDS.search(label) or _SCHOOL_WORD.search(label))


def _funding_named(ctx) -> bool:
    """Does the sentence speak of funding outside what it says X itself does ("X, an NGO supporting
    community health, …" describes X)?"""
    # what one applies "for" ("applied for a Widget Scholarship through X") is named a word further down
    sought = [o for t in ctx.clause if t.dep_ == "prep" and t.lower_ == "for" for o in t.children if o.dep_ == "pobj"]
    # ("my fellowship application to X": the kind of what is sought modifies a word on the way to X)
    kinds = [c for t in ctx.path for c in t.children if c.dep_ in ("compound", "amod") and c.pos_ != "PROPN"]
    return any(lemma(t) in FUNDING and not _postdoctoral_fellowship(t)
               for t in (*ctx.clause, *ctx.path, *sought, *kinds) if t.i not in ctx.described)


_POSTDOCTORAL = frozenset({"postdoctoral", "post-doctoral", "postdoc"})
# The words a fellowship's kind is named with; any other modifier names who pays ("an EMBO Postdoctoral Fellowship").
_FELLOWSHIP_KINDS = _POSTDOCTORAL | {"research", "junior", "senior", "teaching", "clinical", "doctoral", "visiting"}


def _postdoctoral_fellowship(tok: Token) -> bool:
    """"a Postdoctoral Research Fellowship": a fellowship that is a post, not money for one."""
    return lemma(tok) == "fellowship" and any(c.lower_ in _POSTDOCTORAL for c in tok.lefts) \
        and not any(c.dep_ == "compound" and c.lower_ not in _FELLOWSHIP_KINDS and lemma(c) not in ("year", "month")
                    for c in tok.lefts)


def _someone_elses_work(tok: Token) -> bool:
    """"the work of the X Unit", "her work": the noun names another's work, not the applicant's working."""
    if tok.pos_ != "NOUN" or lemma(tok) not in OUTPUT_NOUNS:
        return False  # "a member of X" is a place in X, not X's work
    # "my master's research" is still the applicant's: only a person or a pronoun owns the work
    return any((c.dep_ == "prep" and c.lower_ == "of")
               or (c.dep_ == "poss" and c.lower_ not in FIRST_PERSON and (c.pos_ in ("PRON", "PROPN") or c.lower_ == "whose"))
               for c in tok.children)


_VISIT = frozenset({"visit", "tour", "travel"})
_QUALIFIED = frozenset({"qualify", "qualified", "train", "trained"})
_SCHOOL_WORD = re.compile(r"(?i)\b(?:school|academy)\b")  # with UNIVERSITY_WORDS, a name where one trains
# "spend three months at X", "a few weeks at Y": a stay, not the programme applied to
_SHORT_STAY = re.compile(r"\b(?:a few|a couple of|several|one|two|three|four|five|six|\d{1,2})\s+(?:weeks?|months?)\b", re.I)
_NOT_BEFORE = re.compile(r"\bnot\s+(?:an?\s+|the\s+)?$", re.I)
# A unit's name: "School of X", "the Department of Y"
_UNIT_LABEL = re.compile(r"(?i)(?:the )?(?:school|department|faculty|college|division) of")
# "… – an associated institute of the", "affiliated with": what follows is the partner of a body named before
_ASSOCIATED_WITH = re.compile(r"\b(?:associated|affiliated)\s+(?:[\w-]+\s+){0,2}(?:of|with|to)\s+(?:the\s+)?$", re.I)
# Words that open many names without saying whose they are.
_ORG_HEAD_WORDS = re.compile(r"(?i)the|university|institute|school|college|national|international|royal|state|"
                             r"faculty|department|centre|center|graduate|federal|central|new")
# "research interests", "work plan": a cue word naming what one wants to do, not work done.
_PLANNED = frozenset({"interest", "question", "area", "agenda", "plan", "proposal", "statement", "goal", "direction"})


# Work or research a degree or these words make the work of a degree ("my doctoral research", "my PhD work").
_DEGREE_ADJECTIVES = frozenset({"doctoral", "undergraduate", "graduate"})
_DEGREE_WORK = frozenset({"work", "research", "studies", "project", "fieldwork"})


def _to_be_done(ctx, cues) -> bool:
    """"the opportunity to pursue my doctoral research at X": work still to do, told by an infinitive."""
    return bool(ctx.path_lemmas & cues["pursue"]) or any(
        t.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in ctx.path)


def _postdoctoral_stay(ctx) -> bool:
    """"my postdoctoral fellowship (at X)", "a postdoc stay": a noun of the path a postdoc names."""
    return any(t.pos_ == "NOUN" and any(c.lower_ in ("postdoctoral", "postdoc") for c in t.children) for t in ctx.path)


def _degree_work(ctx) -> bool:
    """Is the mention where the work of the applicant's degree was done ("my doctoral work at X")?"""
    return any(lemma(t) in _DEGREE_WORK and any(
        c.dep_ in ("amod", "compound", "nmod", "poss") and (c.lower_ in _DEGREE_ADJECTIVES or is_degree_word(c.text))
        for c in t.children) for t in ctx.path)


def _degree_was_at(span: Span) -> bool:
    """"My PhD (2019–2023) was at X": the applicant's degree, told to have been at the mention."""
    prep = anchor(span).head
    verb = prep.head
    if prep.lower_ not in ("at", "in") or lemma(verb) != "be":
        return False
    return any(c.dep_ == "nsubj" and (is_degree_word(c.text) or lemma(c) in DEGREES)
               and any(p.dep_ == "poss" and p.lower_ in ("my", "her", "his", "their") for p in c.children)
               for c in verb.children)


def _names_a_plan(tok: Token) -> bool:
    """"Research interests and fit with X": the cue word only modifies a noun of plans."""
    return tok.dep_ in ("compound", "amod", "nmod") and lemma(tok.head) in _PLANNED


def _what_attracts(tok: Token, interest: frozenset[str]) -> bool:
    """"I am drawn to the group of P at X", "interested in the lab at X": the cue word names what
    the applicant is drawn to, not a place they worked."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and lemma(tok.head.head) in interest \
        and tok.head.head.tag_ != "VBD"


def _internship_at(span: Span, ctx) -> bool:
    """"a research internship at X", "the mandatory internship year at X": an internship is what is at X."""
    if ctx.path_lemmas & INTERNSHIP:
        return True
    root = anchor(span)
    noun = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
    return noun is not None and any(lemma(c) in INTERNSHIP for c in noun.children if c.dep_ in ("compound", "amod"))


def _reads_a_subject(tok: Token) -> bool:
    """'read Law', 'study Physics': a verb of studying with a subject's capitalised name as its object."""
    return lemma(tok) in ("read", "study") and any(c.dep_ == "dobj" and c.is_title and not c.is_sent_start
                                                   for c in tok.children)


# An open quotation of lower-case words before a name: 'about "my time at X"'
_QUOTED_WORDS_BEFORE = re.compile(r"[\"“][a-z][^\"”\n]{0,40}$")
# "While still at X, …", "while I was at X": the time the clause tells of, at a university
_WHILE_AT = re.compile(r"\b[Ww]hile\s+(?:still\s+|I\s+was\s+(?:still\s+)?)?(?:at|in)\s+(?:the\s+)?$")
# A header line that names who pays: "Funding: …", "Scholarship (applied): …"
_FUNDING_LABEL = re.compile(r"[ \t]*(?:[-*•·][ \t]*)?(?:funding|funder|scholarships?|grants?|fellowships?|sponsor(?:ship)?|"
                            r"financial support|funded by)\b[^:\n]{0,20}:", re.I)
# A centre or institute named head first ("Centre d'Excellence …", "Institute for …"), not a lab or a group.
_CENTRE_NAME = re.compile(r"(?i)(?:the\s+)?(?:cent(?:re|er|ro)|institut\w*)\b")
# "… at X as a participant in a summer school": a course's attendee, no employee
_AS_A_PARTICIPANT = re.compile(r"[^.;]{0,40}?\bas an? (?:[\w-]+\s+)?(?:participant|attendee|delegate|trainee)\b", re.I)
# "… works closely with X, but is a volunteer there rather than an employee": the sentence says it was no post.
_NO_POST_THERE = re.compile(r"\b(?:rather than|not|never)\s+(?:as\s+)?(?:an?\s+)?(?:employee|staff member)\b"
                            r"|\ba volunteer there\b", re.I)


class OrganisationRelations:
    """The organisation rules of the relation finder (a mixin; see the module docstring)."""

    def _organisation(self, span: Span, index: int, cues) -> None:
        section = self.c.section(span)
        if section == "REFERENCES" or self._short_form_in_brackets(span, index):
            return
        ctx = analyse(span, self.applicant_tokens, self.third_person)
        if ctx.negated or ctx.counterfactual or never_there(span.sent) or denied_next(span.sent) \
                or did_not_go(ctx):
            return
        if _ASSOCIATED_WITH.search(self.c.text, max(span.sent.start_char, span.start_char - 60), span.start_char):
            return  # "X Institute, Town – an associated institute of Y University": Y is X's partner
        if _QUOTED_WORDS_BEFORE.search(self.c.text, span.sent.start_char, span.start_char) \
                and re.match(r"[^\"”\n]{0,20}[\"”]", self.c.text[span.end_char:span.sent.end_char]):
            return  # 'I am asked about "my time at X"; in fact …': words others say, quoted, are no claim
        if self.c.is_university(index) and _WHILE_AT.search(self.c.text, max(span.sent.start_char, span.start_char - 30),
                                                         span.start_char):
            return  # "While still at X I spent three months as an intern at Y": when, not where the post was
        if _NOT_BEFORE.search(self.c.text, max(span.sent.start_char, span.start_char - 12), span.start_char):
            return  # "she is a ministry employee, not UNFPA staff": the body denied in so many words
        if in_applied_field(span) or ((apply_place(span) or addressee_org(span)) and section == "BODY"):
            # "X's faculty make it the ideal place for me", "your group at X": X is the target.
            self.target_orgs[index] = self.target_orgs.get(index, 0) + 1.0
            return
        if span.start > 0 and self.c.doc[span.start - 1].text == "(" and any(
                s.end == span.start - 1 for s, _ in self.c.person_spans()):
            return  # "Dr. M (Y University)": the person's affiliation, not a place of the applicant's
        where = where_i_did(span)
        # ("I was trained as a historian at X, where I took a BA": the trade one trained for is no post held)
        trained = bool(ctx.path_lemmas & {"train", "educate"})
        if where is not None and section == "BODY" and not ctx.future and (trained or not (
                ctx.subject_is_applicant and ctx.lemmas & (cues["study"] | cues["work"] | JOB_NOUNS))):
            # "… took me to X, where I completed my BSc", "My training began at X in Y, where I completed a
            # Licence": when the main clause does not say it, the clause about X says what the applicant did there.
            studied_there = where & (DEGREES | STUDY_WORDS | {"study", "graduate", "enrol", "enroll"})
            # ("… the X Institute, where I completed my doctorate": a degree earned at an institute too)
            if studied_there and (self.c.is_university(index) or where & DEGREES and where & EARNED):
                self.fact(APPLICANT, "studiedAt", index, 0.7, "where-i-studied", span)
                return
            if where & (JOB_NOUNS | {"work", "employ"}) and not studied_there:
                self.fact(APPLICANT, "workedAt", index, 0.6, "where-i-worked", span)
                return
        if trained and section == "BODY" and not ctx.future and ctx.subject_is_applicant \
                and (studies_in_sentence(span) or any(lemma(t) == "graduate" for t in span.sent)) \
                and any(t.lower_ == "as" and lemma(t.head) in ("train", "educate") for t in span.sent):
            # "I trained as a chemical engineer at the X School of Y University, graduating in 2016": the
            # trade one trained for is no post; the degree is the university's
            university = self._university_after(span)
            if university is None and self.c.is_university(index):
                university = index
            if university is not None:
                self.fact(APPLICANT, "studiedAt", university, 0.6, "trained-at", span)
            return
        if offered_only(span):
            return  # "2023: Offered a post as manager with X. Declined …": never worked there
        if not self.c.is_university(index) and self._parent_after_its_unit(span):
            return  # "a fellow at the Quill Centre of the Widgetian Academy": the post is the centre's
        if parent_of_described(span):
            return  # "X, a public trust under the Ministry of Y": Y is X's parent body
        # "2018–2020  M.Sc. in X, Y University" under the name: a past entry of the résumé, no target
        dated_header_line = section == "HEADER" and self._opens_with_a_date(span)
        entry = self._cv_entry(span) if (section == "BODY" and not ctx.future) or dated_header_line else None
        if entry == "study" and UNIVERSITY_PART_NAME.match(self.c.registry.records[index].label) \
                and (self._unit_of_university_after(span) or self._university_earlier_in_entry(span)):
            # "DVM, School of Widget Medicine, University of Quill (2018)": the degree is the university's (and
            # so on the entry's next line: "2010–2013  BEd, Quill University" over "      Faculty of Education")
            return
        # ("MPH, Institute of X (IX), Widget University, 2019": the institute of the university too)
        if entry == "study" and (self.c.is_university(index) or (
                self.c.subtype(index) is None and self._unit_of_university_after(span)) or (
                self.c.subtype(index) != "Company" and self._first_on_its_line(span, index))):
            self.fact(APPLICANT, "studiedAt", index, 0.6, "cv-entry", span)
            return
        if entry in ("work", "post") and not self._offer_or_award_line(span) and not self._made_by(span):
            # before the subject test: the parser often makes a résumé line the subject of the next line's verb
            self.fact(APPLICANT, "workedAt", index, 0.6, "cv-post" if entry == "post" else "cv-entry", span)
            return
        if dated_header_line:
            return
        if section == "BODY" and not ctx.future and in_my_time_as(span) and post_held_at(span):
            # "During my second year as a clinical pharmacist at X, a patient …": the post is the applicant's
            # whoever the sentence's subject is
            self.fact(APPLICANT, "workedAt", index, 0.7, "post-at", span)
            return
        if section == "BODY" and as_a_student(span):
            if self.c.is_university(index):
                self.fact(APPLICANT, "studiedAt", index, 0.7, "student-opening", span)
            elif ctx.preposition == "in" and (self.c.subtype(index) == "ResearchGroup" or _RESEARCH_UNIT.search(self.c.registry.records[index].label)):
                # "working as a graduate student in the Widget Research Centre": a student's lab is where one worked
                self.fact(APPLICANT, "workedAt", index, 0.6, "student-in-lab", span)
            return
        if section == "HEADER" and self._in_recipient_block(span):
            # The addressee's block of a letter (name, group, university): where one applies.
            self.target_orgs[index] = self.target_orgs.get(index, 0) + 1.0
            return
        if section == "HEADER":
            if self._offer_or_award_line(span):
                return  # "Other offers: MSc X, Widget School of Mines (2024) -- declined"
            # The text line, not the parser's sentence: "Name · MSc X · University Y" is one line
            # the parser may cut at a separator.
            text = self.c.text
            start, end = self.c.line_bounds(span.start_char, span.end_char)
            # "PhD in Computer Science, University of X" under the name: the programme and its host.
            # ("Ph.D. candidate, X" says who the author is, not what they apply for)
            with_programme = self._programme_between(start, end)
            line = re.sub(r"\s*\([^()]*\)", "", text[start:end]).strip(" \t,.;")  # (its acronym, "(UY)", too)
            # the line may go on to name a unit of it ("University Y, Widget Institute of Pharmacy")
            rest = line.replace(span.text, "", 1).strip(" \t,;–—-") if line.startswith(span.text) else line
            # or a line of organisations only ("School of X, The University of Y"): its university is the host
            if not with_programme and (line == span.text or _UNIT_LINE.fullmatch(rest) or (
                    self.c.is_university(index) and self._names_only_organisations(start, end))):
                # "Program: MSc X" and, on the next line alone (a blank line between), "University Y (UY)": the host
                above = text.rfind("\n", 0, len(text[:max(start - 1, 0)].rstrip())) + 1
                with_programme = self._programme_between(above, start - 1, skip_post_nominal=True)
            if not with_programme and self.c.is_university(index) and start > 0:
                # "Application to the MA in X" over "Faculty of X, Widget University · academic year 2025/26"
                # (not "Ph.D. Candidate, Computer Science" over the author's university: a status, no programme)
                above = text.rfind("\n", 0, start - 1) + 1
                with_programme = bool(APPLICATION_WORDS.search(text, above, start - 1)) \
                    and self._programme_between(above, start - 1)
            if _FUNDING_LABEL.match(text, start, end):
                return  # "Funding: X Scholarship (applied; Ministry of Y)": the funder one applied to, no target
            if not with_programme and HEADER_STUDENT.search(text, start, span.start_char):
                # "Ph.D. candidate, Widget Institute of X": where the author studies now ("candidate"
                # alone may name an application: "Candidate for Assistant Professor, X")
                self.fact(APPLICANT, "studiedAt", index, 0.6, "header-student", span)
            elif with_programme or APPLICATION_WORDS.search(text, start, end):
                self.target_orgs[index] = self.target_orgs.get(index, 0) + 1.0
            elif HEADER_JOB.search(text, start, span.start_char):
                # "Jane Roe — Postdoctoral Researcher, University of X": the author's current post
                self.fact(APPLICANT, "workedAt", index, 0.6, "header-job-title", span)
            return
        # (after the header's lines, whose parse is no sentence: "Applicant: X" is no one else's clause)
        if ctx.subject_other and self._hired_the_applicant(ctx):
            # "Dr. P hired me as a research assistant at X": someone else's verb, the applicant's post
            self.fact(APPLICANT, "workedAt", index, 0.7, "hired-at", span)
            return
        if ctx.subject_other:
            return
        lemmas = ctx.lemmas
        subtype = self.c.subtype(index)
        # "I returned to X in 2019 to finish my B.S.": the purpose clause, told in the past, is done.
        past_purpose = span.sent.root.tag_ == "VBD" and ctx.subject_is_applicant and any(
            (t.lemma_ or t.lower_).lower() in FINISH and t.dep_ in ("xcomp", "advcl") for t in span.sent)
        if (ctx.future and lemmas & FINISH or past_purpose) and studies_in_sentence(span) \
                and (self.c.is_university(index) or lemmas & THESIS):
            # "I will complete my M.Sc. at X in May": a degree under way, not a destination.
            self.fact(APPLICANT, "studiedAt", index, 0.7, "finishing-degree", span)
            return
        if admitted_before(span, lemmas, cues["apply"]):
            return  # "I was admitted last year to the MSc at X": neither the target nor a place of study
        applying = bool(lemmas & cues["apply"]) or apply_place(span) or (
            ctx.future and not ctx.long_term and bool(lemmas & cues["apply_future"])) or _offering_what_i_apply_for(ctx, cues)
        fronted_at = ctx.preposition == "at" and span.start - span.sent.start <= 2 and sentence_has(span, "future")
        applying = applying or fronted_at
        if ctx.preposition != "at" and _funding_named(ctx):
            return  # "apply for funding from X": X is a funder ("a fellowship for an internship at Y": Y is not)
        if not applying and ctx.future and ctx.path_lemmas & INTERNSHIP:
            return  # "I would like to do an internship at X during the programme": a plan, not the target
        if applying or (ctx.future and not ctx.long_term and (lemmas & cues["pursue"] or ctx.preposition == "at")
                        and not ctx.path_lemmas & _VISIT  # ("I would be keen to visit the X Centre at Y": a trip)
                        and not ("spend" in ctx.path_lemmas and _SHORT_STAY.search(span.sent.text))):
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
        if funds_a_post_elsewhere(span):
            return  # "the Department of Widgets' internship at Y": the work is at Y
        if _internship_at(span, ctx) or did_internship or self._visiting_post(ctx):
            # "a research internship at X", "a visiting student at X" (X a university or not): a job, not a degree.
            self.fact(APPLICANT, "workedAt", index, 0.7, "internship-at", span)
            return
        if joined_for_a_degree(span) and ctx.subject_is_applicant and subtype in (None, "University"):
            # "I joined the X Institute at Y University for an M.Sc.": both are where the applicant studied
            self.fact(APPLICANT, "studiedAt", index, 0.7, "joined-for-degree", span)
            return
        if taken_on_by(span) and ctx.subject_is_applicant:
            # "I was engaged by X as a field enumerator", "I was recruited by X": X took the applicant on
            self.fact(APPLICANT, "workedAt", index, 0.7, "taken-on-by", span)
            return
        if joined_as(span) and not ctx.path_lemmas & cues["not_employer"]:
            # "I returned to X as a junior researcher": a post taken on, also where the applicant studied
            self.fact(APPLICANT, "workedAt", index, 0.7, "joined-as", span)
            return
        if post_held_at(span) and not ctx.path_lemmas & cues["not_employer"]:
            # "As a postdoc at X, I have been studying …": the post held at X, whatever the main verb says.
            self.fact(APPLICANT, "workedAt", index, 0.7, "post-at", span)
            return
        # (with no other subject between the verb and the name: in "I taught X at Y, and I co-organised a
        # workshop at Z", Z is not where one taught, however the parser hangs it)
        verb = _teaching_verb(ctx.path)
        if verb is not None and any(t.dep_ == "nsubj" for t in span.doc[verb.i + 1:span.start]):
            verb = None
        if ctx.subject_is_applicant and verb is not None \
                and not {t.lower_ for t in ctx.clause} & {"me", "us"} and any(t.lower_ == "at" for t in ctx.path):
            # "I taught the exercise classes of a course at X": teaching at X is a post there
            # (only "at X": what is taught, "Optimal Control for Widgets", may read like a name too)
            self.fact(APPLICANT, "workedAt", index, 0.6, "taught-at", span)
            return
        if ctx.preposition in ("at", "in") and _postdoctoral_stay(ctx):
            # "During my postdoctoral fellowship at X": a postdoc's stay is a post there
            self.fact(APPLICANT, "workedAt", index, 0.7, "postdoc-at", span)
            return
        if self.c.is_university(index) and ctx.preposition in ("at", "in") and _degree_work(ctx) \
                and not _to_be_done(ctx, cues):
            # "My doctoral work at X", "my master's research at X": the work of a degree is study there
            self.fact(APPLICANT, "studiedAt", index, 0.7, "degree-work", span)
            return
        if _degree_was_at(span) and (self.c.is_university(index) or self.c.subtype(index) is None) \
                and not DEPARTMENT_NAME.match(self.c.registry.records[index].label):
            # "My PhD was at the X Institute": a degree is where it was, at a university or an institute
            self.fact(APPLICANT, "studiedAt", index, 0.7, "degree-was-at", span)
            return
        # the words of a name on the path are no cue: "the School of X at Y" says nothing of studying at Y
        named = self._org_tokens
        study_words = {w for t in (*ctx.clause, *ctx.path) if t.i not in named for w in (lemma(t), t.lower_)}
        if any(names_a_post(t) for t in ctx.clause):
            study_words.discard("year")  # "I spent four years as a staff nurse on the wards of X": years of work
        if any(_reads_a_subject(t) for t in ctx.path):
            study_words.add("study")  # "I read Law at X": the British "read" of a subject
        # "I went to X University to read Law", "… to study Physics"
        went_to_study = ctx.preposition == "to" and bool(ctx.path_lemmas & {"go", "come", "move", "return"}) \
            and any(_reads_a_subject(t) for t in span.sent)
        # ("I hold a BA in X from Y": a degree the applicant holds or earned, whatever its abbreviation)
        studied = (bool(study_words & cues["study"] or (study_words & DEGREES and study_words & (EARNED | {"have"})))
                   and ctx.preposition in (None, "at", "from", "of", "in")
                   or went_to_study) and subtype in (None, "University")
        if studied and span.start > 0 and span.doc[span.start - 1].lower_ == "its" \
                and re.match(r"(?i)(?:\w+\s+)?(?:school|faculty|college|department|institute)\b", span.text):
            return  # "an MSc from X University and my PhD from its Doctoral School of Y": a part of X, named already
        if studied and _SHORT_SCHOOL.search(span.sent.text):
            return  # "a two-week summer school at X": a course attended there, not a place of study
        if studied and UNIVERSITY_PART_NAME.match(self.c.registry.records[index].label):
            university = self._university_after(span)
            # ("the École X (EX) of the Université Y": a school that is a university by its name is Y's part
            # when it is "of" Y; "Widget College, University of Quill" names a college of its own)
            after = after_bracket(span.doc, span.end, 8)
            of_it = after < len(span.doc) and span.doc[after].lower_ == "of"
            if university is not None and (not self.c.is_university(index) or of_it):
                # "a Master at the Faculté des Sciences de X (Université Y)": a degree of the university
                self.fact(APPLICANT, "studiedAt", university, 0.7, "study-cue-unit", span)
                return
        if studied and self.c.is_university(index):
            self.fact(APPLICANT, "studiedAt", index, 0.8, "study-cue", span)
            if works_there_too(span):
                # "I completed my PhD at X in 2023 and currently work there as a postdoctoral researcher"
                self.fact(APPLICANT, "workedAt", index, 0.6, "works-there-too", span)
            return
        if self.c.is_university(index) and ctx.subject_is_applicant and not lemmas & cues["work"] and (
                (ctx.preposition == "to" and "transfer" in ctx.path_lemmas)
                or (ctx.preposition == "at" and ctx.path_lemmas & {"start", "begin"})
                or ({"arrive", "at"} <= ctx.path_lemmas and studies_in_sentence(span))):
            # "I transferred to X", "I started at X in 2019", "I arrived at X planning to study …": how a student
            # moves between universities
            self.fact(APPLICANT, "studiedAt", index, 0.6, "transferred-or-started", span)
            return
        if studied and subtype is None and ctx.subject_is_applicant and lemmas & DEGREES and lemmas & EARNED \
                and ctx.preposition in ("at", "from", "in") and not self._unit_of_university_after(span) \
                and not _internship_at(span, ctx) \
                and not DEPARTMENT_NAME.match(self.c.registry.records[index].label) \
                and not self._part_of_a_university_before(span, index):  # (a university's part, in any language)
            # "I completed my PhD at the X Institute": a degree earned at an institute that is not a university
            # ("… at the X Institute, Y University": the degree is the university's).
            self.fact(APPLICANT, "studiedAt", index, 0.7, "degree-at-institute", span)
            return
        if subtype == "ResearchGroup" and ctx.subject_is_applicant and ctx.preposition in ("at", "from") \
                and lemmas & DEGREES and lemmas & EARNED and not lemmas & THESIS \
                and _CENTRE_NAME.match(self.c.registry.records[index].label) and not self._unit_of_university_after(span):
            # "I completed a research master's at X, the Centre of Excellence for Y": a centre that teaches a
            # degree (no thesis or doctorate, which are research done in it) is where one studied
            self.fact(APPLICANT, "studiedAt", index, 0.6, "degree-at-centre", span)
            return
        if self.c.is_university(index) and ctx.preposition in ("from", "at") and ctx.subject_is_applicant \
                and studies_in_sentence(span) and not (lemmas & cues["work"]) \
                and _teaching_verb(span.sent) is None:
            # The parse attached "from X" elsewhere, but the sentence is about a degree (not about a course
            # one taught).
            self.fact(APPLICANT, "studiedAt", index, 0.5, "study-sentence", span)
            return
        if self.c.is_university(index) and degree_at(span):
            # "For my M.Sc. in Ecology at X, … I worked under …": the degree places the study.
            self.fact(APPLICANT, "studiedAt", index, 0.6, "degree-at", span)
            return
        if self._made_by(span):
            return  # "the training material published by X", "a dataset released by X": X made it, nobody worked there
        if ctx.path_lemmas & cues["not_employer"] or _AS_A_PARTICIPANT.match(self.c.text, span.end_char, span.sent.end_char) \
                or _NO_POST_THERE.search(span.sent.text):
            # "worked with clients such as X", "collaborate with engineers at X", "presented at X",
            # "two weeks at X as a participant in a training course": X is not an employer.
            return
        if span.root.dep_ == "dobj" and lemma(span.root.head) in _USED:
            return
        if modifies_a_thing(span):
            return  # "the X leaderboard", "an X scholarship": X names whose thing it is, not a workplace
        if self._a_club_or_its_host(span, index):
            return  # "Lead of the X Student Club at Y": a student activity, not employment
        line_end = self.c.line_bounds(span.start_char, span.end_char)[1]
        if membership_only(self.c.registry.records[index].label, ctx.path_lemmas, self.c.text[span.end_char:line_end]):
            return  # "a student member of the X Society"
        seconded = ctx.preposition == "to" and bool(ctx.path_lemmas & _SECONDED)  # "seconded to X" for a while
        if ctx.preposition == "to" and ctx.subject_is_applicant and any(
                t.lower_ in _PLACED and any(c.dep_ == "auxpass" for c in t.children) for t in ctx.path):
            # "I was posted to X": a civil or national service placement is work at X
            self.fact(APPLICANT, "workedAt", index, 0.7, "posted-to", span)
            return
        if ctx.preposition == "at" and any(t.lower_ == "based" and self._based_body(t) for t in ctx.path):
            return  # "a job at X, the research centre based at Y": X is the workplace, Y where X is
        # The name's own words are no cue: "I admire the X Group" says nothing of working there.
        outside = [t for t in (*ctx.clause, *ctx.path) if not span.start <= t.i < span.end]
        cue_words = {w for t in outside for w in (lemma(t), t.lower_)
                     if w in cues["work"] and not _someone_elses_work(t) and not _names_a_plan(t)
                     and not _what_attracts(t, cues["interest"])
                     and not (t.tag_ == "NNS" and lemma(t) in JOB_NOUNS)}  # "researchers from X": others
        # "I spent an Erasmus exchange at the X Institute of Y University": time spent on a study stay is no post
        work_cued = bool(cue_words) and not (cue_words <= _TIME_SPENT and study_words & _STUDY_STAYS)
        if work_cued and (ctx.preposition in (None, "at", "in", "with", "for", "of", "by", "under") or seconded):
            # "Our programme worked closely with X": a partner of something else, not the applicant's employer
            if ctx.subject_is_applicant or (ctx.preposition in ("at", "with", "for") and not ctx.subject_other):
                self.fact(APPLICANT, "workedAt", index, 0.7, "work-cue", span)
        elif ctx.subject_is_applicant and ctx.preposition == "at" and ctx.path_lemmas & _QUALIFIED \
                and _trains_for_a_profession(self.c.registry.records[index].label):
            # "She qualified as a registered midwife at the National School of X": where one trained for the job
            self.fact(APPLICANT, "studiedAt", index, 0.6, "qualified-at", span)
        elif ctx.subject_is_applicant and ctx.preposition == "at" and any((t.lemma_ or t.lower_).lower() in JOB_NOUNS for t in span.sent):
            # "I later moved to a consultant role at X": the parse hangs "at X" on the verb, not the role.
            # ("I was appointed lecturer at X": an appointment is a post, also where the applicant studied)
            appointed = bool(ctx.path_lemmas & _APPOINTED)
            self.fact(APPLICANT, "workedAt", index, 0.6, "appointed-at" if appointed else "job-at", span)
        elif ctx.subject_is_applicant and ctx.preposition == "at" and len(ctx.path) > 1 and ctx.path[1].lower_ == "based" \
                and not self._based_body(ctx.path[1]):
            # "I moved to community nursing with Y, based at the X Health Centre": where the post was
            self.fact(APPLICANT, "workedAt", index, 0.6, "based-at", span)
        elif ctx.subject_is_applicant and ctx.preposition == "to" and len(ctx.path) > 1 and lemma(ctx.path[1]) in JOB_NOUNS:
            # "I served as a consultant to X", "an adviser to X"
            self.fact(APPLICANT, "workedAt", index, 0.6, "post-to", span)
        elif ctx.subject_is_applicant and ctx.preposition == "of" and len(ctx.path) > 2 and lemma(ctx.path[1]) in UNIT_WORDS \
                and ctx.path[2].lower_ in ("in", "at") and ctx.path_lemmas & JOB_NOUNS:
            # "she has been an economist in the statistics unit of X": the post is in a part of X
            self.fact(APPLICANT, "workedAt", index, 0.6, "job-in-unit-of", span)
        elif ctx.subject_is_applicant and ctx.preposition in ("in", "with") and ctx.path_lemmas & JOB_NOUNS:
            # "I have been an undergraduate researcher in the X Lab", "a field linguist with X": the post is held there.
            self.fact(APPLICANT, "workedAt", index, 0.6, "job-in", span)
        elif ctx.subject_is_applicant and ctx.preposition in ("at", "in") and subtype == "ResearchGroup" \
                and lemmas & THESIS:
            # "I defended my thesis at the X Laboratory": a doctoral student works in the lab
            self.fact(APPLICANT, "workedAt", index, 0.6, "thesis-in-lab", span)
        elif ctx.subject_is_applicant and ctx.preposition == "in" and lemma(span[-1]) in GROUP_NOUNS:
            # "I started an M.Sc. at Y, in the X Group of Prof. P": a member of a research group works in it.
            self.fact(APPLICANT, "workedAt", index, 0.6, "in-group", span)

    def _part_of_a_university_before(self, span: Span, index: int) -> bool:
        """"a Bachelor from X University, completed at the School of Nursing on its Y campus": a school or
        faculty after the university the sentence named is that university's part."""
        return bool(UNIVERSITY_PART_NAME.match(self.c.registry.records[index].label)) and any(
            span.sent.start <= s.start and s.end <= span.start and self.c.is_university(i) for s, i in self.c.org_spans())

    @staticmethod
    def _made_by(span: Span) -> bool:
        """"published by X", "funded by X" (also on a résumé entry's line): X made or paid for it."""
        made = participle_agent_of(span)
        return made is not None and (made.lemma_ or "").lower() in _MADE_BY

    def _based_body(self, based: Token) -> bool:
        """"at X, the research centre based at Y": what the words after a body's name say is based at Y is
        that body, not the post ("with the X Trust, based at the Y Health Centre" does place the post)."""
        head, doc = based.head, based.doc
        if head.pos_ != "NOUN":
            return False
        if head.dep_ == "appos":
            return head.head.i in self._org_tokens
        # (the parser may make "the … centre" a second object rather than the name's apposition)
        comma = head.left_edge.i - 1
        if comma < 1 or doc[comma].text != ",":
            return False
        return before_bracket(doc, comma, comma) - 1 in self._org_tokens  # ("X (XA), the … centre")

    def _parent_after_its_unit(self, span: Span) -> bool:
        """Is ``span`` the parent body named after one of its units that has a name of its own ("the Quill
        Centre of the Widgetian Academy of Sciences")? What is said of the unit is not said of it. (A
        university's faculties are its parts: what is said of them is the university's.)"""
        doc = self.c.doc
        if span.start > 0 and doc[span.start - 1].text == "(":
            # "… of the Widget Institute (WI)": the acronym in brackets stands where its name does
            span = next((s for s, _ in self.c.org_spans() if s.end == span.start - 1), span)
        if span.start < 3 or doc[span.start - 1].lower_ != "the" or doc[span.start - 2].lower_ != "of":
            return False
        # "the Widget Centre (WC) of the Ministry of X": past the unit's acronym
        unit_end = before_bracket(doc, span.start - 2, 6)
        return any(s.end == unit_end for s, _ in self.c.org_spans())

    @staticmethod
    def _visiting_post(ctx) -> bool:
        """'I was a visiting student at X', 'a guest researcher at X': a research stay, not enrolment."""
        return any(t.lemma_.lower() in VISITING_HOLDERS and any(c.lower_ in VISITING for c in t.children)
                   for t in ctx.path)

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

    def _opens_with_a_date(self, span: Span) -> bool:
        """Does the line of ``span`` open with a year ("2018–2020  M.Sc. in X", "- **Sep 2019** — …")?"""
        start, end = self.c.line_bounds(span.start_char, span.end_char)
        return bool(_DATED_LINE.match(self.c.text, start, end))

    def _names_only_organisations(self, start: int, end: int) -> bool:
        """Does the text line ``start``..``end`` name organisations and nothing else ("School of X,
        The University of Y")?"""
        line = self.c.text[start:end]
        for org, _ in self.c.org_spans():
            if start <= org.start_char and org.end_char <= end:
                line = line.replace(org.text, " ")
        return not re.sub(r"(?i)\([^()]*\)|\bthe\b|[\s,;·|–—-]", "", line)

    def _cv_entry(self, span: Span) -> str | None:
        """"Acme, Bengaluru - Data Scientist II (Jul 2021 - present)", "Working student, Acme,
        Cologne, 2024.": a résumé-style entry — a line opening with a post or a workplace, with
        its dates and no clause of its own — or such a head followed by "I worked …": "work".
        "Exchange student, X University, Sendai (2021–2022)" and "2018–2020 M.Sc. in X, Y University":
        a stay as a student or a degree, "study". A line that names the post is "post": a post held where
        the applicant also studied is still work ("Research Assistant, X University (2022–present)")."""
        doc, text = self.c.doc, self.c.text
        start, end = self.c.line_bounds(span.start_char, span.end_char)
        own_start = start
        start = self._entry_start(start)
        stop = text.find(". ", span.end_char, end)
        head_end = end if stop < 0 else stop + 1
        # "Legal counsel, X (2021–2023), where I wrote …": the clause after the dates says what was done there,
        # and so does one after a semicolon or a dash once the dates are told ("…, 2019–2023, in X; graduated
        # with distinction", "…, summer 2022 — analysed the line data"; but "X, City — Summer 2023" ends with them)
        where = _WHERE_AFTER_DATES.search(text, span.end_char, head_end)
        head_end = where.start() + 1 if where else head_end
        cut = _DESCRIPTION_AFTER.search(text, span.end_char, head_end)
        if cut and re.search(r"\b(?:19|20)\d{2}\b", text[start:cut.start()]):
            head_end = cut.start()
        if span.start_char - own_start > 90 or head_end - start > 260:
            return None
        head = doc.char_span(start, head_end, alignment_mode="expand")
        if head is None:
            return None
        # (a word of a name is no verb: "da Universidade do Porto" has none)
        named = {i for s, _ in self.c.org_spans() if start <= s.start_char < head_end for i in range(s.start, s.end)}
        if any(t.pos_ in ("VERB", "AUX") and t.i not in named and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
               for t in head):
            return None
        if not any(t.ent_type_ == "DATE" or re.fullmatch(r"(?:19|20)\d{2}(?:[–-](?:19|20)?\d{2})?", t.text) for t in head):
            return None
        if any((t.lemma_ or t.lower_).lower() in CV_POSTS for t in head) or re.search(r"\bworking student\b", head.text, re.I) \
                or _ADVISER_POST.search(head.text):
            # the line's first organisation is where the post is ("Assistant, X Institute (XI), Y University":
            # Y only hosts it)
            first = any(s.start_char >= start and s.end_char <= span.start_char for s, _ in self.c.org_spans())
            return "work" if first else "post"
        undated = _AFTER_DATES.sub("", head.text, count=1)  # ("Feb–Jul 2016 — Exchange semester at X")
        if re.match(r"\W*(?:\d+\W+)?(?:\w+\s+){0,2}(?:exchange|visiting)\s+(?:\w+\s+)?(?:student|semester|year|term)\b",
                    undated, re.I):
            return "study"
        first_word = _NATIVE_NAME_THEN_SLASH.sub("", undated, count=1).split(maxsplit=1)
        if first_word and is_degree_word(first_word[0].rstrip(",;:")):
            return "study"  # "2018–2020  M.Sc. in X, Y University", "M.A. in X, Y University, 2023": a degree
        if _EDUCATION_HEADING.fullmatch(self._heading_above(start)):
            return "study"  # "EDUCATION / - 2010–2016: Piano and theory, Conservatoire de X": a dated line of study
        if head_end < end:
            worked = re.match(r"\s*I\s+(?:worked|interned|was|built|led|developed)\b", text[head_end:end])
        else:  # a heading line: the paragraph under it says how the applicant was there
            worked = re.match(r"\s*I\s+(?:worked|interned|joined)\b", text[end:end + 100])
        return "work" if worked else None

    def _heading_above(self, start: int) -> str:
        """The résumé heading ("EDUCATION", "Work experience") of the lines the line at ``start`` belongs to: the
        nearest short line above written in capitals or closed by a colon, within a few lines, or ""."""
        text = self.c.text
        for _ in range(12):
            if start <= 0:
                return ""
            above = text.rfind("\n", 0, start - 1) + 1
            line = text[above:start].strip().strip("#*: ")
            if line and len(line.split()) <= 4 and not re.search(r"\d", line) and (
                    line.isupper() or text[above:start].strip().endswith(":")):
                return line
            start = above
        return ""

    def _offer_or_award_line(self, span: Span) -> bool:
        """"Internship offer, X (UN X) - declined", "2023 X Association young translator prize": a résumé entry
        (the line, or the dated line an indented one continues) naming an offer or an award, no post held."""
        start, end = self.c.line_bounds(span.start_char, span.end_char)
        return bool(_OFFER_OR_AWARD.search(self.c.text, self._entry_start(start), end))

    def _first_on_its_line(self, span: Span, index: int) -> bool:
        """Is organisation ``index`` the line's only one, or the first with no university after it ("M.Sc. in
        X, Widget Centre for Y (WCY), Quilltown, 2020–2022": the body that gave the degree, a university or
        not, under either name; "…, Widget School of Z, Quill University": the university gave it)?"""
        start, end = self.c.line_bounds(span.start_char, span.end_char)
        return not any((start <= s.start_char < span.start_char and i != index) or (
            span.end_char <= s.start_char < end and self.c.is_university(i)) for s, i in self.c.org_spans())

    def _entry_start(self, start: int) -> int:
        """Where the résumé entry of the line starting at ``start`` begins: the line itself, or, for an
        indented line (the normalised text keeps one space of its indent) under a line that opens with
        its dates, that line ("2020–2022   Junior Analyst" over "      Widget Insurance Company, Quillton")."""
        text = self.c.text
        line_start = start
        indent = self.c.original_indent(line_start)
        for _ in range(3):
            if not re.match(r"[ \t]+\S", text[line_start:line_start + 40]) or line_start == 0:
                return start
            above = text.rfind("\n", 0, line_start - 1) + 1
            line = text[above:line_start - 1]
            if not line.strip():
                return start
            # (a résumé indented as a whole: "  2019-now  Officer, X," over "              Ministry of Y")
            if _DATED_LINE.match(line) and (not line[:1].isspace() or self.c.original_indent(above) < indent):
                return above
            line_start = above
        return start

    def _in_recipient_block(self, span: Span) -> bool:
        """Is ``span`` on one of the few lines after the person a letter is addressed to ("Dear Dr. X"),
        or after the committee it is addressed to ("Hiring Committee", then the organisation)?"""
        if TO_LINE.match(self.c.text, self.c.line_bounds(span.start_char, span.end_char)[0], span.start_char):
            return True  # "To: Graduate Admissions, Centre for X, Widget University"
        # the short lines above it (an HTML letter puts a blank line between the lines of an address)
        above = [line.strip() for line in self.c.text[max(0, span.start_char - 300):span.start_char].split("\n")[:-1]]
        block: list[str] = []
        for line in reversed([line for line in above if line]):
            if len(line) > 100 or len(block) == 4:
                break
            block.append(line)
        if any(_COMMITTEE_LINE.match(line) or TO_LINE.match(line) for line in block):
            return True  # (the lines under "To: Admissions Committee, PhD in X" go on with the address)
        start, people = self._addressee
        if start < 0 or span.start_char > start:
            return False
        for person, _ in people:
            if person.end_char <= span.start_char:
                between = self.c.text[person.end_char:span.start_char]
                return between.count("\n") <= 3 and "\n\n" not in between
        return False

    def _someone_elses_work(self, span: Span, ctx) -> bool:
        """"the work of Prof. P at Y": the parse hangs "at Y" on "work", which is P's (a lab of P's
        at Y that one visited is still a place one worked)."""
        others = self._person_tokens
        return any(t.pos_ == "NOUN" and (t.lemma_ or t.lower_).lower() in OUTPUT_NOUNS and any(
            c.dep_ == "prep" and c.lower_ in ("of", "by") and c.i < span.start and any(g.i in others for g in c.subtree)
            for c in t.children) for t in ctx.path)

    @cached_property
    def _person_tokens(self) -> frozenset[int]:
        """Indices of every token inside a person mention."""
        return frozenset(t.i for s, _ in self.c.person_spans() for t in s)

    def _work_at_the_university(self) -> None:
        """"a Lecturer in the Department of X, College of Y, Widget University": a post in a university's
        department (or faculty, school, college) is a post at the university named after it."""
        doc, records = self.c.doc, self.c.registry.records
        moved: dict[int, int] = {}
        for span, index in self.c.org_spans():
            if not _UNIVERSITY_PART.match(records[index].label) or index in moved:
                continue
            at = span
            for _ in range(3):  # through the parts between: "…, College of Y, Widget University"
                university = self._university_after(at)
                if university is not None:
                    moved[index] = university
                    break
                after = at.end + 1 if at.end < len(doc) and doc[at.end].text == "," else None
                at = next((s for s, i in self.c.org_spans() if s.start == after and _UNIVERSITY_PART.match(records[i].label)), None)
                if at is None:
                    break
        self.facts = [replace(f, object=moved[f.object]) if f.predicate == "workedAt" and f.object in moved else f
                      for f in self.facts]

    def _drop_work_at_schools(self) -> None:
        """Research done where one studies, or at the place applied to, is not employment (a post
        held there is: "… and now work there as a postdoctoral researcher")."""
        not_work = {f.object for f in self.facts if f.predicate == "studiedAt"} | set(self.target_orgs)
        # a doctoral candidate's institute, a university or not, is where the thesis work is done
        candidate_at = {f.object for f in self.facts if f.rule == "header-student"}
        self.facts = [f for f in self.facts if not (f.predicate == "workedAt" and f.object in not_work
                                                    and (self.c.is_university(f.object) or f.object in candidate_at)
                                                    and f.rule not in _POST_RULES)
                      and not (f.predicate == "workedAt" and (f.object in self.target_orgs or f.object in self.target_units))]

    @cached_property
    def _org_tokens(self) -> frozenset[int]:
        """Indices of the tokens inside the organisations' names."""
        return frozenset(t.i for s, _ in self.c.org_spans() for t in s)

    def _hired_the_applicant(self, ctx) -> bool:
        """Does a verb of hiring on the path take the applicant as its object ("P hired me as …")?"""
        applicant = FIRST_PERSON | (THIRD_PERSON if self.third_person else frozenset())
        # ("the firm seconded me to X", "the ministry assigned me to X": a post at X, on another's verb)
        verbs = _APPOINTED | (_SENT_TO_WORK if ctx.preposition == "to" else frozenset())
        return any((lemma(t) in verbs or t.lower_ in verbs) and any(c.dep_ == "dobj" and c.lower_ in applicant
                                                                   for c in t.children) for t in ctx.path)

    def _programme_between(self, start: int, end: int, *, skip_post_nominal: bool = False) -> bool:
        """Does the text from ``start`` to ``end`` name a programme, not a status ("Ph.D. candidate")
        (nor, with ``skip_post_nominal``, the degrees after a name: "Jane Roe, PhD")?"""
        return any(start <= s.start_char and s.end_char <= end and not names_a_status(s)
                   and not (skip_post_nominal and self._post_nominal(s)) for s, _ in self.c.program_spans())

    def _university_earlier_in_entry(self, span: Span) -> bool:
        """Does the résumé entry of ``span`` name a university before it?"""
        start = self._entry_start(self.c.line_bounds(span.start_char, span.end_char)[0])
        return any(start <= s.start_char and s.end_char <= span.start_char and self.c.is_university(i)
                   for s, i in self.c.org_spans())

    def _short_form_in_brackets(self, span: Span, index: int) -> bool:
        """"the X School of Y (XSY) of the Z University": the short form in brackets after the name says
        nothing the name's own mention does not."""
        doc = self.c.doc
        if not (span.start > 1 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"):
            return False
        return any(i == index and s.end == span.start - 1 for s, i in self.c.org_spans())

    def _university_after(self, span: Span) -> int | None:
        """"the High Institute of X, Widget University": the university named right after ``span`` and a comma,
        "at" or "of" ("the Central Department of X at Widget University", "the School of X of the University of
        Y"), or after its short name in brackets ("the High Institute of X (HIX), Widget University")."""
        return self._org_after(span, self.c.is_university)

    def _org_after(self, span: Span, wanted: Callable[[int], bool]) -> int | None:
        """The ``wanted`` organisation named right after ``span`` (see :meth:`_university_after`)."""
        doc = self.c.doc
        comma = span.end
        own = {i for s, i in self.c.org_spans() if s.start == span.start and s.end == span.end}
        if comma < len(doc) and doc[comma].text == "(":
            # "the Faculté des Sciences de Quill (Université Widget V de Quill)": the university itself in brackets
            # (not the name's own short form, "(FSQ)")
            inside = next((i for s, i in self.c.org_spans() if s.start == comma + 1 and s.end < len(doc)
                           and doc[s.end].text == ")" and wanted(i) and i not in own), None)
            if inside is not None:
                return inside
            # ("the Institute of X (IX, its name in Japanese), Widget University": short name and gloss)
            comma = after_bracket(doc, comma, 8)
        if comma + 1 >= len(doc) or doc[comma].lower_ not in (",", "at", "of"):
            return None
        # (after "at" or "of" the name may or may not take its article: "… at the University of X")
        after = (comma + 1, comma + 2) if doc[comma].lower_ in ("at", "of") and doc[comma + 1].lower_ == "the" else (comma + 1,)
        return next((i for s, i in self.c.org_spans() if s.start in after and wanted(i)), None)

    def _unit_of_university_after(self, span: Span) -> bool:
        """"the High Institute of X, Widget University": a unit followed by the university it belongs to."""
        return self._university_after(span) is not None

    def _target_right_after(self, index: int) -> bool:
        """Is another target named right after a mention of ``index``?"""
        def another_target(i: int) -> bool:
            return i != index and i in self.target_orgs

        return any(self._org_after(span, another_target) is not None for span, i in self.c.org_spans() if i == index)

    def _target_university_after(self, index: int) -> int | None:
        """"Widget College of Quills, Widgetford State University": a unit named right before a target
        university, after a comma, is that university's (a college is typed as a university too)."""
        if re.search(r"(?i)universit", self.c.registry.records[index].label):
            return None
        after = [(span, u) for span, i in self.c.org_spans() if i == index
                 for u in [self._university_after(span)] if u is not None]
        named = next((u for _, u in after if u in self.target_orgs), None)
        if named is None:
            # ("Proposed host: the Institute of X (IX), Widget University": the unit one applies to, its
            # university after it, on a line of its own)
            named = next((u for span, u in after if self.c.section(span) == "HEADER"), None)
        return named

    def _target_university_named_first(self, index: int) -> int | None:
        """"Widgetford Institute of Quills" beside "University of Widgetford" or "Widgetford University", both
        targets: a unit whose name opens with the place a target university is named after is that university's."""
        records = self.c.registry.records
        first = records[index].label.split()[0]
        if self.c.is_university(index) or not first[:1].isupper() or _ORG_HEAD_WORDS.fullmatch(first):
            return None
        named_after = re.compile(r"(?:.*\b(?:of|at)\s+" + re.escape(first) + r"|" + re.escape(first) + r"\s+University)")
        return next((i for i in sorted(self.target_orgs) if i != index and self.c.is_university(i)
                     and named_after.fullmatch(records[i].label)), None)

    def _named_after_a_target_university(self, index: int, universities: dict[int, float]) -> bool:
        """Is an organisation named, in some sentence, after a target university the sentence names first, or
        above it in the addressee's block of a letter?"""
        spans, doc = self.c.org_spans(), self.c.doc
        units = [t for t, i in spans if i == index]
        for s in (s for s, u in spans if u in universities):
            for t in units:
                # (not a second target: "applying to Widget University and to the Quill Institute")
                if s.sent.start == t.sent.start and s.end <= t.start \
                        and not any(w.lower_ in ("and", "or") for w in doc[s.end:t.start]):
                    return True
                # the addressee's block of a letter: "Widget Institute (WI)" over "Faculty of X, Widget University"
                if self.c.section(t) == "HEADER" and t.end <= s.start and self.c.text.count("\n", t.end_char, s.start_char) <= 2 \
                        and self._in_recipient_block(t) and self._in_recipient_block(s):
                    return True
        return False

    def _targets(self) -> None:
        if not self.target_orgs:
            return
        for index in sorted(self.target_orgs):
            # (record 0 is a record: the first answer that is not None wins)
            parent = next((p for p in (self.c.parent_university(index), self._target_university_named_first(index),
                                       self._target_university_after(index)) if p is not None), None)
            if parent is not None and parent != index:
                # A school of a university the letter also names: one applies to the university.
                weight = self.target_orgs.pop(index)
                self.target_units.add(index)
                self.target_orgs[parent] = max(self.target_orgs.get(parent, 0), weight)
        universities = {i: w for i, w in self.target_orgs.items() if self.c.is_university(i)}
        for index in [i for i in sorted(self.target_orgs) if i not in universities and self.c.subtype(i) != "Company"]:
            if self._named_after_a_target_university(index, universities):
                # "a PhD at Widget University, in the team of Dr. P at the Institut X (IX)": the university's institute
                self.target_units.add(index)
                del self.target_orgs[index]
        if universities:
            # Beside a university, another organisation is a target only on stronger evidence
            # (a funder or a consortium named in the same breath is not where one enrols).
            top = max(universities.values())
            self.target_orgs = {i: w for i, w in self.target_orgs.items()
                                if i in universities or w > top or self.c.subtype(i) == "Company"}
            # A school or department next to its university: the university is the target.
            self.target_orgs = {i: w for i, w in self.target_orgs.items()
                                if i in universities or not _UNIT_LABEL.match(self.c.registry.records[i].label)}
        # "Department of X, Widget Institute (WI)": a unit named right before another target is that body's.
        self.target_orgs = {i: w for i, w in self.target_orgs.items()
                            if not (_UNIT_LABEL.match(self.c.registry.records[i].label) and self._target_right_after(i))}
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
