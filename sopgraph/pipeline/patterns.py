"""spaCy component for sopgraph's token patterns: a span ruler that runs only the patterns
that can match the Doc at hand.

spaCy's ``Matcher`` does work for every pattern at every token, so its cost grows with
the number of patterns whether or not they can match. Most sopgraph patterns need a token
with one of a few words ("University of X" needs "university"); a pattern whose required
word is nowhere in the Doc cannot match it, so leaving it out changes no match. The
result is what spaCy's ``span_ruler`` with ``first_longest_spans_filter`` would store.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import registry

_ANCHOR_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}
_REQUIRED_OPS = (None, "1", "+")  # a token with one of these must be in every match
_CACHED_MATCHERS = 256


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
        self._matchers: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add token patterns; each is validated as spaCy's span ruler (``validate=True``) would."""
        checker = Matcher(self.vocab, validate=True)
        for entry in patterns:
            if not isinstance(entry.get("pattern"), list):
                raise ValueError(f"sopgraph_patterns takes token patterns only, got {entry.get('pattern')!r}")
            checker.add("check", [entry["pattern"]])  # raises on an invalid pattern
            self._anchors.append([(attr, frozenset(self.vocab.strings.add(w) for w in words))
                                  for attr, words in anchors(entry["pattern"])])
            self.patterns.append(entry)
        self._matchers.clear()

    def _matcher(self, active: tuple[int, ...]) -> Matcher:
        # Statements share most of their words, so few sets of active patterns recur; a
        # matcher is built once per set (a few milliseconds) and kept.
        matcher = self._matchers.get(active)
        if matcher is None:
            matcher = Matcher(self.vocab)
            for i in active:
                matcher.add(str(i), [self.patterns[i]["pattern"]])
            if len(self._matchers) >= _CACHED_MATCHERS:
                self._matchers.popitem(last=False)
            self._matchers[active] = matcher
        else:
            self._matchers.move_to_end(active)
        return matcher

    def active(self, doc: Doc) -> tuple[int, ...]:
        """Indices of the patterns that may match ``doc``: those all of whose anchors occur in it."""
        present = {attr: set(doc.to_array(attr).tolist()) for attr in (LOWER, ORTH)}
        return tuple(i for i, needed in enumerate(self._anchors)
                     if all(not words.isdisjoint(present[attr]) for attr, words in needed))

    def __call__(self, doc: Doc) -> Doc:
        active = self.active(doc)
        matches = self._matcher(active)(doc) if active and len(doc) else []
        # As spaCy's SpanRuler: one span per distinct (start, end, label, id), sorted, filtered.
        spans = set()
        for key, start, end in matches:
            if start != end:
                entry = self.patterns[int(self.vocab.strings[key])]
                spans.add(Span(doc, start, end, label=entry["label"], span_id=entry.get("id", "")))
        doc.spans[self.spans_key] = self._filter([], sorted(spans))
        return doc
