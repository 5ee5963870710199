"""Tests for reading edge evidence from the graph's sg:Assertion provenance."""
from __future__ import annotations

import pytest
from rdflib import RDF, BNode, Graph, Literal
from rdflib import namespace as ns
from rdflib.namespace import PROV

from sopgraph.export.html import network_data
from sopgraph.export.viz_evidence import evidence_from_graph
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
