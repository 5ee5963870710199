from importlib import resources

import pyoxigraph
import rdflib
from rdflib import OWL, RDF

from sopgraph.namespace import SG

from .conftest import ROOT

ONTOLOGY = ROOT / "ontology" / "sopgraph.ttl"


def test_packaged_copy_equals_ontology_folder():
    shipped = resources.files("sopgraph") / "data" / "ontology" / "sopgraph.ttl"
    assert shipped.read_bytes() == ONTOLOGY.read_bytes()


def test_ontology_parses_with_two_parsers():
    g = rdflib.Graph().parse(ONTOLOGY)
    oxi = list(pyoxigraph.parse(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) == len(oxi)


def test_namespace_and_ontology_declare_the_same_terms():
    g = rdflib.Graph().parse(ONTOLOGY)
    declared = {str(s)[len(str(SG._NS)):] for s in g.subjects(RDF.type, None) if str(s).startswith(str(SG._NS))}
    assert declared == set(SG.__annotations__)


def test_every_term_has_label_and_comment():
    g = rdflib.Graph().parse(ONTOLOGY)
    for term in SG.__annotations__:
        iri = SG[term]
        assert (iri, rdflib.RDFS.label, None) in g, term
        assert (iri, rdflib.RDFS.comment, None) in g, term


def test_mappings_to_schema_org():
    g = rdflib.Graph().parse(ONTOLOGY)
    schema = rdflib.Namespace("https://schema.org/")
    assert (SG.Person, OWL.equivalentClass, schema.Person) in g
    assert (SG.studiedAt, rdflib.RDFS.subPropertyOf, schema.alumniOf) in g


def test_typo_in_namespace_fails_loudly():
    import pytest

    with pytest.raises(AttributeError):
        SG.studiedat  # noqa: B018
