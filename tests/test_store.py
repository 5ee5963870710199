"""The embedded pyoxigraph store: loading, per-statement graphs, incremental reloads, queries."""
from __future__ import annotations

import json
import shutil
from collections import Counter

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from sopgraph import queries
from sopgraph.cli import app
from sopgraph.errors import GraphLoadError, StoreError
from sopgraph.export.dataset import group_quads
from sopgraph.namespace import SG
from sopgraph.store import answer, is_store, load_store, store_stats
from sopgraph.stats import graph_stats

runner = CliRunner()


@pytest.fixture(scope="module")
def graph_file(examples_build):
    return examples_build[1] / "graph.ttl"


@pytest.fixture()
def store_dir(tmp_path, graph_file):
    path = tmp_path / "store"
    load_store(graph_file, path)
    return path


def _statements(path):
    g = rdflib.Graph().parse(path)
    return {str(s) for s in g.subjects(rdflib.RDF.type, SG.Statement)}


def _graph_sizes(path):
    store = ox.Store.read_only(str(path))
    sizes = {}
    for q in store.quads_for_pattern(None, None, None, None):
        key = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        sizes[key] = sizes.get(key, 0) + 1
    return sizes


def test_one_named_graph_per_statement_with_its_facts(store_dir, graph_file):
    sizes = _graph_sizes(store_dir)
    g = rdflib.Graph().parse(graph_file)
    assert set(sizes) == _statements(graph_file) | {""}
    assert sizes[""] == len(g)  # the default graph is the whole graph
    store = ox.Store.read_only(str(store_dir))
    groups = group_quads(graph_file)
    for statement in _statements(graph_file):
        name = ox.NamedNode(statement)
        held = {q.triple for q in store.quads_for_pattern(None, None, None, name)}
        assert {_loose(t) for t in held} == {_loose(t) for t in groups[name]}
        assertions = set(g.subjects(rdflib.namespace.PROV.wasDerivedFrom, rdflib.URIRef(statement)))
        studied = {(t.subject.value, t.object.value) for t in held if t.predicate.value == str(SG.studiedAt)}
        asserted = {(str(g.value(a, rdflib.RDF.subject)), str(g.value(a, rdflib.RDF.object))) for a in assertions
                    if g.value(a, rdflib.RDF.predicate) == SG.studiedAt}
        assert studied == asserted
        assert len({t.subject for t in held} - {name}) > 1  # facts and assertions, not only the statement


def _loose(t: ox.Triple) -> tuple:
    """A triple with literals as their lexical form (the store canonicalises integer subtypes)."""
    return t.subject, t.predicate, t.object.value if isinstance(t.object, ox.Literal) else t.object


def test_store_holds_the_same_triples_as_the_file(store_dir, graph_file):
    store = ox.Store.read_only(str(store_dir))
    data = ox.serialize((q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())),
                        format=ox.RdfFormat.N_TRIPLES)
    ours = rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")
    assert isomorphic(ours, _integers_canonical(rdflib.Graph().parse(graph_file)))


INTEGER_SUBTYPES = {rdflib.XSD[t] for t in ("positiveInteger", "nonNegativeInteger", "negativeInteger",
                                            "nonPositiveInteger", "long", "int", "short", "byte", "unsignedLong",
                                            "unsignedInt", "unsignedShort", "unsignedByte")}


def _integers_canonical(g: rdflib.Graph) -> rdflib.Graph:
    """The graph as pyoxigraph's store keeps it: integer subtypes become xsd:integer (documented)."""
    out = rdflib.Graph()
    for s, p, o in g:
        if isinstance(o, rdflib.Literal) and o.datatype in INTEGER_SUBTYPES:
            o = rdflib.Literal(str(o), datatype=rdflib.XSD.integer)
        out.add((s, p, o))
    return out


def test_reloading_the_same_graph_changes_nothing(store_dir, graph_file):
    report = load_store(graph_file, store_dir)
    assert report.added == report.replaced == report.removed == 0
    assert report.unchanged == len(_statements(graph_file))


def _reified(g: rdflib.Graph, assertion) -> tuple:
    return tuple(g.value(assertion, part) for part in (rdflib.RDF.subject, rdflib.RDF.predicate, rdflib.RDF.object))


