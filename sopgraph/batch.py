"""Read and extract many inputs, in this process or in a pool of worker processes.

The unit of work is one input path: read it, cut it into chunks if it is long, extract
each chunk with its own ``extract_all`` call, merge. Because every document is extracted on
its own, the result does not depend on how documents are grouped, so ``--workers N``
gives exactly what one worker gives. Any exception while reading or extracting a document
becomes that document's failure; a worker process that dies (a segfault in a native
parser, the OOM killer) is found out by re-running the inputs that were in flight one at a
time, after which the rest go back to a parallel pool.
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
    """Reads and extracts one path at a time with a pipeline loaded once."""

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
        item = read_one(path, self.limits)
        if isinstance(item, ReadFailure):
            return failed(item)
        store = ExtractionCache(self.cache.folder) if self.cache else None
        key = extraction_key(item, self.model) if store else ""
        if store and self.cache.reuse:
            hit = store.get(key, item)
            if hit is not None:  # same text, model and code: extracting again would give this
                return Outcome(_ok(item, hit[1]), hit[0])
        extractor = self.extractor()  # ModelLoadError propagates: it is the run's error, not this input's
        try:
            chunks = split_document(item, self.limits.chunk_chars)
            parts = [(offset, next(iter(extractor.extract_all([chunk])))) for offset, chunk in chunks]
            extraction = merge_extractions(item, parts)
        except Exception as exc:  # noqa: BLE001 — a poisoned document fails alone
            return failed(ReadFailure(path, f"extraction failed ({type(exc).__name__}: {exc})"), item)
        if store:
            store.put(key, extraction, len(chunks))
        return Outcome(_ok(item, len(chunks)), extraction)


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
        for done, path in enumerate(paths, 1):
            outcome = worker.run(path)
            if progress:
                progress(done, total)
            yield outcome
        return
    yield from _process_parallel(paths, model, limits, workers, progress, cache)


def _process_parallel(paths: Sequence[Path], model: str | None, limits: Limits, workers: int,
                      progress: Progress | None, cache: CacheUse | None = None) -> Iterator[Outcome]:
    results: dict[int, Outcome] = {}
    start = 0  # every input before ``start`` has been yielded
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(paths))

    while start < len(paths):
        broken = False
        with _pool(workers, model, limits, cache) as pool:
            futures = {j: pool.submit(_run_in_worker, paths[j]) for j in range(start, len(paths)) if j not in results}
            for j in range(start, len(paths)):
                if j not in results:
                    try:
                        results[j] = futures[j].result()
                    except BrokenProcessPool:
                        broken = True
                        break
                    tick()
                yield results.pop(j)
                start = j + 1
            if broken:  # keep what other workers finished before the pool died
                for j, future in futures.items():
                    if j not in results and future.done() and future.exception() is None:
                        results[j] = future.result()
                        tick()
        if broken:
            # A worker died (native crash, OOM killer). Inputs are dispatched in order, so the
            # culprit is one of the first workers + 1 unfinished ones: run those one at a time
            # to name it, then go back to the parallel pool for the rest.
            suspects = [j for j in range(start, len(paths)) if j not in results][:workers + 1]
            for j, outcome in zip(suspects, _run_isolated([paths[j] for j in suspects], model, limits, cache)):
                results[j] = outcome
                tick()


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
