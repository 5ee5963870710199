"""The library API: inputs → graph (and the files a build writes).

The CLI is a thin layer over these functions; they never print or exit.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from . import __version__
from .batch import CacheUse, Progress, process
from .cache import CACHE_DIR_NAME, read_manifest, write_manifest
from .export.html_view import HtmlView
from .export.turtle_stream import TurtleSpool
from .graph import PREDICATES, BuildInfo, GraphSource
from .limits import DEFAULT_LIMITS, Limits
from .model import Extraction, ReadFailure
from .namespace import DEFAULT_BASE_IRI, SG
from .nlp import model_identity
from .readers import iter_input_files
from .report import InputStatus, write_report
from .resolve import resolve
from .stats import GraphSummary, most_specific_class_counts
from .topics import TopicScheme


@dataclass
class BuildResult:
    """What a build produced: what its graph is made of, the extractions, the inputs that
    failed, and the status of every input (in input order) for ``report.json``.

    The graph itself is made only when :attr:`graph` is read: :func:`write_outputs` streams
    it to disk part by part instead, and records its counts in :attr:`summary`.
    """

    source: GraphSource
    extractions: list[Extraction] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    statuses: list[InputStatus] = field(default_factory=list)
    summary: GraphSummary | None = None
    """Counts of the graph as :func:`write_outputs` wrote it (``None`` before)."""

    @cached_property
    def graph(self) -> Graph:
        """The whole graph as one rdflib graph, made on first use (about 1 KB per triple)."""
        return self.source.graph()

    @property
    def documents(self) -> int:
        return len(self.extractions)

    @property
    def triples(self) -> int:
        """Triples in the graph (from :attr:`summary` when written, so without making the graph)."""
        return self.summary.triples if self.summary is not None else len(self.graph)

    def entity_counts(self) -> Counter[str]:
        """Entities per most specific sopgraph class (Applicant, University, Person …)."""
        if self.summary is not None:
            return Counter(self.summary.classes)
        return most_specific_class_counts(self.graph)

    def relation_counts(self) -> Counter[str]:
        """Triples per relation of the contract, ``mentions`` and ``author`` included
        (provenance and descriptive properties such as ``sg:evidence`` are not relations)."""
        counts: Counter[str] = Counter()
        for p in (SG.author, SG.mentions, *PREDICATES.values()):
            if self.summary is not None:
                n = self.summary.properties[str(p)]
            else:
                n = sum(1 for _ in self.graph.triples((None, p, None)))
            if n:
                counts[str(p).rsplit("#", 1)[-1]] = n
        return counts


def build(
    inputs: Iterable[str | Path],
    *,
    model: str | None = None,
    base_iri: str = DEFAULT_BASE_IRI,
    min_confidence: float = 0.0,
    limits: Limits = DEFAULT_LIMITS,
    workers: int = 1,
    progress: Progress | None = None,
    cache: CacheUse | None = None,
) -> BuildResult:
    """Read, extract, resolve and build the graph of ``inputs`` (files and folders).

    No input makes this raise: each one that cannot be read or extracted becomes a
    :class:`ReadFailure` with a status and reason, and the graph holds the others.
    ``workers`` > 1 reads and extracts in that many processes, with the same result;
    ``progress(done, total)`` is called after each input; ``cache`` stores every
    extraction and, when its ``reuse`` is set, takes unchanged documents from it instead of
    parsing them again (the result is the same). Raises
    :class:`~sopgraph.errors.ModelLoadError` when the spaCy model cannot be loaded.
    """
    items = list(iter_input_files(Path(p) for p in inputs))
    outcomes = process([i for i in items if not isinstance(i, ReadFailure)], model=model, limits=limits,
                       workers=workers, progress=progress, cache=cache)
    extractions: list[Extraction] = []
    failures: list[ReadFailure] = []
    statuses: list[InputStatus] = []
    for item in items:  # outcomes come in input order, so each input keeps its place
        if isinstance(item, ReadFailure):
            failures.append(item)
            statuses.append(InputStatus(str(item.path), item.status, item.reason))
            continue
        outcome = next(outcomes)
        statuses.append(outcome.status)
        if outcome.extraction is not None:
            extractions.append(outcome.extraction)
        else:
            failures.append(outcome.failure)
    if not extractions:
        return BuildResult(source=GraphSource([], resolve([])), failures=failures, statuses=statuses)
    resolution = resolve(extractions)
    info = BuildInfo(tool_version=__version__, model=model_identity(model), ended=build_time())
    source = GraphSource(extractions, resolution, base_iri=base_iri, min_confidence=min_confidence,
                         topic_scheme=TopicScheme.load(), build_info=info)
    return BuildResult(source=source, extractions=extractions, failures=failures, statuses=statuses)


def build_time() -> str | None:
    """The build's time for its prov:Activity: ``SOURCE_DATE_EPOCH`` when set (the
    reproducible-builds convention), else none, so the same inputs give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def update_inputs(out_dir: Path, inputs: Iterable[str | Path]) -> list[str]:
    """The inputs of an incremental build: the previous build's (those still there) and the new ones."""
    previous = [p for p in read_manifest(Path(out_dir) / CACHE_DIR_NAME) if Path(p).exists()]
    merged = list(dict.fromkeys([*previous, *(str(p) for p in inputs)]))
    return merged


def record_inputs(out_dir: Path, inputs: Iterable[str | Path]) -> None:
    """Remember a build's inputs beside its outputs, for ``build --update``."""
    write_manifest(Path(out_dir) / CACHE_DIR_NAME, [str(p) for p in inputs])


def build_graph(inputs: Iterable[str | Path], **options) -> Graph:
    """Shorthand for ``build(inputs, **options).graph``."""
    return build(inputs, **options).graph


OUTPUT_NAMES = ("graph.ttl", "graph.html", "report.json")


def write_outputs(result: BuildResult, out_dir: Path) -> list[Path]:
    """Write ``graph.ttl``, ``graph.html`` and ``report.json`` into ``out_dir``; return their paths.

    The graph is streamed from ``result.source`` one part at a time (see
    :meth:`GraphSource.parts`): triples are sorted on disk into the Turtle file, and the page
    is drawn from a view without the provenance, so memory does not grow with the graph's
    assertions. Its counts are recorded in ``result.summary``.

    Each file is written to a temporary name and renamed, so a crash leaves the previous
    file or the new one, never a torn file; temporary files a killed run left behind are
    removed first. The report is written last: when it is there and new, so are the rest.
    """
    out_dir = Path(out_dir)
    _remove_stale_temporaries(out_dir)
    ttl, html, report = (out_dir / name for name in OUTPUT_NAMES)
    view = HtmlView()
    with TurtleSpool(ttl) as spool:
        for part in result.source.parts():
            spool.add(part)
            view.add(part)
        result.summary = spool.commit()
    view.write(html)
    write_report(result.statuses, report)
    return [ttl, html, report]


def _remove_stale_temporaries(out_dir: Path) -> None:
    # write_bytes_atomic, write_html and TurtleSpool name their temporaries ".NAME.XXXX.tmp"; a SIGKILL
    # between creating and renaming one cannot be caught, so the next run sweeps them.
    if not out_dir.is_dir():
        return
    for name in OUTPUT_NAMES:
        for stale in out_dir.glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)
    for stale in (out_dir / CACHE_DIR_NAME).rglob(".*.tmp"):
        stale.unlink(missing_ok=True)

