"""Tests of the packaged SKOS topic scheme and its loader (sopgraph.topics)."""
from __future__ import annotations

import re
from collections import defaultdict

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from sopgraph.errors import GraphLoadError
from sopgraph.topics import (
    SCHEME_IRI,
    TOPICS_NS,
    Topic,
    TopicScheme,
    normalize,
    packaged_turtle,
    singularize,
)

T = TOPICS_NS


@pytest.fixture(scope="module")
def turtle() -> str:
    return packaged_turtle()


@pytest.fixture(scope="module")
def graph(turtle: str) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


@pytest.fixture(scope="module")
def scheme() -> TopicScheme:
    return TopicScheme.load()


def topic(scheme: TopicScheme, pref_label: str) -> Topic:
    """The topic with this exact prefLabel (fails the test if there is none)."""
    matches = [t for t in scheme if t.pref_label == pref_label]
    assert len(matches) == 1, f"no concept with prefLabel {pref_label!r}"
    return matches[0]


# --------------------------------------------------------------------------- the Turtle file


def _rdflib_term(term):
    if isinstance(term, Literal):
        return ("literal", str(term), term.language,
                None if term.language else str(term.datatype or ""))
    return (type(term).__name__, str(term))


def _oxigraph_term(term):
    if isinstance(term, pyoxigraph.Literal):
        return ("literal", term.value, term.language,
                None if term.language else term.datatype.value)
    kind = {pyoxigraph.NamedNode: "URIRef", pyoxigraph.BlankNode: "BNode"}[type(term)]
    return (kind, term.value)


def _xsd_string_as_plain(triple):
    # rdflib leaves the datatype of a plain literal empty, RDF 1.1 (oxigraph) says
    # xsd:string; both mean the same.
    s, p, o = triple
    if o[0] == "literal" and o[3] == "http://www.w3.org/2001/XMLSchema#string":
        o = (*o[:3], "")
    return s, p, o


def test_rdflib_and_oxigraph_read_the_same_triples(turtle: str, graph: Graph) -> None:
    oxi = [q for q in pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE)]
    assert len(oxi) == len(graph) > 3000
    oxi_set = {_xsd_string_as_plain(tuple(_oxigraph_term(x)
                                          for x in (q.subject, q.predicate, q.object)))
               for q in oxi}
    rdflib_set = {_xsd_string_as_plain(tuple(_rdflib_term(x) for x in t)) for t in graph}
    assert oxi_set == rdflib_set


def test_scheme_size(graph: Graph, scheme: TopicScheme) -> None:
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert 400 <= len(concepts) <= 650
    assert len(scheme) == len(concepts)
    assert (SCHEME_IRI, RDF.type, SKOS.ConceptScheme) in graph


def test_every_concept_is_well_formed(graph: Graph) -> None:
    problems = []
    for c in graph.subjects(RDF.type, SKOS.Concept):
        prefs = list(graph.objects(c, SKOS.prefLabel))
        if len(prefs) != 1 or prefs[0].language != "en":
            problems.append(f"{c}: prefLabels {prefs}")
            continue
        pref = str(prefs[0])
        slug = re.sub(r"[^a-z0-9]+", "-", pref.replace("'", "")).strip("-")
        if str(c) != T + slug:
            problems.append(f"{c}: IRI does not match prefLabel slug {slug!r}")
        if (c, SKOS.inScheme, SCHEME_IRI) not in graph:
            problems.append(f"{c}: not in scheme")
        for alt in graph.objects(c, SKOS.altLabel):
            if alt.language != "en":
                problems.append(f"{c}: altLabel {alt!r} is not @en")
            if str(alt) == pref:
                problems.append(f"{c}: altLabel repeats the prefLabel")  # SKOS S13
        for label in [pref, *map(str, graph.objects(c, SKOS.altLabel))]:
            # lower case, and only characters find_in() can match across
            if not re.fullmatch(r"[a-z0-9][a-z0-9 '/\-]*[a-z0-9]", label):
                problems.append(f"{c}: label {label!r} has disallowed characters")
    assert problems == []


