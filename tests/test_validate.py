"""SHACL shapes and `sopgraph validate`."""
from __future__ import annotations

from importlib import resources

import pyoxigraph
import pytest
import rdflib
from typer.testing import CliRunner

from sopgraph.cli import app
from sopgraph.errors import GraphLoadError
from sopgraph.validate import validate_graph

from .conftest import ROOT

runner = CliRunner()
SHAPES = ROOT / "ontology" / "shapes.ttl"

GOOD = """
@prefix sg: <https://w3id.org/sopgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:s a sg:Statement ; rdfs:label "s.txt" ; sg:author ex:a ; sg:mentions ex:p .
ex:a a sg:Person, sg:Applicant ; rdfs:label "Ann" ; sg:prospectiveAdvisor ex:p ; sg:authorOf ex:paper ;
     sg:appliesTo ex:u ; sg:interestedIn ex:t .
ex:p a sg:Person ; rdfs:label "Prof P" ; sg:affiliation ex:u .
ex:u a sg:Organization, sg:University ; rdfs:label "U" .
ex:paper a sg:Paper ; rdfs:label "A paper" ; sg:publishedIn ex:v ; sg:year "2020"^^xsd:gYear .
ex:v a sg:Venue ; rdfs:label "V" .
ex:t a sg:Topic, skos:Concept ; rdfs:label "t" .
"""


def test_packaged_shapes_equal_ontology_folder():
    shipped = resources.files("sopgraph") / "data" / "ontology" / "shapes.ttl"
    assert shipped.read_bytes() == SHAPES.read_bytes()


def test_shapes_parse_with_two_parsers():
    g = rdflib.Graph().parse(SHAPES)
    assert len(g) == len(list(pyoxigraph.parse(path=str(SHAPES), format=pyoxigraph.RdfFormat.TURTLE))) > 20


def test_build_of_examples_validates(examples_build):
    report = validate_graph(examples_build[1] / "graph.ttl")
    assert report.conforms, "\n".join(report.violations)
    assert report.violations == ()


def test_good_graph_conforms(tmp_path):
    path = tmp_path / "good.ttl"
    path.write_text(GOOD, encoding="utf-8")
    assert validate_graph(path).conforms


@pytest.mark.parametrize("old, new, expected", [
    ('ex:v a sg:Venue ; rdfs:label "V" .', "ex:v a sg:Venue .", "exactly one non-empty rdfs:label"),
    ('rdfs:label "Prof P"', 'rdfs:label "Prof P", "P. P."', "exactly one non-empty rdfs:label"),
    ('"2020"^^xsd:gYear', '"2020"', "xsd:gYear"),
    ('"2020"^^xsd:gYear', '"2020"^^xsd:gYear, "2021"^^xsd:gYear', "at most one sg:year"),
    ("sg:author ex:a", "sg:author ex:p", "exactly one sg:author"),
    ("sg:appliesTo ex:u", "sg:appliesTo ex:t", "sg:appliesTo"),
    ("sg:publishedIn ex:v", "sg:publishedIn ex:u", "sg:publishedIn"),
    ("ex:a a sg:Person, sg:Applicant", "ex:a a sg:Applicant", "base class sg:Person"),
])
def test_broken_graphs_are_reported(tmp_path, old, new, expected):
    assert old in GOOD
    path = tmp_path / "bad.ttl"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    report = validate_graph(path)
    assert not report.conforms
    assert any(expected in v for v in report.violations), report.violations


def test_missing_graph_raises(tmp_path):
    with pytest.raises(GraphLoadError, match="does not exist"):
        validate_graph(tmp_path / "none.ttl")


@pytest.mark.parametrize("text, code, where, expected", [
    (GOOD, 0, "stdout", "conforms"),
    (GOOD.replace('"2020"^^xsd:gYear', '"2020"'), 1, "stderr", "does not conform: 1 violation"),
])
def test_validate_cli(tmp_path, text, code, where, expected):
    path = tmp_path / "g.ttl"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == code
    assert expected in result.output
