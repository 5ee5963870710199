"""The items of an interest list: "My interests are X, Y and Z", "interested in X", "a focus on X".

Statements name their research interests as short lists right after a cue. The small
statistical parser often misreads such lists (it joins "sensing, dexterous manipulation"
into one noun chunk), so the list is read from the tokens instead: a cue opens it,
commas and conjunctions separate items, a relative clause or a prepositional phrase ends
an item, and a pronoun or subordinating word ("how", "because") ends the list.
The lexicon is package data (``data/lexicon/interest_lists.json``).
"""
from __future__ import annotations

import re

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from .sentence_cues import written_in_third_person

# Entity types that make an item a name rather than a research area.
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "FAC"})
_MAX_ITEM_WORDS = 6
_MAX_ITEMS = 8


@dataclass(frozen=True)
class ListItem:
    """One item of an interest list: its text (lower case) and other acceptable forms."""

    text: str
    variants: tuple[str, ...]
    sentence: Span


@dataclass(frozen=True)
class _Lexicon:
    cue_prepositions: dict[str, frozenset[str]]
    cue_subjects: frozenset[str]
    linking_verbs: frozenset[str]
    bridge_words: frozenset[str]
    owners: frozenset[str]
    separators: frozenset[str]
    clause_breaks: frozenset[str]
    list_ends: frozenset[str]
    kept_prepositions: frozenset[str]
    leading_fillers: frozenset[str]
    item_prepositions: frozenset[str]
    generic_heads: frozenset[str]
    of_heads: frozenset[str]
    trailing_tails: frozenset[str]
    degree_words: frozenset[str]
    list_nouns: frozenset[str]
    cue_verbs: frozenset[str]
    tail_prepositions: frozenset[str]
    process_suffixes: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    path = resources.files("sopgraph") / "data" / "lexicon" / "interest_lists.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    sets = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    preps = {k: frozenset(v) for k, v in raw["cue_prepositions"].items()}
    return _Lexicon(cue_prepositions=preps, **sets)


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def list_starts(sent: Span) -> list[int]:
    """Token indices (in the Doc) where an interest list begins inside ``sent``."""
    lex = _lexicon()
    starts: list[int] = []
    end = sent.end
    doc = sent.doc
    for tok in sent:
        i = tok.i
        lemma = _lemma(tok)  # read once: every test below looks at it
        preps = lex.cue_prepositions.get(lemma) or lex.cue_prepositions.get(tok.lower_)
        if preps:
            # "interested (primarily) in X": allow one adverb between cue and preposition.
            j = i + 1
            if j < end and doc[j].pos_ == "ADV":
                j += 1
            if j < end and doc[j].lower_ in preps:
                starts.append(_past_possessor(doc, j + 1, end))
                continue
            # "I have worked under the supervision of P on X": the cue's preposition further on
            late = _late_preposition(tok, preps, end) if tok.pos_ == "VERB" and _said_by_applicant(tok) else None
            if late is not None:
                starts.append(late + 1)
                continue
        if lemma in lex.cue_verbs and tok.pos_ == "VERB" and _said_by_applicant(tok) and (
                tok.tag_ != "VBD" or any(c.dep_ == "nsubj" and _own_work(c) for c in tok.children)
                or (i + 1 < end and doc[i + 1].lower_ in _WH_OPENERS)):  # "I studied how X changes": research
            starts.append(i + 1)  # "I want to study X", "we investigate X", "my thesis studied X"
            continue
        if lemma in lex.list_nouns and i + 1 < end and doc[i + 1].text == ":":
            starts.append(i + 2)  # "three directions: (1) X, (2) Y"
            continue
        if lemma in lex.cue_subjects and _owned(tok, sent):
            j = i + 1
            while j < end and doc[j].pos_ in ("ADV", "AUX") and _lemma(doc[j]) not in lex.linking_verbs:
                j += 1
            if j < end and _lemma(doc[j]) in lex.linking_verbs:
                j += 1
                while j < end and (doc[j].lower_ in lex.bridge_words or doc[j].like_num):
                    j += 1
                starts.append(j)
    return [s for s in starts if s < end]


def _past_possessor(doc, start: int, end: int) -> int:
    """"interested in Dr. Ada Quill's large-deformation modelling": the list opens after whose work it is."""
    k = start
    while k < end and k - start < 6 and doc[k].lower_ not in ("'s", "’s") \
            and (doc[k].ent_type_ == "PERSON" or doc[k].lower_.rstrip(".") in _TITLES):
        k += 1
    return k + 1 if k > start and k < end and doc[k].lower_ in ("'s", "’s") else start


