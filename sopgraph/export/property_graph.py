"""A graph file as a property graph: IRI nodes with attributes, one edge per IRI-valued triple.

Shared by the GraphML/GEXF (networkx) and Neo4j exports. ``rdf:type`` becomes node labels,
literal values become node attributes, every other triple between two resources an edge
named after the ontology property (``prospectiveAdvisor``, ``broader`` …).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .dataset import iter_triples

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Literal-valued predicates whose attribute name differs from their local name.
ATTRIBUTE_NAMES = {"http://www.w3.org/2000/01/rdf-schema#label": "label",
                   "http://www.w3.org/2004/02/skos/core#altLabel": "altLabels"}
MULTI_VALUED = {"altLabels"}


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[-1]
    return iri


@dataclass
class Node:
    """A resource: its IRI, class local names and literal attributes."""

    iri: str
    labels: set[str] = field(default_factory=set)
    attributes: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Edge:
    """A triple between two resources, typed by the predicate's local name."""

    source: str
    target: str
    type: str
    predicate: str


def _id(term) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def property_graph(graph: Path) -> tuple[dict[str, Node], list[Edge]]:
    """Nodes by IRI and every edge of the graph file (one streaming pass)."""
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []

    def node(term) -> Node:
        key = _id(term)
        if key not in nodes:
            nodes[key] = Node(key)
        return nodes[key]

    for t in iter_triples(graph):
        subject = node(t.subject)
        predicate = t.predicate.value
        if isinstance(t.object, ox.Literal):
            name = ATTRIBUTE_NAMES.get(predicate, local_name(predicate))
            if name in MULTI_VALUED:
                subject.attributes.setdefault(name, []).append(t.object.value)
            else:
                subject.attributes[name] = t.object.value
        elif predicate == RDF_TYPE:
            subject.labels.add(local_name(t.object.value))
        else:
            node(t.object)
            edges.append(Edge(subject.iri, _id(t.object), local_name(predicate), predicate))
    return nodes, edges


def to_networkx(graph: Path):
    """A networkx ``MultiDiGraph`` of the graph file (for GraphML/GEXF and Gephi)."""
    import networkx as nx

    nodes, edges = property_graph(graph)
    g = nx.MultiDiGraph()
    for n in nodes.values():
        attrs = {k: ("|".join(v) if isinstance(v, list) else v) for k, v in n.attributes.items()}
        g.add_node(n.iri, labels=";".join(sorted(n.labels)), **attrs)
    for i, e in enumerate(edges):
        g.add_edge(e.source, e.target, key=i, label=e.type, predicate=e.predicate)
    return g


def iter_edges(edges: list[Edge]) -> Iterator[Edge]:
    """Edges in a stable order (by type, then endpoints)."""
    return iter(sorted(edges, key=lambda e: (e.type, e.source, e.target)))
