"""Build throughput and peak memory: sopgraph ``build`` vs bare ``nlp.pipe``, same model, same run.

    python -m benchmarks.build_throughput --docs 200 --workers 1 2
    python -m benchmarks.build_throughput --docs 0 --memory 1000 10000 --memory-workers 2
    python -m benchmarks.build_throughput --docs 0 --load 3

The corpus is made of real-length statements (``examples/`` and ``tests/eval/docs``, about
5,000 characters each), copied under new names until it has ``--docs`` documents.
Throughput is documents per second. Both sides start from the same state — libraries
imported, model not loaded — and both include loading what they run: bare spaCy loads the
model sopgraph loads and runs ``nlp.pipe`` with the model's own pipes; sopgraph loads its
pipeline (that model plus its components) and builds the graph (in worker processes with
``--workers N``, each of which loads the pipeline). The ratio is bare time over sopgraph
time (target >= 0.8, i.e. at most 25% overhead); the time to write graph.ttl, graph.html
and report.json is reported on a line of its own.

``--memory`` runs one full build (outputs written) per corpus size in a fresh process and
reports its peak RSS (``ru_maxrss``, the largest worker's shown separately); the corpus is
the same real-length statements. ``--load N`` times loading the bare model and then the
pipeline in N fresh processes. The wall-time ratio depends on what else the machine is
running (``--workers 2`` most of all); the CPU-time ratio (CPU seconds of bare spaCy over
those of the build, its workers included) hardly does.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT / "tests" / "eval" / "docs"]
SUFFIXES = {".txt", ".md"}


def make_corpus(n: int, folder: Path) -> list[Path]:
    """``n`` statement files in ``folder``, cycling through the real ones."""
    real = sorted(p for src in SOURCES for p in src.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, src in zip(range(n), itertools.cycle(real)):
        dst = folder / f"{i:06d}_{src.name}"
        shutil.copyfile(src, dst)
        out.append(dst)
    return out


def bare_spacy(files: list[Path]) -> tuple[float, float]:
    """Seconds to load the model sopgraph loads (without sopgraph's components) and to
    run ``nlp.pipe`` over the texts with its own pipes.

    The batch size is sopgraph's: on statements en_core_web_sm is about 15% faster with
    batches of 8 than with its default of 256, and the baseline should be bare spaCy at
    its best, not at a handicap.
    """
    from sopgraph.grouping import BATCH_SIZE
    from sopgraph.nlp import _load_model  # the model exactly as sopgraph picks it

    texts = [f.read_text(encoding="utf-8") for f in files]
    t0 = time.perf_counter()
    nlp = _load_model(None)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return loaded - t0, time.perf_counter() - loaded


def sopgraph_build(folder: Path, workers: int, out: Path) -> tuple[float, float, float]:
    """Seconds for ``sopgraph.api.build`` over the folder (pipeline load and graph included),
    seconds to write its outputs, and the CPU seconds of the build (workers included)."""
    from sopgraph import batch
    from sopgraph.api import build, write_outputs

    batch._cached_extractor.cache_clear()  # every build loads its pipeline, as the CLI does
    cpu = cpu_seconds()
    t0 = time.perf_counter()
    result = build([folder], workers=workers)
    built = time.perf_counter()
    cpu = cpu_seconds() - cpu
    write_outputs(result, out)
    return built - t0, time.perf_counter() - built, cpu


def load_times() -> tuple[float, float]:
    """Seconds to load the bare model and then sopgraph's pipeline (that model plus its
    components, gazetteers and topic scheme), in a fresh process with the libraries imported."""
    code = ("import time, rdflib, spacy, srsly\n"
            "from sopgraph.nlp import _load_model, load_pipeline\n"
            "t0 = time.perf_counter(); _load_model(None); t1 = time.perf_counter()\n"
            "load_pipeline(None); print(t1 - t0, time.perf_counter() - t1)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    bare, pipeline = out.stdout.split()[-2:]
    return float(bare), float(pipeline)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (worker pools are joined)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_rss_child(n: int, workers: int) -> None:
    from sopgraph.api import build, write_outputs

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(n, Path(tmp) / "corpus")
        t0 = time.perf_counter()
        result = build([Path(tmp) / "corpus"], workers=workers)
        write_outputs(result, Path(tmp) / "out")
        took = time.perf_counter() - t0
        triples = result.triples  # counted while writing: len(result.graph) would build the graph in memory
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(own, children, triples, f"{took:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--memory", type=int, nargs="*", default=[], help="corpus sizes for the peak-memory runs")
    parser.add_argument("--memory-workers", type=int, default=1, help="--workers of the peak-memory builds")
    parser.add_argument("--load", type=int, default=0, metavar="N",
                        help="also time loading the bare model and the pipeline, N times in fresh processes")
    parser.add_argument("--_child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._child:
        _peak_rss_child(args._child, args.memory_workers)
        return
    if args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            files = make_corpus(args.docs, Path(tmp) / "corpus")
            cpu = cpu_seconds()
            load, pipe = bare_spacy(files)
            base, base_cpu = load + pipe, cpu_seconds() - cpu
            print(f"bare nlp.pipe: {base:.1f} s ({load:.1f} s load), {len(files) / base:.2f} docs/s "
                  f"({len(files)} docs, {len(files) / pipe:.2f} docs/s without the load); CPU {base_cpu:.1f} s")
            for w in args.workers:
                took, write, used = sopgraph_build(Path(tmp) / "corpus", w, Path(tmp) / f"out-{w}")
                # CPU time, unlike wall time, hardly depends on what else the machine runs:
                # its ratio shows the overhead even on a busy machine.
                print(f"sopgraph build --workers {w}: {took:.1f} s, {len(files) / took:.2f} docs/s, "
                      f"ratio to bare spaCy {base / took:.2f}; writing outputs {write:.1f} s more "
                      f"(ratio {base / (took + write):.2f} with it); CPU {used:.1f} s, CPU ratio {base_cpu / used:.2f}")
    if args.load:
        times = [load_times() for _ in range(args.load)]
        print("load in a fresh process (libraries imported): bare model "
              + ", ".join(f"{b:.2f}" for b, _ in times) + " s; sopgraph pipeline "
              + ", ".join(f"{p:.2f}" for _, p in times) + " s")
    for n in args.memory:
        out = subprocess.run([sys.executable, "-m", "benchmarks.build_throughput", "--_child", str(n),
                              "--memory-workers", str(args.memory_workers)],
                             capture_output=True, text=True, cwd=ROOT, check=True)
        own, children, triples, took = out.stdout.split()[-4:]
        print(f"peak RSS for {n} statements (--workers {args.memory_workers}): {int(own) / 1024:.0f} MiB"
              + (f", largest worker {int(children) / 1024:.0f} MiB" if args.memory_workers > 1 else "")
              + f"; {int(triples):,} triples, {took} s")


if __name__ == "__main__":
    main()
