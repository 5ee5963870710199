"""Read and extract many inputs, in this process or in a pool of worker processes.

The unit of work is a small batch of input paths: read each, cut the long ones into
chunks, parse all the chunks with one ``nlp.pipe`` (batching is what spaCy is fast at),
and merge each document's chunks back. An extraction depends only on its own text — spaCy
parses each text of a batch independently, and every sopgraph rule reads one Doc — so the
result does not depend on how documents are grouped, and ``--workers N`` gives exactly
what one worker gives. Any exception while reading or extracting a document becomes that
document's failure (a batch that raises is extracted again one document at a time); a
worker process that dies (a segfault in a native parser, the OOM killer) is found out by
re-running the inputs that were in flight one at a time, after which the rest go back to a
parallel pool.
"""
from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .cache import ExtractionCache, extraction_key
from .chunking import merge_extractions, split_document
from .grouping import BATCH_SIZE, batches, parse_groups
from .limits import DEFAULT_LIMITS, Limits
from .model import Document, Extraction, ReadFailure
from .readers import read_one
from .report import InputStatus

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CacheUse:
    """Where extractions are cached, and whether cached ones may be reused (``--update``)."""

    folder: Path
    reuse: bool = False


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its status, and its extraction when it was read."""

    status: InputStatus
    extraction: Extraction | None = None
    failure: ReadFailure | None = None


class _Worker:
    """Reads and extracts paths, a batch at a time, with a pipeline loaded once."""

    def __init__(self, model: str | None, limits: Limits, cache: CacheUse | None = None):
        self.model = model
        self.limits = limits
        self.cache = cache
        self._extractor = None

    def extractor(self):
        if self._extractor is None:  # loaded on first use: a batch of unreadable files needs no model
            self._extractor = _cached_extractor(self.model)
        return self._extractor

    def run(self, path: Path) -> Outcome:
        """The outcome of one path."""
        return self.run_batch([path])[0]

    def run_batch(self, paths: Sequence[Path]) -> list[Outcome]:
        """The outcomes of ``paths``, in order; the documents to extract are parsed together."""
        outcomes: dict[int, Outcome] = {}
        pending: list[tuple[int, Document, str]] = []  # (position, document, cache key)
        store = ExtractionCache(self.cache.folder) if self.cache else None
        for position, path in enumerate(paths):
            item = read_one(path, self.limits)
            if isinstance(item, ReadFailure):
                outcomes[position] = failed(item)
                continue
            key = extraction_key(item, self.model) if store else ""
            if store and self.cache.reuse:
                hit = store.get(key, item)
                if hit is not None:  # same text, model and code: extracting again would give this
                    outcomes[position] = Outcome(_ok(item, hit[1]), hit[0])
                    continue
            pending.append((position, item, key))
        if pending:
            self.extractor()  # ModelLoadError propagates: it is the run's error, not an input's
            for (position, _, _), outcome in zip(pending, self._extract(pending, store)):
                outcomes[position] = outcome
        return [outcomes[position] for position in range(len(paths))]

    def _extract(self, pending: list[tuple[int, Document, str]], store: ExtractionCache | None) -> list[Outcome]:
        try:
            extracted = self._extract_together([document for _, document, _ in pending])
        except Exception as exc:  # noqa: BLE001 — a poisoned document fails alone
            if len(pending) > 1:  # find it: extract each document on its own
                return [outcome for one in pending for outcome in self._extract([one], store)]
            document = pending[0][1]
            return [failed(ReadFailure(document.path, f"extraction failed ({type(exc).__name__}: {exc})"), document)]
        outcomes = []
        for (_, document, key), (extraction, chunks) in zip(pending, extracted):
            if store:
                store.put(key, extraction, chunks)
            outcomes.append(Outcome(_ok(document, chunks), extraction))
        return outcomes

    def _extract_together(self, documents: list[Document]) -> list[tuple[Extraction, int]]:
        """Each document's extraction and chunk count, from ``nlp.pipe`` runs over all their chunks."""
        chunked = [split_document(document, self.limits.chunk_chars) for document in documents]
        flat = [chunk for chunks in chunked for _, chunk in chunks]
        extractor = self.extractor()
        parsed = iter([extraction for group in parse_groups(flat, BATCH_SIZE, self.limits.chunk_chars)
                       for extraction in extractor.extract_all(group, batch_size=len(group))])
        results = []
        for document, chunks in zip(documents, chunked):
            parts = [(offset, next(parsed)) for offset, _ in chunks]
            results.append((merge_extractions(document, parts), len(chunks)))
        return results


@functools.lru_cache(maxsize=2)
def _cached_extractor(model: str | None):
    # Loading the model takes seconds; a process that builds repeatedly (tests, a service)
    # reuses it. Extraction keeps no state between documents, so reuse changes no result.
    from .extract import Extractor
    from .nlp import load_pipeline

    return Extractor(load_pipeline(model))


def _ok(document: Document, chunks: int) -> InputStatus:
    return InputStatus(str(document.path), "ok", format=document.format, encoding=document.encoding,
                       characters=len(document.text), chunks=chunks, repaired=document.repaired)


