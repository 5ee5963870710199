"""Split a graph into one named graph per statement, streaming, with pyoxigraph.

The grouping (documented in the README): each ``sg:Statement``'s own triples (its type,
label, ``sg:author`` and ``sg:mentions``) go to a named graph whose name is the statement's
IRI; everything else (entity descriptions and facts, which are shared between statements)
goes to the default graph. ``graph.ttl`` itself stays one default graph.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import GraphLoadError
from ..namespace import SG

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_STATEMENT = ox.NamedNode(str(SG.Statement))

OX_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
              ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
              ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD, ".n3": ox.RdfFormat.N3}


def ox_format(path: Path) -> ox.RdfFormat:
    """The pyoxigraph format of a graph file, from its extension (Turtle when unknown)."""
    return OX_FORMATS.get(Path(path).suffix.lower(), ox.RdfFormat.TURTLE)


def _check(path: Path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise GraphLoadError(f"graph file {path} does not exist; build one first with `sopgraph build INPUT --output DIR`")
    return path


def iter_triples(path: Path) -> Iterator[ox.Triple]:
    """Stream the triples of an RDF file (quads are flattened to their triples)."""
    path = _check(path)
    try:
        for quad in ox.parse(path=str(path), format=ox_format(path)):
            yield quad.triple
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphLoadError(f"cannot parse {path}: {exc}") from exc


def statement_iris(path: Path) -> set[ox.NamedNode]:
    """The IRIs of every ``sg:Statement`` in a graph file (one streaming pass)."""
    return {t.subject for t in iter_triples(path)
            if t.predicate == _RDF_TYPE and t.object == _STATEMENT and isinstance(t.subject, ox.NamedNode)}


def iter_quads(path: Path) -> Iterator[ox.Quad]:
    """Stream the file's triples as quads, one named graph per statement (two passes, no copy)."""
    statements = statement_iris(path)
    default = ox.DefaultGraph()
    for t in iter_triples(path):
        graph = t.subject if t.subject in statements else default
        yield ox.Quad(t.subject, t.predicate, t.object, graph)


def group_quads(path: Path) -> dict[ox.NamedNode | ox.DefaultGraph, set[ox.Triple]]:
    """Triples per graph name (the default graph under :class:`pyoxigraph.DefaultGraph`)."""
    groups: dict[ox.NamedNode | ox.DefaultGraph, set[ox.Triple]] = {}
    for q in iter_quads(path):
        groups.setdefault(q.graph_name, set()).add(q.triple)
    return groups
