"""Research interests: scheme concepts and free noun phrases from interest sentences.

A statement names its interests in sentences such as "My interests include X, Y and Z" or
"I am fascinated by X". Concepts of the shipped SKOS scheme are found anywhere and weighted
by such cues; noun phrases outside the scheme are taken only from cue sentences.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .pipeline.topics import TOPICS_KEY
from .relations import load_cues
from .topics import TopicScheme

# Heads that name a kind of thing rather than a research topic.
_GENERIC_HEADS = frozenset(
    """problem problems question questions challenge challenges way ways area areas field fields domain
    domains aspect aspects topic topics research work interest interests goal goals opportunity experience
    understanding knowledge approach approaches technique techniques method methods idea ideas time year
    years people student students team lab university program programme thing things result results role
    insight insights potential importance impact foundation foundations intersection career skill skills
    project projects course courses paper papers degree passion journey community member members thesis
    part kind type types lot range variety number set example examples focus direction directions chance
    world life society industry position group direction application applications tool tools""".split()
)
_DROP_MODIFIERS = frozenset(
    """various several such new novel many different other own current future particular specific
    certain more most some any various diverse key important major recent broad general""".split()
)
_STRONG_CUES = frozenset(
    """interest interested fascinate fascinated fascinating intrigue intrigued curious passion passionate
    focus explore delve specialize specialise excite excited drawn""".split()
)


@dataclass(frozen=True)
class Interest:
    """One research interest found in a document."""

    label: str
    iri: str | None
    aliases: tuple[str, ...]
    score: float
    evidence: str


def _phrase(chunk: Span) -> str | None:
    toks = [t for t in chunk if t.dep_ not in ("det", "poss", "predet") and t.pos_ not in ("PRON", "DET", "NUM")]
    while toks and (toks[0].lower_ in _DROP_MODIFIERS or toks[0].is_punct):
        toks = toks[1:]
    if not toks or any(t.ent_type_ in ("PERSON", "ORG", "GPE", "DATE", "CARDINAL", "NORP", "LOC") for t in toks):
        return None
    doc = chunk.doc
    end = chunk.end
    # "the dynamics of training deep networks": keep one "of"-attachment.
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        tail = [t for t in doc[end + 1:min(len(doc), end + 6)]]
        tail_words = []
        for t in tail:
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and not t.is_punct:
                tail_words.append(t)
            elif tail_words:
                break
        if tail_words and tail_words[-1].pos_ in ("NOUN", "PROPN") and tail_words[-1].lower_ not in _GENERIC_HEADS:
            toks = toks + [doc[end]] + tail_words
    head = chunk.root
    if head.lemma_.lower() in _GENERIC_HEADS and len(toks) < 3:
        return None
    text = " ".join(t.text for t in toks).lower()
    text = re.sub(r"\s+([-’'])\s*|\s*-\s+", lambda m: m.group(0).strip(), text)
    words = text.split()
    if not 1 <= len(words) <= 7 or not re.search(r"[a-z]", text) or re.search(r"\d{3,}|prof|dr\.|'s\b|’s\b", text):
        return None
    if len(words) == 1 and (len(text) < 5 or head.pos_ != "NOUN"):
        return None
    if words[-1] in _GENERIC_HEADS:
        return None
    return text


_CUE_HEADS = frozenset(
    """interest interested fascinate fascinated intrigue intrigued curious passion passionate focus
    explore study investigate pursue delve specialize specialise work research excite excited drawn
    include lie area areas""".split()
)


def _governed_by_cue(chunk: Span) -> bool:
    """Is the phrase what a cue is about: "interested in X", "explore X", "X, Y and Z" after one?"""
    tok = chunk.root
    for _ in range(6):
        if tok.dep_ == "conj" or tok.dep_ == "appos":
            tok = tok.head
            continue
        if tok.dep_ == "pobj":
            prep = tok.head
            return prep.lower_ in ("in", "on", "into", "by", "for", "with", "of") and (prep.head.lemma_ or "").lower() in _CUE_HEADS
        if tok.dep_ in ("dobj", "attr"):
            return (tok.head.lemma_ or "").lower() in _CUE_HEADS
        return False
    return False


def find_interests(doc: Doc, scheme: TopicScheme, in_body: Callable[[Span], bool], limit: int) -> list[Interest]:
    """Rank the document's interests: cue-backed scheme concepts first, then free phrases."""
    cues = load_cues()["topic_cue"]
    scores: Counter[str] = Counter()
    evidence: dict[str, Span] = {}
    surfaces: dict[str, set[str]] = {}
    for span in doc.spans.get(TOPICS_KEY, []):
        if not in_body(span):
            continue
        cue = any((t.lemma_ or t.lower_).lower() in cues for t in span.sent)
        scores[span.kb_id_] += 2 if cue else 1
        evidence.setdefault(span.kb_id_, span)
        surfaces.setdefault(span.kb_id_, set()).add(span.text.lower())
    out: list[Interest] = []
    # Specific concepts say more about an applicant than broad ones that every statement
    # in a field mentions: depth in the scheme breaks ties and lifts narrow topics.
    depth = {iri: len(scheme.broader_closure(iri)) for iri in scores}
    ranked = sorted(scores.items(), key=lambda kv: (-(kv[1] + 0.5 * min(depth[kv[0]], 6)), kv[0]))
    for iri, score in ranked:
        if (score < 2 and depth[iri] < 3) or depth[iri] == 0:
            continue  # one passing mention, or a whole discipline ("physics", "economics")
        topic = scheme.get(iri)
        out.append(Interest(topic.pref_label, str(iri), tuple(sorted(surfaces[iri])), float(score),
                            evidence[iri].sent.text.strip()))
    taken = {i.label for i in out} | {a for i in out for a in i.aliases}
    free: list[Interest] = []
    for sent in doc.sents:
        if not in_body(sent):
            continue
        lemmas = {(t.lemma_ or t.lower_).lower() for t in sent}
        if not lemmas & _STRONG_CUES:
            continue
        for chunk in sent.noun_chunks:
            if chunk.root.pos_ not in ("NOUN", "PROPN") or not _governed_by_cue(chunk):
                continue
            phrase = _phrase(chunk)
            if not phrase or phrase in taken:
                continue
            taken.add(phrase)
            topic = scheme.lookup(phrase)
            if topic is not None and str(topic.iri) in scores:
                continue
            free.append(Interest(topic.pref_label if topic else phrase, str(topic.iri) if topic else None,
                                 (phrase,), 1.5, sent.text.strip()))
    chosen = out + free
    if len(chosen) < _SALIENT_FILL:
        chosen += _salient_phrases(doc, scheme, in_body, taken | {i.label for i in chosen}, _SALIENT_FILL - len(chosen))
    return chosen[:limit]


