"""Relation rules for person mentions: the applicant's mentors and prospective advisors.

:class:`PersonRelations` is a part of :class:`sopgraph.extract._RelationFinder`, kept in its
own module because people follow rules of their own: a role named before or after the name
("my supervisor, P", "P, who supervised my thesis"), the head of a lab the applicant worked
in, guidance received or wished for; another person's advisor, a mentee, a teacher of a
course or a cited author is none of the applicant's.

It reads the finder's ``c`` (the :class:`~sopgraph.mentions.MentionCollector`), ``facts``,
``applicant_tokens`` and ``third_person``, and calls its ``fact`` and ``_inside_other_person``.
"""
from __future__ import annotations

import re
from itertools import islice

from spacy.tokens import Span, Token

from .model import APPLICANT
from .names import TITLE_BEFORE_NAME
from .person_mentions import CITATION_MARK
from .relations import FIRST_PERSON, analyse, denies_working_with_pronoun, lemma, sentence_has
from .sentence_cues import (AGREED_TO_ROLE, AS_A_READER, AS_MY_ROLE, BECAME_MY_ROLE, BECAME_THEIR_ROLE, FINISH, GROUP_NOUNS, IS_A_ROLE, LEADING,
                            MY_SUPERVISOR, MY_WORK, NOT_THE_ROLE, ONGOING, ROLE_LABEL, TEACHING, THEIR_SUPERVISOR, THESIS, UNDER_A_ROLE, WHO_GUIDED_ME,
                            UNDER_GUIDANCE, UNDER_THE_GUIDANCE, VISITING, WISHED_ROLE_LINE, WORKED_LEMMAS, anchor, applying_in,
                            heads_a_group, offered_only, participle_agent_of, studies_in_sentence)
from .span_edges import TITLE_WORDS
from .typed_names import JOB_NOUNS

__all__ = ["PersonRelations"]

# "P, who supervised my thesis", "P, who advised me": a relative clause naming the role.
_GUIDED = frozenset({"supervise", "advise", "mentor", "guide", "host", "co-supervise", "cosupervise"})

# The same clause read from the text, for when the parse breaks at a hyphen ("co-supervised" is
# three tokens): "P (Y University), who co-supervised the second part of my thesis". Group 1 is
# the possessive or pronoun, checked by the caller.
_WHO_GUIDED = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*who\s+(?:had\s+|has\s+)?(?:co-?)?"
                         r"(?:supervised|advised|mentored|guided)\s+(?:(me|us|him|her|them)\b|"
                         r"(?:the\s+(?:[\w-]+\s+){1,3}of\s+)?(my|our|his|her|their)\s)", re.I)

# "P taught me X", "P trained me", "P showed me how …", "P introduced me to …": one who guided the applicant.
_TAUGHT_ME = frozenset({"teach", "train", "show", "introduce", "guide", "mentor", "supervise", "coach"})


def _as_subject(span: Span) -> Token:
    """The token that stands for the person in the clause: their name's head, or the subject it is
    in apposition to ("The nurse in charge of the ward, Mrs. P, mentored me")."""
    root = anchor(span)
    return root.head if root.dep_ == "appos" and root.head.dep_ == "nsubj" else root