def test_incremental_reload_touches_only_what_changed(tmp_path, store_dir, graph_file):
    g = rdflib.Graph().parse(graph_file)
    statements = sorted(_statements(graph_file))
    changed, dropped = rdflib.URIRef(statements[0]), rdflib.URIRef(statements[1])
    g.remove((changed, SG.mentions, next(g.objects(changed, SG.mentions))))
    prov = rdflib.namespace.PROV
    asserted = Counter(_reified(g, a) for a in g.subjects(rdflib.RDF.type, SG.Assertion))
    retracted = next(a for a in sorted(g.subjects(prov.wasDerivedFrom, changed))
                     if _reified(g, a)[1] != SG.mentions and asserted[_reified(g, a)] == 1)
    fact = _reified(g, retracted)
    g.remove(fact)  # the changed statement no longer says this (and nothing else did)
    g.remove((retracted, None, None))
    g.remove((dropped, None, None))
    new = tmp_path / "new.ttl"
    g.serialize(new, format="turtle")
    report = load_store(new, store_dir)
    assert (report.replaced, report.removed, report.added) == (1, 1, 0)
    assert report.unchanged == len(statements) - 2
    sizes = _graph_sizes(store_dir)
    assert set(sizes) == {str(s) for s in statements if s != str(dropped)} | {""}
    assert sizes[""] == len(g)
    assert report.quads == sum(sizes.values())
    store = ox.Store.read_only(str(store_dir))
    gone = ox.Triple(*(ox.NamedNode(str(t)) if isinstance(t, rdflib.URIRef) else ox.Literal(t, datatype=ox.NamedNode(str(t.datatype)))
                       for t in fact))
    assert not list(store.quads_for_pattern(gone.subject, gone.predicate, gone.object, None))
    assert not list(store.quads_for_pattern(ox.NamedNode(str(retracted)), None, None, None))
    del store
    fresh = tmp_path / "fresh"
    load_store(new, fresh)
    assert _graph_sizes(fresh) == sizes


@pytest.mark.parametrize("name", queries.names())
def test_store_and_file_answer_alike(store_dir, graph_file, name):
    q = queries.get(name)
    params = {p: {"name": "Eilidh Ramsay", "topic": "artificial intelligence"}[p] for p in q.params}
    if name == "co-interest":
        params = {"name": "Amara N. Okafor"}
    assert answer(store_dir, q.text, params) == answer(graph_file, q.text, params)


def test_stats_of_store_equal_stats_of_file(store_dir, graph_file):
    assert store_stats(store_dir) == graph_stats(rdflib.Graph().parse(graph_file))


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("x"), "is a file"),
    (lambda p: (p.mkdir(), (p / "notes.txt").write_text("x")), "not a sopgraph store"),
])
def test_load_refuses_paths_that_are_not_stores(tmp_path, graph_file, make, message):
    target = tmp_path / "target"
    make(target)
    with pytest.raises(StoreError, match=message):
        load_store(graph_file, target)


def test_load_of_a_missing_graph_creates_nothing(tmp_path):
    with pytest.raises(GraphLoadError, match="does not exist"):
        load_store(tmp_path / "none.ttl", tmp_path / "store")
    assert not (tmp_path / "store").exists()


def test_query_refuses_a_folder_that_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="sopgraph load GRAPH --store"):
        answer(tmp_path, "SELECT * WHERE { ?s ?p ?o }")


def test_cli_load_query_and_stats(tmp_path, graph_file):
    store = tmp_path / "s"
    result = runner.invoke(app, ["load", str(graph_file), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert is_store(store) and "quads" in result.output
    again = runner.invoke(app, ["load", str(graph_file), "--store", str(store)])
    assert "replaced 0, removed 0" in again.output
    result = runner.invoke(app, ["query", str(store), "--name", "top-advisors", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {"advisor": "Eilidh Ramsay", "applicants": "1"} in json.loads(result.output)
    result = runner.invoke(app, ["stats", str(store), "--json"])
    assert json.loads(result.output)["classes"]["sg:Applicant"] == 4
    result = runner.invoke(app, ["query", str(store), "--engine", "rdflib", "SELECT * WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1 and "is a store" in result.output


def test_group_quads_matches_the_store(store_dir, graph_file):
    groups = group_quads(graph_file)
    sizes = _graph_sizes(store_dir)
    named = {k.value: len(v) for k, v in groups.items() if isinstance(k, ox.NamedNode)}
    assert named == {k: v for k, v in sizes.items() if k}
    assert len(set().union(*groups.values())) == sizes[""]  # the default graph is the union of all
    shutil.rmtree(store_dir)
