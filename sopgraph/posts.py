"""How a clause places the applicant at an organisation: a post held there, being taken on,
a course watched online, a lab named after its head.

Each test reads the parse around one organisation mention; the relation rules in
:mod:`sopgraph.extract` decide what the answer means for the applicant.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .relations import FIRST_PERSON, lemma, load_cues
from .sentence_cues import DEGREES, STUDY_WORDS, anchor, is_degree_word
from .typed_names import JOB_NOUNS

# Verbs whose passive agent took the subject on as staff.
_TAKEN_ON = frozenset({"engage", "recruit", "appoint", "hire", "employ", "contract", "commission"})
# Verbs of becoming qualified: "trained as an architect at X" names study at X, not a post.
_TRAINED = frozenset({"train", "qualify", "graduate", "certify", "educate", "enrol", "enroll"})
# "the Quill lab", "Quill Group": a lab named after the surname of the one who heads it.
NAMED_LAB = re.compile(r"^(?:the\s+)?([A-Z][\w'’-]+)\s+(?:lab|laboratory|group)$", re.I)
# Professional bodies one is a member of without working there.
_MEMBERS_BODY = re.compile(r"\b(?:society|association|federation|union|board|council|chamber|guild)\b", re.I)
# "(XA), student member 2020–2021": the membership written after the body's name on its line
_MEMBER_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?[,:–—-]\s*(?:[a-z]+\s+)?member(?:ship)?\b", re.I)


def taken_on_by(span: Span) -> bool:
    """"I was engaged by X (as …)": X is the agent of a passive verb of hiring whose subject is a
    person, named or a pronoun ("our firm was contracted by X" took on the firm). Whose person it
    is, the caller checks."""
    by = span.root.head
    if span.root.dep_ != "pobj" or by.dep_ != "agent" or lemma(by.head) not in _TAKEN_ON:
        return False
    return all(c.pos_ in ("PRON", "PROPN") for c in by.head.children if c.dep_ == "nsubjpass")


def _holder_at(span: Span) -> Token | None:
    """The word "at X" hangs on ("a postdoc at X" → postdoc), or None when X is not after "at"."""
    root = span.root
    return root.head.head if root.dep_ == "pobj" and root.head.lower_ == "at" else None


def _holder_with(span: Span) -> Token | None:
    """"as a volunteer nurse with X": the post "with X" hangs on, after "as", or None."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "with":
        return None
    holder = root.head.head
    return holder if holder.dep_ == "pobj" and holder.head.lower_ == "as" else None


def post_held_at(span: Span) -> bool:
    """"(as) a postdoc at X", "I was an engineer at X", "as a clinical pharmacist at X", "as a volunteer
    nurse with X": one post, the applicant's ("engineers at X" are others; "as a student at X" is study)."""
    holder = _holder_at(span) or _holder_with(span)
    if holder is None or holder.tag_ not in ("NN", "NNP") or lemma(holder) in STUDY_WORDS | DEGREES:
        return False
    # "I trained as an architect at X" names what one studied to become
    as_role = holder.dep_ == "pobj" and holder.head.lower_ == "as" and lemma(holder.head.head) not in _TRAINED
    return as_role or (lemma(holder) in JOB_NOUNS and holder.dep_ in ("attr", "appos"))


# Verbs of going somewhere that, with "as <post>", say one took a post there.
_MOVED = frozenset({"return", "move", "go", "come"})


def joined_as(span: Span) -> bool:
    """"joined X as a public health officer", "joined X, an NGO, first as an officer and later as
    lead", "returned to X as a junior researcher": the post taken on when joining X ("joined X
    as a student" is study)."""
    root = anchor(span)
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "to" and lemma(verb.head) in _MOVED:
        verb = verb.head
    elif root.dep_ != "dobj" or lemma(verb) != "join":
        return False
    return any(names_a_post(t) for t in verb.subtree if t.i >= span.end)


def names_a_post(tok: Token) -> bool:
    """Is ``tok`` the "as" of "as a staff nurse", "as an analyst": a post the applicant held?"""
    return tok.lower_ == "as" and any(c.dep_ == "pobj" and lemma(c) in JOB_NOUNS for c in tok.children)


# Verbs of entering a place whose purpose, "for a degree", makes it a place of study.
_ENTERED = _MOVED | {"join", "enter", "enrol", "enroll"}
_PLACE_PREPOSITIONS = frozenset({"to", "at", "in", "into", "of"})


