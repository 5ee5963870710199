"""Build throughput and peak memory: sopgraph ``build`` vs bare ``nlp.pipe``, same model, same run.

    python -m benchmarks.build_throughput --docs 200 --workers 1 2
    python -m benchmarks.build_throughput --memory 1000 10000

The corpus is made of real-length statements (``examples/`` and ``tests/eval/docs``),
copied under new names until it has ``--docs`` documents. Throughput is documents per
second; the ratio is sopgraph over bare spaCy (target >= 0.8). ``--memory`` runs each
build in a fresh process and reports its peak RSS (``ru_maxrss``).
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


def bare_spacy(files: list[Path]) -> float:
    """Seconds for ``nlp.pipe`` over the texts with the model sopgraph loads (its own components excluded)."""
    from sopgraph.nlp import _load_model  # the model exactly as sopgraph picks it, without our components

    nlp = _load_model(None)
    texts = [f.read_text(encoding="utf-8") for f in files]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - t0


def sopgraph_build(folder: Path, workers: int) -> float:
    """Seconds for ``sopgraph.api.build`` over the folder (the graph included, outputs not written)."""
    from sopgraph.api import build

    t0 = time.perf_counter()
    build([folder], workers=workers)
    return time.perf_counter() - t0


def _peak_rss_child(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(n, Path(tmp) / "corpus")
        from sopgraph.api import build

        build([Path(tmp) / "corpus"])
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--memory", type=int, nargs="*", default=[], help="corpus sizes for the peak-memory runs")
    parser.add_argument("--_child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._child:
        _peak_rss_child(args._child)
        return
    if args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            files = make_corpus(args.docs, Path(tmp) / "corpus")
            base = bare_spacy(files)
            print(f"bare nlp.pipe: {base:.1f} s, {len(files) / base:.1f} docs/s ({len(files)} docs)")
            for w in args.workers:
                took = sopgraph_build(Path(tmp) / "corpus", w)
                print(f"sopgraph build --workers {w}: {took:.1f} s, {len(files) / took:.1f} docs/s, "
                      f"ratio to bare spaCy {base / took:.2f}")
    for n in args.memory:
        out = subprocess.run([sys.executable, "-m", "benchmarks.build_throughput", "--_child", str(n)],
                             capture_output=True, text=True, cwd=ROOT, check=True)
        print(f"peak RSS for {n} statements: {int(out.stdout.split()[-1]) / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