def failed(failure: ReadFailure, document: Document | None = None) -> Outcome:
    """The outcome of an input that could not be read or extracted."""
    extra = {}
    if document is not None:
        extra = {"format": document.format, "encoding": document.encoding, "characters": len(document.text)}
    return Outcome(InputStatus(str(failure.path), failure.status, failure.reason, **extra), failure=failure)


_WORKER: _Worker | None = None


def _init_worker(model: str | None, limits: Limits, cache: CacheUse | None = None) -> None:
    global _WORKER
    _WORKER = _Worker(model, limits, cache)


def _run_in_worker(path: Path) -> Outcome:
    assert _WORKER is not None, "worker process was not initialised"
    return _WORKER.run(path)


def _run_batch_in_worker(paths: Sequence[Path]) -> list[Outcome]:
    assert _WORKER is not None, "worker process was not initialised"
    return _WORKER.run_batch(paths)


def _pool(workers: int, model: str | None, limits: Limits, cache: CacheUse | None = None) -> ProcessPoolExecutor:
    # spawn, not fork: the parent may run a progress-bar thread, and forking a threaded
    # process can deadlock the child.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(model, limits, cache))


def process(paths: Sequence[Path], *, model: str | None = None, limits: Limits = DEFAULT_LIMITS,
            workers: int = 1, progress: Progress | None = None, cache: CacheUse | None = None) -> Iterator[Outcome]:
    """Yield the :class:`Outcome` of every path, in the order of ``paths``.

    Raises :class:`~sopgraph.errors.ModelLoadError` when the pipeline cannot be loaded.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    total = len(paths)
    if workers == 1 or total <= 1:
        worker = _Worker(model, limits, cache)
        done = 0
        for batch in batches(paths, BATCH_SIZE):
            for outcome in worker.run_batch(batch):
                done += 1
                if progress:
                    progress(done, total)
                yield outcome
        return
    yield from _process_parallel(paths, model, limits, workers, progress, cache)


def parallel_batch_size(inputs: int, workers: int) -> int:
    """Paths per task in a pool: :data:`BATCH_SIZE`, smaller when there are few inputs,
    so that every worker gets several tasks and none is left idle at the end."""
    return max(1, min(BATCH_SIZE, inputs // (4 * workers)))


def _process_parallel(paths: Sequence[Path], model: str | None, limits: Limits, workers: int,
                      progress: Progress | None, cache: CacheUse | None = None) -> Iterator[Outcome]:
    results: dict[int, Outcome] = {}
    start = 0  # every input before ``start`` has been yielded
    done = 0

    def record(j: int, outcome: Outcome) -> None:
        nonlocal done
        results[j] = outcome
        done += 1
        if progress:
            progress(done, len(paths))

    while start < len(paths):
        broken = False
        todo = [j for j in range(start, len(paths)) if j not in results]
        tasks = list(batches(todo, parallel_batch_size(len(todo), workers)))
        with _pool(workers, model, limits, cache) as pool:
            futures = [pool.submit(_run_batch_in_worker, [paths[j] for j in task]) for task in tasks]
            task_of = {j: n for n, task in enumerate(tasks) for j in task}
            for j in range(start, len(paths)):
                if j not in results:
                    n = task_of[j]
                    try:
                        outcomes = futures[n].result()
                    except BrokenProcessPool:
                        broken = True
                        break
                    for k, outcome in zip(tasks[n], outcomes):
                        record(k, outcome)
                yield results.pop(j)
                start = j + 1
            if broken:  # keep what other workers finished before the pool died
                for task, future in zip(tasks, futures):
                    if task[0] >= start and task[0] not in results and future.done() and future.exception() is None:
                        for k, outcome in zip(task, future.result()):
                            record(k, outcome)
        if broken:
            # A worker died (native crash, OOM killer). Tasks are dispatched in order, so the
            # culprit is in one of the first workers + 1 unfinished ones: run their inputs one
            # at a time to name it, then go back to the parallel pool for the rest.
            unfinished = [task for task in tasks if task[0] >= start and task[0] not in results]
            suspects = [j for task in unfinished[:workers + 1] for j in task]
            for j, outcome in zip(suspects, _run_isolated([paths[j] for j in suspects], model, limits, cache)):
                record(j, outcome)


def _run_isolated(paths: list[Path], model: str | None, limits: Limits,
                  cache: CacheUse | None = None) -> list[Outcome]:
    """Run ``paths`` one at a time in a single worker, replacing it whenever it dies."""
    outcomes = []
    pool = None
    try:
        for path in paths:
            pool = pool or _pool(1, model, limits, cache)
            try:
                outcomes.append(pool.submit(_run_in_worker, path).result())
            except BrokenProcessPool:
                outcomes.append(failed(ReadFailure(
                    path, "the worker process died while reading this file (crash or out of memory)")))
                pool.shutdown(wait=True)
                pool = None
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    return outcomes


__all__ = ["CacheUse", "Outcome", "process", "failed"]
