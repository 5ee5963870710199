"""`sopgraph export`: every format re-parses with an independent parser to the same size."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from sopgraph.cli import app
from sopgraph.errors import OutputError
from sopgraph.export.formats import context, export
from sopgraph.export.neo4j import relationship_type
from sopgraph.namespace import SG

runner = CliRunner()

RDF_FORMATS = {"turtle": ("g.ttl", ox.RdfFormat.TURTLE), "ntriples": ("g.nt", ox.RdfFormat.N_TRIPLES),
               "nquads": ("g.nq", ox.RdfFormat.N_QUADS), "trig": ("g.trig", ox.RdfFormat.TRIG),
               "jsonld": ("g.jsonld", ox.RdfFormat.JSON_LD)}


@pytest.fixture(scope="module")
def source(examples_build):
    path = examples_build[1] / "graph.ttl"
    return path, rdflib.Graph().parse(path)


def _edges(g: rdflib.Graph) -> int:
    """Triples between two resources, other than rdf:type: the property-graph edges."""
    return sum(1 for _, p, o in g if p != rdflib.RDF.type and not isinstance(o, rdflib.Literal))


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_exports_reparse_with_pyoxigraph_to_the_same_triples(tmp_path, source, fmt):
    path, g = source
    name, ox_fmt = RDF_FORMATS[fmt]
    out = export(path, fmt, tmp_path / name)
    quads = list(ox.parse(path=str(out), format=ox_fmt))
    assert len({q.triple for q in quads}) == len(g)
    if fmt in ("turtle", "ntriples", "jsonld"):
        assert len(quads) == len(g)
    data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    assert isomorphic(rdflib.Graph().parse(data=data, format="nt"), g)


_OWNED = """
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?st ?s ?p ?o WHERE {
  { ?st a sg:Statement ; ?p ?o . BIND(?st AS ?s) }
  UNION { ?a a sg:Assertion ; prov:wasDerivedFrom ?st ; ?p ?o . BIND(?a AS ?s) }
  UNION { ?a a sg:Assertion ; prov:wasDerivedFrom ?st ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
}"""


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_dataset_exports_hold_each_statements_facts_and_assertions_in_its_graph(tmp_path, source, fmt):
    path, g = source
    name, ox_fmt = RDF_FORMATS[fmt]
    quads = list(ox.parse(path=str(export(path, fmt, tmp_path / name)), format=ox_fmt))
    statements = {str(s) for s in g.subjects(rdflib.RDF.type, SG.Statement)}
    found: dict[str, set] = {}
    for q in quads:
        key = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        found.setdefault(key, set()).add(ox.serialize([q.triple], format=ox.RdfFormat.N_TRIPLES))
    assert set(found) - {""} == statements
    expected: dict[str, set] = {}
    for row in g.query(_OWNED, initNs={"sg": SG._NS}):
        triple = rdflib.Graph()
        triple.add((row.s, row.p, row.o))
        expected.setdefault(str(row.st), set()).add(triple.serialize(format="nt", encoding="utf-8"))
    for statement in statements:  # compared as N-Triples lines, by two serializers
        assert {t.decode().strip() for t in found[statement]} == {t.decode().strip() for t in expected[statement]}
    facts = [(s, p, o) for s, p, o in g if p in (SG.studiedAt, SG.prospectiveAdvisor, SG.interestedIn)]
    assert facts and not any(ox.serialize([ox.Triple(*map(_ox, t))], format=ox.RdfFormat.N_TRIPLES) in found.get("", set())
                             for t in facts)
    union = rdflib.Graph().parse(data=b"".join(line for lines in found.values() for line in lines), format="nt")
    assert isomorphic(union, g)


def _ox(term):
    return ox.NamedNode(str(term)) if isinstance(term, rdflib.URIRef) else ox.Literal(str(term))


def test_jsonld_uses_the_published_context(tmp_path, source):
    out = export(source[0], "jsonld", tmp_path / "g.jsonld")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"] == context()
    assert context()["prospectiveAdvisor"] == {"@id": "sg:prospectiveAdvisor", "@type": "@id"}
    assert '"prospectiveAdvisor"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_property_graph_exports_reparse_with_networkx(tmp_path, source, fmt, reader):
    path, g = source
    read = reader(export(path, fmt, tmp_path / f"g.{fmt}"))
    assert read.number_of_edges() == _edges(g)
    resources = {s for s in g.subjects() if isinstance(s, rdflib.URIRef)} | \
                {o for _, p, o in g if isinstance(o, rdflib.URIRef) and p != rdflib.RDF.type}
    assert read.number_of_nodes() == len(resources)
    applicants = [n for n, d in read.nodes(data=True) if "Applicant" in d.get("labels", "").split(";")]
    assert len(applicants) == 4
    assert {d.get("label") for _, _, d in read.edges(data=True)} >= {"prospectiveAdvisor", "authorOf", "broader"}


def test_neo4j_export_in_import_tool_format(tmp_path, source):
    path, g = source
    out = export(path, "neo4j", tmp_path / "neo")
    nodes, rels = {}, 0
    for file in sorted(out.glob("nodes_*.csv")):
        with open(file, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0][0] == "iri:ID" and rows[0][-1] == ":LABEL"
        for row in rows[1:]:
            nodes[row[0]] = row[-1].split(";")
    for file in sorted(out.glob("rel_*.csv")):
        with open(file, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == [":START_ID", ":END_ID", ":TYPE"]
        assert {r[2] for r in rows[1:]} == {file.stem[4:]}
        assert all(r[0] in nodes and r[1] in nodes for r in rows[1:])
        rels += len(rows) - 1
    assert rels == _edges(g)
    assert sum("Applicant" in labels for labels in nodes.values()) == 4
    assert (out / "rel_PROSPECTIVE_ADVISOR.csv").is_file()
    script = (out / "import.cypher").read_text(encoding="utf-8")
    assert "LOAD CSV WITH HEADERS FROM 'file:///rel_PROSPECTIVE_ADVISOR.csv'" in script
    assert "CREATE (a)-[:PROSPECTIVE_ADVISOR]->(b)" in script
    assert "--relationships=rel_AUTHOR_OF.csv" in (out / "neo4j-admin-import.sh").read_text(encoding="utf-8")


@pytest.mark.parametrize("local, expected", [("prospectiveAdvisor", "PROSPECTIVE_ADVISOR"),
                                             ("authorOf", "AUTHOR_OF"), ("broader", "BROADER")])
def test_relationship_types_follow_the_ontology(local, expected):
    assert relationship_type(local) == expected


def test_unknown_format_is_refused(tmp_path, source):
    with pytest.raises(OutputError, match="choose one of"):
        export(source[0], "pdf", tmp_path / "g.pdf")


def test_ntriples_export_streams_without_rdflib(tmp_path, source, monkeypatch):
    # The streaming path must never build an rdflib graph (a second in-memory copy).
    monkeypatch.setattr(rdflib.Graph, "parse", lambda *a, **k: pytest.fail("rdflib used for a streamed export"))
    out = export(source[0], "ntriples", tmp_path / "g.nt")
    assert sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.strip()) == len(source[1])


@pytest.mark.parametrize("args, code, text", [
    (["--to", "ntriples", "-o", "{tmp}/g.nt"], 0, "wrote"),
    (["--to", "neo4j", "-o", "{tmp}/neo"], 0, "wrote"),
    (["--to", "pdf", "-o", "{tmp}/g.pdf"], 2, ""),
])
def test_export_cli(tmp_path, source, args, code, text):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = runner.invoke(app, ["export", str(source[0]), *args])
    assert result.exit_code == code, result.output
    assert text in result.output


def test_export_of_missing_graph_is_one_line(tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path / "none.ttl"), "--to", "turtle", "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 1 and "does not exist" in result.output and result.output.count("\n") == 1
