"""What the graph page needs of a build, gathered from the graph's parts one at a time.

The page (:mod:`sopgraph.export.html`) draws entities — their types, labels, aliases and
literal facts — and the links between them, each with the sentences it was read from.
It never shows the provenance itself, nor ``sg:mentions``, nor the build's activity, so
those are left out here: each part's assertions are reduced to the evidence items of the
links they back, and the page is written from that view instead of the whole graph.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from ..namespace import SG
from .html import write_html
from .viz_evidence import evidence_from_triples

__all__ = ["HtmlView"]

Triple = tuple[Node, Node, Node]

# Subjects of these types are never drawn; their triples only cost memory here.
_NOT_DRAWN = frozenset({SG.Assertion, PROV.Activity, PROV.SoftwareAgent})


class HtmlView:
    """The triples and edge evidence ``graph.html`` reads, without the provenance behind them."""

    def __init__(self) -> None:
        self.graph = Graph()
        self.evidence: dict[Triple, list[dict[str, str]]] = {}
        self._sentences: dict[str, str] = {}

    def add(self, part: Sequence[Triple]) -> None:
        """Take what the page needs from one part of the graph (see ``GraphSource.parts``).

        Every assertion must come in one part with the statement it was derived from, as
        the graph's parts do, so that its evidence names the statement's file.
        """
        hidden = {s for s, p, o in part if p == RDF.type and o in _NOT_DRAWN}
        for triple in part:
            if triple[0] not in hidden and triple[1] != SG.mentions:
                self.graph.add(triple)
        for triple, items in evidence_from_triples(part).items():
            # Only links between two nodes are drawn, and mentions are not among them.
            if triple[1] != SG.mentions and isinstance(triple[2], URIRef):
                self.evidence.setdefault(triple, []).extend(self._shared(item) for item in items)

    def write(self, path: Path) -> None:
        """Write the page to ``path``, as :func:`~sopgraph.export.html.write_html` of the whole graph would."""
        write_html(self.graph, path, evidence=self.evidence)

    def _shared(self, item: dict[str, str]) -> dict[str, str]:
        # Many statements quote one sentence (a corpus of near-copies, a shared reference):
        # one copy of its text is enough.
        if "sentence" in item:
            item["sentence"] = self._sentences.setdefault(item["sentence"], item["sentence"])
        return item
