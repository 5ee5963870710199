"""Decide how the applicant relates to an organisation or person mentioned in a sentence.

The decision reads the dependency parse: the words on the path from the mention up to the
clause that governs it (and that clause's own words) must carry a cue — "intern", "degree",
"apply", "supervision" — and the clause's subject must be the applicant. Modality matters:
"I would like to work with X" is a wish (prospective advisor), "I worked with X" a fact
(mentor), "I did not work with X" neither.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from .names import fold
from .sentence_cues import GROUP_NOUNS, ROLE_SUBJECTS, anchor, names_the_author_by_role
from .typed_names import PERSON_NOUNS

FIRST_PERSON = frozenset({"i", "me", "my", "we", "our", "us", "myself", "mine"})
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "his", "their", "them"})
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "xcomp", "ccomp", "relcl", "acl", "pcomp", "csubj"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "acl", "relcl", "acomp"})
_SEPARATE_CLAUSE_DEPS = frozenset({"conj", "advcl", "parataxis", "ccomp", "relcl", "punct", "cc", "mark"})
# "Had I accepted …", "Were I to …": an inverted condition ("Had I not met P, …" says P was met).
_INVERTED_CONDITION = re.compile(r"^\W*(?:had|were|should)\s+(?:i|we|she|he|they)\b(?!\s+not\b)", re.I)
# "In the long(er) term I hope to …", "in the long run", "Longer term, I intend to …" (only opening the
# sentence: "long-term memory" is a topic): plans beyond the programme applied to.
_LONG_TERM = re.compile(r"\b(?:in the (?:long|longer) (?:term|run)|in the (?:more )?distant future|one day)\b"
                        r"|^\W*long(?:er)?[ -]term\s*,", re.I)
_MODALS = frozenset({"would", "will", "shall", "could", "might", "'d", "wo", "may"})


@dataclass(frozen=True)
class Cues:
    """Cue lexicons (package data ``data/lexicon/cues.json``), as frozensets of lemmas, and the
    forms the small model lemmatizes wrongly ("hoped" -> "hop"), with their right lemma."""

    lists: dict[str, frozenset[str]]
    lemma_fixes: dict[str, str]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read the cue lexicon shipped with the package."""
    path = resources.files("sopgraph") / "data" / "lexicon" / "cues.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    fixes = raw.pop("lemma_fixes")
    return Cues({k: frozenset(v) for k, v in raw.items() if not k.startswith("_")},
                {k: v for k, v in fixes.items() if not k.startswith("_")})


@dataclass(frozen=True)
class Context:
    """What the parse says about one mention's clause."""

    path: tuple[Token, ...]
    clause: tuple[Token, ...]
    lemmas: frozenset[str]
    path_lemmas: frozenset[str]
    future: bool
    long_term: bool
    negated: bool
    counterfactual: bool  # "I had hoped to work with X", "Had I accepted the post at X": it did not happen
    subject_is_applicant: bool
    subject_other: bool
    preposition: str | None
    described: frozenset[int] = frozenset()  # the positions of the mention's own relative clause or apposition


def lemma(tok: Token) -> str:
    """The token's lemma in lower case, with the cue lexicon's fixes for the model's misreadings."""
    fixed = load_cues().lemma_fixes.get(tok.lower_)
    return fixed if fixed is not None else (tok.lemma_ or tok.lower_).lower()


def _clause_head(tok: Token) -> Token:
    while tok.dep_ not in _CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


_ROLE_NAMED = re.compile(r"\bthe (?:" + "|".join(sorted(ROLE_SUBJECTS)) + r")\b", re.I)
_THIRD_WORDS = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is)\b")
_FIRST_WORDS = re.compile(r"\b(?:I|[Mm]y|me)\b")


