"""The graph in parts: their union is build_rdf's graph, and each statement's part is its own."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF
from rdflib.namespace import PROV

from sopgraph.api import build, write_outputs
from sopgraph.graph import GraphSource, build_rdf
from sopgraph.namespace import SG

from .conftest import EXAMPLES


def _union(parts) -> set:
    return {t for part in parts for t in part}


def test_build_rdf_is_the_union_of_the_parts(examples_build):
    source = examples_build[0].source
    graph = build_rdf(list(source.extractions), source.resolution, base_iri=source.base_iri,
                      topic_scheme=source.topic_scheme, build_info=source.build_info)
    assert set(graph) == _union(source.parts()) == set(examples_build[0].graph)


def test_each_statement_part_holds_its_own_assertions_and_file_name(examples_build):
    source = examples_build[0].source
    shared, activity, *statements = source.parts()
    assert len(statements) == len(source.extractions)
    assert not any(p == RDF.type and o == SG.Assertion for _, p, o in shared + activity)
    seen = set()
    for part in statements:
        (statement,) = {s for s, p, o in part if p == RDF.type and o == SG.Statement}
        assertions = {s for s, p, o in part if p == RDF.type and o == SG.Assertion}
        assert {o for s, p, o in part if p == PROV.wasDerivedFrom} == {statement}
        assert any(s == statement and p == SG.sourceFile for s, p, _ in part)
        assert not assertions & seen  # an assertion is never in two parts
        seen |= assertions
    # Activity and its link to every assertion are known before the first statement part.
    (build,) = {s for s, p, o in activity if p == RDF.type and o == PROV.Activity}
    assert all((a, PROV.wasGeneratedBy, build) in _union(statements) for a in seen)


@pytest.fixture(scope="module")
def twice(tmp_path_factory):
    """One statement under two names: every fact is asserted by two statements."""
    folder = tmp_path_factory.mktemp("twice")
    for name in ("first.txt", "second.txt"):
        shutil.copyfile(EXAMPLES / "lucas_moreau_ms_datascience.txt", folder / name)
    result = build([folder])
    out = folder / "out"
    write_outputs(result, out)
    return result, out


def test_a_fact_two_statements_assert_is_in_both_parts_and_written_once(twice):
    result, out = twice
    _, _, first, second = result.source.parts()
    facts = {t for t in first if t[1] == SG.studiedAt}
    assert facts and facts <= set(second)
    written = list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    graph = rdflib.Graph().parse(out / "graph.ttl")
    assert len(written) == len(graph) == len(result.graph)  # no triple twice in the file
    for fact in facts:
        assert fact in graph
        assert len(set(graph.subjects(RDF.subject, fact[0])) & set(graph.subjects(RDF.object, fact[2]))) == 2


def test_a_source_without_statements_is_an_empty_graph():
    from sopgraph.resolve import resolve

    source = GraphSource([], resolve([]))
    assert list(source.parts()) == [[]] and len(source.graph()) == 0


def test_a_free_topic_hangs_under_the_concept_it_narrows(tmp_path):
    """"tokenization-free language models" is no scheme concept; the graph puts it under
    "language models", whose own chain is written too, so a roll-up query finds it."""
    (tmp_path / "s.txt").write_text(
        "Jane Widget\n\nI am applying to the PhD program at Stanford University. My research interests are "
        "tokenization-free language models and kelp forest restoration.\n", encoding="utf-8")
    graph = build([tmp_path]).graph
    rows = graph.query("""
        PREFIX sg: <https://w3id.org/sopgraph/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label ?parent ?grand WHERE {
          ?a a sg:Applicant ; sg:interestedIn ?t . ?t rdfs:label ?label ; skos:broader ?p .
          ?p rdfs:label ?parent ; skos:broader ?g . ?g rdfs:label ?grand }""")
    found = {tuple(map(str, r)) for r in rows}
    assert ("tokenization-free language models", "language models", "natural language processing") in found
    assert not any(label == "kelp forest restoration" for label, _, _ in found)  # no concept above it