_TITLES = frozenset({"dr", "prof", "professor"})


def _late_preposition(verb: Token, preps: frozenset[str], end: int) -> int | None:
    """Where the cue's preposition comes after a phrase about the circumstances of the work
    ("worked under the supervision of P on X"): read from the tokens, as the parser often
    hangs "on X" on the supervisor's name. Another verb or a clause boundary ends the search."""
    doc = verb.doc
    for k in range(verb.i + 1, min(end, verb.i + _LATE_WINDOW)):
        tok = doc[k]
        if tok.lower_ in preps:
            return k if k > verb.i + 1 else None
        if tok.pos_ in ("VERB", "AUX") or tok.text in (",", ";", ":") or tok.lower_ in ("to", "and", "with", "as"):
            return None
    return None


_LATE_WINDOW = 12


def _said_by_applicant(verb: Token) -> bool:
    """Is ``verb`` the applicant's own plan or work: "I study", "(I want) to investigate"?

    A verb with another subject ("the paper explores") reports someone else's work.
    """
    first_person = {"i", "we"} | ({"she", "he"} if written_in_third_person(verb.doc) else set())
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in first_person or _own_work(c)) for c in verb.children)
    head = verb.head
    return verb.dep_ == "xcomp" and any(c.dep_ == "nsubj" and c.lower_ in first_person for c in head.children)


_WORK_NOUNS = frozenset({"thesis", "dissertation", "project", "work", "research", "study", "paper"})


def _own_work(subject: Token) -> bool:
    """"My thesis (studied X)", "our project (examines X)": the applicant's own work as the subject."""
    owners = ("my", "our", "her", "his") if written_in_third_person(subject.doc) else ("my", "our")
    return _lemma(subject) in _WORK_NOUNS and any(c.dep_ == "poss" and c.lower_ in owners for c in subject.children)


def _owned(tok: Token, sent: Span) -> bool:
    """Is this "my interests" / "her research focus" rather than "the interest rate"?"""
    lex = _lexicon()
    left = sent.doc[max(sent.start, tok.i - 3):tok.i]
    return any(t.lower_ in lex.owners for t in left)


def list_items(sent: Span) -> list[ListItem]:
    """The items of every interest list in ``sent``, in order, without duplicates."""
    out: list[ListItem] = []
    seen: set[str] = set()
    blocks = [_split(sent, start) + _block_items(sent, start) for start in list_starts(sent)] + [heading_items(sent)]
    for block in blocks:
        for item in block:
            if item.text not in seen:
                seen.add(item.text)
                out.append(item)
    return out


_MAX_BLOCK_LINES = 8


def _block_items(sent: Span, start: int) -> list[ListItem]:
    """Items of a list laid out one per line after a cue and a colon.

    "I am interested in:" followed by bullet lines (their markers already stripped) is a
    list whose items are the lines; each line is read like an inline list ("federated
    learning with heterogeneous clients; ..." gives "federated learning"). The block ends
    at a blank line.
    """
    doc = sent.doc
    rest = [t for t in doc[start:sent.end] if not t.is_space]
    body = [t for t in sent if not t.is_space]
    # The list must open at the end of the sentence, on its closing colon.
    if len(rest) > 1 or not body or body[-1].text != ":" or (rest and rest[0].i != body[-1].i):
        return []
    at = body[-1].idx + 1
    if "\n" not in doc.text[at:at + 3]:
        return []
    return _line_items(doc, doc.text.index("\n", at) + 1)


# "Research interests", "Areas of interest", "Current research focus": a heading over a list.
_INTEREST_HEADING = re.compile(r"(?:(?:my|current|main|primary|key|future)\s+)*(?:research\s+)?"
                               r"(?:interests?|areas?\s+of\s+interest|topics?\s+of\s+interest|focus(?:\s+areas?)?"
                               r"|research\s+areas?|research\s+directions?)\s*[:.]?", re.I)


def heading_items(sent: Span) -> list[ListItem]:
    """Items of the lines under a heading that names interests ("Research interests" then one per line)."""
    if not _INTEREST_HEADING.fullmatch(sent.text.strip()):
        return []  # checked first: Doc.text joins the whole document anew on each access
    # (the parser's sentence may keep the line break and the next line's indent: "INTERESTS\n  ")
    end = sent.start_char + len(sent.text.rstrip())
    if "\n" not in sent.doc.text[end:end + 2]:
        return []
    return _line_items(sent.doc, end)