def third_person_paragraph(span: Span) -> bool:
    """Is ``span`` in a paragraph written about the applicant, in a statement partly so ("This statement is
    written, in part, in the third person. The applicant …")? A paragraph counts when it says "she" or "he"
    and never "I", and the statement names its author by role somewhere."""
    doc = span.doc
    paragraphs = doc.user_data.get("sopgraph_third_person_paragraphs")
    if paragraphs is None:
        text = doc.text
        paragraphs = []
        if _ROLE_NAMED.search(text):
            for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
                if _THIRD_WORDS.search(m.group()) and not _FIRST_WORDS.search(m.group()):
                    paragraphs.append((m.start(), m.end()))
        doc.user_data["sopgraph_third_person_paragraphs"] = paragraphs
    return any(start <= span.start_char < end for start, end in paragraphs)


def _across_a_semicolon(tok: Token) -> bool:
    """"Our data were shared with X; I did not work for X": a clause the parser makes the complement of
    one past a semicolon is a sentence of its own."""
    low, high = sorted((tok.i, tok.head.i))
    return any(c.text == ";" and low < c.i < high for c in tok.head.children)


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_partner(verb: Token) -> Token | None:
    """The infinitive a "to"-infinitive is coordinated with when the parser hung it on a finite verb.

    In "She hopes to be supervised by P, whose book she has used, and to work with Q" the
    parser makes "to work" a conjunct of "used"; an infinitive coordinates with an
    infinitive, the nearest one before it ("to be supervised").
    """
    if verb.dep_ != "conj" or not _to_infinitive(verb) or _to_infinitive(verb.head):
        return None
    return next((t for t in reversed(verb.sent[: verb.i - verb.sent.start]) if t.pos_ in ("VERB", "AUX")
                 and t.dep_ == "xcomp" and _to_infinitive(t)), None)


