"""The faster ways sopgraph builds and runs its matchers give exactly what the plain ways give.

* sopgraph_gazetteer tokenizes the gazetteer phrases several per call, with a copy of the
  tokenizer on a scratch vocabulary, and adds the phrases only one entry claims under one
  shared match key;
* TopicScheme.find_in stops growing a span once its words begin no label;
* the packaged topic scheme is parsed with pyoxigraph rather than rdflib.

Each is compared with a straightforward reference implementation (the code before).
"""
from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LOWER
from rdflib import URIRef
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from sopgraph.errors import GraphLoadError
from sopgraph.gazetteer import Gazetteer
from sopgraph.pipeline import gazetteer as gazetteer_component
from sopgraph.pipeline.gazetteer import (
    GazetteerMatcher, _bulk_safe, _PlainWords, _scratch_copy, _tokenize_together, phrase_tokens,
)
from sopgraph.topics import _GAP_RE, _TOKEN_RE, TopicScheme, _fast_from_turtle, _word_key, packaged_turtle

from .conftest import EVAL, EXAMPLES, SHARED
from .corpus_factory import statement

EDGE_TEXTS = ["", " ", "\n\n", "MIT", "mit", "CHI", "chi", "Meta", "meta", "Stanford University",
              "STANFORD UNIVERSITY", "I study at the University of Tokyo and MIT, then ICML and NeurIPS.",
              "Proceedings of the International Conference on Machine Learning (ICML 2020)",
              "ml, ML; CV: my CV, graph neural networks, self-supervised learning with GANs",
              "Natural\nLanguage Processing", "human–computer interaction and 3D computer vision"]
ODD_PHRASES = ["", " ", " MIT", "MIT ", "a\nb", "a\r\nb", "x\ty", "A  B", "Univ. of X", "U.S.A.", "don't",
               ":)", "e.g.", "(ICML)", "St. John's", "Université de Montréal", "a — b", "\u00a0x"]


def _texts() -> list[str]:
    files = sorted(p for folder in (EXAMPLES, EVAL / "docs", SHARED / "eval" / "dev" / "docs") if folder.is_dir()
                   for p in folder.glob("*.*") if p.suffix in (".txt", ".md"))
    return [p.read_text(encoding="utf-8") for p in files] + [statement(i)[0] for i in range(10)] + EDGE_TEXTS


def _one_by_one(tokenizer, phrases):
    found = {}
    for phrase in dict.fromkeys(phrases):
        doc = tokenizer(phrase)
        found[phrase] = (tuple(t.orth for t in doc), tuple(t.lower for t in doc))
    return found


def _gazetteer_phrases() -> list[str]:
    gaz = Gazetteer.load()
    return [phrase for phrases in (gaz.org_phrases(), gaz.venue_phrases()) for phrase, _, _ in phrases]


# --------------------------------------------------------------------------- phrase tokens


def test_phrases_tokenized_together_as_one_by_one(nlp):
    phrases = _gazetteer_phrases()
    expected = _one_by_one(nlp.tokenizer, phrases)
    assert _bulk_safe(nlp.tokenizer)
    scratch = _scratch_copy(nlp.tokenizer)
    assert scratch is not nlp.tokenizer and scratch.vocab is not nlp.vocab
    # All in one text (as in one call), on the scratch copy: the fallback is not taken.
    assert _tokenize_together(scratch, list(expected)) == expected
    assert phrase_tokens(nlp.tokenizer, phrases) == expected


def test_phrase_tokens_leave_the_pipeline_vocabulary_alone(nlp):
    before = len(nlp.vocab)
    found = phrase_tokens(nlp.tokenizer, ["Qzxwv Institute of Blorptech", "QZXWV"])
    assert found["QZXWV"] == ((nlp.vocab.strings.add("QZXWV"),), (nlp.vocab.strings.add("qzxwv"),))
    assert "Qzxwv" not in nlp.vocab and "Blorptech" not in nlp.vocab and len(nlp.vocab) == before


def test_odd_phrases_tokenized_as_one_by_one(nlp):
    assert phrase_tokens(nlp.tokenizer, ODD_PHRASES) == _one_by_one(nlp.tokenizer, ODD_PHRASES)


def test_any_other_tokenizer_is_called_per_phrase(nlp):
    calls = []

    def tokenizer(text):
        calls.append(text)
        return nlp.tokenizer(text)

    assert not _bulk_safe(tokenizer)
    phrases = ["MIT", "Stanford University", "MIT"]
    assert phrase_tokens(tokenizer, phrases) == _one_by_one(nlp.tokenizer, phrases)
    assert calls == ["MIT", "Stanford University"]


