"""Split a graph into one named graph per statement, streaming, with pyoxigraph.

The grouping (documented in the README, "Named graphs"): a statement's named graph, whose
name is the statement's IRI, holds everything that statement says and why --

- the statement's own triples (type, label, source file, ``sg:author``, ``sg:mentions``);
- every ``sg:Assertion`` derived from it (``prov:wasDerivedFrom`` the statement): the
  reification, evidence sentence, offsets, rule and confidence;
- every fact one of those assertions reifies (``?applicant sg:studiedAt ?school`` …).

A fact two statements both assert is in both graphs, so dropping one statement's graph
leaves the other's facts whole. Everything else -- the description of each entity (types,
labels, aliases, web domain), the topic scheme, the build's ``prov:Activity`` -- is shared
and goes to the default graph. The union of all graphs is exactly ``graph.ttl``; replacing
one statement's graph replaces exactly its facts, atomically.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import PROV

from ..errors import GraphLoadError
from ..namespace import SG

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = ox.NamedNode(_RDF + "type")
STATEMENT = ox.NamedNode(str(SG.Statement))
ASSERTION = ox.NamedNode(str(SG.Assertion))
DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))
REIFICATION_PARTS = tuple(ox.NamedNode(_RDF + name) for name in ("subject", "predicate", "object"))
_PART_INDEX = {part: i for i, part in enumerate(REIFICATION_PARTS)}

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


class Ownership:
    """Which statements own which triples: the one grouping rule, fed from a file or a store.

    Feed it (with :meth:`add`) the triples that decide ownership -- ``rdf:type`` of
    statements and assertions, ``prov:wasDerivedFrom``, and ``rdf:subject`` /
    ``rdf:predicate`` / ``rdf:object`` -- in any order; then :meth:`graphs_of` names the
    statement graphs a triple belongs to (none: the default graph).
    """

    def __init__(self) -> None:
        self.statements: set[ox.NamedNode] = set()
        self._assertions: set = set()
        self._derived: dict = {}
        self._parts: dict = {}
        self._owners: dict | None = None
        self._facts: dict | None = None

    def add(self, t: ox.Triple) -> None:
        """Take note of ``t`` if it bears on ownership (other triples are ignored)."""
        p = t.predicate
        if p == RDF_TYPE:
            if t.object == STATEMENT and isinstance(t.subject, ox.NamedNode):
                self.statements.add(t.subject)
            elif t.object == ASSERTION:
                self._assertions.add(t.subject)
        elif p == DERIVED_FROM:
            self._derived.setdefault(t.subject, set()).add(t.object)
        elif p in _PART_INDEX:
            self._parts.setdefault(t.subject, [None, None, None])[_PART_INDEX[p]] = t.object

    def _index(self) -> None:
        if self._owners is not None:
            return
        self._owners, self._facts = {}, {}
        for node in self._assertions:
            owners = self._derived.get(node, set()) & self.statements
            parts = self._parts.get(node)
            if len(owners) != 1 or parts is None or None in parts:
                continue  # not one statement's well-formed assertion: it stays shared
            owner = next(iter(owners))
            self._owners[node] = owner
            self._facts.setdefault(ox.Triple(*parts), set()).add(owner)

    def owned_subjects(self) -> set:
        """Statements and the assertions that belong to one: every triple about them is owned."""
        self._index()
        return self.statements | set(self._owners)

    def facts(self) -> set[ox.Triple]:
        """The reified facts (each owned by the statements asserting it)."""
        self._index()
        return set(self._facts)

    def graphs_of(self, t: ox.Triple) -> list[ox.NamedNode]:
        """The statement graphs ``t`` belongs to, in IRI order (empty: the default graph)."""
        self._index()
        graphs = set(self._facts.get(t, ()))
        if t.subject in self.statements:
            graphs.add(t.subject)
        owner = self._owners.get(t.subject)
        if owner is not None:
            graphs.add(owner)
        return sorted(graphs, key=lambda g: g.value)


def ownership(path: Path) -> Ownership:
    """The :class:`Ownership` of a graph file (one streaming pass)."""
    owned = Ownership()
    for t in iter_triples(path):
        owned.add(t)
    return owned


def statement_iris(path: Path) -> set[ox.NamedNode]:
    """The IRIs of every ``sg:Statement`` in a graph file (one streaming pass)."""
    return ownership(path).statements


def iter_quads(path: Path) -> Iterator[ox.Quad]:
    """Stream the file's triples as quads, one named graph per statement (two passes, no copy)."""
    owned = ownership(path)
    default = ox.DefaultGraph()
    for t in iter_triples(path):
        graphs = owned.graphs_of(t)
        for graph in graphs or (default,):
            yield ox.Quad(t.subject, t.predicate, t.object, graph)


def group_quads(path: Path) -> dict[ox.NamedNode | ox.DefaultGraph, set[ox.Triple]]:
    """Triples per graph name (the default graph under :class:`pyoxigraph.DefaultGraph`)."""
    groups: dict[ox.NamedNode | ox.DefaultGraph, set[ox.Triple]] = {}
    for q in iter_quads(path):
        groups.setdefault(q.graph_name, set()).add(q.triple)
    return groups