def analyse(span: Span, applicant_tokens: frozenset[str], third_person: bool) -> Context:
    """Collect the clause context of ``span`` (an entity inside a parsed sentence)."""
    third_person = third_person or third_person_paragraph(span)
    cues = load_cues()
    root = anchor(span)
    path: list[Token] = []
    tok = root.head
    # spaCy creates Token objects on access: compare positions, never identity.
    while tok.i != root.i and len(path) < 40:
        path.append(tok)
        if tok.head.i == tok.i:
            break
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX") and len(path) > 1:
            break
        if tok.dep_ == "conj" and tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break  # "P encouraged me and I joined X": the coordinated clause with a subject of its own holds X
        tok = tok.head
    head = _clause_head(path[-1] if path else root)
    # Complement chains carry the cue and the modality: "would like to work with X" walks
    # up xcomp/ccomp. Coordinated clauses ("I am a senior at X and I am applying to Y")
    # lend only their modality, never their cue words.
    chain = [head]
    while chain[-1].dep_ in _COMPLEMENT_DEPS and chain[-1].head.i != chain[-1].i and len(chain) < 5 \
            and not _across_a_semicolon(chain[-1]):
        chain.append(chain[-1].head)
    modal_chain = list(chain)
    # "I plan to return home and work at X": a coordinated verb inside a wish is wished too.
    while (modal_chain[-1].dep_ in ("conj", "advcl") or (len(modal_chain) > len(chain) and modal_chain[-1].dep_ in _COMPLEMENT_DEPS)) \
            and modal_chain[-1].head.i != modal_chain[-1].i and len(modal_chain) < 8:
        modal_chain.append(_infinitive_partner(modal_chain[-1]) or modal_chain[-1].head)
    chain_ids = {t.i for t in chain}
    clause: list[Token] = []
    for verb in chain:
        clause.append(verb)
        clause.extend(c for c in verb.children
                      if c.i in chain_ids or c.dep_ not in _SEPARATE_CLAUSE_DEPS)
    # The mention's own relative clause or apposition: "Dr. X, who has been my mentor". A
    # "where" clause on a place ("X, where I help groups plan events") tells what happens
    # there: its words count as cues, but its tense is not the main clause's.
    where_clause: set[int] = set()
    described: set[int] = set()  # the words of the mention's own relative clause or apposition
    for child in root.children:
        if child.dep_ in ("relcl", "appos", "acl"):
            clause.extend(child.subtree)
            described |= {t.i for t in child.subtree}
            if child.dep_ == "relcl" and any(c.lower_ == "where" for c in child.children):
                where_clause |= {t.i for t in child.subtree}
    lemmas = {lemma(t) for t in clause} | {lemma(t) for t in path}
    lemmas |= {t.lower_ for t in clause} | {t.lower_ for t in path}
    if not any(t.lower_ == "like" and t.pos_ == "VERB" for t in [*clause, *path]):
        lemmas.discard("like")  # "GMP-like", "people like me": not the wish of "would like to"
    # The nearest explicit subject up the chain; "…and started working with X" shares
    # the subject of the clause it is coordinated with. With none, a statement's clauses
    # are about its author.
    subjects: list[Token] = []
    below: Token | None = None
    for verb in modal_chain:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if below is not None and (below.dep_ == "xcomp" or (below.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in below.children))):
            # "P pushed me to complete a diploma at X": the one told to do it is the doer
            subjects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PRON"] or subjects
        if subjects:
            break
        below = verb
    # "My internship was at X", "My master's research is carried out at X": a subject the
    # applicant owns (directly or through one more possessor) speaks for the applicant.
    # "My sister worked at X", "my advisor's lab": a person the applicant names is someone else.
    # ("My supervisor was Dr. P" still names the applicant's supervisor.)
    owners = [c for s in subjects if lemma(s) not in _PEOPLE or lemma(s.head) == "be" for c in s.children if c.dep_ == "poss"]
    owners += [c for o in owners for c in o.children if c.dep_ == "poss"]
    subj_words = {s.lower_ for s in subjects} | {o.lower_ for o in owners}
    by_role = any(names_the_author_by_role(s) for s in subjects)
    # (the applicant's name tokens are folded: "Ms. da Graça" is "graca")
    subj_app = not subjects or bool(subj_words & FIRST_PERSON) or bool({fold(w) for w in subj_words} & applicant_tokens) or (
        third_person and bool(subj_words & THIRD_PERSON)) or _work_done_by_author(subjects) or _told_experience(subjects) \
        or by_role
    subj_other = bool(subjects) and not subj_app
    # "A project co-advised by X would be ideal": a participle clause inside a noun phrase
    # takes its modality from the verb that noun phrase belongs to.
    top = modal_chain[-1]
    if top.dep_ in ("acl", "relcl") and top.head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj"):
        modal_chain = [*modal_chain, top.head.head]
    elif top.pos_ in ("NOUN", "PROPN") and top.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and len(modal_chain) > 1:
        modal_chain = [*modal_chain, top.head]
    modal_tokens = [t for verb in modal_chain for t in [verb, *verb.children]
                    if t.i == verb.i or t.dep_ in ("aux", "auxpass", "advmod", "acomp", "neg")]
    modal_words = {lemma(t) for t in modal_tokens}
    tense_lemmas = lemmas - {lemma(t) for t in clause if t.i in where_clause and t.i not in {p.i for p in path}}
    wished = (tense_lemmas | modal_words) & cues["future"]
    if "look" in wished and not any(t.lower_ == "forward" for t in clause):
        wished = wished - {"look"}  # "my thesis looks at X" is no "I look forward to X"
    future = bool(wished) or any(t.lower_ in _MODALS for t in modal_tokens)
    # "My potential supervisors are …", "the proposed host of my project": an advisor wished for;
    # "Proposed research at X", "the planned fieldwork at Y": work not yet done
    future = future or any(c.dep_ == "amod" and (lemma(c) in cues["planned"] or (
        lemma(c) in cues["wished_role"] and lemma(t) in cues["advise"])) for t in (*clause, *path) for c in t.children)
    # "interested in working with X", "look forward to joining Y" — but not "by working with".
    future = future or any(
        t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ in ("in", "to", "about", "towards")
        and lemma(t.head.head) in cues["future"] | cues["interest"] for t in path)
    # The sentence's words matter only for a wish: most mentions are not, and skip reading them.
    # ("Prof. P, whose work shows how water tables recover after canal blocking": P's work, not the applicant's plans)
    long_term = future and (any(lemma(t) in cues["long_term"] for t in span.sent if t.i not in described)
                            or bool(_LONG_TERM.search(span.sent.text)))
    # A "not" counts up to the first verb with a subject of its own: "My supervisor, Dr. P, has been generous
    # …, many of whom had never been recorded" (parsed as one chain) says nothing against P.
    scope = next((chain[:k + 1] for k, verb in enumerate(chain)
                  if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)), chain)
    negated = any(t.dep_ == "neg" for verb in scope for t in verb.children)
    # A wish in the past perfect was not fulfilled, and "Had I …, I would …" supposes what did not happen.
    counterfactual = any(lemma(v) in cues["unrealised_wish"] and v.tag_ == "VBN"
                         and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in v.children)
                         for v in modal_chain) or bool(_INVERTED_CONDITION.match(span.sent.text))
    prep = root.head.lower_ if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
    if by_role:
        lemmas -= ROLE_SUBJECTS  # "the candidate taught at X" applies for nothing
    return Context(
        path=tuple(path), clause=tuple(clause), lemmas=frozenset(lemmas),
        path_lemmas=frozenset(lemma(t) for t in path) | frozenset(t.lower_ for t in path),
        future=future, long_term=long_term, negated=negated, counterfactual=counterfactual,
        subject_is_applicant=subj_app, subject_other=subj_other, preposition=prep, described=frozenset(described),
    )


