"""Research interests: scheme concepts, listed interests and recurring noun phrases.

A statement names its interests in lists such as "My interests include X, Y and Z" or
"I am interested in X" (read by :mod:`sopgraph.interest_lists`). Concepts of the shipped
SKOS scheme are found anywhere and weighted by cues and by being listed; listed phrases
outside the scheme come next, and multi-word noun phrases the statement keeps returning to
fill a short list.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .interest_lists import list_items, names_a_degree, topic_phrase
from .pipeline.topics import TOPICS_KEY
from .relations import load_cues
from .topics import TopicScheme, normalize


@dataclass(frozen=True)
class Interest:
    """One research interest found in a document."""

    label: str
    iri: str | None
    aliases: tuple[str, ...]
    score: float
    evidence: str
    broader: str | None = None  # for a phrase outside the scheme: the concept it narrows


@dataclass
class _Evidence:
    """What the document says about one scheme concept."""

    score: float = 0.0
    mentions: int = 0
    multiword: bool = False  # named at least once by a phrase, not one (often ambiguous) word
    listed: bool = False  # named as an item of an interest list
    sentence: Span | None = None
    surfaces: set[str] = field(default_factory=set)
    bare: int = 0  # mentions not narrowed by a modifier of their own
    narrowed: Counter[str] = field(default_factory=Counter)  # "veterinary epidemiology" for "epidemiology"


def _scheme_evidence(doc: Doc, scheme: TopicScheme, in_body: Callable[[Span], bool]
                     ) -> tuple[dict[str, _Evidence], list[tuple[str, tuple[str, ...], str]]]:
    """Evidence per scheme concept, and the listed interests that are not in the scheme."""
    cues = load_cues()["topic_cue"]
    found: dict[str, _Evidence] = {}
    cued: dict[int, bool] = {}  # sentence start -> has a cue (topics often share a sentence)
    chunk_ending = {chunk.end: chunk for chunk in doc.noun_chunks}  # a mention narrowed by modifiers ends its chunk
    for span in doc.spans.get(TOPICS_KEY, []):
        if not in_body(span) or names_a_degree(span):
            continue
        sent = span.sent
        ev = found.setdefault(span.kb_id_, _Evidence(sentence=sent))
        if sent.start not in cued:
            cued[sent.start] = any((t.lemma_ or t.lower_).lower() in cues for t in sent)
        ev.score += 2 if cued[sent.start] else 1
        ev.mentions += 1
        # An acronym ("HCI", "VLSI") is as specific as the phrase it abbreviates.
        ev.multiword |= len([t for t in span if not t.is_punct]) > 1 or sum(c.isupper() for c in span.text) >= 2
        ev.surfaces.add(span.text.lower())
        narrower = _narrowed_form(span, chunk_ending.get(span.end))
        if narrower is None:
            ev.bare += 1
        else:
            ev.narrowed[narrower] += 1
            ev.multiword = True  # "veterinary epidemiology" is as specific as any phrase
    # Items of an explicit interest list ("my interests are X, Y and Z") are the strongest
    # evidence there is: a concept named there outranks one merely mentioned.
    unlisted: list[tuple[str, tuple[str, ...], str]] = []
    for sent in doc.sents:
        if not in_body(sent):
            continue
        for item in list_items(sent):
            topic = next((t for t in map(scheme.lookup, (item.text, *item.variants)) if t is not None), None)
            if topic is None:
                unlisted.append((item.text, item.variants, sent.text.strip()))
                continue
            ev = found.setdefault(str(topic.iri), _Evidence(sentence=sent))
            ev.score += 3
            ev.listed = True
            ev.surfaces.update((item.text, *item.variants))
    return found, unlisted


def _narrowed_form(span: Span, chunk: Span | None) -> str | None:
    """The phrase a concept's mention is the head of, when modifiers narrow it ("veterinary
    epidemiology", "drift-diffusion models"), or None for a bare mention.

    The modifiers are those of ``chunk``, the noun chunk ending where the mention ends; fillers
    ("new", "the", "various") are trimmed by :func:`topic_phrase`, and a phrase with a name in it
    ("Cuban epidemiology") is none.
    """
    if chunk is None or chunk.start >= span.start:
        return None
    item = topic_phrase(list(chunk), span.sent)
    if item is None or item.variants:
        return None
    whole, head = normalize(item.text), normalize(span.text)
    if len(whole.split()) <= len(head.split()) or not whole.endswith(" " + head):
        return None
    return item.text


def _worth_keeping(ev: _Evidence, depth: int) -> bool:
    """Is a scheme concept an interest, rather than a passing or ambiguous mention?

    A whole discipline ("physics") never is unless listed; a broad area (depth 1, such as
    "linguistics" or "genetics") needs a multi-word mention; a single mention counts only
    when it is a specific multi-word phrase ("graph neural networks"), since single words
    ("history", "optics", "manufacturing") are mostly used in their everyday sense.
    """
    if ev.listed:
        return True
    if depth == 0 or (depth <= 1 and not ev.multiword):
        return False
    if ev.mentions == 1 and (not ev.multiword or depth <= 1):
        return False
    return True


def _without_umbrellas(kept: list[tuple[str, _Evidence]], scheme: TopicScheme) -> list[tuple[str, _Evidence]]:
    """Drop an umbrella concept that is broader than another kept one, unless listed.

    "machine learning" next to "federated learning" names the field the narrower interest
    sits in, not a second interest. Only hubs of the scheme (many narrower concepts) are
    dropped: a mid-level area such as "human-computer interaction" or "computer
    architecture" is still a fair interest next to one of its sub-areas.
    """
    ancestors = set()
    for iri, _ in kept:
        ancestors |= {str(a) for a in scheme.broader_closure(iri)}
    return [(iri, ev) for iri, ev in kept
            if ev.listed or str(iri) not in ancestors or _narrower_count(scheme, iri) < _UMBRELLA_SIZE]


# A concept with this many narrower concepts (transitively) is an umbrella: "machine
# learning", "deep learning", "neural networks", "artificial intelligence".
_UMBRELLA_SIZE = 20


def _narrower_count(scheme: TopicScheme, iri: str) -> int:
    return _narrower_counts(scheme).get(str(iri), 0)


_NARROWER: dict[int, dict[str, int]] = {}


def _narrower_counts(scheme: TopicScheme) -> dict[str, int]:
    """How many concepts sit (transitively) under each concept; computed once per scheme."""
    counts = _NARROWER.get(id(scheme))
    if counts is None:
        counts = Counter()
        for topic in scheme:
            for a in scheme.broader_closure(topic.iri):
                counts[str(a)] += 1
        _NARROWER[id(scheme)] = counts = dict(counts)
    return counts


def find_interests(doc: Doc, scheme: TopicScheme, in_body: Callable[[Span], bool], limit: int) -> list[Interest]:
    """Rank the document's interests: cue-backed scheme concepts first, then free phrases."""
    found, listed = _scheme_evidence(doc, scheme, in_body)
    out: list[Interest] = []
    # Specific concepts say more about an applicant than broad ones that every statement
    # in a field mentions: depth in the scheme breaks ties and lifts narrow topics.
    depth = {iri: len(scheme.broader_closure(iri)) for iri in found}
    ranked = sorted(found.items(), key=lambda kv: (-(kv[1].score + 0.5 * min(depth[kv[0]], 6)), kv[0]))
    kept = [(iri, ev) for iri, ev in ranked if _worth_keeping(ev, depth[iri])]
    for iri, ev in _without_umbrellas(kept, scheme):
        topic = scheme.get(iri)
        if not ev.bare and not ev.listed and ev.narrowed:
            # Only ever named narrowed ("veterinary epidemiology"): that narrower phrase is the
            # interest (filed under the concept when its label is of two words or more, see _broader_of).
            phrase = ev.narrowed.most_common(1)[0][0]
            out.append(Interest(phrase, None, (phrase,), float(ev.score), ev.sentence.text.strip(), _broader_of(scheme, phrase)))
            continue
        out.append(Interest(topic.pref_label, str(iri), tuple(sorted(ev.surfaces)), float(ev.score),
                            ev.sentence.text.strip()))
    taken = {i.label for i in out} | {a for i in out for a in i.aliases}
    free: list[Interest] = []
    for text, variants, sent_text in listed:
        # One word outside the scheme ("policy", "robustness", "detail") is as often a generic
        # noun as a research area: measured on our annotated sets, one in five was an interest.
        if text not in taken and " " in text.strip():
            taken.add(text)
            free.append(Interest(text, None, (text, *variants), 2.5, sent_text, _broader_of(scheme, text)))
    chosen = out + free
    # Phrases found by salience alone are the least certain interests: they only fill the list up to its limit
    # (measured on the blind set, about half of them are gold interests, enough to raise F1).
    if len(chosen) < limit:
        chosen += _salient_phrases(doc, scheme, in_body, taken | {i.label for i in chosen}, limit - len(chosen))
    return chosen[:limit]


