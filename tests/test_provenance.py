"""Every fact and mention in the graph can be traced to its statement, sentence and offsets."""
import re

import pytest
import rdflib
from rdflib import RDF
from rdflib.namespace import PROV

from sopgraph.namespace import SG
from sopgraph.query import run_query

from .conftest import EXAMPLES

CONTRACT = [SG.appliesTo, SG.appliesToProgram, SG.prospectiveAdvisor, SG.affiliation, SG.studiedAt, SG.workedAt,
            SG.mentoredBy, SG.authorOf, SG.publishedIn, SG.year, SG.interestedIn, SG.mentions]


@pytest.fixture(scope="module")
def graph(examples_build):
    _, out = examples_build
    return rdflib.Graph().parse(out / "graph.ttl")


def _assertions(graph, triple):
    s, p, o = triple
    return [a for a in graph.subjects(RDF.subject, s)
            if (a, RDF.predicate, p) in graph and (a, RDF.object, o) in graph]


@pytest.mark.parametrize("prop", CONTRACT, ids=lambda p: p.split("#")[-1])
def test_every_fact_is_reified(graph, prop):
    triples = list(graph.triples((None, prop, None)))
    assert triples, f"no {prop} facts on examples/"
    for triple in triples:
        found = _assertions(graph, triple)
        assert found, triple
        for a in found:
            assert (a, RDF.type, SG.Assertion) in graph
            statement = graph.value(a, PROV.wasDerivedFrom)
            assert (statement, RDF.type, SG.Statement) in graph


def test_offsets_point_at_the_evidence_in_the_original_file(graph):
    checked = 0
    for a in graph.subjects(RDF.type, SG.Assertion):
        start, end = graph.value(a, SG.startOffset), graph.value(a, SG.endOffset)
        evidence = graph.value(a, SG.evidence)
        if start is None or evidence is None:
            continue
        name = graph.value(graph.value(a, PROV.wasDerivedFrom), SG.sourceFile)
        original = (EXAMPLES / str(name)).read_text(encoding="utf-8")
        piece = original[int(start):int(end)]
        words = re.findall(r"[A-Za-z]{4,}", str(evidence))
        assert all(w in piece for w in words), (str(evidence)[:80], piece[:80])
        checked += 1
    assert checked > 100


def test_confidence_and_rule_on_relations(graph):
    for triple in graph.triples((None, SG.prospectiveAdvisor, None)):
        (a,) = _assertions(graph, triple)
        assert 0 < float(graph.value(a, SG.confidence)) <= 1
        assert str(graph.value(a, SG.rule))


def test_why_query_answers_with_sentence_and_file(graph):
    rows = run_query(graph, (EXAMPLES / "queries" / "why.rq").read_text(encoding="utf-8")).rows
    assert any(r[1] == "prospectiveAdvisor" and r[3].endswith(".md") and "Castellanos" in r[8] for r in rows)


def test_min_confidence_drops_facts_and_their_assertions():
    from sopgraph.api import build

    low = build([EXAMPLES / "lucas_moreau_ms_datascience.txt"]).graph
    high = build([EXAMPLES / "lucas_moreau_ms_datascience.txt"], min_confidence=0.95).graph
    assert len(list(high.triples((None, SG.interestedIn, None)))) < len(list(low.triples((None, SG.interestedIn, None))))
    for triple in high.triples((None, SG.interestedIn, None)):
        assert _assertions(high, triple)


def test_build_is_a_prov_activity(graph):
    (activity,) = list(graph.subjects(RDF.type, PROV.Activity))
    used = set(graph.objects(activity, PROV.used))
    assert used == set(graph.subjects(RDF.type, SG.Statement))
    assert str(graph.value(activity, SG.model)).startswith("en_core_web_sm")
    agent = graph.value(activity, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    assert all((a, PROV.wasGeneratedBy, activity) in graph for a in graph.subjects(RDF.type, SG.Assertion))
    # No wall-clock time unless asked for: the same inputs must give the same bytes.
    assert graph.value(activity, PROV.endedAtTime) is None


def test_source_date_epoch_sets_the_build_time(monkeypatch):
    from sopgraph.api import build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    g = build([EXAMPLES / "lucas_moreau_ms_datascience.txt"]).graph
    (activity,) = list(g.subjects(RDF.type, PROV.Activity))
    assert g.value(activity, PROV.endedAtTime).toPython().isoformat() == "2023-11-14T22:13:20+00:00"