# People an applicant calls "my …": kin and the roles of others ("my postdoc" is usually the post itself).
_PEOPLE = (PERSON_NOUNS - {"postdoc"}) | {"sister", "brother", "father", "mother", "parent", "cousin", "uncle", "aunt",
                                          "wife", "husband", "partner", "family", "grandfather", "grandmother", "son",
                                          "daughter", "roommate", "teammate"}

# "This work was carried out at X", "Part of the project was done during an internship at X":
# the statement's own work, in the passive, with no one else named as the doer.
_OWN_WORK_NOUNS = frozenset({"work", "part", "research", "project", "experiment", "study", "thesis", "analysis", "fieldwork"})
_DOING_VERBS = frozenset({"do", "carry", "conduct", "perform", "complete", "undertake"})


def _work_done_by_author(subjects: list[Token]) -> bool:
    """Is the clause's subject the author's own work, done (passive, no agent) somewhere?"""
    if len(subjects) != 1 or subjects[0].dep_ != "nsubjpass":
        return False
    subject, verb = subjects[0], subjects[0].head
    if lemma(subject) not in _OWN_WORK_NOUNS or lemma(verb) not in _DOING_VERBS:
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False  # "… was conducted by the ministry": someone else did it
    # "this work", "part of this work", "the experimental work": a determiner pointing back at what
    # the author described ("a study was done at X" may be anyone's, "the group's research" the group's)
    if any(c.dep_ == "poss" and c.lower_ not in FIRST_PERSON for c in subject.children):
        return False
    words = [subject, *(t for t in subject.subtree if t.dep_ in ("pobj", "det") or t.head == subject)]
    return any(t.lower_ in ("this", "these", "that", "the") for w in words for t in [w, *w.children])


def _told_experience(subjects: list[Token]) -> bool:
    """"The second experience was a year spent as an assistant at X": an experience the statement
    counts ("the first", "this") is the author's, unless it is someone else's ("her experience")."""
    if len(subjects) != 1 or lemma(subjects[0]) != "experience" or lemma(subjects[0].head) != "be":
        return False
    subject = subjects[0]
    if any(c.dep_ == "poss" and c.lower_ not in FIRST_PERSON for c in subject.children):
        return False
    return any(c.lower_ in ("the", "this", "that") for c in subject.children)


# "… accepted for an exchange at X but could not go": a coordinated clause says the stay never
# happened ("… and did not go back home" goes somewhere else, and says nothing of X).
_GO_VERBS = frozenset({"go", "attend", "travel", "take", "join", "materialise", "materialize", "happen", "start"})


def did_not_go(ctx: Context) -> bool:
    """Does a negated "go/attend/join" coordinated with the mention's clause (the verbs on
    ``ctx.path``) deny the stay?"""
    for verb in ctx.path:
        for conj in verb.children:
            if conj.dep_ == "conj" and lemma(conj) in _GO_VERBS \
                    and any(c.dep_ == "neg" or c.lower_ == "never" for c in conj.children) \
                    and not any(c.dep_ in ("dobj", "advmod", "prt") and c.lower_ != "there" for c in conj.children):
                return True
    return False