# Phrases found by salience alone are the least certain interests: they only fill a short list.
_SALIENT_FILL = 8


def _salient_phrases(doc: Doc, scheme: TopicScheme, in_body: Callable[[Span], bool], taken: set[str],
                     room: int) -> list[Interest]:
    """Technical noun phrases the statement keeps returning to, or states in a cue sentence."""
    cues = load_cues()["topic_cue"]
    counts: Counter[str] = Counter()
    cue_hits: Counter[str] = Counter()
    evidence: dict[str, str] = {}
    for chunk in doc.noun_chunks:
        if chunk.root.pos_ != "NOUN" or not in_body(chunk):
            continue
        phrase = _phrase(chunk)
        if not phrase or len(phrase.split()) < 2 or len(phrase.split()) > 4 or " of " in phrase:
            continue
        if not all(w.replace("-", "").isalpha() for w in phrase.split()):
            continue
        counts[phrase] += 1
        evidence.setdefault(phrase, chunk.sent.text.strip())
        if any((t.lemma_ or t.lower_).lower() in cues for t in chunk.sent):
            cue_hits[phrase] += 1
    scored = sorted(((counts[p] + cue_hits[p], p) for p in counts if counts[p] >= 2 or cue_hits[p] >= 1),
                    key=lambda x: (-x[0], x[1]))
    out: list[Interest] = []
    for score, phrase in scored:
        if phrase in taken or score < 3:
            continue
        topic = scheme.lookup(phrase)
        label = topic.pref_label if topic else phrase
        if label in taken:
            continue
        taken.add(label)
        out.append(Interest(label, str(topic.iri) if topic else None, (phrase,), 1.0, evidence[phrase]))
        if len(out) >= room:
            break
    return out