def test_top_concepts_are_consistent(graph: Graph) -> None:
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    roots = {c for c in concepts if (c, SKOS.broader, None) not in graph}
    assert set(graph.subjects(SKOS.topConceptOf, SCHEME_IRI)) == roots
    assert set(graph.objects(SCHEME_IRI, SKOS.hasTopConcept)) == roots
    assert URIRef(T + "computer-science") in roots
    assert URIRef(T + "machine-learning") not in roots
    assert 8 <= len(roots) <= 20


def test_broader_targets_exist_and_hierarchy_is_acyclic(graph: Graph,
                                                        scheme: TopicScheme) -> None:
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    dangling = [(s, o) for s, o in graph.subject_objects(SKOS.broader) if o not in concepts]
    assert dangling == []
    roots = {t.iri for t in scheme.top_concepts()}
    for t in scheme:
        closure = scheme.broader_closure(t.iri)
        assert t.iri not in closure, f"cycle through {t.iri}"
        if t.broader:
            assert closure & roots, f"{t.iri} does not reach a top concept"


# --------------------------------------------------------------------------- label uniqueness


def _labels_by(scheme: TopicScheme, key) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for t in scheme:
        for label in t.labels:
            owners[key(label)].add(t.pref_label)
    return owners


def test_pref_labels_are_unique(graph: Graph) -> None:
    prefs = [str(o) for o in graph.objects(None, SKOS.prefLabel)]
    assert len(prefs) == len(set(prefs))


@pytest.mark.parametrize(
    "kind,key",
    [
        ("exact", lambda label: label),
        ("normalised", normalize),
        ("normalised without spaces", lambda label: normalize(label).replace(" ", "")),
    ],
)
def test_no_label_belongs_to_two_concepts(scheme: TopicScheme, kind: str, key) -> None:
    shared = {k: v for k, v in _labels_by(scheme, key).items() if len(v) > 1}
    assert shared == {}, f"{kind} labels shared between concepts"


def test_every_label_looks_up_its_own_concept(scheme: TopicScheme) -> None:
    wrong = [(label, t.pref_label) for t in scheme for label in t.labels
             if scheme.lookup(label) != t]
    assert wrong == []


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "word,singular",
    [
        ("networks", "network"),
        ("gans", "gan"),
        ("llms", "llm"),
        ("studies", "study"),
        ("processes", "process"),
        ("approaches", "approach"),
        ("analyses", "analysis"),
        ("analysis", "analysis"),
        ("process", "process"),
        ("corpus", "corpus"),
        ("physics", "physics"),
        ("genomics", "genomics"),
        ("bias", "bias"),
        ("biases", "bias"),
        ("species", "species"),
        ("as", "as"),
    ],
)
def test_singularize(word: str, singular: str) -> None:
    assert singularize(word) == singular


