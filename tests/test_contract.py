"""The public contract (../shared/CONTRACT.md) on the graph of examples/."""
import pyoxigraph
import pytest
import rdflib
from rdflib import RDF, RDFS
from rdflib.namespace import SKOS

from sopgraph.namespace import SG
from sopgraph.query import run_query

from .conftest import EXAMPLES

BASE_CLASSES = {SG.Statement, SG.Person, SG.Organization, SG.Paper, SG.Venue, SG.Topic, SG.Program}


@pytest.fixture(scope="module")
def graph(examples_build):
    _, out = examples_build
    return rdflib.Graph().parse(out / "graph.ttl")


def _rows(graph, name):
    return run_query(graph, (EXAMPLES / "queries" / name).read_text(encoding="utf-8")).rows


def test_top_advisors_query(graph):
    rows = dict(_rows(graph, "top-advisors.rq"))
    assert {"Miriam Castellanos", "Julian Ashdown"} <= set(rows)
    assert all(n == "1" for n in rows.values())
    assert not any(name.startswith(("Prof", "Dr")) for name in rows)


def test_neurips_query(graph):
    assert _rows(graph, "applicants-at-neurips.rq") == (("Priya Raman", "Learning Specular Highlights from Flash/No-Flash Pairs"),)


@pytest.mark.parametrize("query", sorted(p.name for p in (EXAMPLES / "queries").glob("*.rq")))
def test_every_example_query_runs_and_answers(graph, query):
    assert _rows(graph, query), f"{query} returned no rows on examples/"


def test_one_applicant_with_two_statements(graph):
    amara = [a for a in graph.subjects(RDF.type, SG.Applicant) if "Okafor" in str(graph.value(a, RDFS.label))]
    assert len(amara) == 1
    assert len(set(graph.subjects(SG.author, amara[0]))) == 2


def test_every_entity_has_base_class_and_exactly_one_label(graph):
    for subject in set(graph.subjects(RDF.type, None)):
        types = set(graph.objects(subject, RDF.type))
        if types & (BASE_CLASSES | {SG.Applicant, SG.University, SG.Company, SG.ResearchGroup}):
            assert types & BASE_CLASSES, subject
            assert len(list(graph.objects(subject, RDFS.label))) == 1, subject


def test_specific_classes_carry_their_base_class(graph):
    for specific, base in ((SG.Applicant, SG.Person), (SG.University, SG.Organization), (SG.Company, SG.Organization),
                           (SG.ResearchGroup, SG.Organization)):
        for s in graph.subjects(RDF.type, specific):
            assert (s, RDF.type, base) in graph


def test_topics_are_skos_concepts_with_broader_chain(graph):
    for topic in graph.subjects(RDF.type, SG.Topic):
        assert (topic, RDF.type, SKOS.Concept) in graph
    rollup = _rows(graph, "interest-rollup.rq")
    assert rollup


def test_years_are_gyear(graph):
    years = list(graph.objects(None, SG.year))
    assert years and all(y.datatype == rdflib.XSD.gYear for y in years)


def test_html_is_offline(examples_build):
    _, out = examples_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in html or "vis-network" in html
    assert 'src="http' not in html and 'href="http' not in html


def test_ttl_reparses_with_pyoxigraph(examples_build):
    _, out = examples_build
    oxi = list(pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(oxi) == len(rdflib.Graph().parse(out / "graph.ttl"))


def test_build_is_deterministic(examples_build, tmp_path):
    from sopgraph.api import build, write_outputs

    _, out = examples_build
    write_outputs(build([EXAMPLES]), tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    assert (tmp_path / "graph.html").read_bytes() == (out / "graph.html").read_bytes()


SHARED_LABELS = """
PREFIX sg: <https://w3id.org/sopgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?c ?la ?a ?b WHERE {
  VALUES ?c { sg:Person sg:Organization sg:Venue sg:Paper sg:Topic sg:Program }
  ?a a ?c ; rdfs:label|skos:altLabel ?la .
  ?b a ?c ; rdfs:label|skos:altLabel ?lb .
  FILTER(STR(?a) < STR(?b) && LCASE(STR(?la)) = LCASE(STR(?lb)))
}"""


def shared_labels(graph) -> list[tuple]:
    """(class, label) pairs that name more than one node of the class — should be none.

    The same check as SHARED_LABELS, in Python: rdflib's join of that query is quadratic."""
    owners: dict[tuple, set] = {}
    for cls in BASE_CLASSES - {SG.Statement}:
        for node in graph.subjects(RDF.type, cls):
            for prop in (RDFS.label, SKOS.altLabel):
                for value in graph.objects(node, prop):
                    owners.setdefault((cls, str(value).casefold()), set()).add(node)
    return sorted(key for key, nodes in owners.items() if len(nodes) > 1)


def test_no_two_nodes_of_a_class_share_a_label(graph):
    assert run_query(graph, SHARED_LABELS).rows == ()
    assert shared_labels(graph) == []


def test_shared_alt_labels_are_dropped():
    from sopgraph.graph import _drop_shared_alt_labels
    from sopgraph.graph import new_graph

    g = new_graph()
    a, b = rdflib.URIRef("urn:x:a"), rdflib.URIRef("urn:x:b")
    for node, label in ((a, "Ada Tan"), (b, "Tan")):
        g.add((node, RDF.type, SG.Person))
        g.add((node, RDFS.label, rdflib.Literal(label)))
    g.add((a, SKOS.altLabel, rdflib.Literal("Tan")))
    g.add((a, SKOS.altLabel, rdflib.Literal("A. Tan")))
    _drop_shared_alt_labels(g)
    assert set(g.objects(a, SKOS.altLabel)) == {rdflib.Literal("A. Tan")}
    assert g.value(b, RDFS.label) == rdflib.Literal("Tan")