def _line_items(doc, at: int) -> list[ListItem]:
    """The first item of each line from ``at`` (skipping blank lines first) to the next blank line."""
    text = doc.text
    while at < len(text) and text[at] in " \t\n":
        at += 1  # a blank line may separate the cue from its first item
    items: list[ListItem] = []
    for _ in range(_MAX_BLOCK_LINES):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = doc.char_span(at, end, alignment_mode="contract")
        if line is None or not line.text.strip():
            break
        # A bullet left in the text ("- X") may be parsed as a sentence of its own.
        first = next((t.i for t in line if not (t.is_punct or t.is_space)), line.end)
        items += _split(line, first, described=True)
        at = end + 1
        if at >= len(text):
            break
    return items


_FORMULA_CHARS = frozenset("^()[]{}=<>|_\\")
_JOINERS = frozenset({"-", "/", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014"})


def _glued(tok: Token) -> bool:
    """Is ``tok`` joined to its left neighbour by a hyphen, dash or slash ("cell–cell")?"""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return not prev.whitespace_ and (prev.text in _JOINERS or tok.text in _JOINERS)


def _enumerator(tok: Token) -> bool:
    """Is ``tok`` the "(" of "(1)", "(a)" or "(ii)"?"""
    doc = tok.doc
    if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
        return False
    mark = doc[tok.i + 1].text
    return mark.isdigit() or (len(mark) <= 3 and mark.isalpha() and mark.islower())


def _split(sent: Span, start: int, described: bool = False) -> list[ListItem]:
    """Walk from ``start``, cutting the list into items (see the module docstring).

    With ``described`` the run is one line of a list and stops at the first phrase that
    describes an item ("federated learning with heterogeneous clients (…, …)"): what
    follows it is detail, not more items.
    """
    lex = _lexicon()
    doc = sent.doc
    items: list[list[Token]] = []
    current: list[Token] = []
    skipping = False  # inside a relative clause or a prepositional phrase of an item
    tails: set[int] = set()  # items that are the object of "for" ("models for disease surveillance")
    joined: dict[int, str] = {}  # item index -> the separator that closed it
    in_tail = False
    # After a colon or an enumerator ("interested in: X; Y; and Z", "(i) X; (ii) Y") semicolons
    # separate items; elsewhere a semicolon starts another clause.
    # (and on a line of a list: "bilingual education; teacher beliefs; …")
    semicolon_list = start < sent.end and (described or _enumerator(doc[start]) or any(
        doc[k].text == ":" for k in (start - 1, start) if sent.start <= k < sent.end))
    # "transition to X; teacher beliefs": between semicolons on one line of a list the whole phrase is the item
    items_between_semicolons = described and any(
        t.text == ";" and any(u.is_alpha for u in doc[t.i + 1:sent.end]) for t in sent)
    # "I studied how leaf-litter decomposition and soil respiration change": the subject of a
    # question after the cue lists what was studied; the question's verb ends the list.
    wh_subject = start < sent.end and doc[start].lower_ in _WH_OPENERS
    if wh_subject and start + 1 < sent.end and doc[start + 1].lower_ in _DEGREE_ADVERBS:
        return []  # "how much of the signal …", "how well models …": a question of degree lists nothing
    i = start + wh_subject
    while i < sent.end and len(items) < _MAX_ITEMS:
        tok = doc[i]
        low = tok.lower_
        i += 1
        if tok.is_sent_end and tok.is_punct:
            break
        if wh_subject and tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBG", "VBN"):
            break
        if low == ";" and semicolon_list:
            if current:
                items.append(current)
            current, skipping, in_tail = [], False, False
            continue
        if _enumerator(tok):
            # "(1) X, (2) Y": the numbers separate items like commas do.
            if current:
                items.append(current)
            current, skipping = [], False
            i += 2
            continue
        close = _closing_bracket(tok, sent.end) if tok.text == "(" and current and not skipping else None
        if close is not None and close - tok.i <= 4 and not any(t.pos_ == "VERB" for t in doc[tok.i + 1:close]):
            # "natural language processing (NLP) and …": a short gloss, and the list goes on (examples
            # in brackets are left out: on our annotated sets they were not what annotators listed)
            i = close + 1
            continue
        if low in lex.separators and not _glued(tok):
            # Only a comma or colon closes a skipped phrase: in "translation for code-switched
            # and unwritten varieties" the "and" is still inside the "for" phrase.
            if (skipping or in_tail) and low not in (",", ":"):
                if in_tail:
                    current.append(tok)
                continue
            if current:
                items.append(current)
                joined[len(items) - 1] = low
            current, skipping, in_tail = [], False, False
            continue
        if skipping:
            continue
        if not current and (low in lex.list_ends or tok.pos_ in ("PRON", "AUX")
                            or (low in lex.clause_breaks and low != "that")):
            break  # ", and I am applying ...": the list is over
        if low in lex.list_ends and not _glued(tok):
            items.append(current)
            current = []
            break
        such_as = low == "such" and i < sent.end and doc[i].lower_ == "as"
        ends_item = such_as or (current and low in lex.clause_breaks) or tok.pos_ == "AUX" or (
            current and not _glued(tok) and (low in lex.item_prepositions
                                             or (tok.pos_ == "VERB" and tok.tag_ not in ("VBG", "VBN"))))
        if ends_item and items_between_semicolons and low in lex.item_prepositions:
            current.append(tok)
            continue
        if ends_item:
            if current:
                items.append(current)
            # "spatiotemporal models for disease surveillance": what a method is for is
            # often a research area too, kept when it is named by a process noun (below).
            tail = low in lex.tail_prepositions and bool(current) and not in_tail
            if described and not (tail or such_as):
                current = []
                break
            current, skipping, in_tail = [], not tail, tail
            if tail:
                tails.add(len(items))
            continue
        current.append(tok)
    if current and not skipping:
        items.append(current)
    out: list[ListItem] = []
    for k, toks in enumerate(items):
        if k in tails and not (toks and names_a_process(toks[-1])):
            continue
        if k + 1 < len(items) and joined.get(k) in ("and", "or"):
            toks = _with_shared_head(toks, items[k + 1])
        item = topic_phrase(toks, sent)
        # one word ("bacteria" of "how bacteria share genes") names what a question is about, not a field
        if item is not None and not (wh_subject and " " not in item.text):
            out.append(item)
    return out


_WH_OPENERS = frozenset({"how", "whether", "why"})
_DEGREE_ADVERBS = frozenset({"much", "many", "far", "often", "well", "long", "fast", "quickly", "strongly"})


def _closing_bracket(tok: Token, end: int) -> int | None:
    """Index of the ")" closing the "(" at ``tok``, within the sentence, or None."""
    for k in range(tok.i + 1, min(end, tok.i + 40)):
        text = tok.doc[k].text
        if text == "(":
            return None
        if text == ")":
            return k
    return None


def _with_shared_head(left: list[Token], right: list[Token]) -> list[Token]:
    """"stochastic and robust optimization": a lone modifier before "and" shares the next item's head.

    The left conjunct is one word that modifies something in the right item (an adjective,
    or a noun the parser attaches inside it, as in "healthcare and humanitarian supply
    chains"); it takes the place of the right item's first modifier.
    """
    core, rest = _words_of(_trim_front(left)), _words_of(_trim_front(right))
    if len(core) != 1 or len(rest) < 2:
        return left
    word = core[0][-1]  # "time-resolved": the word's last part carries its part of speech
    if word.pos_ == "ADJ" or word.tag_ in ("JJ", "VBN") or (word.pos_ in ("NOUN", "PROPN") and word.head in right):
        return [*core[0], *(t for w in rest[1:] for t in w)]
    return left


def _words_of(toks: list[Token]) -> list[list[Token]]:
    """Tokens grouped into written words: "time-resolved cryo-EM" is two words of three tokens each."""
    words: list[list[Token]] = []
    for t in toks:
        if words and _glued(t):
            words[-1].append(t)
        else:
            words.append([t])
    return words


def names_a_process(tok: Token) -> bool:
    """Is ``tok`` a noun naming an activity or a field ("surveillance", "mapping", "genomics")?

    Such heads mark research areas; concrete heads ("banks", "cells") mostly do not.
    """
    word = tok.lower_
    word = word[:-1] if word.endswith("s") and not word.endswith(("ss", "ics")) else word
    return tok.pos_ in ("NOUN", "PROPN") and word.endswith(tuple(_lexicon().process_suffixes))


def _trim_front(toks: list[Token]) -> list[Token]:
    lex = _lexicon()
    while toks and (toks[0].lower_ in lex.leading_fillers or toks[0].pos_ in ("DET", "NUM", "PUNCT", "CCONJ")):
        toks = toks[1:]
    return toks


def topic_phrase(toks: list[Token], sent: Span) -> ListItem | None:
    """Trim a run of tokens (a list item, a noun chunk) to a topic-shaped noun phrase, or None.

    The item's label is its shortest faithful form; longer forms ("evaluation methods",
    "models of transcriptional kinetics") and the part after "of" are kept as variants.
    """
    lex = _lexicon()
    # A pronoun, a number or an abbreviation with a full stop ("Prof.", "Assoc.") marks a
    # name, a quantity or a title, not a topic.
    for t in toks:
        text = t.text
        if t.pos_ == "PRON" or any(ch.isdigit() for ch in text) or (len(text) > 1 and text.endswith(".")):
            return None
        if any(ch in _FORMULA_CHARS for ch in text):
            return None  # "reg J(G)^(s)", "x_1": a formula, not a phrase
    toks = _trim_front(toks)
    # "using machine-learning emulators": a leading gerund with an object is an activity.
    if len(toks) > 1 and toks[0].tag_ == "VBG" and any(c.dep_ == "dobj" for c in toks[0].children):
        toks = _trim_front(toks[1:])
    while toks and (toks[-1].is_punct or toks[-1].lower_ in lex.kept_prepositions):
        toks = toks[:-1]
    if not toks or len(_text(toks).split()) > _MAX_ITEM_WORDS:
        return None
    # An acronym the model takes for a name ("massive MIMO", "DRAM reliability", "ABC transporters")
    # is a technical term inside a phrase; a phrase of names only is not a topic.
    if any(t.ent_type_ in _NAME_TYPES and not (len(toks) > 1 and _acronym(t)) for t in toks):
        return None
    variants: list[list[Token]] = []
    # "the theory of household insurance": the topic is what follows a generic head and "of";
    # in "models of language change" both the whole and the part after "of" are kept.
    of_at = next((k for k, t in enumerate(toks) if t.lower_ == "of" and 0 < k < len(toks) - 1), None)
    if of_at is not None:
        tail = _trim_front(toks[of_at + 1:])
        if of_at == 1 and _lemma(toks[0]) in lex.of_heads:
            variants.append(toks)
            toks = tail
        elif tail:
            variants.append(tail)
    # "evaluation methods", "co-design techniques": the topic is the rest.
    while len(toks) > 1 and toks[-1].lower_ in lex.trailing_tails:
        variants.append(toks)
        toks = toks[:-1]
    if not _topic_shaped(toks):
        return None
    text = _text(toks)
    # Longer forms keep their generic tail ("evaluation methods"); a part after "of" must be
    # topic-shaped itself.
    forms = tuple(dict.fromkeys(_text(v) for v in variants
                                if _text(v) != text and (v[-1].lower_ in lex.trailing_tails or _topic_shaped(v))))
    return ListItem(text, forms, sent)


def _acronym(tok: Token) -> bool:
    """"MIMO", "DRAM", "ASR": two to six capitals (digits and hyphens allowed)."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9-]{1,5}", tok.text)) and sum(c.isupper() for c in tok.text) >= 2


def _topic_shaped(toks: list[Token]) -> bool:
    """Does a token run look like a research topic: a noun phrase with a specific head?"""
    lex = _lexicon()
    if not toks:
        return False
    last = toks[-1]
    if _lemma(last) in lex.generic_heads or last.lower_ in lex.generic_heads:
        return False
    gerund = last.tag_ == "VBG" and len(toks) > 1 and not _glued(last)
    if last.pos_ not in ("NOUN", "PROPN") and not gerund:
        return False
    if len(toks) == 1 and (len(last.text) < 4 or last.pos_ != "NOUN"):
        return False
    return any(ch.isalpha() for ch in last.text)


def _text(toks: list[Token]) -> str:
    """Lower-cased surface, with hyphens, dashes and slashes kept tight ("cell-cell")."""
    parts: list[str] = []
    for t in toks:
        if parts and _glued(t):
            parts[-1] += t.text.lower()
        else:
            parts.append(t.text.lower())
    return " ".join(parts)


def names_a_degree(span: Span) -> bool:
    """Is this mention the subject of a degree or a department ("B.Sc. in Civil Engineering",
    "my degree was in physics", "Department of Biostatistics") rather than a research interest?"""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ("in", "of"):
        return False
    before = doc[max(0, span.start - 5):span.start - 1]
    return any(t.lower_ in _lexicon().degree_words for t in before)