@pytest.mark.parametrize(
    "phrase,key",
    [
        ("Generative Adversarial Networks", "generative adversarial network"),
        ("natural-language processing", "natural language processing"),
        ("Human–Computer Interaction", "human computer interaction"),
        ("Alzheimer’s disease", "alzheimer disease"),
        ("Gödel", "godel"),
        ("  3D   Vision ", "3d vision"),
        ("", ""),
    ],
)
def test_normalize(phrase: str, key: str) -> None:
    assert normalize(phrase) == key


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    "phrase,pref_label",
    [
        ("natural language processing", "natural language processing"),
        ("NLP", "natural language processing"),
        ("nlp", "natural language processing"),
        ("Natural-Language Processing", "natural language processing"),
        ("GANs", "generative adversarial networks"),
        ("gans", "generative adversarial networks"),
        ("GAN", "generative adversarial networks"),
        ("generative adversarial network", "generative adversarial networks"),
        ("graph neural network", "graph neural networks"),
        ("GNNs", "graph neural networks"),
        ("LLMs", "large language models"),
        ("large language model", "large language models"),
        ("ML", "machine learning"),
        ("CV", "computer vision"),
        ("RL", "reinforcement learning"),
        ("deep RL", "deep reinforcement learning"),
        ("3D vision", "3d computer vision"),
        ("3-D computer vision", "3d computer vision"),
        ("Self-Supervised Learning", "self-supervised learning"),
        ("self supervised learning", "self-supervised learning"),
        ("diffusion model", "diffusion models"),
        ("pruning", "network pruning"),
        ("quantisation", "neural network quantization"),
        ("NAS", "neural architecture search"),
        ("explainable AI", "interpretability"),
        ("XAI", "interpretability"),
        ("adversarial examples", "adversarial machine learning"),
        ("medical image segmentation", "medical image segmentation"),
        ("single-cell RNA-seq", "single-cell genomics"),
        ("scRNA-seq", "single-cell genomics"),
        ("CRISPR", "genome editing"),
        ("Alzheimer's disease", "neurodegenerative diseases"),
        ("labour economics", "labor economics"),
        ("difference-in-differences", "causal inference"),
        ("behavioural economics", "behavioral economics"),
        ("optimisation", "optimization"),
        ("condensed-matter physics", "condensed matter physics"),
        ("cosmology", "cosmology"),
        ("climate modelling", "climate modeling"),
        ("digital humanities", "digital humanities"),
        ("computational linguistics", "computational linguistics"),
        # generic heads and tails around the topic
        ("the field of computer vision", "computer vision"),
        ("problems of network pruning", "network pruning"),
        ("the problem of domain adaptation", "domain adaptation"),
        ("research in quantum computing", "quantum computing"),
        ("NLP research", "natural language processing"),
        ("deep learning methods", "deep learning"),
        # spacing variants meet through the space-free fallback
        ("multiagent systems", "multi-agent systems"),
        ("auto encoders", "autoencoders"),
        ("A.I.", "artificial intelligence"),
        # a label that itself ends in a generic word is found whole
        ("operations research", "operations research"),
    ],
)
def test_lookup(scheme: TopicScheme, phrase: str, pref_label: str) -> None:
    found = scheme.lookup(phrase)
    assert found is not None, phrase
    assert found.pref_label == pref_label


@pytest.mark.parametrize(
    "phrase",
    ["", "   ", "the", "learning", "analysis", "literature", "research", "the field of",
     "banana bread", "html", "my CV in"],
)
def test_lookup_misses(scheme: TopicScheme, phrase: str) -> None:
    assert scheme.lookup(phrase) is None


def test_topic_fields(scheme: TopicScheme) -> None:
    gan = scheme.lookup("GANs")
    assert gan is not None
    assert gan.iri == URIRef(T + "generative-adversarial-networks")
    assert {"gan", "gans"} <= set(gan.alt_labels)
    assert gan.broader == (URIRef(T + "generative-models"),)
    assert scheme.get(str(gan.iri)) == gan
    assert str(gan.iri) in scheme
    with pytest.raises(AttributeError):
        gan.pref_label = "x"  # type: ignore[misc]  # frozen


# --------------------------------------------------------------------------- hierarchy


@pytest.mark.parametrize(
    "child,ancestor",
    [
        ("3d computer vision", "computer vision"),
        ("3d computer vision", "artificial intelligence"),
        ("network pruning", "model compression"),
        ("model compression", "efficient deep learning"),
        ("network pruning", "efficient deep learning"),
        ("network pruning", "computer science"),
        ("medical image segmentation", "medical image analysis"),
        ("medical image segmentation", "image segmentation"),
        ("medical image segmentation", "medicine"),
        ("graph neural networks", "geometric deep learning"),
        ("graph neural networks", "graph machine learning"),
        ("single-cell genomics", "biology"),
        ("labor economics", "economics"),
        ("computational linguistics", "linguistics"),
        ("computational linguistics", "natural language processing"),
        ("cosmology", "physics"),
        ("power systems", "electrical engineering"),
    ],
)
def test_broader_closure_reaches(scheme: TopicScheme, child: str, ancestor: str) -> None:
    assert topic(scheme, ancestor).iri in scheme.broader_closure(topic(scheme, child).iri)


def test_broader_closure_excludes_self_and_descendants(scheme: TopicScheme) -> None:
    cv = topic(scheme, "computer vision")
    closure = scheme.broader_closure(cv)
    assert cv.iri not in closure
    assert topic(scheme, "3d computer vision").iri not in closure
    assert topic(scheme, "natural language processing").iri not in closure
    assert scheme.broader_closure(topic(scheme, "computer science")) == frozenset()


