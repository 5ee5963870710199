"""spaCy component for sopgraph's token patterns: a span ruler that runs only the patterns
that can match the Doc at hand.

spaCy's ``Matcher`` does work for every pattern at every token, so its cost grows with
the number of patterns whether or not they can match. Most sopgraph patterns need a token
with one of a few words ("University of X" needs "university"); a pattern whose required
word is nowhere in the Doc cannot match it, so leaving it out changes no match. Each pattern
left is matched only inside the token runs where it can match (see
:mod:`sopgraph.pipeline.pattern_windows`). The result is what spaCy's ``span_ruler`` with
``first_longest_spans_filter`` would store.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import registry

from .pattern_windows import WindowFinder

_ANCHOR_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}
_REQUIRED_OPS = (None, "1", "+")  # a token with one of these must be in every match


@Language.factory("sopgraph_patterns", default_config={"spans_key": "sg_patterns"})
def make_pattern_ruler(nlp: Language, name: str, spans_key: str) -> "PatternRuler":
    """spaCy factory: ``nlp.add_pipe("sopgraph_patterns")``, then ``add_patterns``."""
    return PatternRuler(nlp, spans_key=spans_key)


def anchors(pattern: list[dict]) -> list[tuple[int, frozenset[str]]]:
    """``(attr, words)`` for every token each match of ``pattern`` has: a token whose
    ``attr`` (LOWER or ORTH) must be one of ``words``. A Doc without such a token for any
    one of them cannot match the pattern."""
    found = []
    for spec in pattern:
        if spec.get("OP") not in _REQUIRED_OPS:
            continue
        for key, value in spec.items():
            attr = _ANCHOR_ATTRS.get(key.upper())
            if attr is None:
                continue
            if isinstance(value, str):
                found.append((attr, frozenset([value])))
            elif isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
                found.append((attr, frozenset(value["IN"])))
    return found


class PatternRuler:
    """Token patterns (``{"label", "pattern", "id"}``, as for spaCy's span ruler) matched
    into ``doc.spans[spans_key]``; overlaps keep the first longest span."""

    def __init__(self, nlp: Language, *, spans_key: str):
        self.vocab = nlp.vocab
        self.spans_key = spans_key
        self.patterns: list[dict] = []
        self._anchors: list[list[tuple[int, frozenset[int]]]] = []
        self._filter = registry.misc.get("spacy.first_longest_spans_filter.v1")()
        self._windows = WindowFinder(nlp.vocab)
        self._matchers: dict[int, Matcher] = {}  # one per pattern, made on first use

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add token patterns; each is validated as spaCy's span ruler (``validate=True``) would."""
        checker = Matcher(self.vocab, validate=True)
        for entry in patterns:
            if not isinstance(entry.get("pattern"), list):
                raise ValueError(f"sopgraph_patterns takes token patterns only, got {entry.get('pattern')!r}")
            checker.add("check", [entry["pattern"]])  # raises on an invalid pattern
            self._anchors.append([(attr, frozenset(self.vocab.strings.add(w) for w in words))
                                  for attr, words in anchors(entry["pattern"])])
            self._windows.add(entry["pattern"], self._anchors[-1])
            self.patterns.append(entry)

    def _matcher(self, index: int) -> Matcher:
        # A pattern's states never meet another's, so a matcher of one pattern finds exactly
        # the matches it finds among all of them.
        matcher = self._matchers.get(index)
        if matcher is None:
            matcher = self._matchers[index] = Matcher(self.vocab)
            matcher.add(str(index), [self.patterns[index]["pattern"]])
        return matcher

    def active(self, doc: Doc) -> tuple[int, ...]:
        """Indices of the patterns that may match ``doc``: those all of whose anchors occur in it."""
        present = {attr: set(doc.to_array(attr).tolist()) for attr in (LOWER, ORTH)}
        return tuple(i for i, needed in enumerate(self._anchors)
                     if all(not words.isdisjoint(present[attr]) for attr, words in needed))

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(pattern index, start, end)`` of every match in ``doc``, as one ``Matcher`` of all
        the patterns would find them (in another order)."""
        found = []
        active = self.active(doc) if len(doc) else ()
        for index, windows in self._windows.windows(doc, active):
            matcher = self._matcher(index)
            for first, last in windows:
                found.extend((index, first + start, first + end) for _, start, end in matcher(doc[first:last]))
        return found

    def __call__(self, doc: Doc) -> Doc:
        # As spaCy's SpanRuler: one span per distinct (start, end, label, id), sorted, filtered.
        spans = set()
        for index, start, end in self.matches(doc):
            if start != end:
                entry = self.patterns[index]
                spans.add(Span(doc, start, end, label=entry["label"], span_id=entry.get("id", "")))
        # Of two spans over the same tokens the programme wins: "Ph.D. in Operations Research" also
        # fits "… Research" of an organisation, but a degree opens it.
        ordered = sorted(spans, key=lambda s: (s.start, s.end, s.label_ != "PROGRAM", s))
        doc.spans[self.spans_key] = self._filter([], ordered)
        return doc
