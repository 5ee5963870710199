"""Answer "why does the graph say this?" for one node: each fact with its evidence."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from .errors import QueryError
from .namespace import SG


@dataclass(frozen=True)
class Explanation:
    """One fact about the node and where it was read."""

    subject: str
    property: str
    object: str
    file: str
    line: int | None
    start: int | None
    end: int | None
    rule: str
    confidence: float | None
    evidence: str


def _label(graph: Graph, node) -> str:
    if isinstance(node, Literal):
        return str(node)
    return str(graph.value(node, RDFS.label) or node)


def find_nodes(graph: Graph, name_or_iri: str) -> list[URIRef]:
    """Nodes whose IRI, label or altLabel is ``name_or_iri`` (labels compared case-insensitively)."""
    looks_like_iri = ":" in name_or_iri and not any(c.isspace() for c in name_or_iri)
    if looks_like_iri and (URIRef(name_or_iri), None, None) in graph:
        return [URIRef(name_or_iri)]
    wanted = name_or_iri.casefold()
    found = {s for p in (RDFS.label, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))
             for s, o in graph.subject_objects(p) if str(o).casefold() == wanted and isinstance(s, URIRef)}
    return sorted(found, key=str)


def explain(graph: Graph, name_or_iri: str, *, include_mentions: bool = False) -> list[Explanation]:
    """Every reified fact with the node as subject or object, sorted by file and position.

    Raises :class:`QueryError` when no node has that label or IRI.
    """
    nodes = find_nodes(graph, name_or_iri)
    if not nodes:
        raise QueryError(f"no node is labelled or named {name_or_iri!r}; check the spelling, or pass the node's IRI")
    out: list[Explanation] = []
    for node in nodes:
        assertions = set(graph.subjects(RDF.subject, node)) | set(graph.subjects(RDF.object, node))
        for a in assertions:
            if (a, RDF.type, SG.Assertion) not in graph:
                continue
            prop = graph.value(a, RDF.predicate)
            if prop == SG.mentions and not include_mentions:
                continue
            statement = graph.value(a, PROV.wasDerivedFrom)

            def number(p):
                value = graph.value(a, p)
                return int(value) if value is not None else None

            confidence = graph.value(a, SG.confidence)
            out.append(Explanation(
                subject=_label(graph, graph.value(a, RDF.subject)),
                property=str(prop).rsplit("#", 1)[-1],
                object=_label(graph, graph.value(a, RDF.object)),
                file=str(graph.value(statement, SG.sourceFile) or statement),
                line=number(SG.line), start=number(SG.startOffset), end=number(SG.endOffset),
                rule=str(graph.value(a, SG.rule) or ""),
                confidence=float(confidence) if confidence is not None else None,
                evidence=str(graph.value(a, SG.evidence) or ""),
            ))
    return sorted(out, key=lambda e: (e.file, e.start if e.start is not None else -1, e.property, e.object))
