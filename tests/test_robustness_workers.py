"""A worker process that dies takes only its own input with it (``--workers``)."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from sopgraph import batch
from sopgraph.api import build

from .corpus_factory import statement


def _crashing_worker_init(model, limits, cache=None):
    """Worker initializer that makes the process die (as in a native crash) on files named *crash*."""
    batch._init_worker(model, limits, cache)
    real_run_batch = batch._Worker.run_batch

    def run_batch(self, paths):
        if any("crash" in path.name for path in paths):
            os._exit(139)
        return real_run_batch(self, paths)

    batch._Worker.run_batch = run_batch


def _crashing_pool(workers, model, limits, cache=None):
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_crashing_worker_init, initargs=(model, limits, cache))


def test_a_dying_worker_fails_only_its_input(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    # The crashing input sorts last, so after it is isolated no further pool is needed: each
    # pool start loads the spaCy model, which is what this test's time goes on.
    for name, i in (("a.txt", 0), ("b.txt", 1), ("c.txt", 2), ("z-crash.txt", 3)):
        (folder / name).write_text(statement(i)[0], encoding="utf-8")
    monkeypatch.setattr(batch, "_pool", _crashing_pool)
    result = build([folder], workers=2)
    statuses = {s.path.rsplit("/", 1)[-1]: s for s in result.statuses}
    assert [statuses[n].status for n in sorted(statuses)] == ["ok", "ok", "ok", "unreadable"]
    assert "worker process died" in statuses["z-crash.txt"].reason
    monkeypatch.undo()
    (folder / "z-crash.txt").unlink()
    alone = build([folder], workers=1)
    assert result.graph.serialize(format="turtle") == alone.graph.serialize(format="turtle")
