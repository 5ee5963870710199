"""Counts of a graph: entities per class, triples per property."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

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


def _most_specific_class(types: Iterable[URIRef]) -> str | None:
    types = set(types)
    cls = next((c for c in _PRECEDENCE if c in types), None)
    return _local(cls) if cls is not None else None


def most_specific_class_counts(graph: Graph) -> Counter[str]:
    """Entities counted once each, under their most specific sopgraph class."""
    counts: Counter[str] = Counter()
    for subject in set(graph.subjects(RDF.type, None)):
        cls = _most_specific_class(graph.objects(subject, RDF.type))
        if cls is not None:
            counts[cls] += 1
    return counts


@dataclass
class GraphSummary:
    """Counts of a graph taken while it was written, so that nobody needs it in memory."""

    triples: int = 0
    properties: Counter[str] = field(default_factory=Counter)
    """Triples per property IRI."""
    classes: Counter[str] = field(default_factory=Counter)
    """Entities per most specific sopgraph class, as :func:`most_specific_class_counts`."""


_RDF_TYPE_NT = f"<{RDF.type}>"


class NTriplesCounter:
    """Builds a :class:`GraphSummary` from N-Triples lines, each triple once, sorted by subject.

    Sorted input lets the types of a subject be gathered from consecutive lines, so only
    one subject's types are held at a time.
    """

    def __init__(self) -> None:
        self.summary = GraphSummary()
        self._subject: str | None = None
        self._types: list[URIRef] = []

    def add(self, line: str) -> None:
        """Count one N-Triples line (``<s> <p> object .``)."""
        subject, predicate, rest = line.split(" ", 2)
        self.summary.triples += 1
        self.summary.properties[predicate[1:-1]] += 1
        if subject != self._subject:
            self._close_subject()
            self._subject = subject
        if predicate == _RDF_TYPE_NT and rest.startswith("<"):
            self._types.append(URIRef(rest[1:rest.index(">")]))

    def finish(self) -> GraphSummary:
        """The counts of every line added."""
        self._close_subject()
        return self.summary

    def _close_subject(self) -> None:
        cls = _most_specific_class(self._types)
        if cls is not None:
            self.summary.classes[cls] += 1
        self._types = []


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