def _says_whose_work(verb: Token) -> bool:
    """"P, whose work showed me that …": P's writing taught the applicant, not P."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "whose" for g in c.children) for c in verb.children)


def _research_assistant_to(span: Span) -> bool:
    """"a research assistant for/to Professor P", "an RA for Dr. P": P is the one assisted."""
    root = anchor(span)
    if root.dep_ != "pobj" or root.head.lower_ not in ("for", "to", "of"):
        return False
    post = root.head.head
    return post.lower_ in ("ra", "assistant", "assistantship") and (
        post.lower_ == "ra" or any(c.lower_ == "research" for c in post.children))

# What a person leads that an applicant may join ("a paper" of theirs is only read).
_JOINABLE_WORK = frozenset({"work", "research", "project", "lab", "group", "scholarship", "programme", "program"})

# Words of a sentence telling the applicant's own work in a group: "I worked", "an intern", "a member
# of P's group", "my research was carried out", "I wrote my thesis in the group of P".
# What a supervisor directs: a thesis and its kin ("my undergraduate monograph", "my final-year project").
# (the French "mémoire" and the Spanish "tesina" are a degree's thesis)
_OWN_THESES = THESIS | {"monograph", "project", "research", "work", "capstone", "mémoire", "memoire", "tesina"}
_WORKED_IN = WORKED_LEMMAS | JOB_NOUNS | THESIS | {"member", "carry"}


def _owns_work(span: Span) -> bool:
    """"Prof. P's work on X", "Dr. P's project": the person is the possessor of work one may join."""
    root = anchor(span)
    return root.dep_ == "poss" and lemma(root.head) in _JOINABLE_WORK


def _interest_in_their_work(span: Span) -> bool:
    """"I am equally interested in Dr. P's large-deformation modelling": whatever P's is, after "interested
    in", is P's work."""
    root = anchor(span)
    thing = root.head if root.dep_ == "poss" else None
    return thing is not None and thing.dep_ == "pobj" and thing.head.lower_ == "in" \
        and lemma(thing.head.head) in ("interested", "interest")


def _before_name(span: Span) -> int:
    """The index of the token before ``span`` and the titles that may sit outside it ("with Dr. P"), or -1."""
    k = span.start - 1
    while k >= 0 and span.doc[k].lower_.rstrip(".") in TITLE_WORDS:
        k -= 1
    return k


def _after_with(span: Span) -> bool:
    """"with Dr. P": the name follows "with"."""
    k = _before_name(span)
    return k >= 0 and span.doc[k].lower_ == "with"


# "Direction" names supervision only as "under the (joint) direction of P".
_UNDER_DIRECTION = re.compile(r"\bunder\s+(?:the\s+)?(?:[\w-]+\s+)?direction\b", re.I)
# A citation right after a name: "the experiments of Prof. P [5]", "the model of Dr. P (2021)".
_CITED_AFTER_NAME = re.compile(r"\s*" + CITATION_MARK)
# What lies between two names joined by "and": "Dr. P (a CNRS director) and Prof. Q", "Dr. P, and Dr. Q".
_JOINED_NAMES = re.compile(r"\s*(?:\([^()\n]{0,60}\))?\s*,?\s+and\s+")
# A résumé line naming a piece of the applicant's own work: "Graduation project on X, …", "- Master's thesis: …"
_WORK_LINE = re.compile(r"[ \t]*(?:[-*•][ \t]*)?(?:[\w'’-]+[ \t]+){0,2}(?:thesis|dissertation|project|monograph|capstone)\b",
                        re.I)
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|we|my|our|me)\b")
_ADVISED_BY = re.compile(r"\b(?:advised|supervised|directed|mentored|guided)\s+by\s+$", re.I)
# "P, whose group builds X, and Associate Professor Q": a second titled name after the first one's relative clause
# (the name's span may leave part of its title out: "and Associate Professor Q")
_AFTER_ITS_RELATIVE_CLAUSE = re.compile(r"\s*,\s*(?:whose|who)\s[^;:()\n]{0,240}?,\s+and\s+(?:[A-Z][\w.-]*\s+){0,2}")
# The rules whose cue names the role of every name it governs ("under the supervision of P and Q").
_ROLE_RULES = frozenset({"under-the-guidance-of"})


_GUIDANCE_NOUNS = frozenset({"supervision", "guidance", "mentorship", "direction"})
# "Under the mentorship of Dr. P, I …": the applicant's clause opens right after the name
_FIRST_PERSON_AFTER = re.compile(r"\s*,\s*(?:I|we)\s")
# ", a fellow officer at X", ", a colleague at X": the name is described as the applicant's peer
_A_PEER_AFTER = re.compile(r"\s*,\s+(?:a|an|my|our)\s+(?:fellow|colleague|peer|classmate|co-?worker)\b", re.I)


def _after_and_with(span: Span) -> bool:
    """"…, and with Dr. P": the name follows "and with"."""
    k = _before_name(span)
    return k >= 1 and span.doc[k].lower_ == "with" and span.doc[k - 1].lower_ == "and"