def joined_for_a_degree(span: Span) -> bool:
    """"I joined X (at Y) for an M.Sc. in Z", "(for my PhD) I moved to X": the degree is what the
    applicant went to X (and its university Y) for, whatever "join" says elsewhere of a post."""
    tok = anchor(span)
    for _ in range(6):  # up the names and their prepositions of place to the verb
        if tok.dep_ not in ("pobj", "prep", "dobj", "appos", "compound", "conj") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ not in ("PROPN", "ADP") or (tok.dep_ == "prep" and tok.lower_ not in _PLACE_PREPOSITIONS):
            break  # the verb, or a word that is not a name or a preposition of place
    if tok.pos_ != "VERB" or lemma(tok) not in _ENTERED:
        return False
    # (before the verb too: "For my doctorate I moved to X")
    return any(c.lower_ == "for" and any(o.dep_ == "pobj" and is_degree_word(o.text) for o in c.children)
               for c in tok.children if not span.start <= c.i < span.end)


def as_a_student(span: Span) -> bool:
    """"(first) as an undergraduate in the X Faculty at Y": X and Y are where the applicant
    studied, whatever the clause around the role says they did (a work verb included).

    Read up the parse (the role's prepositions) and, for a sentence that opens with the role,
    by position too: the parser often hangs a long opening phrase's last names elsewhere.
    """
    tok = span.root
    for _ in range(8):
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            return _a_student(tok)
        if tok.dep_ not in ("pobj", "prep", "compound", "appos", "conj") or tok.head.i == tok.i:
            break
        tok = tok.head
    return _student_opening(span)


def _a_student(role: Token) -> bool:
    # "a visiting student at X" is a post at X (see extract's visiting posts), not study there
    return lemma(role) in STUDY_WORDS and not any(c.lower_ == "visiting" for c in role.children)


def _student_opening(span: Span) -> bool:
    sent = span.sent
    words = [t for t in sent if not t.is_punct]
    if len(words) < 3 or words[0].lower_ != "as" or words[1].lower_ not in ("a", "an"):
        return False
    role = next((t for t in words[2:6] if t.pos_ in ("NOUN", "PROPN")), None)
    if role is None or not _a_student(role):
        return False
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in FIRST_PERSON and role.i < span.start and span.end <= subject.i


def in_my_time_as(span: Span) -> bool:
    """"During my second year as a <post> at X": the role at X is the author's, whoever the
    sentence goes on to be about."""
    holder = _holder_at(span)
    if holder is None or holder.dep_ != "pobj" or holder.head.lower_ != "as":
        return False
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in holder.head.head.children)


def learned_online(span: Span) -> bool:
    """"the recorded lectures of a course from X on YouTube": learning from X online is not
    studying at X. Only the words on X's way up the parse and their modifiers count ("on
    YouTube" included): "online discussions" in a clause of their own say nothing of X."""
    online = load_cues()["online_learning"]
    near, tok = [], span.root
    while True:
        near += [tok, *tok.children, *(g for c in tok.children if c.dep_ == "prep" for g in c.children)]
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return any(t.lower_ in online for t in near)


def funds_a_post_elsewhere(span: Span) -> bool:
    """"the Department of Widgets' internship at Y": X runs or funds it, the work is at Y."""
    root = span.root
    return root.dep_ == "poss" and any(c.dep_ == "prep" and c.lower_ == "at" for c in root.head.children)


def membership_only(label: str, path_lemmas: frozenset[str], after: str = "") -> bool:
    """"a student member of the X Society", "X Association (XA), student member 2020–2021" (``after``: the rest
    of the name's line): membership of a professional body, not a job."""
    return bool(_MEMBERS_BODY.search(label)) and (bool(path_lemmas & {"member", "membership"})
                                                  or bool(_MEMBER_AFTER.match(after)))


def works_there_too(span: Span) -> bool:
    """"I completed my PhD at X and currently work there as a postdoctoral researcher": a verb of
    working joined to the clause about X, with "there" pointing back at X."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "… my PhD in neuroscience at X": the verb above the noun "at X" hangs on
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    # "… work there as a postdoc": the post is held at X itself ("… worked as an assistant in the Y
    # Group there" is a post in Y)
    return any(lemma(c) in ("work", "stay", "remain") and any(g.lower_ == "there" for g in c.children)
               and any(g.lower_ == "as" for g in c.children) and not _in_a_named_unit(c)
               for c in verb.subtree if c.dep_ == "conj")


def _in_a_named_unit(verb: Token) -> bool:
    """"… as an assistant in the Widget Research Group": the post names a unit of its own."""
    return any(t.lower_ == "in" and any(p.dep_ == "pobj" and p.pos_ == "PROPN" for p in t.children) for t in verb.subtree)
