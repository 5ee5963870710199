"""Edge evidence for the HTML view, read from the graph's provenance (``sg:Assertion``).

The build reifies each fact as an ``sg:Assertion`` with ``rdf:subject``/``rdf:predicate``/
``rdf:object``, the sentence it was read from (``sg:evidence``), its line (``sg:line``) and
the statement it came from (``prov:wasDerivedFrom``, whose ``sg:sourceFile`` names the
file). This turns those into the :data:`sopgraph.export.html.Evidence` mapping.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import RDF, Graph
from rdflib.namespace import PROV
from rdflib.term import Node

from sopgraph.namespace import SG

__all__ = ["evidence_from_graph", "evidence_from_triples"]

Triple = tuple[Node, Node, Node]
EvidenceMap = dict[Triple, list[dict[str, str]]]

# The properties read from an assertion (and its statement's file name).
_READ = frozenset({RDF.subject, RDF.predicate, RDF.object, SG.evidence, SG.line, PROV.wasDerivedFrom, SG.sourceFile})


def evidence_from_graph(graph: Graph) -> EvidenceMap:
    """Map each reified triple to its ``[{"sentence": …, "source": "file:line"}, …]``.

    Assertions without a subject, predicate or object are skipped; a missing sentence or
    source just leaves that key out. Empty when the graph has no provenance.
    """
    return _evidence(graph.subjects(RDF.type, SG.Assertion), graph.value)


def evidence_from_triples(triples: Iterable[Triple]) -> EvidenceMap:
    """:func:`evidence_from_graph` of the graph of ``triples``, read in one pass.

    Where a property has several values, the first one given counts, as
    :meth:`rdflib.Graph.value` picks the first one added; an assertion's statement and its
    ``sg:sourceFile`` must be among ``triples``.
    """
    assertions: dict[Node, None] = {}
    first: dict[tuple[Node, Node], Node] = {}
    for s, p, o in triples:
        if p == RDF.type and o == SG.Assertion:
            assertions[s] = None
        elif p in _READ:
            first.setdefault((s, p), o)
    return _evidence(assertions, lambda node, prop: first.get((node, prop)))


def _evidence(assertions: Iterable[Node], value: Callable[[Node, Node], Node | None]) -> EvidenceMap:
    evidence: EvidenceMap = {}
    for assertion in assertions:
        triple = tuple(value(assertion, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        if None in triple:
            continue
        item: dict[str, str] = {}
        sentence = value(assertion, SG.evidence)
        if sentence is not None:
            item["sentence"] = str(sentence)
        statement = value(assertion, PROV.wasDerivedFrom)
        source = value(statement, SG.sourceFile) if statement is not None else None
        if source is not None:
            line = value(assertion, SG.line)
            item["source"] = f"{source}:{line}" if line is not None else str(source)
        if item:
            evidence.setdefault(triple, []).append(item)  # type: ignore[arg-type]
    return evidence
