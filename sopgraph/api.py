"""The library API: inputs → graph (and the files a build writes).

The CLI is a thin layer over these functions; they never print or exit.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .export.html import write_html
from .export.rdf import write_rdf
from .extract import Extractor
from .graph import build_rdf
from .model import Document, Extraction, ReadFailure
from .namespace import DEFAULT_BASE_IRI, SG
from .nlp import load_pipeline
from .readers import read_inputs
from .resolve import resolve
from .topics import TopicScheme


@dataclass
class BuildResult:
    """What a build produced: the graph, the extractions, and the inputs that failed."""

    graph: Graph
    extractions: list[Extraction] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len(self.extractions)

    def entity_counts(self) -> Counter[str]:
        """Entities per most specific sopgraph class (Applicant, University, Person …)."""
        from .stats import most_specific_class_counts

        return most_specific_class_counts(self.graph)

    def relation_counts(self) -> Counter[str]:
        """Triples per sopgraph property, ``mentions`` and ``author`` included."""
        counts: Counter[str] = Counter()
        ns = str(SG._NS)
        for _, p, _ in self.graph:
            if str(p).startswith(ns):
                counts[str(p)[len(ns):]] += 1
        return counts


def build(
    inputs: Iterable[str | Path],
    *,
    model: str | None = None,
    base_iri: str = DEFAULT_BASE_IRI,
    min_confidence: float = 0.0,
) -> BuildResult:
    """Read, extract, resolve and build the graph of ``inputs`` (files and folders)."""
    documents: list[Document] = []
    failures: list[ReadFailure] = []
    for item in read_inputs(Path(p) for p in inputs):
        (failures if isinstance(item, ReadFailure) else documents).append(item)
    if not documents:
        return BuildResult(graph=build_rdf([], resolve([])), failures=failures)
    extractor = Extractor(load_pipeline(model))
    extractions = list(extractor.extract_all(documents))
    resolution = resolve(extractions)
    graph = build_rdf(extractions, resolution, base_iri=base_iri, min_confidence=min_confidence,
                      topic_scheme=TopicScheme.load())
    return BuildResult(graph=graph, extractions=extractions, failures=failures)


def build_graph(inputs: Iterable[str | Path], **options) -> Graph:
    """Shorthand for ``build(inputs, **options).graph``."""
    return build(inputs, **options).graph


def write_outputs(result: BuildResult, out_dir: Path) -> list[Path]:
    """Write ``graph.ttl`` and ``graph.html`` into ``out_dir``; return their paths."""
    out_dir = Path(out_dir)
    ttl, html = out_dir / "graph.ttl", out_dir / "graph.html"
    write_rdf(result.graph, ttl)
    write_html(result.graph, html)
    return [ttl, html]