def test_a_special_case_across_a_line_break_disables_the_one_call_path():
    blank = spacy.blank("en")
    blank.tokenizer.faster_heuristics = False  # so that the rule is applied across whitespace
    blank.tokenizer.add_special_case("foo\nbar", [{"ORTH": "foo\nbar"}])
    assert [t.text for t in blank.tokenizer("foo\nbar")] == ["foo\nbar"]
    assert not _bulk_safe(blank.tokenizer)
    # Were it taken anyway, the check would notice that the two phrases ran together.
    assert _tokenize_together(blank.tokenizer, ["foo", "bar"]) is None
    assert phrase_tokens(blank.tokenizer, ["foo", "bar"]) == _one_by_one(blank.tokenizer, ["foo", "bar"])


def test_plain_words_are_their_own_tokens(nlp):
    plain = _PlainWords(nlp.tokenizer, nlp.vocab.lex_attr_getters[LOWER])
    assert _PlainWords.usable(nlp.tokenizer)
    phrases = ["Stanford University", "MIT", "Universität Zürich", "ORG", "Meta"]
    assert {p: plain.tokens(p) for p in phrases} == _one_by_one(nlp.tokenizer, phrases)
    # Other spacing, affixes and special cases are left to the tokenizer; what is not is right.
    for phrase in ["A  B", " MIT", "MIT ", "x\ty", "", "(ICML)", "don't", "a-b", "Univ. of X"]:
        assert plain.tokens(phrase) is None, phrase
    for phrase in ODD_PHRASES:
        assert plain.tokens(phrase) in (None, _one_by_one(nlp.tokenizer, [phrase])[phrase]), phrase


def test_a_special_case_with_a_space_disables_plain_words():
    blank = spacy.blank("en")
    blank.tokenizer.faster_heuristics = False
    blank.tokenizer.add_special_case("foo bar", [{"ORTH": "foo bar"}])
    assert [t.text for t in blank.tokenizer("foo bar")] == ["foo bar"]
    assert not _PlainWords.usable(blank.tokenizer)
    phrases = ["foo bar", "foo", "bar foo bar"]
    assert phrase_tokens(blank.tokenizer, phrases) == _one_by_one(blank.tokenizer, phrases)


def test_a_failed_check_falls_back(nlp, monkeypatch):
    monkeypatch.setattr(gazetteer_component, "_tokenize_together", lambda tokenizer, phrases: None)
    phrases = ["MIT", "Stanford University", "U.S.A."]
    assert phrase_tokens(nlp.tokenizer, phrases) == _one_by_one(nlp.tokenizer, phrases)


# --------------------------------------------------------------------------- gazetteer spans


class _ReferenceGazetteerMatcher:
    """sopgraph_gazetteer as it was: a Doc per phrase, a match key per entry."""

    def __init__(self, nlp):
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        gazetteer = Gazetteer.load()
        for label, phrases in (("ORG", gazetteer.org_phrases()), ("VENUE", gazetteer.venue_phrases())):
            by_key = {}
            for phrase, entry_id, case_sensitive in phrases:
                doc = nlp.tokenizer(phrase)
                exact = case_sensitive or len(doc) == 1
                by_key.setdefault((f"{label}|{entry_id}", exact), []).append(doc)
            for (key, case_sensitive), docs in by_key.items():
                (self.exact if case_sensitive else self.folded).add(key, docs)

    def spans(self, doc):
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                label, entry_id = doc.vocab.strings[match_id].split("|", 1)
                spans.append(Span(doc, start, end, label=label, kb_id=entry_id))
        return sorted(filter_spans(spans))


@pytest.fixture(scope="module")
def gazetteer_matchers(nlp):
    return GazetteerMatcher(nlp, spans_key="ours"), _ReferenceGazetteerMatcher(nlp)


def _described(spans):
    return [(s.start, s.end, s.label_, s.kb_id_) for s in spans]


def test_gazetteer_spans_as_before(nlp, gazetteer_matchers):
    ours, reference = gazetteer_matchers
    compared = 0
    for text in _texts():
        doc = nlp.make_doc(text)  # the gazetteer reads tokens only
        ours(doc)
        assert _described(doc.spans["ours"]) == _described(reference.spans(doc)), text[:80]
        compared += len(doc.spans["ours"])
    assert compared >= 50  # the comparison was not vacuous


