"""N-Triples lines from rdflib terms, and an external sort that keeps each line once.

The streaming writer (:mod:`sopgraph.export.turtle_stream`) turns the graph's parts into
N-Triples lines as they are made and sorts them on disk, in runs of bounded size merged at
the end: the output is every distinct triple once, grouped by subject, while memory holds
one run at a time whatever the size of the graph.
"""
from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["SortedLines", "nt_line"]

# N-Triples forbids only these four raw inside a string (ECHAR/UCHAR cover the rest).
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _term(term: Node) -> str:
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return term.n3()  # raises on characters no IRI may hold, as rdflib's serializers do
    raise TypeError(f"not an RDF term: {term!r}")


def nt_line(triple: tuple[Node, Node, Node]) -> str:
    """One N-Triples line (newline included) for an rdflib triple."""
    s, p, o = triple
    return f"{_term(s)} {_term(p)} {_term(o)} .\n"


class SortedLines:
    """Lines kept once each and given back sorted, spilling to temporary files in ``folder``.

    Lines are gathered in memory until about ``run_chars`` characters, then sorted and
    written as one run; :meth:`unique` merges the runs. Temporary files are named
    ``{prefix}XXXX.tmp`` and removed by :meth:`close` (or, after a crash, by whoever sweeps
    that pattern).
    """

    #: At most this many runs are merged at once (each is an open file).
    FAN_IN = 64

    def __init__(self, folder: Path, prefix: str, run_chars: int = 16_000_000) -> None:
        self.folder = Path(folder)
        self.prefix = prefix
        self.run_chars = run_chars
        self._pending: set[str] = set()
        self._pending_chars = 0
        self._runs: list[Path] = []

    def add(self, line: str) -> None:
        """Keep ``line`` (which ends with a newline)."""
        if line not in self._pending:
            self._pending.add(line)
            self._pending_chars += len(line)
            if self._pending_chars >= self.run_chars:
                self._spill()

    def unique(self) -> Iterator[str]:
        """Every distinct line added, in sorted order."""
        if not self._runs:
            yield from sorted(self._pending)
            return
        self._spill()
        while len(self._runs) > self.FAN_IN:
            batch = self._runs[:self.FAN_IN]
            del self._runs[:self.FAN_IN]
            self._write_run(self._merge(batch))
        yield from self._merge(self._runs)

    def close(self) -> None:
        """Remove the temporary files."""
        for run in self._runs:
            run.unlink(missing_ok=True)
        self._runs = []
        self._pending = set()

    def _spill(self) -> None:
        if self._pending:
            self._write_run(sorted(self._pending))
            self._pending = set()
            self._pending_chars = 0

    def _write_run(self, lines: Iterable[str]) -> None:
        fd, name = tempfile.mkstemp(prefix=self.prefix, suffix=".tmp", dir=self.folder)
        self._runs.append(Path(name))  # listed before writing, so close() removes it on any failure
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(lines)

    def _merge(self, runs: list[Path]) -> Iterator[str]:
        handles = [run.open(encoding="utf-8", newline="") for run in runs]
        try:
            previous = None
            for line in heapq.merge(*handles):
                if line != previous:
                    yield line
                    previous = line
        finally:
            for handle in handles:
                handle.close()
            for run in runs:
                run.unlink(missing_ok=True)
