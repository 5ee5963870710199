"""Query latency of every named question, and load time: embedded store vs rdflib, same run.

    python -m benchmarks.query_latency /tmp/bench/graph-100k.nt --repeat 20

Prints, per named question, the p50 latency in the pyoxigraph store and in rdflib's
in-memory graph and their ratio; then load times (store bulk load vs rdflib parse) and
the store's size on disk.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from sopgraph import queries
from sopgraph.query import run_query
from sopgraph.store import query_store

from .load_time import fresh_load

PARAMS = {"applicants-for-advisor": {"name": "Advisor 0"}, "topic-rollup": {"topic": "natural language processing"},
          "co-interest": {"name": "Applicant 0"}}


def _p50(fn, repeat: int, budget: float) -> tuple[float, int, int]:
    """Median seconds of ``fn`` over ``repeat`` runs (fewer if ``budget`` seconds run out); rows."""
    times, rows = [], 0
    start = time.perf_counter()
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = len(fn().rows)
        times.append(time.perf_counter() - t0)
        if time.perf_counter() - start > budget:
            break
    return statistics.median(times), len(times), rows


def _rdflib_p50(graph, text: str, params: dict, repeat: int, budget: float) -> tuple[float | None, int, int]:
    """Like :func:`_p50` for rdflib, in a forked child killed after ``budget`` seconds (None: too slow)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def work() -> None:
        times, rows = [], 0
        start = time.perf_counter()
        for _ in range(repeat):
            t0 = time.perf_counter()
            rows = len(run_query(graph, text, bindings=params).rows)
            times.append(time.perf_counter() - t0)
            child.send((statistics.median(times), len(times), rows))
            if time.perf_counter() - start > budget / 2:
                break

    proc = ctx.Process(target=work, daemon=True)
    proc.start()
    result = (None, 0, 0)
    deadline = time.perf_counter() + budget
    while proc.is_alive() or parent.poll():
        if parent.poll(max(0.0, min(1.0, deadline - time.perf_counter()))):
            result = parent.recv()
        elif time.perf_counter() > deadline:
            proc.kill()
            break
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--store-only", action="store_true", help="skip rdflib (no baseline: for a quick look)")
    parser.add_argument("--rdflib-budget", type=float, default=120.0, help="seconds per question for rdflib")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="sopgraph-bench-"))
    try:
        store_load, report, size = fresh_load(args.graph, folder / "store")
        print(f"store load: {store_load:.1f} s for {report.quads} quads, {report.added} graphs; "
              f"size on disk {size / 2**20:.0f} MiB")
        graph = rdflib.Graph()
        if not args.store_only:
            t0 = time.perf_counter()
            graph.parse(args.graph, format="nt")
            rdflib_load = time.perf_counter() - t0
            print(f"rdflib load: {rdflib_load:.1f} s for {len(graph)} triples (store is {rdflib_load / store_load:.1f}x faster)")

        store = ox.Store.read_only(str(folder / "store"))
        print(f"\n{'question':<24} {'store p50':>10} {'rdflib p50':>11} {'speed-up':>9}  rows (runs store/rdflib)")
        for name in queries.names():
            q = queries.get(name)
            params = PARAMS.get(name, {})
            ours, n_ours, rows = _p50(lambda: query_store(store, q.text, params), args.repeat, 60)
            if args.store_only:
                print(f"{name:<24} {ours * 1000:>8.1f}ms  {rows} rows ({n_ours} runs)")
                continue
            theirs, n_theirs, rows2 = _rdflib_p50(graph, q.text, params, args.repeat, args.rdflib_budget)
            if theirs is None:  # not one run finished within the budget: a lower bound
                print(f"{name:<24} {ours * 1000:>8.1f}ms {'>' + str(int(args.rdflib_budget)) + 's':>11} "
                      f"{'>' + str(int(args.rdflib_budget / ours)) + 'x':>9}  {rows}/- ({n_ours}/0)")
                continue
            print(f"{name:<24} {ours * 1000:>8.1f}ms {theirs * 1000:>9.0f}ms {theirs / ours:>8.0f}x  "
                  f"{rows}/{rows2} ({n_ours}/{n_theirs})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