def test_phrases_several_entries_claim_resolve_as_before(nlp, gazetteer_matchers):
    # Equal spans from several entries: the one the matcher reports first wins, as before.
    ours, reference = gazetteer_matchers
    tokens = phrase_tokens(nlp.tokenizer, _gazetteer_phrases())
    owners = {}
    gaz = Gazetteer.load()
    for label, phrases in (("ORG", gaz.org_phrases()), ("VENUE", gaz.venue_phrases())):
        for phrase, entry_id, case_sensitive in phrases:
            orths, lowers = tokens[phrase]
            exact = case_sensitive or len(orths) == 1
            owners.setdefault((exact, orths if exact else lowers), {})[(label, entry_id)] = phrase
    shared = [phrases for phrases in owners.values() if len(phrases) > 1]
    assert shared, "no phrase is claimed by two entries: this test tests nothing"
    for phrases in shared:
        for phrase in phrases.values():
            doc = nlp.make_doc(phrase)
            ours(doc)
            assert _described(doc.spans["ours"]) == _described(reference.spans(doc)), phrase


# --------------------------------------------------------------------------- topic spans


def _reference_find_in(scheme: TopicScheme, text: str):
    """TopicScheme.find_in as it was: every span of up to the longest label's length is looked up."""
    tokens = [(m.start(), m.end(), m.group(), _word_key(m.group())) for m in _TOKEN_RE.finditer(text)]
    candidates = []
    for i in range(len(tokens)):
        for j in range(i + 1, min(i + scheme._max_words, len(tokens)) + 1):
            if j > i + 1 and not _GAP_RE.fullmatch(text, tokens[j - 2][1], tokens[j - 1][0]):
                break
            key = " ".join(t[3] for t in tokens[i:j])
            iri = scheme._index.get(key)
            if iri is not None and scheme._acceptable([t[2] for t in tokens], i, j, key):
                candidates.append((i, j, iri))
    chosen, taken = [], set()
    for i, j, iri in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if taken.isdisjoint(range(i, j)):
            chosen.append((i, j, iri))
            taken.update(range(i, j))
    return [(tokens[i][0], tokens[j - 1][1], scheme.get(iri)) for i, j, iri in sorted(chosen, key=lambda c: c[0])]


def test_topic_spans_as_before():
    scheme = TopicScheme.load()
    texts = _texts() + [phrase for phrase, _ in scheme.phrases()]
    found = 0
    for text in texts:
        assert scheme.find_in(text) == _reference_find_in(scheme, text), text[:80]
        found += len(scheme.find_in(text))
    assert found >= 100


# --------------------------------------------------------------------------- topic scheme


def _same_scheme(a: TopicScheme, b: TopicScheme) -> None:
    assert a.iri == b.iri
    assert [(t.iri, t.pref_label, t.alt_labels, t.broader) for t in a] == \
        [(t.iri, t.pref_label, t.alt_labels, t.broader) for t in b]
    assert all(isinstance(t.iri, URIRef) and all(isinstance(p, URIRef) for p in t.broader) for t in a)


def test_packaged_scheme_read_as_rdflib_reads_it():
    _same_scheme(TopicScheme.load(), TopicScheme.from_turtle(packaged_turtle()))


SMALL_SCHEME = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix t: <https://example.org/t/> .
t: a skos:ConceptScheme .
t:z a skos:ConceptScheme .
t:b a skos:Concept ; skos:prefLabel "b label"@en, "b étiquette"@fr ;
    skos:altLabel " b alt "@en, "b alt"@en, "b label"@en, "autre"@fr, "plain" ;
    skos:broader t:a, t:a, t:c, _:x .
t:a a skos:Concept ; skos:prefLabel "Zeta"@fr, "alpha" ; skos:prefLabel "alpha" .
_:y a skos:Concept ; skos:prefLabel "blank" .
t:c skos:prefLabel "not a concept" .
"""


def test_small_scheme_read_as_rdflib_reads_it():
    _same_scheme(_fast_from_turtle(SMALL_SCHEME, "small"), TopicScheme.from_turtle(SMALL_SCHEME, "small"))


def test_fast_reader_errors_as_rdflib():
    with pytest.raises(GraphLoadError, match="no skos:prefLabel"):
        _fast_from_turtle("<https://e.org/a> a <http://www.w3.org/2004/02/skos/core#Concept> .", "x")
    with pytest.raises(GraphLoadError, match="cannot parse"):
        _fast_from_turtle("this is not turtle", "x")


@pytest.mark.parametrize("text, name", [
    # the list without accents, the text with them; and the other way round
    ("I joined the Department of Linguistics, University of Hawaiʻi at Mānoa, in 2020.", "University of Hawaiʻi at Mānoa"),
    ("I studied at the Universidade de Sao Paulo for two years.", "Universidade de Sao Paulo"),
    # and as written, where both agree
    ("I studied at the Universidade de São Paulo for two years.", "Universidade de São Paulo"),
])
def test_a_name_is_matched_with_or_without_its_accents(nlp, gazetteer_matchers, text, name):
    ours, _ = gazetteer_matchers
    doc = nlp.make_doc(text)
    ours(doc)
    assert name in {s.text for s in doc.spans["ours"] if s.label_ == "ORG"}
