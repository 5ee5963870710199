"""``sopgraph export``: write a graph file in another RDF format or for a graph tool.

RDF line formats (N-Triples, N-Quads) and Turtle/TriG are streamed through pyoxigraph: the
graph is never held twice in memory. JSON-LD goes through rdflib with sopgraph's published
``@context`` (``sopgraph/data/context.jsonld``, embedded so that no reader has to fetch it).
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from ..errors import OutputError
from .dataset import iter_quads, iter_triples

PREFIXES = {"sg": "https://w3id.org/sopgraph/ontology#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "skos": "http://www.w3.org/2004/02/skos/core#", "schema": "https://schema.org/",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#"}
CONTEXT_IRI = "https://w3id.org/sopgraph/context.jsonld"


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it into place only when the block succeeds."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def context() -> dict:
    """sopgraph's JSON-LD ``@context`` (the published one, shipped as package data)."""
    text = (resources.files("sopgraph") / "data" / "context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def _stream(fmt: ox.RdfFormat, quads: bool) -> Callable[[Path, Path], None]:
    def write(graph: Path, out: Path) -> None:
        items = iter_quads(graph) if quads else iter_triples(graph)
        with atomic_output(out) as tmp, open(tmp, "wb") as handle:
            ox.serialize(items, handle, fmt, prefixes=PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None)
    return write


def _jsonld(graph: Path, out: Path) -> None:
    from rdflib import Graph

    from ..query import load_graph

    g: Graph = load_graph(graph)
    data = g.serialize(format="json-ld", context=context(), auto_compact=True, encoding="utf-8")
    with atomic_output(out) as tmp:
        tmp.write_bytes(data)


def _graphml(graph: Path, out: Path) -> None:
    import networkx as nx

    from .property_graph import to_networkx

    with atomic_output(out) as tmp:
        nx.write_graphml(to_networkx(graph), tmp)


def _gexf(graph: Path, out: Path) -> None:
    import networkx as nx

    from .property_graph import to_networkx

    with atomic_output(out) as tmp:
        nx.write_gexf(to_networkx(graph), tmp)


def _neo4j(graph: Path, out: Path) -> None:
    from .neo4j import write_neo4j

    write_neo4j(graph, out)


EXPORTERS: dict[str, Callable[[Path, Path], None]] = {
    "turtle": _stream(ox.RdfFormat.TURTLE, quads=False),
    "ntriples": _stream(ox.RdfFormat.N_TRIPLES, quads=False),
    "nquads": _stream(ox.RdfFormat.N_QUADS, quads=True),
    "trig": _stream(ox.RdfFormat.TRIG, quads=True),
    "jsonld": _jsonld,
    "graphml": _graphml,
    "gexf": _gexf,
    "neo4j": _neo4j,
}


def export(graph: Path, fmt: str, out: Path) -> Path:
    """Write the graph file ``graph`` as ``fmt`` to ``out`` (a folder for ``neo4j``); returns ``out``."""
    if fmt not in EXPORTERS:
        raise OutputError(f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORTERS)}")
    EXPORTERS[fmt](Path(graph), Path(out))
    return Path(out)