def _advising_myself(ctx) -> set[str]:
    """The advising verbs of the clause the applicant does: "With Dr. P, I advise the ministry",
    "I co-supervised two students with Dr. P" say what the applicant does beside P, not that P
    advised them ("I was supervised by P" is passive and stays a cue)."""
    return {lemma(t) for t in ctx.clause if t.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in t.children)}


def _things_guiding(ctx) -> set[str]:
    """Advising verbs done by things: "a review arguing that design rules should guide synthesis" (a
    noun with a name in apposition is a person: "the head of the lab, Dr. P, guided me")."""
    return {lemma(t) for t in ctx.clause if t.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and not any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children)
        for c in t.children)}


_TOPIC_PREPOSITIONS = frozenset({"on", "about"})
_AGENT_PREPOSITIONS = frozenset({"with", "under", "by", "for"})


def _topic_of_work(span: Span, ctx) -> bool:
    """"I want to write a dissertation on the economy of Classical Quillia", "a thesis on Quillberg": the
    name is inside what a piece of work is about, not someone to work with ("a project on X led by
    Prof. P" and "to work on Prof. P's project" name the person in their own right)."""
    if anchor(span).dep_ == "poss":
        return False
    for tok in ctx.path:  # from the word the name hangs on upwards
        if tok.lower_ in _AGENT_PREPOSITIONS:
            return False
        if tok.lower_ in _TOPIC_PREPOSITIONS and tok.dep_ == "prep":
            return True
    return False


def _main_clause_lemmas(ctx) -> set[str]:
    """The lemmas of the clause a mention stands in, without the words of its own relative clause or apposition."""
    return {lemma(t) for t in ctx.clause if t.i not in ctx.described} | set(ctx.path_lemmas)


_LEADING_TITLE = re.compile(TITLE_BEFORE_NAME, re.I)