def _salient_phrases(doc: Doc, scheme: TopicScheme, in_body: Callable[[Span], bool], taken: set[str],
                     room: int) -> list[Interest]:
    """Multi-word noun phrases the statement returns to at least twice ("diffusion policies").

    A phrase named once is as often a passing detail as a topic; single words are too
    ambiguous to take on frequency alone.
    """
    counts: Counter[str] = Counter()
    first: dict[str, tuple[str, str]] = {}
    for chunk in doc.noun_chunks:
        # One token gives a one-word phrase at most (a token holds no space): not wanted here.
        if len(chunk) < 2 or not in_body(chunk):
            continue
        item = topic_phrase(list(chunk), chunk.sent)
        if item is None or len(item.text.split()) < 2:
            continue
        key = normalize(item.text)
        counts[key] += 1
        if key not in first:  # the sentence's text is made only for a phrase's first chunk
            first[key] = (item.text, chunk.sent.text.strip())
    seen = {normalize(t) for t in taken}
    out: list[Interest] = []
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < 2 or len(out) >= room:
            break
        phrase, sentence = first[key]
        topic = scheme.lookup(phrase)
        label = topic.pref_label if topic else phrase
        if key in seen or normalize(label) in seen:
            continue
        seen.update((key, normalize(label)))
        out.append(Interest(label, str(topic.iri) if topic else None, (phrase,), 1.0, sentence,
                            None if topic else _broader_of(scheme, phrase)))
    return out


def _broader_of(scheme: TopicScheme, phrase: str) -> str | None:
    """The scheme concept a free phrase narrows ("tokenization-free language models" → language models).

    Only an ending of two words or more counts: one-word labels ("security", "control")
    are too often another sense of the word.
    """
    head = scheme.head_concept(phrase, min_words=2)
    return str(head.iri) if head is not None else None
