"""Edge evidence for the HTML view, read from the graph's provenance (``sg:Assertion``).

The build reifies each fact as an ``sg:Assertion`` with ``rdf:subject``/``rdf:predicate``/
``rdf:object``, the sentence it was read from (``sg:evidence``), its line (``sg:line``) and
the statement it came from (``prov:wasDerivedFrom``, whose ``sg:sourceFile`` names the
file). This turns those into the :data:`sopgraph.export.html.Evidence` mapping.
"""
from __future__ import annotations

from rdflib import RDF, Graph
from rdflib.namespace import PROV
from rdflib.term import Node

from sopgraph.namespace import SG

__all__ = ["evidence_from_graph"]


def evidence_from_graph(graph: Graph) -> dict[tuple[Node, Node, Node], list[dict[str, str]]]:
    """Map each reified triple to its ``[{"sentence": …, "source": "file:line"}, …]``.

    Assertions without a subject, predicate or object are skipped; a missing sentence or
    source just leaves that key out. Empty when the graph has no provenance.
    """
    evidence: dict[tuple[Node, Node, Node], list[dict[str, str]]] = {}
    for assertion in graph.subjects(RDF.type, SG.Assertion):
        triple = tuple(graph.value(assertion, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        if None in triple:
            continue
        item: dict[str, str] = {}
        sentence = graph.value(assertion, SG.evidence)
        if sentence is not None:
            item["sentence"] = str(sentence)
        statement = graph.value(assertion, PROV.wasDerivedFrom)
        source = graph.value(statement, SG.sourceFile) if statement is not None else None
        if source is not None:
            line = graph.value(assertion, SG.line)
            item["source"] = f"{source}:{line}" if line is not None else str(source)
        if item:
            evidence.setdefault(triple, []).append(item)  # type: ignore[arg-type]
    return evidence
