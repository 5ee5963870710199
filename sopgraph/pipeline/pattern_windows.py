"""Where in a Doc a token pattern can match: the runs of tokens that each may satisfy one
of its token specifications, and that hold every token the pattern requires.

spaCy's ``Matcher`` starts a state for every pattern at every token of the Doc. A match is
made of tokens that each satisfy one of the pattern's specifications, so it lies inside one
maximal run of such tokens. At a token outside the run (one that satisfies none of them)
every state of the pattern ends exactly as it ends after the last token of a Span: the
optional specifications left are skipped, and it matches if nothing required is left. So
matching each run as a Span finds exactly the matches the whole Doc gives, with far fewer
states. A specification is tested here on LOWER and ORTH (a word, ``IN``, ``NOT_IN``,
``REGEX``) and on lexical flags; a condition not tested here (a length, an entity type, the
``!`` operator) counts as met, which can make a run longer, never shorter.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from spacy.attrs import IDS, LOWER, ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

_WORD_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}
_FLAG_ATTRS = {name: IDS[name] for name in ("IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE",
                                            "IS_TITLE", "IS_UPPER", "IS_STOP", "LIKE_NUM")}
_MAX_REMEMBERED = 200_000  # regex results kept per (pattern, word); statements share most words

# (kind, attr, argument): "in" / "not_in" (word ids), "flag" (0 or 1), "regex" (the expression)
Test = tuple[str, int, object]
Spec = tuple[Test, ...]  # every test must hold; () holds for every token


def spec_tests(spec: dict, vocab: Vocab) -> Spec:
    """The conditions of one token specification that are tested here (see the module docstring)."""
    if str(spec.get("OP", "")) == "!":
        return ()  # a negated specification may take any token
    tests: list[Test] = []
    for key, value in spec.items():
        name = key.upper()
        if name in _WORD_ATTRS:
            attr = _WORD_ATTRS[name]
            conditions = value.items() if isinstance(value, dict) else [("IN", [value])]
            for operator, argument in conditions:
                operator = operator.upper()
                if operator in ("IN", "NOT_IN") and isinstance(argument, list) \
                        and all(isinstance(w, str) for w in argument):
                    ids = tuple(sorted({vocab.strings.add(w) for w in argument}))
                    tests.append((operator.lower(), attr, ids))
                elif operator == "REGEX" and isinstance(argument, str):
                    tests.append(("regex", attr, argument))
        elif name in _FLAG_ATTRS and isinstance(value, bool):
            tests.append(("flag", _FLAG_ATTRS[name], int(value)))
    return tuple(sorted(tests, key=repr))


class WindowFinder:
    """The match windows of a set of patterns, each compiled once."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.specs: list[list[Spec]] = []
        self.anchors: list[list[Test]] = []
        self._regex_results: dict[str, dict[int, bool]] = {}  # expression -> word id -> found

    def add(self, pattern: list[dict], anchors: Iterable[tuple[int, Iterable[int]]]) -> None:
        """Add a pattern (its index is the number added before it) and its required words."""
        self.specs.append([spec_tests(spec, self.vocab) for spec in pattern])
        self.anchors.append([("in", attr, tuple(sorted(words))) for attr, words in anchors])

    def windows(self, doc: Doc, indices: Iterable[int]) -> list[tuple[int, list[tuple[int, int]]]]:
        """``(index, [(start, end), ...])`` for each pattern: the token ranges of ``doc`` to match it in."""
        if sum(map(len, self._regex_results.values())) > _MAX_REMEMBERED:
            self._regex_results.clear()
        return _DocWindows(doc, self).find(indices)

    def regex_hits(self, expression: str, values: Iterable[int]) -> list[int]:
        """The word ids among ``values`` whose text ``expression`` finds something in (as the
        Matcher's REGEX does: ``re.search``)."""
        results = self._regex_results.setdefault(expression, {})
        strings = self.vocab.strings
        compiled = None
        hits = []
        for value in values:
            hit = results.get(value)
            if hit is None:
                compiled = compiled or re.compile(expression)
                hit = results[value] = bool(compiled.search(strings[value]))
            if hit:
                hits.append(value)
        return hits


class _DocWindows:
    """One Doc's attribute columns, and the token masks computed from them (shared by patterns)."""

    def __init__(self, doc: Doc, finder: WindowFinder):
        self.doc = doc
        self.finder = finder
        self.length = len(doc)
        self._columns: dict[int, np.ndarray] = {}
        self._words_of: dict[int, tuple[dict[int, int], np.ndarray]] = {}
        self._masks: dict[object, np.ndarray] = {}

    def _column(self, attr: int) -> np.ndarray:
        column = self._columns.get(attr)
        if column is None:
            column = self._columns[attr] = self.doc.to_array(attr)
        return column

    def _words(self, attr: int) -> tuple[dict[int, int], np.ndarray]:
        """The distinct values of a word attribute (LOWER or ORTH), each with its number, and
        the number of every token's value."""
        words = self._words_of.get(attr)
        if words is None:
            values, numbers = np.unique(self._column(attr), return_inverse=True)
            words = self._words_of[attr] = ({value: k for k, value in enumerate(values.tolist())}, numbers)
        return words

    def _test(self, test: Test) -> np.ndarray:
        mask = self._masks.get(test)
        if mask is None:
            kind, attr, argument = test
            if kind == "flag":
                mask = self._column(attr) == argument
            else:
                # Each distinct word is tested once (np.isin would compare the column with each word).
                number_of, numbers = self._words(attr)
                found = self.finder.regex_hits(argument, number_of) if kind == "regex" else argument
                hit = np.full(len(number_of), kind == "not_in")
                hit[[number_of[word] for word in found if word in number_of]] = kind != "not_in"
                mask = hit[numbers]
            self._masks[test] = mask
        return mask

    def _spec(self, spec: Spec) -> np.ndarray:
        key = ("spec", spec)
        mask = self._masks.get(key)
        if mask is None:
            mask = np.ones(self.length, dtype=bool)
            for test in spec:
                mask = mask & self._test(test)
            self._masks[key] = mask
        return mask

    def find(self, indices: Iterable[int]) -> list[tuple[int, list[tuple[int, int]]]]:
        out = []
        for i in indices:
            may = np.zeros(self.length, dtype=bool)
            for spec in self.finder.specs[i]:
                may = may | self._spec(spec)
            edges = np.flatnonzero(np.diff(np.concatenate(([0], may.view(np.int8), [0]))))
            starts, ends = edges[0::2], edges[1::2]
            keep = np.ones(len(starts), dtype=bool)
            for anchor in self.finder.anchors[i]:
                # a run without a token the pattern requires holds no match
                counts = np.concatenate(([0], np.cumsum(self._test(anchor))))
                keep &= counts[ends] > counts[starts]
            out.append((i, list(zip(starts[keep].tolist(), ends[keep].tolist()))))
        return out