def test_broader_closure_of_unknown_iri(scheme: TopicScheme) -> None:
    with pytest.raises(KeyError):
        scheme.broader_closure(T + "no-such-topic")


# --------------------------------------------------------------------------- find_in


def spans(scheme: TopicScheme, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], t.pref_label) for s, e, t in scheme.find_in(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("I study graph neural networks.",
         [("graph neural networks", "graph neural networks")]),
        ("Work on 3D computer vision and computer vision.",
         [("3D computer vision", "3d computer vision"), ("computer vision", "computer vision")]),
        ("My interests: deep reinforcement learning, then reinforcement learning.",
         [("deep reinforcement learning", "deep reinforcement learning"),
          ("reinforcement learning", "reinforcement learning")]),
        ("Network pruning and model compression for efficient deep learning.",
         [("Network pruning", "network pruning"), ("model compression", "model compression"),
          ("efficient deep learning", "efficient deep learning")]),
        ("self-supervised learning with GANs",
         [("self-supervised learning", "self-supervised learning"),
          ("GANs", "generative adversarial networks")]),
        ("Human–computer interaction", [("Human–computer interaction",
                                         "human-computer interaction")]),
        ("Alzheimer's disease research", [("Alzheimer's disease", "neurodegenerative diseases")]),
        # sentence punctuation separates words of a label
        ("computer, vision", []),
        ("machine. Learning", []),
        # labels must start and end at word boundaries
        ("recomputer visionary", []),
    ],
)
def test_find_in_longest_non_overlapping(scheme: TopicScheme, text: str,
                                         expected: list[tuple[str, str]]) -> None:
    assert spans(scheme, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("I apply ML to RL and CV problems.",
         [("ML", "machine learning"), ("RL", "reinforcement learning"),
          ("CV", "computer vision")]),
        ("ml rl cv", []),
        ("Ml and Rl", []),
        ("We trained GANs and LLMs.",
         [("GANs", "generative adversarial networks"), ("LLMs", "large language models")]),
        ("gans and llms", []),
        ("an IoT testbed", [("IoT", "internet of things")]),
        ("Ai Weiwei", []),
        ("AI safety", [("AI safety", "ai safety")]),
        ("my_ml_model in html", []),
        # "CV" after a possessive is the curriculum vitae
        ("as my CV shows", []),
        ("see the attached CV", []),
        ("CV and NLP", [("CV", "computer vision"), ("NLP", "natural language processing")]),
    ],
)
def test_find_in_short_abbreviations_need_capitals(scheme: TopicScheme, text: str,
                                                   expected: list[tuple[str, str]]) -> None:
    assert spans(scheme, text) == expected


def test_find_in_offsets_point_into_the_original_text(scheme: TopicScheme) -> None:
    text = "Café talk:\tGödel-style proofs; Natural\nLanguage Processing!"
    found = scheme.find_in(text)
    assert [(s, e) for s, e, _ in found] == [(31, 58)]
    assert text[31:58] == "Natural\nLanguage Processing"


def test_find_in_matches_every_phrase_it_hands_out(scheme: TopicScheme) -> None:
    # phrases() and find_in() must agree on what a label looks like in text.
    wrong = []
    for phrase, iri in scheme.phrases():
        found = scheme.find_in(phrase)
        if [(s, e, t.iri) for s, e, t in found] != [(0, len(phrase), iri)]:
            wrong.append((phrase, found))
    assert wrong == []


def test_phrases(scheme: TopicScheme) -> None:
    pairs = list(scheme.phrases())
    nlp = topic(scheme, "natural language processing").iri
    gan = topic(scheme, "generative adversarial networks").iri
    assert ("natural language processing", nlp) in pairs
    assert ("NLP", nlp) in pairs
    assert ("nlp", nlp) not in pairs
    assert ("GANs", gan) in pairs
    assert len(pairs) == len(set(pairs))
    assert len(pairs) == sum(len(t.labels) for t in scheme)


# --------------------------------------------------------------------------- loading


