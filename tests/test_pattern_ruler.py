"""sopgraph_patterns stores exactly what spaCy's span_ruler would, running fewer patterns."""
from __future__ import annotations

import re

import pytest
from spacy.matcher import Matcher
from spacy.pipeline.span_ruler import SpanRuler
from spacy.util import registry

from sopgraph.nlp import entity_patterns
from sopgraph.pipeline.patterns import PatternRuler, anchors

from .conftest import EVAL, EXAMPLES, SHARED
from .corpus_factory import statement

EDGE_TEXTS = ["", " ", "\n\n", "University", "university of", "MIT Media Lab", "Prof. X", "Dr.", "the Journal of",
              "I study at the University of Tokyo, Japan, and the Technical University of Munich.",
              "IEEE International Conference on Robotics and Automation (ICRA) and the ACM Symposium on UIST"]


def _texts():
    files = sorted(p for folder in (EXAMPLES, EVAL / "docs", SHARED / "eval" / "dev" / "docs") if folder.is_dir()
                   for p in folder.glob("*.*") if p.suffix in (".txt", ".md"))
    return [p.read_text(encoding="utf-8") for p in files] + [statement(i)[0] for i in range(20)] + EDGE_TEXTS


def _spans(doc, key):
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]]


@pytest.fixture(scope="module")
def rulers(nlp):
    patterns = entity_patterns()
    ours = PatternRuler(nlp, spans_key="ours")
    ours.add_patterns(patterns)
    reference = SpanRuler(nlp, "reference", spans_key="reference", annotate_ents=False, validate=True, overwrite=True,
                          spans_filter=registry.misc.get("spacy.first_longest_spans_filter.v1")())
    reference.add_patterns(patterns)
    return ours, reference


def test_same_spans_as_spacys_span_ruler(nlp, rulers):
    ours, reference = rulers
    compared = 0
    for text in _texts():
        doc = nlp.make_doc(text)  # the patterns test lexical attributes only
        ours(doc)
        reference(doc)
        assert _spans(doc, "ours") == _spans(doc, "reference"), text[:80]
        compared += bool(doc.spans["reference"])
    assert compared >= 20  # the comparison was not vacuous


def test_only_patterns_whose_words_occur_are_run(nlp, rulers):
    ours, _ = rulers
    doc = nlp.make_doc("I studied at the University of Tokyo.")
    active = {ours.patterns[i]["id"] for i in ours.active(doc)}
    assert "org-university-of" in active
    assert "org-x-laboratory" not in active and "person-titled" not in active
    assert len(active) < len(ours.patterns) / 2


def test_anchors_are_the_required_literal_tokens():
    pattern = [{"LOWER": {"IN": ["prof", "dr"]}}, {"ORTH": ".", "OP": "?"}, {"IS_TITLE": True, "OP": "+"},
               {"TEXT": "Lab"}, {"LOWER": {"REGEX": "^x"}}, {"LOWER": "group", "OP": "*"}]
    assert [(attr, sorted(words)) for attr, words in anchors(pattern)] == [
        (anchors([{"LOWER": "a"}])[0][0], ["dr", "prof"]), (anchors([{"ORTH": "a"}])[0][0], ["Lab"])]


def test_phrase_patterns_are_refused(nlp):
    with pytest.raises(ValueError):
        PatternRuler(nlp, spans_key="x").add_patterns([{"label": "ORG", "pattern": "Acme Labs"}])


# Optional, repeated and negated tokens at the ends of a window, regexes, NOT_IN, a wildcard.
ODD_PATTERNS = [
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}],
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c", "OP": "?"}],
    [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "lab"}, {"IS_TITLE": True, "OP": "*"}],
    [{"TEXT": {"REGEX": "^[A-Z]"}, "OP": "*"}, {"LOWER": {"IN": ["lab", "group"]}}, {"ORTH": ",", "OP": "?"}],
    [{"LOWER": "the", "OP": "?"}, {"LOWER": {"NOT_IN": ["a", "the"]}, "OP": "+"}, {"LOWER": "lab"}],
    [{"LOWER": "lab"}, {"LOWER": "of", "OP": "!"}, {"IS_TITLE": True, "OP": "?"}],
    [{"LOWER": "lab"}, {}, {"IS_UPPER": True, "OP": "*"}],
    [{"ORTH": {"IN": ["Dr", "Prof"]}}, {"ORTH": ".", "OP": "?"}, {"IS_TITLE": True, "IS_STOP": False, "OP": "+"}],
]
ODD_TEXTS = ["a b b c a b", "a", "b a", "A Lab, B lab of X Lab", "the lab lab the Lab of", "MIT Lab AI ML lab",
             "lab", "Lab", "Dr. Ng and Prof Li Wei Lab.", "x a c b, a b c", "The Big Group, the lab of Dr. X",
             "Lab of the lab\n\nLab X", "GROUP Lab lab LAB AB CD"]


def test_matching_in_windows_finds_what_the_whole_doc_gives(nlp):
    ruler = PatternRuler(nlp, spans_key="odd")
    ruler.add_patterns([{"label": "X", "pattern": p, "id": str(i)} for i, p in enumerate(ODD_PATTERNS)])
    compared = 0
    for i, pattern in enumerate(ODD_PATTERNS):
        whole = Matcher(nlp.vocab)
        whole.add("p", [pattern])
        for text in ODD_TEXTS:
            doc = nlp.make_doc(text)
            expected = sorted((start, end) for _, start, end in whole(doc))
            assert sorted((s, e) for j, s, e in ruler.matches(doc) if j == i) == expected, (pattern, text)
            compared += bool(expected)
    assert compared >= 30


def test_named_word_lists_are_expanded_into_the_patterns():
    pattern = next(p for p in entity_patterns() if p["id"] == "program-abbr-field")["pattern"]
    assert "MSc" in pattern[0]["ORTH"]["IN"] and "thesis" in pattern[2]["LOWER"]["NOT_IN"]
    assert not any(str(v).startswith("@") for p in entity_patterns() if isinstance(p["pattern"], list)
                   for token in p["pattern"] for value in token.values() if isinstance(value, dict)
                   for op in ("IN", "NOT_IN") for v in value.get(op, ()))


@pytest.mark.parametrize("reference", ["@words:no_such_list", "@words:_doc"])
def test_a_reference_to_an_unknown_word_list_is_named(reference):
    from sopgraph.nlp import _expanded

    with pytest.raises(ValueError, match=re.escape(repr(reference))):
        _expanded({"pattern": [{"LOWER": {"IN": [reference]}}]}, {"_doc": "", "known": ["a"]})
