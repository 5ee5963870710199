"""Counts of a graph: entities per class, triples per property."""
from __future__ import annotations

from collections import Counter

from rdflib import RDF, Graph, URIRef

from .namespace import SG

# The most specific class wins when an entity carries several (Applicant over Person).
_PRECEDENCE = (SG.Applicant, SG.University, SG.Company, SG.ResearchGroup, SG.Person, SG.Organization,
               SG.Paper, SG.Venue, SG.Topic, SG.Program, SG.Statement)


def _local(iri: URIRef) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[-1]
    return text


def most_specific_class_counts(graph: Graph) -> Counter[str]:
    """Entities counted once each, under their most specific sopgraph class."""
    counts: Counter[str] = Counter()
    for subject in set(graph.subjects(RDF.type, None)):
        types = set(graph.objects(subject, RDF.type))
        cls = next((c for c in _PRECEDENCE if c in types), None)
        if cls is not None:
            counts[_local(cls)] += 1
    return counts


def class_counts(graph: Graph) -> Counter[str]:
    """Instances per class (an entity counts under every class it has)."""
    return Counter(graph.qname(o) if isinstance(o, URIRef) else str(o) for o in graph.objects(None, RDF.type))


def property_counts(graph: Graph) -> Counter[str]:
    """Triples per property."""
    return Counter(graph.qname(p) for p in graph.predicates())


def graph_stats(graph: Graph) -> dict[str, object]:
    """Everything ``sopgraph stats`` reports, as plain data."""
    return {
        "triples": len(graph),
        "classes": dict(sorted(class_counts(graph).items())),
        "properties": dict(sorted(property_counts(graph).items())),
    }