class PersonRelations:
    """The person rules of the relation finder (a mixin; see the module docstring)."""

    @staticmethod
    def _after_title(span: Span) -> int:
        """Where the name proper starts in ``span``, past a title it is written with ("Ing. P")."""
        title = _LEADING_TITLE.match(span.text)
        return span.start_char + (title.end() if title else 0)

    def _under_a_wished_role_label(self, span: Span) -> bool:
        """"Proposed supervisor: Dr. P", or the label alone on its line and the names on the lines under it
        ("Proposed supervisors:" / "Prof. P (primary), X School" / "Dr. Q (secondary), Y Centre")."""
        text = self.c.text
        start = self.c.line_bounds(span.start_char, span.end_char)[0]
        if WISHED_ROLE_LINE.match(text, start):
            return True
        if text[start:span.start_char].strip(" \t-*•"):
            return False  # a name under the label opens its line
        for _ in range(3):  # the label, at most two names above this one
            if start == 0:
                return False
            start, end = self.c.line_bounds(start - 1, start - 1)
            line = text[start:end]
            if not line.strip():
                return False
            label = WISHED_ROLE_LINE.match(line)
            if label:
                return not line[label.end():].strip()
        return False

    def _segment_start(self, span: Span) -> int:
        """Where the part of its line a name stands in starts: the line, or after the line's last full stop or
        semicolon before the name ("- Thesis: a plan for X. Adviser: Arq. P", "- Drafted X; supervisor Ing. Q")."""
        text = self.c.text
        start = self.c.line_bounds(span.start_char, span.end_char)[0]
        stop = max(text.rfind(". ", start, span.start_char), text.rfind("; ", start, span.start_char))
        # (not the stop of an abbreviation, a title's above all: "Adviser: Arq. P")
        while stop > start and text[stop] == "." and re.search(r"\b[A-Z][a-z]{0,4}$", text[start:stop]):
            stop = max(text.rfind(". ", start, stop), text.rfind("; ", start, stop))
        return stop + 2 if stop >= start else start

    def _person(self, span: Span, index: int, cues) -> None:
        section = self.c.section(span)
        if section == "REFERENCES" or self.c.is_applicant(index) or index in self.c.discussed_authors:
            return
        if self._under_a_wished_role_label(span):
            # "Proposed supervisor: Dr. P" — in a profile's header as in its body
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.8, "wished-role-label", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if section in ("HEADER", "SIGNATURE"):
            return
        ctx = analyse(span, self.applicant_tokens, self.third_person)
        if ctx.negated or ctx.counterfactual or self.c.is_citation(span) or offered_only(span) \
                or NOT_THE_ROLE.search(span.sent.text):
            return  # ("P taught me to read charters; he is a colleague, not a supervisor")
        before = self.c.text[span.sent.start_char:span.start_char]
        # (read past the parser's sentence, which a particle in the name may end: "Dr. Ana Quillé i Roig has …")
        if AGREED_TO_ROLE.match(self.c.text, span.end_char, span.end_char + 160):
            # "Dr. P has agreed to act as my supervisor": the supervisor of what the applicant applies for
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.75, "agreed-to-supervise", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if MY_SUPERVISOR.search(before) or WHO_GUIDED_ME.search(before) \
                or (self.third_person and THEIR_SUPERVISOR.search(before)) \
                or BECAME_MY_ROLE.match(self.c.text, span.end_char, span.sent.end_char) \
                or (self.third_person and BECAME_THEIR_ROLE.match(self.c.text, span.end_char, span.sent.end_char)) \
                or ROLE_LABEL.match(self.c.text, self._segment_start(span), self._after_title(span)):
            # "my internship supervisor at X, Thomas Girard", "my advisors, P, Q and R": the names that
            # follow the role, however the parser joined them
            self.fact(APPLICANT, "mentoredBy", index, 0.7, "my-supervisor-named", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if (self._advised_own_work(span, cues) or self._co_advised_own_work(span, cues)) \
                and not self._advises_someone_else(span, cues):
            # "My honors thesis, advised by Prof. P, asked whether … could …": the advising is
            # done; a modal later in the sentence belongs to the thesis question. (Before the
            # test below: "supervised by P, who …, and co-supervised by Q" passes through P.)
            self.fact(APPLICANT, "mentoredBy", index, 0.75, "advised-own-work", span)
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
            # ("the X team of the Y Institute of the Z Academy, directed by P": the applicant's workplace
            # in the sentence may be any of the names the parse strings together)
            sentence = span.sent.text.strip()
            if any(f.predicate == "workedAt" and (f.object == leader_of or f.evidence == sentence) for f in self.facts) \
                    or self._led_own_group(span):
                self.fact(APPLICANT, "mentoredBy", index, 0.65, "lab-led-by", span)
            return
        if _main_clause_lemmas(ctx) & ONGOING and not UNDER_THE_GUIDANCE.search(before):
            # "continue my collaboration with Dr. P": an existing collaborator, not a wish ("Under the
            # supervision of Dr. P, I maintain the database" names P's role itself; "P, whose group
            # maintains a model" tells what P does)
            return
        taught = participle_agent_of(span)
        if taught is not None and (taught.lemma_ or "").lower() in TEACHING:
            return  # "a seminar taught by Professor P": P's course, neither a wish nor an advisor
        if self._advises_someone_else(span, cues):
            return  # "Y (a PhD student at X, advised by Professor P)": P is Y's advisor
        if AS_A_READER.match(self.c.text, span.end_char, span.sent.end_char) and (ctx.future or applying_in(span.sent)):
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.7, "as-my-future-reader", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if AS_MY_ROLE.match(self.c.text, span.end_char, span.sent.end_char):
            # "… under Prof. R, with Dr. M (Y University) as co-advisor"; "the position, to be carried out
            # in your group with Dr. M as co-promotor": the role in the work applied for
            if ctx.future or applying_in(span.sent):
                self.fact(APPLICANT, "prospectiveAdvisor", index, 0.7, "as-my-future-advisor", span)
            else:
                self.fact(APPLICANT, "mentoredBy", index, 0.7, "as-my-advisor", span)
            self._affiliate_to_sentence_org(span, index)
            return
        guided = self._guided_me(span)
        if not ctx.future and guided:
            # "Pieter Quill, who supervised my work there, …": the relative clause names the role
            self.fact(APPLICANT, "mentoredBy", index, 0.65, "who-supervised-me", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if not ctx.future and self._guided_my_work(span):
            # "Dr. P supervised my master's thesis": P's own verb names the role
            self.fact(APPLICANT, "mentoredBy", index, 0.65, "supervised-my-work", span)
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
        # ("trained under the senior partner, P": the name in apposition to what "under" governs)
        root = anchor(span)
        under = ctx.preposition == "under" or (root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.pos_ == "NOUN"
                                               and root.head.head.lower_ == "under")
        advise_words = (lemmas & cues["advise"]) - ({"under"} if not under else set()) - _advising_myself(ctx) \
            - _things_guiding(ctx)
        if "direction" in advise_words and not _UNDER_DIRECTION.search(span.sent.text):
            advise_words = advise_words - {"direction"}  # "a direction inspired by P's experiments": a line of work
        if UNDER_A_ROLE.search(before):
            advise_words |= {"under"}  # the parse may hang "under" anywhere in a long clause
        if ctx.future and advise_words and any((t.lemma_ or t.lower_).lower() in FINISH for t in span.sent) \
                and studies_in_sentence(span):
            # "I will defend my PhD thesis at X under the supervision of Prof. P": the degree under way.
            self.fact(APPLICANT, "mentoredBy", index, 0.65, "finishing-under", span)
            self._affiliate_to_sentence_org(span, index)
            return
        collab = lemmas & cues["collaborate"]
        if ctx.future and not ctx.long_term and (advise_words or collab or sentence_interest or lemmas & cues["work_of"]) \
                and not self.c.is_student_like(span, index) and not _topic_of_work(span, ctx):
            if self._denied_after(span):
                return  # "I hoped to work with Prof. P. … I never did get to work with him."
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.75, "future-advise-cue", span)
            self._affiliate_to_sentence_org(span, index)
            return
        # "Prof. P's project on X is the one I would most like to join": a wish about the work P leads
        wished_work = _owns_work(span) and sentence_has(span, "future")
        # ("hosted by Dr. P, whose group grows the crystals that motivated my work": a host of a past stay;
        # "inspired by the experiments of Prof. P [5]": P's work is cited, not sought)
        hosted = "host" in advise_words and not ctx.future
        if faculty and (sentence_interest or wished_work) and (sentence_has(span, "work_of", nouns_only=True) or _interest_in_their_work(span)) \
                and self._present_or_future(span) \
                and not hosted and not _CITED_AFTER_NAME.match(self.c.text, span.end_char) \
                and anchor(span).dep_ not in ("nsubj", "nsubjpass"):  # "Dr. P has collaborated with …": P acts
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.6, "interest-in-work-cue", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if faculty or not ctx.future:
            if self._wished_with_them_after(span, cues):
                # "I have followed the research of P on X, and I would hope to work with her as a second advisor"
                self.fact(APPLICANT, "prospectiveAdvisor", index, 0.6, "wish-with-them-after", span)
                self._affiliate_to_sentence_org(span, index)
                return
        if ctx.future:
            return
        if IS_A_ROLE.match(self.c.text, span.end_char, span.sent.end_char) and anchor(span).dep_ == "nsubj" \
                and not sentence_has(span, "future"):
            # "Q is a demanding and generous mentor; he made me present to clients"
            self.fact(APPLICANT, "mentoredBy", index, 0.6, "is-a-mentor", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if UNDER_THE_GUIDANCE.search(before) and applying_in(span.sent):
            # "She is applying for the fellowship, to be held in the X group under the mentorship of Dr. P"
            self.fact(APPLICANT, "prospectiveAdvisor", index, 0.65, "applying-under-guidance", span)
            self._affiliate_to_sentence_org(span, index)
            return
        if UNDER_THE_GUIDANCE.search(before) and (not ctx.subject_other or MY_WORK.search(before)
                                                 or _FIRST_PERSON_AFTER.match(self.c.text, span.end_char)):
            # "my thesis work, which was done under the guidance of Prof. P" (not another student's; "Under the
            # mentorship of Dr. P, I rebuilt …": the clause after the phrase is the applicant's, however parsed)
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

    def _wished_with_them_after(self, span: Span, cues: dict) -> bool:
        """Does the sentence go on, naming nobody else, to wish to work with "him"/"her"/"them" (the one
        ``span`` names) or to be advised by them? (Not in a statement written in the third person,
        where "her" may be the applicant.)"""
        if self.third_person:
            return False
        doc = self.c.doc
        others = [s for s, _ in self.c.person_spans() if s.sent.start == span.sent.start and s.start >= span.end]
        for tok in doc[span.end:span.sent.end]:
            # ("… and would like to write my dissertation under her supervision": the guidance wished for is theirs)
            under_their = tok.lower_ in ("his", "her", "their") and tok.dep_ == "poss" and lemma(tok.head) in _GUIDANCE_NOUNS \
                and tok.head.head.lower_ == "under"
            if not under_their and (tok.lower_ not in ("him", "her", "them") or tok.dep_ != "pobj" or not (
                    tok.head.lower_ in ("with", "by", "under") or (tok.head.lower_ == "from" and lemma(tok.head.head) == "learn"))):
                continue  # ("… and I would like to learn from him as a second supervisor")
            if any(s.start < tok.i for s in others):
                return False
            verb = tok.head.head.head if under_their else tok.head.head
            # ("… and would be grateful for the chance to be supervised by her": the modal on a governing verb)
            modals = (c for a in verb.ancestors for c in a.children if c.dep_ == "aux")
            wished = any((t.lemma_ or t.lower_).lower() in cues["future"] for t in (verb, *verb.ancestors, *verb.children, *modals))
            return wished and (under_their or lemma(verb) in cues["collaborate"] | cues["advise"])
        return False

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
        i = _before_name(span)
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
        if end > 2 and doc[end - 1].text == ")" and doc[end - 3].text == "(":
            end -= 3  # "the X Group (XG), led by Dr. P"
        orgs = {org.end: (org, index) for org, index in self.c.org_spans()}
        org, index = orgs.get(end, (None, None))
        if org is not None and lemma(org[-1]) not in GROUP_NOUNS and org.start >= 2 \
                and doc[org.start - 1].lower_ == "the" and doc[org.start - 2].lower_ == "in":
            org, index = orgs.get(org.start - 2, (None, None))  # "the X Lab in the School of Y (SY), led by P"
        return index if org is not None and lemma(org[-1]) in GROUP_NOUNS else None

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
        if self._thesis_directed_by(span, cues):
            return True
        # a résumé line that opens with the work: "Graduation project on X, advised by Dr. P" (not a sentence
        # of prose: "For the dissertation, I would be glad to be supervised by Prof. P")
        start, end = self.c.line_bounds(span.start_char, span.end_char)
        if _WORK_LINE.match(self.c.text, start) and _ADVISED_BY.search(self.c.text, start, span.start_char) \
                and end - start <= 200 and not _FIRST_PERSON_WORD.search(self.c.text, start, span.start_char):
            return True
        verb = participle_agent_of(span)
        # ("my monograph, directed by Prof. P": a thesis is directed as it is supervised)
        if verb is None or (verb.lemma_ or "").lower() not in cues["advise"] | {"direct"}:
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
        return bool(owners & self._possessives)

    def _thesis_directed_by(self, span: Span, cues) -> bool:
        """"her undergraduate monograph was directed by Prof. P", "The thesis was directed by Dra. P": the
        passive verb's subject is the applicant's thesis (the statement's own, when it is "the thesis")."""
        root = anchor(span)
        if root.dep_ != "pobj" or root.head.lower_ != "by" or root.head.dep_ != "agent":
            return False
        verb = root.head.head
        if lemma(verb) not in cues["advise"] | {"direct"}:
            return False
        for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
            if lemma(subject) in _OWN_THESES and (
                    any(c.dep_ == "poss" and c.lower_ in self._possessives for c in subject.children)
                    or (lemma(subject) in THESIS and any(c.lower_ == "the" for c in subject.children))):
                return True
            if subject.lower_ in ("it", "this") and self._own_work_before(subject, _OWN_THESES):
                return True  # "My mémoire compared forty decisions. It was supervised by Professor P"
        # (the parse may lose the subject of "…, where her undergraduate monograph on X was directed by P":
        # read the clause's words before the verb, back to a comma)
        doc = span.doc
        words = []
        for k in range(verb.i - 1, max(verb.sent.start, verb.i - 14) - 1, -1):
            if doc[k].text in (",", ";", ":") or doc[k].lower_ in ("where", "which", "that"):
                break
            words.insert(0, doc[k])
        return any(w.lower_ in self._possessives and any(lemma(t) in _OWN_THESES for t in words[i + 1:i + 4])
                   for i, w in enumerate(words))

    def _own_work_before(self, tok: Token, works: frozenset[str]) -> bool:
        """Do the words before ``tok``, back to the start of the sentence before its own, name the applicant's
        work of one of ``works`` ("My mémoire, «…», compared …", "My master's project …")?"""
        doc, sent = tok.doc, tok.sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        return any(lemma(t) in works and any(c.dep_ == "poss" and c.lower_ in self._possessives
                                             for c in doc[t.left_edge.i:t.i])
                   for t in doc[start:tok.i])

    def _coordinated_with(self) -> None:
        """"… to work with Prof. P, whose …, and with Dr. Q, whose …": a second "with" after "and" shares
        the first one's relation (the parser hangs it on another verb past P's relative clause)."""
        related = {f.object: f for f in self.facts if f.predicate in ("prospectiveAdvisor", "mentoredBy")
                   and f.subject == APPLICANT}
        people = sorted(self.c.person_spans(), key=lambda si: si[0].start)
        for k, (span, index) in enumerate(people):
            if index in related or _A_PEER_AFTER.match(self.c.text, span.end_char):
                continue  # ("… and with Dr. Q, a fellow officer at X": a peer, whatever the first one was)
            if _after_and_with(span):
                earlier = [(s, i) for s, i in people[:k] if s.sent.start == span.sent.start and s.end < span.start
                           and _after_with(s) and i in related]
            else:
                # "under the supervision of Dr. P (a CNRS director) and Prof. Q": the name right before
                # "and" (its aside in brackets between) shares its role, however the parser joins them
                earlier = [(s, i) for s, i in people[:k] if s.sent.start == span.sent.start and i in related
                           and related[i].rule in _ROLE_RULES and related[i].evidence == span.sent.text.strip()
                           and _JOINED_NAMES.fullmatch(self.c.text, s.end_char, span.start_char)]
            if not earlier and self.c.is_titled(index):
                earlier = [(s, i) for s, i in people[:k] if s.sent.start == span.sent.start and i in related
                           and related[i].evidence == span.sent.text.strip()
                           and _AFTER_ITS_RELATIVE_CLAUSE.fullmatch(self.c.text, s.end_char, span.start_char)][-1:]
            if earlier:
                first = related[earlier[-1][1]]
                self.fact(APPLICANT, first.predicate, index, round(first.confidence - 0.05, 2), "coordinated-with", span)

    def _co_advised_own_work(self, span: Span, cues) -> bool:
        """"My thesis was supervised by P, who …, and co-supervised by Q": a coordinated advising
        participle (which the parser may hang on the relative clause) shares the first one's subject."""
        k = _before_name(span)
        agent = span.doc[k] if k >= 0 else None
        if agent is None or agent.lower_ != "by" or agent.head.dep_ != "conj":
            return False
        participle = agent.head
        if participle.lower_ not in cues["advise"] and (participle.lemma_ or "").lower() not in cues["advise"]:
            return False
        mine = self._possessives
        return any(t.i < participle.i and (t.lemma_ or "").lower() in cues["advise"] and any(
            c.dep_ == "nsubjpass" and any(o.dep_ == "poss" and o.lower_ in mine for o in c.children) for c in t.children)
            for t in span.sent)

    @property
    def _possessives(self) -> frozenset[str]:
        """The possessives that make work the applicant's: "my", "our", and "her", "his", "their" in a
        statement written in the third person."""
        return frozenset({"my", "our"} | ({"her", "his", "their"} if self.third_person else set()))

    @property
    def _pronouns(self) -> frozenset[str]:
        """The object pronouns that name the applicant: "me", "us", or "her", "him", "them" in a statement
        written in the third person."""
        return frozenset({"her", "him", "them"} if self.third_person else {"me", "us"})

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

    def _guided_me(self, span: Span) -> bool | None:
        """"P, who supervised me (or my work)", "P, who taught me …": True; "P, who supervises many students": False
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
            if (verb.lemma_ or "").lower() not in _GUIDED | _TAUGHT_ME or _says_whose_work(verb):
                continue
            for obj in verb.children:
                if obj.dep_ in ("dobj", "dative"):
                    if self._applicant_or_theirs(obj):
                        return True
                    found = False
        if found is None:
            said = _WHO_GUIDED.match(self.c.text, span.end_char, span.sent.end_char)
            if said:
                pronoun, possessive = said.group(1), said.group(2)
                found = (pronoun or "").lower() in self._pronouns or (possessive or "").lower() in self._possessives
        return found

    def _applicant_or_theirs(self, obj: Token) -> bool:
        """Does an object name the applicant ("me", or "her" in the third person) or their work ("my
        thesis", "my master's thesis", "both my B.Tech. project and my M.Tech. thesis": the possessive
        anywhere in the object's phrase)?"""
        if obj.lower_ in self._pronouns or any(t.dep_ == "poss" and t.lower_ in self._possessives for t in obj.subtree):
            return True
        # "My master's project, "…", was … . P, who supervised the project, …": the work named just before
        return lemma(obj) in _OWN_THESES and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                 for c in obj.children) \
            and self._own_work_before(obj, frozenset({lemma(obj)}))

    def _guided_my_work(self, span: Span) -> bool:
        """"Dr. P supervised my thesis", "Dr. P agreed to supervise my project", "Dr. P and Dr. Q
        advised me": the person is the subject of a guiding verb whose object is the applicant or
        the applicant's work (in a statement in the third person, "her thesis" too)."""
        root = _as_subject(span)
        while root.dep_ == "conj" and root.head.i != root.i:  # "Dr. P and Dr. Q supervised …"
            root = root.head
        if root.dep_ != "nsubj":
            return False
        verb = root.head
        # "agreed to supervise my thesis": the guiding verb may be the complement of the subject's verb
        verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        return any(lemma(v) in _GUIDED and obj.dep_ in ("dobj", "dative") and self._applicant_or_theirs(obj)
                   for v in verbs for obj in v.children)

    @staticmethod
    def _taught_me(span: Span) -> bool:
        """Is the person the subject of teaching, training or guiding "me" (or "us")?"""
        root = _as_subject(span)
        verb = root.head
        if root.dep_ != "nsubj" or (verb.lemma_ or "").lower() not in _TAUGHT_ME:
            return False
        # "taught me X": the object pronoun right after the verb (the parser may hang it on X)
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return (after is not None and after.lower_ in ("me", "us")) or any(
            c.lower_ in ("me", "us") and c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)

    @staticmethod
    def _mentee(span: Span) -> bool:
        """'I advised Y', 'I mentored Y', 'she has supervised a fellow therapist, Y': Y is the applicant's
        mentee, not a mentor."""
        root = anchor(span)
        if root.dep_ == "appos" and root.head.dep_ in ("dobj", "conj"):
            root = root.head  # "… supervised a fellow therapist, Y"
        verb = root.head
        return root.dep_ in ("dobj", "conj") and (verb.lemma_ or "").lower() in (
            "advise", "supervise", "mentor", "guide", "train", "teach", "coach") \
            and (verb.tag_ != "VBN" or (root.dep_ == "dobj" and not any(c.dep_ in ("auxpass", "agent") for c in verb.children)))

    def _present_or_future(self, span: Span) -> bool:
        """A sentence in the present or future, or a note without a finite past verb ("Also very
        interested in Prof. P's work; happy to support either project"); not when P's work is the
        agent of a past event ("My interest was first sparked by the review of Prof. P, and …")."""
        agent = next((t for t in anchor(span).ancestors if t.dep_ == "agent"), None)
        if agent is not None and agent.head.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                                                 for c in agent.head.children):
            return False
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