def sentence_has(span: Span, name: str, nouns_only: bool = False) -> bool:
    """Does the sentence around ``span`` contain a lemma from cue list ``name`` (as a noun, if
    ``nouns_only``: "her work" and not "she works in X")?"""
    cues = load_cues()[name]
    return any((lemma(t) in cues or t.lower_ in cues) and not _builds_on(t) and (not nouns_only or t.pos_ in ("NOUN", "PROPN"))
               for t in span.sent)


def _builds_on(tok: Token) -> bool:
    """"The project draws on P's theory": the work is used, not admired (as in "drawn to P's work")."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return lemma(tok) == "draw" and nxt is not None and nxt.lower_ in ("on", "upon")


def apply_place(span: Span) -> bool:
    """"X is the ideal place/environment for me" — the sentence praises X as a destination."""
    cues = load_cues()
    toks = list(span.sent)
    for i, t in enumerate(toks):
        before = toks[max(0, i - 3):i]
        if [p.lower_ for p in before] == ["in", "the", "first"]:
            continue  # "never designed in the first place": an idiom, not a destination
        if lemma(t) in cues["apply_place"] and any(lemma(p) in cues["apply_place_adj"] for p in before):
            return True
    return False


_OBJECT_PRONOUNS = frozenset({"her", "him", "them"})


def wishes_to_work_with_pronoun(sent: Span, applicant_tokens: frozenset[str], third_person: bool) -> bool:
    """'I would be so excited to learn from her and do my thesis with her group': the sentence
    wishes to work with someone it names only by a pronoun."""
    if _PRONOUN_AS_ADVISOR.search(sent.text):
        return True
    return any(ctx.future and not ctx.long_term and not ctx.negated
               for ctx in _work_with_pronoun(sent, applicant_tokens, third_person))


# "Would like her as main advisor", "I hope to have him as my co-supervisor" (the parser may give the
# wish another clause's subject when a semicolon follows it).
_PRONOUN_AS_ADVISOR = re.compile(r"\b(?:would\s+(?:like|love)|wish|want|hope)\s+(?:to\s+have\s+)?(?:her|him|them)\s+as\s+"
                                 r"(?:my\s+|a\s+|the\s+)?(?:main\s+|primary\s+|principal\s+|co-?)?"
                                 r"(?:advis[oe]r|supervisor|mentor)\b", re.I)


_GUIDANCE_NOUNS = frozenset({"supervision", "guidance", "mentorship", "direction"})


def denies_working_with_pronoun(sent: Span, applicant_tokens: frozenset[str], third_person: bool) -> bool:
    """'I never did get to work with him': the applicant says the wish named before came to nothing
    (a verb of working on the way from the pronoun up: "I do not expect a thesis to bring them back" denies nothing)."""
    cues = load_cues()
    wanted = cues["advise"] | cues["collaborate"]
    return any(ctx.negated and any(lemma(t) in wanted for t in ctx.path if t.pos_ in ("VERB", "AUX"))
               for ctx in _work_with_pronoun(sent, applicant_tokens, third_person))


def _work_with_pronoun(sent: Span, applicant_tokens: frozenset[str], third_person: bool) -> Iterator[Context]:
    """The context of each 'with her' / 'from him' / 'with her group' that the applicant works with or learns from."""
    cues = load_cues()
    wanted = cues["advise"] | cues["collaborate"]
    for tok in sent:
        if tok.lower_ not in _OBJECT_PRONOUNS and not (tok.lower_ in ("his", "their") and tok.dep_ == "poss"):
            continue
        # "with her", "from him", "with her group" or "under his supervision": the pronoun, or the group or the
        # guidance it owns, is the object
        target = tok.head if tok.dep_ == "poss" and tok.head.lemma_.lower() in GROUP_NOUNS | _GUIDANCE_NOUNS else tok
        if target.dep_ not in ("pobj", "dobj"):
            continue
        ctx = analyse(sent.doc[target.i:target.i + 1], applicant_tokens, third_person)
        if ctx.subject_is_applicant and ctx.lemmas & wanted:
            yield ctx