def test_packaged_scheme_is_cached() -> None:
    assert TopicScheme.load() is TopicScheme.load()


SMALL = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix t: <https://example.org/t/> .
t: a skos:ConceptScheme .
t:a a skos:Concept ; skos:prefLabel "alpha studies"@en, "alpha"@fr ;
    skos:altLabel "a-studies"@en ; skos:topConceptOf t: .
t:b a skos:Concept ; skos:prefLabel "beta"@en ; skos:broader t:a .
"""


def test_load_from_path(tmp_path) -> None:
    path = tmp_path / "small.ttl"
    path.write_text(SMALL, encoding="utf-8")
    small = TopicScheme.load(path)
    assert small.iri == URIRef("https://example.org/t/")
    assert len(small) == 2
    assert small.lookup("Alpha study").pref_label == "alpha studies"
    assert small.lookup("A studies").iri == URIRef("https://example.org/t/a")
    assert small.broader_closure("https://example.org/t/b") == {URIRef("https://example.org/t/a")}
    assert TopicScheme.load(path) is not small


@pytest.mark.parametrize(
    "content,message",
    [
        ("this is not turtle", "cannot parse"),
        ("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
         "<https://example.org/x> a skos:Concept .", "no skos:prefLabel"),
    ],
)
def test_load_errors(tmp_path, content: str, message: str) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphLoadError, match=message):
        TopicScheme.load(path)


def test_load_missing_file(tmp_path) -> None:
    with pytest.raises(GraphLoadError, match="cannot read"):
        TopicScheme.load(tmp_path / "missing.ttl")


@pytest.mark.parametrize("word", ["networking", "graphics", "auditing", "probability", "politics", "grasping",
                                  "chromatin", "sustainability", "thermodynamics", "lasers"])
def test_everyday_words_are_not_labels_of_a_narrow_concept(scheme: TopicScheme, word: str) -> None:
    # "social networking", "tactile graphics", "privacy auditing": alone these words name
    # no research area, or a different one from the concept they used to map to.
    assert scheme.lookup(word) is None


@pytest.mark.parametrize("phrase, label", [
    ("mechanical metamaterials", "metamaterials"),
    ("haptic feedback", "haptics"),
    ("computer networking", "computer networks"),
])
def test_split_out_concepts(scheme: TopicScheme, phrase: str, label: str) -> None:
    assert scheme.lookup(phrase).pref_label == label


@pytest.mark.parametrize("phrase, min_words, expected", [
    ("3D computer vision", 1, "computer vision"),
    ("tokenization-free language models", 2, "language models"),
    ("stochastic optimization", 1, "optimization"),
    ("stochastic optimization", 2, None),  # the ending "optimization" has one word
    ("computer vision", 1, None),  # "vision" alone is no label
    ("widget", 1, None),  # one word has no proper ending
])
def test_head_concept(scheme: TopicScheme, phrase: str, min_words: int, expected: str | None) -> None:
    found = scheme.head_concept(phrase, min_words=min_words)
    assert (found.pref_label if found else None) == expected


@pytest.mark.parametrize("text, label", [
    ("MA in musicology", None),               # the degree, not "MAS" without its S
    ("MS in statistics", None),
    ("MAS coordination", "multi-agent systems"),
    ("GIS tools", "geographic information science"),
    ("FaaS platforms", "cloud computing"),
    ("GANs for faces", "generative adversarial networks"),
    ("GANS for faces", "generative adversarial networks"),
    ("DNNs on phones", "deep learning"),
])
def test_an_abbreviation_ending_in_a_capital_s_keeps_it(scheme: TopicScheme, text: str,
                                                         label: str | None) -> None:
    first_word = text.split(" ", 1)[0]
    found = [t.pref_label for s, e, t in scheme.find_in(text) if text[s:e] == first_word]
    assert found == ([label] if label else [])


@pytest.mark.parametrize("phrase, found", [("MA", False), ("MAS", True), ("mas", True), ("GIS", True)])
def test_lookup_keeps_the_s_of_an_abbreviation(scheme: TopicScheme, phrase: str, found: bool) -> None:
    assert (scheme.lookup(phrase) is not None) is found
