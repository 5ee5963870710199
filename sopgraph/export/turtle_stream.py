"""Write a graph given in parts as Turtle, without ever holding the whole graph.

Each part is turned into N-Triples lines at once and sorted on disk
(:class:`~sopgraph.export.ntriples.SortedLines`), which also keeps a triple that several
parts hold (a fact two statements assert) once. The sorted lines are then written as
Turtle by pyoxigraph, which groups consecutive triples of one subject, and the file is
moved into place: ``path`` is never left half-written.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD
from rdflib.namespace import OWL, PROV, SKOS
from rdflib.term import Node

from ..errors import OutputError
from ..namespace import ONTOLOGY_IRI, SCHEMA
from ..stats import GraphSummary, NTriplesCounter
from .ntriples import SortedLines, nt_line

__all__ = ["PREFIXES", "TurtleSpool"]

#: The prefixes of sopgraph's Turtle: vocabulary namespaces only, never the namespace of
#: minted IRIs, whose local names pyoxigraph would escape in ways rdflib cannot read.
PREFIXES = {"owl": str(OWL), "prov": str(PROV), "rdf": str(RDF), "rdfs": str(RDFS), "schema": str(SCHEMA),
            "sg": ONTOLOGY_IRI, "skos": str(SKOS), "xsd": str(XSD)}


class TurtleSpool:
    """Collects triples part by part; :meth:`commit` writes them to ``path`` as Turtle.

    Temporary files are made beside ``path`` and named ``.NAME.XXXX.tmp`` like every other
    temporary of a build, so a killed run's are swept by the next one. Use as a context
    manager, so they are removed whatever happens.
    """

    def __init__(self, path: Path, *, run_chars: int = 16_000_000) -> None:
        self.path = Path(path)
        self._prefix = f".{self.path.name}."
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._error(exc) from exc
        self._lines = SortedLines(self.path.parent, self._prefix, run_chars=run_chars)
        self._temporaries: list[Path] = []

    def __enter__(self) -> TurtleSpool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def add(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Add triples (a triple added twice is written once)."""
        try:
            for triple in triples:
                self._lines.add(nt_line(triple))
        except OSError as exc:
            raise self._error(exc) from exc

    def commit(self) -> GraphSummary:
        """Write every triple added to ``path`` as Turtle; return the counts of what was written."""
        counter = NTriplesCounter()
        try:
            ntriples = self._temporary()
            with ntriples.open("w", encoding="utf-8", newline="") as handle:
                for line in self._lines.unique():
                    counter.add(line)
                    handle.write(line)
            self._lines.close()
            turtle = self._temporary()
            ox.serialize(ox.parse(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES), output=str(turtle),
                         format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
            os.chmod(turtle, 0o644)  # mkstemp makes it 0600; a graph is meant to be shared
            os.replace(turtle, self.path)
        except OSError as exc:
            raise self._error(exc) from exc
        except SyntaxError as exc:
            raise OutputError(f"cannot write {self.path}: pyoxigraph cannot read a term of the graph ({exc})") from exc
        return counter.finish()

    def close(self) -> None:
        """Remove the temporary files (``path`` itself is left as it is)."""
        self._lines.close()
        for temporary in self._temporaries:
            temporary.unlink(missing_ok=True)

    def _temporary(self) -> Path:
        fd, name = tempfile.mkstemp(prefix=self._prefix, suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        self._temporaries.append(Path(name))
        return Path(name)

    def _error(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write {self.path}: {exc.strerror or exc}")
