"""The sopgraph vocabulary as closed rdflib namespaces.

Every ontology term used in code comes from here, so a misspelt term raises
``AttributeError`` at import or call time instead of minting a silent new IRI.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/sopgraph/ontology#"
DEFAULT_BASE_IRI = "https://w3id.org/sopgraph/id/"

SCHEMA = Namespace("https://schema.org/")


class SG(DefinedNamespace):
    """Terms of ``https://w3id.org/sopgraph/ontology#`` (see ``ontology/sopgraph.ttl``)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # Classes (CONTRACT.md)
    Statement: URIRef
    Person: URIRef
    Applicant: URIRef
    Organization: URIRef
    University: URIRef
    Company: URIRef
    ResearchGroup: URIRef
    Paper: URIRef
    Venue: URIRef
    Topic: URIRef
    Program: URIRef

    # Properties (CONTRACT.md)
    author: URIRef
    mentions: URIRef
    appliesTo: URIRef
    appliesToProgram: URIRef
    prospectiveAdvisor: URIRef
    affiliation: URIRef
    studiedAt: URIRef
    workedAt: URIRef
    mentoredBy: URIRef
    authorOf: URIRef
    publishedIn: URIRef
    year: URIRef
    interestedIn: URIRef

    # Extensions (documented in ontology/sopgraph.ttl and the README)
    sourceFile: URIRef
    email: URIRef
    homepage: URIRef
    venueType: URIRef

    # Provenance of facts and mentions (RDF reification + PROV-O; see the README)
    Assertion: URIRef
    evidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    line: URIRef
    rule: URIRef
    confidence: URIRef
    model: URIRef
