"""Tests for reading edge evidence from the graph's sg:Assertion provenance."""
from __future__ import annotations

import pytest
from rdflib import RDF, BNode, Graph, Literal
from rdflib import namespace as ns
from rdflib.namespace import PROV

from sopgraph.export.html import network_data
from sopgraph.export.viz_evidence import evidence_from_graph, evidence_from_triples
from sopgraph.namespace import SG

from .test_export_html import _iri, _sample_graph


def _reify(g: Graph, triple, statement, sentence: str | None, line: int | None) -> None:
    node = BNode()
    g.add((node, RDF.type, SG.Assertion))
    for prop, value in zip((RDF.subject, RDF.predicate, RDF.object), triple):
        g.add((node, prop, value))
    g.add((node, PROV.wasDerivedFrom, statement))
    if sentence is not None:
        g.add((node, SG.evidence, Literal(sentence)))
    if line is not None:
        g.add((node, SG.line, Literal(line, datatype=ns.XSD.positiveInteger)))


@pytest.mark.parametrize(("sentence", "line", "expected"), [
    ("I studied at MIT.", 3, [{"sentence": "I studied at MIT.", "source": "jane.txt:3"}]),
    ("I studied at MIT.", None, [{"sentence": "I studied at MIT.", "source": "jane.txt"}]),
    (None, 7, [{"source": "jane.txt:7"}]),
])
def test_assertions_become_edge_evidence(sentence, line, expected) -> None:
    g = _sample_graph()
    triple = (_iri("person/jane"), SG.studiedAt, _iri("org/mit"))
    _reify(g, triple, _iri("statement/jane"), sentence, line)
    assert evidence_from_graph(g) == {triple: expected}
    assert evidence_from_triples(g) == {triple: expected}
    _, edges = network_data(g, evidence_from_graph(g))
    assert [e["evidence"] for e in edges if "evidence" in e] == [expected]


def test_incomplete_assertions_and_plain_graphs_give_nothing() -> None:
    g = _sample_graph()
    assert evidence_from_graph(g) == {}
    node = BNode()
    g.add((node, RDF.type, SG.Assertion))
    g.add((node, RDF.subject, _iri("person/jane")))
    g.add((node, SG.evidence, Literal("orphan")))
    assert evidence_from_graph(g) == {}


def test_same_sentence_twice_is_listed_once() -> None:
    g = _sample_graph()
    triple = (_iri("person/jane"), SG.studiedAt, _iri("org/mit"))
    for _ in range(2):
        _reify(g, triple, _iri("statement/jane"), "I studied at MIT.", 3)
    _, edges = network_data(g, evidence_from_graph(g))
    assert [e["evidence"] for e in edges if "evidence" in e] == [[{"sentence": "I studied at MIT.", "source": "jane.txt:3"}]]


def test_evidence_from_triples_reads_a_build_as_the_graph_does(examples_build) -> None:
    source = examples_build[0].source
    from_graph = evidence_from_graph(source.graph())
    from_parts = {}
    for part in source.parts():  # one part per statement holds its assertions and its file name
        for triple, items in evidence_from_triples(part).items():
            from_parts.setdefault(triple, []).extend(items)
    assert len(from_graph) > 100

    def order(items):
        return sorted(sorted(item.items()) for item in items)

    assert {t: order(i) for t, i in from_parts.items()} == {t: order(i) for t, i in from_graph.items()}


def test_the_first_value_given_counts_as_in_the_graph() -> None:
    g = _sample_graph()
    triple = (_iri("person/jane"), SG.studiedAt, _iri("org/mit"))
    _reify(g, triple, _iri("statement/jane"), "first sentence", 3)
    (node,) = g.subjects(RDF.type, SG.Assertion)
    g.add((node, SG.evidence, Literal("second sentence")))
    g.add((node, SG.line, Literal(9, datatype=ns.XSD.positiveInteger)))
    expected = {triple: [{"sentence": "first sentence", "source": "jane.txt:3"}]}
    assert evidence_from_graph(g) == evidence_from_triples(list(g.triples((node, None, None))) + list(g)) == expected
